"""The e-mail Ascolto writes and the e-mail it reads: composing, PEC receipts, attachments.

A message names only the centre's code, the period and the kind of file (the caller's `subject` and
`body`); what matters travels as attachments that are protected already (signed aggregates, or bundles
encrypted to their recipient).

PEC (posta elettronica certificata, DPR 68/2005 and its technical rules): the provider answers each
message with receipts carrying `X-Ricevuta` (accettazione, avvenuta-consegna, non-accettazione,
errore-consegna, ...) and `X-Riferimento-Message-ID`, the Message-ID of the message they concern; a
message received through PEC arrives wrapped, the original attached as `postacert.eml`, which `walk()`
descends into.
"""

from __future__ import annotations

import mimetypes
from collections.abc import Sequence
from dataclasses import dataclass
from email import policy
from email.message import EmailMessage, Message
from email.parser import BytesParser
from email.utils import formatdate

DELIVERED = frozenset({"avvenuta-consegna"})
ACCEPTED = frozenset({"accettazione", "presa-in-carico"})
FAILED = frozenset({"non-accettazione", "errore-consegna", "preavviso-errore-consegna", "rilevazione-virus"})
MAX_PARTS = 64


@dataclass(frozen=True)
class Receipt:
    kind: str  # the value of X-Ricevuta
    refers_to: str  # the Message-ID it concerns, with angle brackets


@dataclass(frozen=True)
class Incoming:
    message_id: str
    receipt: Receipt | None
    attachments: list[tuple[str, bytes]]


def compose(
    *,
    sender: str,
    recipients: Sequence[str],
    subject: str,
    body: str,
    message_id: str,
    attachments: Sequence[tuple[str, bytes]],
) -> EmailMessage:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = ", ".join(recipients)
    message["Subject"] = subject
    message["Message-ID"] = message_id
    message["Date"] = formatdate(localtime=False, usegmt=True)
    message.set_content(body)
    for name, data in attachments:
        kind = mimetypes.guess_type(name)[0] or "application/octet-stream"
        main, sub = kind.split("/", 1)
        message.add_attachment(data, maintype=main, subtype=sub, filename=name)
    return message


def read(data: bytes) -> Incoming:
    """Headers and attachments of a message, PEC envelopes opened; bounded to MAX_PARTS parts."""
    parsed = BytesParser(policy=policy.compat32).parsebytes(data)  # compat32: no header objects, 3x faster
    kind = str(parsed.get("X-Ricevuta", "")).strip().lower()
    refers = str(parsed.get("X-Riferimento-Message-ID", "")).strip()
    receipt = Receipt(kind, refers) if kind and refers else None
    return Incoming(str(parsed.get("Message-ID", "")).strip(), receipt, _attachments(parsed))


def _attachments(parsed: Message, depth: int = 0) -> list[tuple[str, bytes]]:
    found: list[tuple[str, bytes]] = []
    for count, part in enumerate(parsed.walk()):
        if count > MAX_PARTS:
            break
        if part.is_multipart():
            continue  # walk() goes into it (a message/rfc822 sent as such is one)
        payload = part.get_payload(decode=True)
        if not isinstance(payload, bytes):
            continue
        if part.get_content_type() == "message/rfc822" and depth < 2:  # an envelope encoded in base64
            found += _attachments(BytesParser(policy=policy.compat32).parsebytes(payload), depth + 1)
            continue
        name = part.get_filename()
        if name:
            found.append((_plain_name(name), payload))
    return found[:MAX_PARTS]


def _plain_name(name: str) -> str:
    """A file name with no folder in it: an attachment never chooses where it lands."""
    return name.replace("\\", "/").rsplit("/", 1)[-1].strip() or "attachment"
