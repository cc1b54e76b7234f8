"""The one way Ascolto opens TLS: the system's certificate store, plus a certificate an administrator added."""

from __future__ import annotations

import ssl


def context(extra_ca_pem: str = "") -> ssl.SSLContext:
    """Host name checked, certificate verified, TLS 1.2 at least; `extra_ca_pem` for a centre's own server."""
    ctx = ssl.create_default_context()
    ctx.minimum_version = ssl.TLSVersion.TLSv1_2
    if extra_ca_pem.strip():
        ctx.load_verify_locations(cadata=extra_ca_pem)
    return ctx
