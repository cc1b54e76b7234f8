"""Reading a mailbox over IMAP with TLS, read-only: nothing is deleted or flagged on the server."""

from __future__ import annotations

import contextlib
import imaplib
import re
import ssl
from collections.abc import Iterator
from dataclasses import dataclass

from app.delivery import tls
from app.delivery.errors import DeliveryError, Failure

_SIZE = re.compile(rb"RFC822\.SIZE (\d+)")


@dataclass(frozen=True)
class ImapMailbox:
    host: str
    port: int
    username: str
    password: str
    folder: str = "INBOX"
    ca_pem: str = ""
    timeout: float = 30.0


@dataclass(frozen=True)
class Fetched:
    uid: int
    data: bytes | None  # None: larger than the bound, never downloaded
    size: int


@dataclass(frozen=True)
class Mail:
    uid_validity: int
    messages: list[Fetched]


def fetch(box: ImapMailbox, *, after_uid: int, uid_validity: int, max_bytes: int, limit: int) -> Mail:
    """Messages with a UID above `after_uid` (all of them if the mailbox's UIDVALIDITY changed).

    Each message's size is asked first: one over `max_bytes` is reported, not downloaded.
    """
    context = tls.context(box.ca_pem)
    try:
        client = imaplib.IMAP4_SSL(box.host, box.port, ssl_context=context, timeout=box.timeout)
    except ssl.SSLCertVerificationError as exc:
        raise DeliveryError(Failure.CERTIFICATE, exc.verify_message or "") from exc
    except OSError as exc:
        raise DeliveryError(Failure.UNREACHABLE, type(exc).__name__) from exc
    try:
        try:
            client.login(box.username, box.password)
        except imaplib.IMAP4.error as exc:
            raise DeliveryError(Failure.LOGIN) from exc
        status, _ = client.select(_quoted(box.folder), readonly=True)
        if status != "OK":
            raise DeliveryError(Failure.MAILBOX, box.folder, retry=False)
        validity = _uid_validity(client)
        start = after_uid + 1 if validity == uid_validity else 1
        return Mail(validity, list(_messages(client, start, max_bytes, limit)))
    except (OSError, imaplib.IMAP4.abort) as exc:
        raise DeliveryError(Failure.DROPPED, type(exc).__name__) from exc
    except imaplib.IMAP4.error as exc:
        raise DeliveryError(Failure.MAILBOX, str(exc)) from exc
    finally:
        with contextlib.suppress(OSError, imaplib.IMAP4.error):
            client.logout()


def _quoted(folder: str) -> str:
    return '"' + folder.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _uid_validity(client: imaplib.IMAP4) -> int:
    _, data = client.response("UIDVALIDITY")
    return int(data[0]) if data and data[0] else 0


def _messages(client: imaplib.IMAP4, start: int, max_bytes: int, limit: int) -> Iterator[Fetched]:
    status, found = client.uid("SEARCH", f"UID {start}:*")
    if status != "OK" or not found or not found[0]:
        return
    # "n:*" always matches the last message, even below n: keep only what is really new
    uids = sorted(u for u in (int(x) for x in found[0].split()) if u >= start)[:limit]
    for uid in uids:
        _, sized = client.uid("FETCH", str(uid), "(RFC822.SIZE)")
        match = _SIZE.search(b" ".join(p if isinstance(p, bytes) else p[0] for p in sized if p))
        size = int(match.group(1)) if match else 0
        if size > max_bytes:
            yield Fetched(uid, None, size)
            continue
        _, parts = client.uid("FETCH", str(uid), "(BODY.PEEK[])")
        body = next((p[1] for p in parts if isinstance(p, tuple)), b"")
        yield Fetched(uid, bytes(body)[:max_bytes], size)
