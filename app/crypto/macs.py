"""Keyed integrity tags for files kept beside the database: the backup manifest and the erasure ledger.

Also the sealed part of a backup manifest (AES-256-GCM under a key derived like the tag's): what a restore
does not need before the key, such as the row counts, is not left readable on a lost USB stick.

A backup's manifest is tagged under a key derived (HKDF-SHA256) from the data key the backup is
encrypted with, so only someone who can open the backup can write a manifest it accepts. The erasure
ledger is tagged under a random secret kept inside the encrypted database (it must outlive key
rotations and be the same in every backup, so it is not derived from the data key).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import secrets

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from app.crypto.keyslots import DataKey

TAG_HEX = 64


def derive_key(data_key: DataKey, purpose: str, context: str) -> bytes:
    """A 256-bit key for one purpose (e.g. "backup manifest"), bound to `context` (the database id)."""
    return HKDF(
        algorithm=hashes.SHA256(),
        length=32,
        salt=None,
        info=f"ascolto {purpose} v1\x00{context}".encode(),
    ).derive(data_key.raw())


def new_secret() -> str:
    """A random 256-bit secret, hex, to be kept inside the encrypted database."""
    return secrets.token_hex(32)


def secret_key(secret_hex: str) -> bytes:
    return bytes.fromhex(secret_hex)


def tag(key: bytes, message: bytes) -> str:
    return hmac.new(key, message, hashlib.sha256).hexdigest()


def short_tag(key: bytes, message: bytes) -> str:
    """128 bits: enough to tell records apart without naming them."""
    return tag(key, message)[:32]


def matches(key: bytes, message: bytes, expected: object) -> bool:
    """Constant-time comparison; anything that is not a hex string of the right length is no match."""
    if not isinstance(expected, str) or len(expected) != TAG_HEX:
        return False
    return hmac.compare_digest(tag(key, message), expected)


def matches_short(computed: str, expected: object) -> bool:
    """Constant-time comparison of two short tags."""
    if not isinstance(expected, str) or len(expected) != len(computed):
        return False
    return hmac.compare_digest(computed, expected)


def seal(key: bytes, plaintext: bytes, aad: bytes) -> str:
    """AES-256-GCM with a random nonce; base64 of nonce and ciphertext."""
    nonce = secrets.token_bytes(12)
    return base64.b64encode(nonce + AESGCM(key).encrypt(nonce, plaintext, aad)).decode("ascii")


def unseal(key: bytes, sealed: object, aad: bytes) -> bytes | None:
    """The plaintext, or None if `sealed` is malformed or was not sealed under `key` with `aad`."""
    if not isinstance(sealed, str):
        return None
    try:
        raw = base64.b64decode(sealed, validate=True)
        return AESGCM(key).decrypt(raw[:12], raw[12:], aad) if len(raw) > 28 else None
    except (InvalidTag, ValueError, binascii.Error):
        return None
