"""The erasure ledger: erasures, consent withdrawals and revocations that no restore may roll back.

Each such action also writes one line to `erasures.jsonl` beside the database, and the same line into
the database's own mirror (table `erasure_ledger`). A restore replaces the database, not this file: the
lines of both (the file, and the mirror of the database being replaced) are applied again to the
restored database before anyone sees it (app/services/reapply.py).

A line holds the kind of action, the case id, a keyed tag of the case (its id, record key and creation
time, so a case id given to another woman after a restore is not mistaken for hers), the date and, for
a withdrawal, the consent scope; a revocation holds a keyed tag of the account. Never a name, a code a
person could read, or anything that was erased.

Every line carries an HMAC under a secret kept inside the encrypted database (created once, the same in
every later backup, carried into a restored backup that predates it). A line whose tag does not check is
not applied and is counted aloud; a line with a valid tag can only erase the very case it names, so a
forged or replayed line causes at most an erasure of what was already erased. Deleting the file loses
nothing the current database mirrors: the next erasure or restore writes it again from the mirror.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.crypto import macs
from app.fs import NotARegularFile, append_line, atomic_write_bytes, read_regular
from app.i18n import QT_TRANSLATE_NOOP
from app.models.accounts import Operator
from app.models.base import utcnow
from app.models.cases import Case
from app.models.ledger import LedgerLine
from app.services import settings
from app.services.errors import UserError
from app.services.workspace import Workspace

LEDGER_FILE = "erasures.jsonl"
FORMAT_VERSION = 1
MAX_LEDGER_BYTES = 64_000_000  # ~300,000 lines; a larger file is read up to here and the rest reported

ERASURE = "erasure"  # on her request
RETENTION = "retention"  # identity erased by the retention policy
DELETION = "deletion"  # whole case deleted by the retention policy
WITHDRAWAL = "withdrawal"  # a consent withdrawn (scope, partner)
REVOCATION = "revocation"  # an account revoked
CASE_KINDS = frozenset({ERASURE, RETENTION, DELETION, WITHDRAWAL})
NOT_REGULAR = QT_TRANSLATE_NOOP(
    "Errors",
    "{path} is not a regular file (it is a link, a device or a second name of another file): Ascolto does not "
    "read or write its append-only logs through it. Ask your technician to put the real file in its place. "
    "Nothing was changed.",
)


def not_regular(path: Path) -> UserError:
    """The one clear refusal for a log that is a link or not a file of its own."""
    return UserError(NOT_REGULAR, path=str(path))


@dataclass(frozen=True)
class Entry:
    """One checked line: what to apply again."""

    line: str
    kind: str
    on: date
    case_id: int = 0
    tag: str = ""
    scope: str = ""
    partner: str = ""
    key: bytes = b""  # the ledger key its tag checked under


def ledger_path(ws: Workspace) -> Path:
    return ws.folder / LEDGER_FILE


def ledger_key(session: Session) -> bytes:
    """The database's ledger secret, created on first use (inside the caller's unit of work)."""
    secret = settings.find(session, settings.ERASURE_LEDGER_KEY)
    if secret is None:
        secret = macs.new_secret()
        settings.put(session, settings.ERASURE_LEDGER_KEY, secret)
        session.flush()
    return macs.secret_key(secret)


def case_tag(key: bytes, case: Case) -> str:
    created = case.created_at.isoformat() if case.created_at else ""
    return macs.short_tag(key, f"case\x00{case.id}\x00{case.record_key}\x00{created}".encode())


def account_tag(key: bytes, username: str, created_at: datetime | None) -> str:
    created = created_at.replace(microsecond=0).isoformat() if created_at else ""
    return macs.short_tag(key, f"account\x00{username}\x00{created}".encode())


def _body(entry: dict[str, Any]) -> bytes:
    return json.dumps(entry, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode()


def _line(key: bytes, entry: dict[str, Any]) -> str:
    return json.dumps({**entry, "mac": macs.tag(key, _body(entry))}, sort_keys=True, separators=(",", ":"))


# --- writing ---------------------------------------------------------------------------------------------
def note_case(
    ws: Workspace,
    session: Session,
    kind: str,
    case: Case,
    on: date,
    scope: str = "",
    partner: str = "",
    *,
    file_after_commit: bool = False,
) -> str:
    """Inside the unit of work that erases, deletes or records a withdrawal: one line, file and mirror.

    With `file_after_commit` only the mirror is written now and the caller appends the returned line to
    the file once the unit of work has committed (`append_committed`): for a change that must not happen
    if it does not commit (a case that leaves for another PC: a line in the file alone would delete her at
    the next login, with no bundle carrying her anywhere). The mirror carries the line into every later
    restore, so a file that missed it loses nothing."""
    assert kind in CASE_KINDS
    key = ledger_key(session)
    entry: dict[str, Any] = {
        "v": FORMAT_VERSION,
        "kind": kind,
        "case": case.id,
        "tag": case_tag(key, case),
        "on": on.isoformat(),
        "at": utcnow().isoformat(),
    }
    if scope:
        entry["scope"] = scope
    if partner:
        entry["partner"] = partner
    line = _line(key, entry)
    if file_after_commit:
        session.add(LedgerLine(line=line))
        session.flush()
    else:
        _add(ws, session, line)
    return line


def append_committed(ws: Workspace, line: str) -> None:
    """The file's copy of a line whose unit of work committed with the mirror's (see `note_case`)."""
    path = ledger_path(ws)
    if os.path.lexists(path):
        try:
            append_line(path, line.encode())
        except NotARegularFile as exc:
            raise not_regular(path) from exc
    else:
        with ws.transaction(write=False) as session:
            write_file(ws, session)


def note_revocation(ws: Workspace, session: Session, operator: Operator, on: date) -> None:
    key = ledger_key(session)
    entry = {
        "v": FORMAT_VERSION,
        "kind": REVOCATION,
        "account": account_tag(key, operator.username, operator.created_at),
        "on": on.isoformat(),
        "at": utcnow().isoformat(),
    }
    _add(ws, session, _line(key, entry))


def _add(ws: Workspace, session: Session, line: str) -> None:
    """Mirror first, then the file; if the file is gone, it is written again whole from the mirror. An
    OSError here fails the caller's unit of work: no erasure is committed without its line."""
    session.add(LedgerLine(line=line))
    session.flush()
    path = ledger_path(ws)
    if os.path.lexists(path):  # a dangling link is refused, not replaced
        try:
            append_line(path, line.encode())
        except NotARegularFile as exc:
            raise not_regular(path) from exc
    else:
        write_file(ws, session)


