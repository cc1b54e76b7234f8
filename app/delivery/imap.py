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
_UID = re.compile(rb"UID (\d+)")
BATCH = 50  # messages per FETCH: one round trip for many
BATCH_BYTES = 16_000_000  # and a bounded reply


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
    for chunk in (uids[i : i + BATCH] for i in range(0, len(uids), BATCH)):
        sizes = _sizes(client, chunk)
        small = [uid for uid in chunk if sizes.get(uid, 0) <= max_bytes]
        bodies: dict[int, bytes] = {}
        for group in _by_volume(small, sizes):
            bodies.update(_bodies(client, group))
        for uid in chunk:
            if uid in bodies:
                yield Fetched(uid, bodies[uid][:max_bytes], sizes.get(uid, 0))
            else:  # over the bound (never downloaded) or gone meanwhile
                yield Fetched(uid, None, sizes.get(uid, 0))


def _by_volume(uids: list[int], sizes: dict[int, int]) -> Iterator[list[int]]:
    """Groups of messages whose bodies add up to at most BATCH_BYTES (one message alone may exceed it)."""
    group: list[int] = []
    volume = 0
    for uid in uids:
        if group and volume + sizes.get(uid, 0) > BATCH_BYTES:
            yield group
            group, volume = [], 0
        group.append(uid)
        volume += sizes.get(uid, 0)
    if group:
        yield group


def _uid_set(uids: list[int]) -> str:
    return ",".join(str(u) for u in uids)


def _sizes(client: imaplib.IMAP4, uids: list[int]) -> dict[int, int]:
    _, parts = client.uid("FETCH", _uid_set(uids), "(UID RFC822.SIZE)")
    sizes = {}
    for part in parts:
        line = part[0] if isinstance(part, tuple) else part
        uid, size = _UID.search(line or b""), _SIZE.search(line or b"")
        if uid and size:
            sizes[int(uid.group(1))] = int(size.group(1))
    return sizes


def _bodies(client: imaplib.IMAP4, uids: list[int]) -> dict[int, bytes]:
    _, parts = client.uid("FETCH", _uid_set(uids), "(UID BODY.PEEK[])")
    bodies = {}
    for part in parts:
        if isinstance(part, tuple):
            uid = _UID.search(part[0])
            if uid:
                bodies[int(uid.group(1))] = bytes(part[1])
    return bodies
