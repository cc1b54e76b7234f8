"""Chain heads kept outside the audit table, so that a shortened or rewritten trail is noticed.

Whoever holds the data key can delete the newest events, or drop the triggers and write a new chain with
correct hashes: the table alone cannot show it. A *head* (sequence number and hash of the last event,
app.services.audit.Head) written somewhere else can. Heads are kept in:

* `audit-head.json` beside the database, rewritten after each login and each lock (and by `verify`). It
  keeps the current head and every earlier head the chain no longer contains, so a login after a
  truncation does not overwrite the evidence;
* every backup manifest (app.storage.backup) and every signed package (app.reports.package): copies
  that usually live on another disk or another PC;
* a network coordinator's database, per centre, for the packages she received (`note_received`).

The head file is in the data folder, so whoever can rewrite the database can rewrite it too: it catches a
careless edit, not a careful one. The copies elsewhere are what a careful rewrite cannot reach.

The database also records the last head it wrote to the file (`settings.AUDIT_HEAD_WRITTEN`): a database put back
from an older copy with the head file deleted or put back too is then seen at unlock (app.services.rollback).
Heads in backup manifests without an authentication tag could have been written by anyone: they are notes.
"""

from __future__ import annotations

import contextlib
import json
import logging
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from app.fs import atomic_write_bytes
from app.i18n import QT_TRANSLATE_NOOP
from app.models.accounts import Centre
from app.services import audit, settings
from app.services.audit import Head, SeenHead
from app.services.errors import UserError
from app.storage.backup import MANIFEST_MEMBER, MAX_MANIFEST_BYTES, SUFFIX, BackupError, Manifest

HEAD_FILE = "audit-head.json"
FORMAT = "ascolto-audit-head"
MAX_KEPT = 20  # earlier heads the chain no longer contains, newest first
MAX_FILE_BYTES = 100_000

logger = logging.getLogger(__name__)


def _database_id(session: Session) -> str:
    centre = session.get(Centre, 1)
    return centre.database_id if centre is not None else ""


# --- the head file beside the database ------------------------------------------------------------------
def file_heads(folder: Path, database_id: str) -> list[Head]:
    """The heads in the folder's head file; nothing if it is missing, foreign or malformed."""
    try:
        raw = (folder / HEAD_FILE).read_bytes()[: MAX_FILE_BYTES + 1]
        data = json.loads(raw) if len(raw) <= MAX_FILE_BYTES else None
    except (OSError, ValueError):
        return []
    if not isinstance(data, dict) or data.get("format") != FORMAT or data.get("database_id") != database_id:
        return []
    heads = data.get("heads")
    if not isinstance(heads, list):
        return []
    return [h for h in (Head.from_json(item) for item in heads[: MAX_KEPT + 1]) if h is not None]


def write_head_file(folder: Path, session: Session) -> None:
    """Record the current head; keep the earlier heads the chain does not contain (evidence). The session
    must be able to write: the database records the head it wrote."""
    database_id = _database_id(session)
    current = audit.chain_head(session)
    earlier = [h for h in file_heads(folder, database_id) if h != current]
    kept = [h for h in earlier if _not_contained(session, h)][:MAX_KEPT]
    document = {
        "format": FORMAT,
        "database_id": database_id,
        "heads": [h.as_json() for h in [current, *kept]],
    }
    atomic_write_bytes(folder / HEAD_FILE, json.dumps(document, indent=1).encode())
    # after the file: a failed commit leaves the record older, never newer
    settings.put(session, settings.AUDIT_HEAD_WRITTEN, current.as_json())


def _not_contained(session: Session, head: Head) -> bool:
    problems, notes = audit.head_findings(session, [SeenHead(head, "")])
    return bool(problems or notes)


def try_write_head_file(folder: Path, session: Session) -> None:
    """The head file is a safeguard: failing to write it never stops a login or a lock."""
    try:
        write_head_file(folder, session)
    except Exception as exc:
        logger.warning("The audit head file could not be written (%s).", type(exc).__name__)