def write_file(ws: Workspace, session: Session, extra: Iterable[str] = ()) -> None:
    """The file, whole, from the mirror (plus lines the mirror cannot hold, e.g. unchecked ones)."""
    lines = list(dict.fromkeys([*session.scalars(select(LedgerLine.line).order_by(LedgerLine.id)), *extra]))
    atomic_write_bytes(ledger_path(ws), "".join(f"{line}\n" for line in lines).encode())


# --- reading -----------------------------------------------------------------------------------------------
def file_lines(path: Path) -> list[str]:
    """The file's lines as written (missing file: none). Reading never trusts them: see `checked`."""
    try:
        raw = read_regular(path, MAX_LEDGER_BYTES)
    except FileNotFoundError:
        return []
    except NotARegularFile as exc:
        raise not_regular(path) from exc
    return [line for line in raw.decode("utf-8", errors="replace").splitlines() if line.strip()]


def checked(lines: Iterable[str], keys: list[bytes]) -> tuple[list[Entry], int]:
    """The lines whose tag checks under one of `keys`, parsed, and how many did not check."""
    entries: list[Entry] = []
    bad = 0
    for line in dict.fromkeys(lines):
        entry = _parse(line, keys)
        if entry is None:
            bad += 1
        else:
            entries.append(entry)
    return entries, bad


def _parse(line: str, keys: list[bytes]) -> Entry | None:
    try:
        data = json.loads(line)
    except ValueError:
        return None
    if not isinstance(data, dict):
        return None
    mac = data.pop("mac", None)
    key = next((k for k in keys if macs.matches(k, _body(data), mac)), None)
    if key is None or data.get("v") != FORMAT_VERSION:
        return None
    try:
        on = date.fromisoformat(str(data["on"]))
        kind = str(data["kind"])
        if kind == REVOCATION:
            return Entry(line, kind, on, tag=str(data["account"]), key=key)
        if kind not in CASE_KINDS:
            return None
        case_id = data["case"]
        if type(case_id) is not int:
            return None
        return Entry(
            line,
            kind,
            on,
            case_id=case_id,
            tag=str(data["tag"]),
            scope=str(data.get("scope", "")),
            partner=str(data.get("partner", "")),
            key=key,
        )
    except (KeyError, ValueError, TypeError):
        return None


def revoked_tags(entries: Iterable[Entry]) -> Iterator[tuple[str, bytes, date]]:
    for entry in entries:
        if entry.kind == REVOCATION:
            yield entry.tag, entry.key, entry.on
