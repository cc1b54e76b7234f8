"""Ed25519 signatures for aggregate packages; the only code that handles the centre's signing key.

The private key travels as 32 raw bytes so the caller can keep it inside the encrypted database and
nowhere else: no PEM files, no key stores on disk. A signature proves that a package was not altered and
which key made it; whether that key belongs to a given centre is decided by people comparing
`fingerprint()` over a channel they trust (phone, paper), which is why the fingerprint is short and
grouped for reading aloud.
"""

from __future__ import annotations

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

PRIVATE_KEY_BYTES = 32
PUBLIC_KEY_BYTES = 32
SIGNATURE_BYTES = 64
FINGERPRINT_BYTES = 16  # 128 bits: plenty against accidental and brute-forced look-alikes


def generate_signing_key() -> bytes:
    """A fresh private key as 32 raw bytes, to be stored by the caller inside the encrypted database."""
    key = Ed25519PrivateKey.generate()
    return key.private_bytes(
        encoding=serialization.Encoding.Raw,
        format=serialization.PrivateFormat.Raw,
        encryption_algorithm=serialization.NoEncryption(),
    )


def _private_key(private: bytes) -> Ed25519PrivateKey:
    if not isinstance(private, bytes | bytearray) or len(private) != PRIVATE_KEY_BYTES:
        raise ValueError("an Ed25519 private key is 32 raw bytes")
    return Ed25519PrivateKey.from_private_bytes(bytes(private))


def public_key_of(private: bytes) -> bytes:
    """The 32 raw bytes of the public key that goes into every package this key signs."""
    return (
        _private_key(private)
        .public_key()
        .public_bytes(encoding=serialization.Encoding.Raw, format=serialization.PublicFormat.Raw)
    )


def sign(private: bytes, message: bytes) -> bytes:
    """A 64-byte Ed25519 signature of `message` (deterministic: same key and message, same bytes)."""
    return _private_key(private).sign(bytes(message))


def verify(public: bytes, message: bytes, signature: bytes) -> bool:
    """True only for a valid signature; any garbage (wrong lengths, wrong types, bad point) is False.

    Never raises, so that importing an untrusted file cannot crash on a malformed key or signature.
    """
    try:
        if len(public) != PUBLIC_KEY_BYTES or len(signature) != SIGNATURE_BYTES:
            return False
        key = Ed25519PublicKey.from_public_bytes(bytes(public))
        key.verify(bytes(signature), bytes(message))
    except (InvalidSignature, ValueError, TypeError):
        return False
    return True


def fingerprint(public: bytes) -> str:
    """Human-comparable identity of a public key: SHA-256 of the raw key, first 16 bytes, as
    eight groups of four hex digits ("3f9a 01c2 ...")."""
    if not isinstance(public, bytes | bytearray) or len(public) != PUBLIC_KEY_BYTES:
        raise ValueError("an Ed25519 public key is 32 raw bytes")
    digest = hashes.Hash(hashes.SHA256())
    digest.update(bytes(public))
    hexed = digest.finalize()[:FINGERPRINT_BYTES].hex()
    return " ".join(hexed[i : i + 4] for i in range(0, len(hexed), 4))


# --------------------------------------------------------------------------------------------------
# key succession: the old key vouches for the new one

SUCCESSION_CONTEXT = b"ascolto-key-succession-v1\x00"
"""Prefix of the signed bytes of a succession statement, so that no package signature can be replayed
as one (a package's canonical JSON never starts with these bytes)."""


def succession_message(old_public: bytes, new_public: bytes, at: str) -> bytes:
    """The bytes the old key signs to say "from `at` on, `new_public` replaces me"."""
    if len(old_public) != PUBLIC_KEY_BYTES or len(new_public) != PUBLIC_KEY_BYTES:
        raise ValueError("an Ed25519 public key is 32 raw bytes")
    return SUCCESSION_CONTEXT + bytes(old_public) + bytes(new_public) + at.encode("ascii")


def sign_succession(old_private: bytes, new_public: bytes, at: str) -> bytes:
    """The old key's signature over its replacement by `new_public` at the UTC stamp `at`."""
    return sign(old_private, succession_message(public_key_of(old_private), new_public, at))


def verify_succession(old_public: bytes, new_public: bytes, at: str, signature: bytes) -> bool:
    """True only if `old_public` signed its replacement by `new_public` at `at`; never raises."""
    try:
        message = succession_message(old_public, new_public, at)
    except (ValueError, TypeError, UnicodeEncodeError):
        return False
    return verify(old_public, message, signature)