# --- backups -------------------------------------------------------------------------------------------------
def backup_head(path: Path, database_id: str) -> tuple[Head, bool] | None:
    """The head in a backup's manifest (read without the key), if the backup is of this database, and
    whether the manifest carries an authentication tag."""
    try:
        with zipfile.ZipFile(path) as archive:
            if archive.getinfo(MANIFEST_MEMBER).file_size > MAX_MANIFEST_BYTES:
                return None
            manifest = Manifest.from_json(archive.read(MANIFEST_MEMBER))
    except (OSError, KeyError, zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, BackupError):
        return None
    if manifest.database_id != database_id:
        return None
    head = Head.from_json(manifest.audit_head)
    return (head, manifest.authenticated) if head is not None else None


def backup_heads(folder: Path, database_id: str, newest: int) -> list[SeenHead]:
    """The heads of the `newest` backups in the folder's backups/ whose manifest is authenticated."""
    directory = folder / "backups"
    if not directory.is_dir():
        return []
    paths = sorted(directory.glob(f"*{SUFFIX}"), key=lambda p: p.stat().st_mtime, reverse=True)[:newest]
    seen = []
    for path in paths:
        found = backup_head(path, database_id)
        if found is not None and found[1]:
            seen.append(SeenHead(found[0], f"the backup {path.name}"))
    return seen


def seen_heads(
    folder: Path, backups: Iterable[Path], session: Session
) -> tuple[list[SeenHead], list[SeenHead]]:
    """Every head `verify` can see: the head file, the backups in the folder's backups/ and `backups`;
    as (heads to trust, heads of untagged manifests, which anyone could have written)."""
    database_id = _database_id(session)
    seen = [SeenHead(h, HEAD_FILE) for h in file_heads(folder, database_id)]
    untagged: list[SeenHead] = []
    paths = sorted((folder / "backups").glob(f"*{SUFFIX}")) if (folder / "backups").is_dir() else []
    for path in dict.fromkeys([*paths, *backups]):
        found = backup_head(path, database_id)
        if found is not None:
            (seen if found[1] else untagged).append(SeenHead(found[0], f"the backup {path.name}"))
    return seen, untagged


# --- a coordinator's view of the centres' heads ---------------------------------------------------------------
@dataclass(frozen=True)
class ReceivedHead:
    head: Head
    generated_at: str  # the package's, so a release served again (an older package) is not a step back


def note_received(
    session: Session, source: str, centre: str, head: Any, generated_at: str
) -> UserError | None:
    """Keep the newest head received from one centre; a warning (not raised) when its chain went backwards:
    fewer events than an earlier package, or the same number with another hash.

    `source` tells the centre apart (its first signing key the network knows, through the changes it
    followed), not its name: two centres may share a name, and one centre may rename itself; `centre`
    is the name said in the warning."""
    received = Head.from_json(head)
    if received is None:
        return None
    setting = settings.NETWORK_AUDIT_HEAD.of(source)
    data = settings.find(session, setting)
    known: ReceivedHead | None = None
    if data is not None:
        with contextlib.suppress(ValueError, TypeError, AttributeError):
            stored = Head.from_json(data.get("head"))
            if stored is not None and isinstance(data.get("generated_at"), str):
                known = ReceivedHead(stored, data["generated_at"])
    warning: UserError | None = None
    if known is not None and generated_at >= known.generated_at:
        if received.events < known.head.events:
            warning = UserError(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "The audit trail of {centre} went backwards: {events} events in this package, {earlier} "
                    "in an earlier one. Ask the centre why (a restore, or someone removed events).",
                ),
                centre=centre,
                events=received.events,
                earlier=known.head.events,
            )
        elif received.events == known.head.events and received.hash != known.head.hash:
            warning = UserError(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "The audit trail of {centre} differs from the one in an earlier package with as many "
                    "events. Ask the centre why (a restore, or someone rewrote events).",
                ),
                centre=centre,
            )
    if known is None or (generated_at >= known.generated_at and received.events >= known.head.events):
        settings.put(session, setting, {"head": received.as_json(), "generated_at": generated_at})
    return warning
