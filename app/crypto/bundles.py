"""Keys and envelopes of the bundles between a centre's installations; the only code handling them.

Each installation has an age X25519 identity (bundles for it are encrypted to its recipient) and an
Ed25519 signing key (what it sends is signed inside the encryption). Both private halves are returned as
bytes for the caller to keep inside the encrypted database, and nowhere else. The age format is the
standard one (`pyrage` binds the maintained Rust implementation): the holder of a bundle and of the
identity can open it with the `age` tool and read the signed envelope.

Whether a public key belongs to a given installation is decided by people comparing the fingerprint by
phone, as for the network's signing keys: `fingerprint()` covers both public keys, in the same grouped
form as app.crypto.signing.fingerprint.
"""

from __future__ import annotations

import hashlib

import pyrage

from app.crypto import signing

ENVELOPE_CONTEXT = b"ascolto-centre-bundle-v1\x00"
"""Prefix of the signed bytes of an envelope: no package, succession statement or membership answer
signature can be replayed as one."""
MEMBERSHIP_CONTEXT = b"ascolto-centre-membership-v1\x00"
RECIPIENT_PREFIX = "age1"


class NotForThisKey(Exception):
    """Decryption found no stanza for this identity: the bundle was made for another installation."""


class Damaged(Exception):
    """The age file is truncated, altered or not an age file at all."""


def generate_identity() -> bytes:
    """A fresh age X25519 identity ("AGE-SECRET-KEY-1..."), as bytes, for the encrypted database."""
    return str(pyrage.x25519.Identity.generate()).encode("ascii")


def recipient_of(identity: bytes) -> str:
    """The public recipient ("age1...") of an identity made by `generate_identity`."""
    return str(pyrage.x25519.Identity.from_str(identity.decode("ascii")).to_public())


def valid_recipient(text: str) -> bool:
    try:
        pyrage.x25519.Recipient.from_str(text)
    except (pyrage.RecipientError, ValueError, TypeError):
        return False
    return text.startswith(RECIPIENT_PREFIX)


def encrypt(plaintext: bytes, recipient: str) -> bytes:
    """The standard binary age file of `plaintext` for one X25519 recipient."""
    return bytes(pyrage.encrypt(plaintext, [pyrage.x25519.Recipient.from_str(recipient)]))


def decrypt(ciphertext: bytes, identity: bytes) -> bytes:
    """Open an age file with this installation's identity; the caller bounded its size before.

    Age adds and never compresses, so the plaintext is shorter than the file: bounding the file bounds
    what is decrypted into memory.
    """
    key = pyrage.x25519.Identity.from_str(identity.decode("ascii"))
    try:
        return bytes(pyrage.decrypt(ciphertext, [key]))
    except pyrage.DecryptError as exc:
        if "no matching keys" in str(exc).casefold():
            raise NotForThisKey() from exc
        raise Damaged() from exc
    except (ValueError, TypeError) as exc:
        raise Damaged() from exc


def generate_signing_key() -> bytes:
    return signing.generate_signing_key()


def signing_public(private: bytes) -> bytes:
    return signing.public_key_of(private)


def sign_envelope(private: bytes, envelope: bytes) -> bytes:
    return signing.sign(private, ENVELOPE_CONTEXT + envelope)


def verify_envelope(public: bytes, envelope: bytes, signature: bytes) -> bool:
    return signing.verify(public, ENVELOPE_CONTEXT + envelope, signature)


def sign_membership(private: bytes, statement: bytes) -> bytes:
    return signing.sign(private, MEMBERSHIP_CONTEXT + statement)


def verify_membership(public: bytes, statement: bytes, signature: bytes) -> bool:
    return signing.verify(public, MEMBERSHIP_CONTEXT + statement, signature)


def fingerprint(signing_public_key: bytes, recipient: str) -> str:
    """What two people read to each other: SHA-256 over both public keys, 16 bytes in groups of four."""
    if len(signing_public_key) != signing.PUBLIC_KEY_BYTES:
        raise ValueError("an Ed25519 public key is 32 raw bytes")
    digest = hashlib.sha256(b"ascolto-installation\x00" + signing_public_key + recipient.encode("ascii"))
    hexed = digest.digest()[: signing.FINGERPRINT_BYTES].hex()
    return " ".join(hexed[i : i + 4] for i in range(0, len(hexed), 4))


def digest(data: bytes) -> str:
    """SHA-256 hex of a payload or a file: what the envelope and the records name."""
    return hashlib.sha256(data).hexdigest()
