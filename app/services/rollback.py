"""Rollbacks of the data folder seen at unlock, and the notices administrators read after logging in.

Whoever can write the data folder can put back an older `ascolto.db` with its `keyslots.json` (a copy she
kept, or an old backup's): erased women and revoked accounts come back. The database cannot tell by
itself, since it is the part put back; the rest of the folder can, and each is checked at every unlock:

* `audit-head.json`: the database records the last head it wrote there (`settings.AUDIT_HEAD_WRITTEN`). The file
  missing, older than that record, or showing heads the chain does not contain is a finding. So are the
  heads in authenticated backup manifests in `backups/`; heads of untagged manifests (which anyone can
  write) are left to `verify`, as notes.
* `erasures.jsonl`: a line whose tag checks under the database's ledger secret but that the database's
  mirror lacks was written by a newer state of this database.
* `keyslots.json` and the database each record the data key's generation: they must agree.

A finding is audited, kept for every administrator (each is shown it once, at her next login), and the
erasure ledger is applied again (app.services.reapply) before the login returns: if that revokes the
very account logging in, the login is refused. The same list carries the notice a restore onto an empty
folder leaves in the database (`settings.RESTORE_NOTICE`).

What it cannot see: a copy of the *whole* folder put back (all of the files above from one moment) is a
consistent older folder; only heads kept elsewhere (backups on another disk, a network coordinator) show
it, through `verify`. And whoever can open a database can rewrite it, records included.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from string import Formatter
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.crypto import macs
from app.i18n import QT_TRANSLATE_NOOP
from app.models.accounts import Centre, Operator, Role
from app.models.ledger import LedgerLine
from app.services import audit, audit_heads, erasure_ledger, settings
from app.services.audit import Head, SeenHead
from app.services.errors import UserError, WrongCredentials
from app.services.workspace import Workspace
from app.services.workspace.keys import record_generation, rotation_pending

RESTORE_WINDOW = timedelta(minutes=10)
"""A `backups/replaced-*` folder this recent is a restore under way: it checks and re-applies itself."""
MAX_PENDING = 20
MAX_REPORTED = 50
MAX_BACKUPS_READ = 5


@dataclass(frozen=True)
class Finding:
    """One thing the folder shows that the database does not: a sentence and what to audit."""

    kind: str
    message: str
    params: dict[str, str | int]
    head: str = ""  # the hash of the head it concerns, if any


def check_at_unlock(ws: Workspace) -> tuple[UserError, ...]:
    """The one call from the unlock path, after the login is committed and before anyone sees data:
    look for a rollback, act on it, and return what this person is to be told (administrators only).

    Raises WrongCredentials when the ledger, applied again, revokes the account that is logging in."""
    actor = ws.require_actor()
    if not restore_under_way(ws.folder):
        findings = find(ws)
        if findings:
            _act_on(ws, findings)
            with ws.transaction(write=False) as session:
                operator = session.get(Operator, actor.operator_id)
                if operator is None or not operator.active:
                    raise WrongCredentials()
        _start_records(ws)
    return notices_for(ws)


def _start_records(ws: Workspace) -> None:
    """From the first unlock on, the database holds the ledger secret and the key generation, so every
    later copy of it (a backup, a copy kept aside) can check the ledger lines written after it was made."""
    with ws.transaction(write=False) as session:
        complete = all(
            settings.is_set(session, s) for s in (settings.ERASURE_LEDGER_KEY, settings.KEY_GENERATION)
        )
    if complete:
        return
    with ws.transaction() as session:
        erasure_ledger.ledger_key(session)
        if not settings.is_set(session, settings.KEY_GENERATION):
            record_generation(session, ws.data_key.generation)


def restore_under_way(folder: Path, now: datetime | None = None) -> bool:
    """A restore moved the previous database aside moments ago (app.storage.backup names the folder
    `replaced-<UTC stamp>`): the restore re-applies the ledger itself and records itself, which explains
    the older chain at the next unlock."""
    moment = now or datetime.now(UTC)
    backups = folder / "backups"
    if not backups.is_dir():
        return False
    for path in backups.glob("replaced-*"):
        try:
            stamp = datetime.strptime(path.name[len("replaced-") :], "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
        except ValueError:
            continue
        if timedelta(minutes=-1) <= moment - stamp <= RESTORE_WINDOW:
            return True
    return False


# --- finding ----------------------------------------------------------------------------------------------
def find(ws: Workspace) -> list[Finding]:
    """Everything the folder shows that the database does not (nothing is changed)."""
    with ws.transaction(write=False) as session:
        centre = session.get(Centre, 1)
        database_id = centre.database_id if centre is not None else ""
        findings = _head_findings(ws.folder, session, database_id)
        findings += _ledger_findings(ws, session)
        findings += _generation_findings(ws, session)
    return findings


def _recorded_head(session: Session) -> Head | None:
    try:
        return Head.from_json(settings.find(session, settings.AUDIT_HEAD_WRITTEN))
    except ValueError:
        return None


def _reported(session: Session) -> list[str]:
    value = settings.get(session, settings.ROLLBACK_REPORTED)
    return [str(h) for h in value] if isinstance(value, list) else []


def _shows_use(folder: Path) -> bool:
    """Files only a folder in use has (written by erasures, revocations, releases, restores)."""
    return (folder / erasure_ledger.LEDGER_FILE).exists() or (folder / "releases" / "log.jsonl").exists()


def _head_findings(folder: Path, session: Session, database_id: str) -> list[Finding]:
    recorded = _recorded_head(session)
    heads = audit_heads.file_heads(folder, database_id)
    when = recorded.at.replace("T", " ")[:16] if recorded is not None else ""
    if not heads:
        if recorded is None and not _shows_use(folder):
            return []  # a folder that never wrote one (set up moments ago, or before head files existed)
        if not (folder / audit_heads.HEAD_FILE).exists():
            return [
                Finding(
                    "head_file_missing",
                    QT_TRANSLATE_NOOP(
                        "Errors",
                        "audit-head.json is missing from the data folder (the database last wrote it on "
                        "{when}): the database and its key file may have been put back from an older copy.",
                    ),
                    {"when": when or "?"},
                )
            ]
        return [
            Finding(
                "head_file_damaged",
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "audit-head.json is damaged or belongs to another database: the database and its key "
                    "file may have been put back from an older copy.",
                ),
                {},
            )
        ]
    out: list[Finding] = []
    if recorded is not None and heads[0].events < recorded.events:
        out.append(
            Finding(
                "head_file_older",
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "audit-head.json is older than the database (it shows {events} events, the database "
                    "wrote {recorded} on {when}): the folder's files were put back from an older copy.",
                ),
                {"events": heads[0].events, "recorded": recorded.events, "when": when},
            )
        )
    reported = set(_reported(session))
    seen = [SeenHead(h, audit_heads.HEAD_FILE) for h in heads if h.hash not in reported]
    seen += [
        s
        for s in audit_heads.backup_heads(folder, database_id, MAX_BACKUPS_READ)
        if s.head.hash not in reported
    ]
    for item in seen:
        problems, _notes = audit.head_findings(session, [item])
        if problems:
            out.append(
                Finding(
                    "database_older",
                    QT_TRANSLATE_NOOP(
                        "Errors",
                        "The database is older than the audit trail {source} saw ({events} events on "
                        "{when}): it was put back from an older copy, or events were removed.",
                    ),
                    {
                        "source": item.source,
                        "events": item.head.events,
                        "when": item.head.at.replace("T", " ")[:16],
                    },
                    head=item.head.hash,
                )
            )
    return out


def _ledger_findings(ws: Workspace, session: Session) -> list[Finding]:
    secret = settings.find(session, settings.ERASURE_LEDGER_KEY)
    if secret is None:
        return []  # lines of this database need its secret; a restore carries older ones (reapply)
    lines = erasure_ledger.file_lines(erasure_ledger.ledger_path(ws))
    entries, _unchecked = erasure_ledger.checked(lines, [macs.secret_key(secret)])
    own = set(session.scalars(select(LedgerLine.line)))
    missing = [e for e in entries if e.line not in own]
    if not missing:
        return []
    return [
        Finding(
            "ledger_ahead",
            QT_TRANSLATE_NOOP(
                "Errors",
                "erasures.jsonl holds {count} erasures, withdrawals or revocations this database lacks: it was "
                "put back from an older copy. They have been applied again.",
            ),
            {"count": len(missing)},
        )
    ]


def _generation_findings(ws: Workspace, session: Session) -> list[Finding]:
    database = settings.find(session, settings.KEY_GENERATION)
    if database is None:
        return []  # recorded below, at the first unlock
    if rotation_pending(session):
        return []  # a rotation cut short between the slot file and the database: this login finishes it
    slots = ws.keystore.generation
    if slots == database:
        return []
    if slots < database:
        message = QT_TRANSLATE_NOOP(
            "Errors",
            "keyslots.json is older than the database (key generation {slots}, the database is at {database}): "
            "it was put back from an older copy.",
        )
    else:
        message = QT_TRANSLATE_NOOP(
            "Errors",
            "The database is older than keyslots.json (key generation {database}, the key file is at {slots}): "
            "it was put back from an older copy.",
        )
    return [Finding("generation_mismatch", message, {"slots": slots, "database": database})]


# --- acting ------------------------------------------------------------------------------------------------
def _act_on(ws: Workspace, findings: list[Finding]) -> None:
    """Audit each finding, keep it for the administrators, remember the heads reported, apply the ledger
    again, and bring the generations back in step (the key that opened the database is the current one)."""
    actor = ws.require_actor()
    with ws.transaction() as session:
        for finding in findings:
            audit.record(
                session, actor.operator_id, "rollback.detected", "centre", 1, {"finding": finding.kind}
            )
        _keep_for_administrators(session, findings)
        heads = [f.head for f in findings if f.head]
        if heads:
            settings.put(session, settings.ROLLBACK_REPORTED, [*heads, *_reported(session)][:MAX_REPORTED])
    from app.services.reapply import Carried, reapply  # only when a finding calls for it (a heavy import)

    reapply(ws, Carried())
    if ws.keystore.generation != ws.data_key.generation:
        ws.keystore.generation = ws.data_key.generation
        ws.keystore.save()
    with ws.transaction() as session:
        record_generation(session, ws.data_key.generation)


def _keep_for_administrators(session: Session, findings: list[Finding]) -> None:
    pending = _pending(session)
    known = {(p.get("message"), json.dumps(p.get("params"), sort_keys=True)) for p in pending}
    now = datetime.now(UTC).replace(tzinfo=None).isoformat(timespec="seconds")
    for finding in findings:
        if (finding.message, json.dumps(finding.params, sort_keys=True)) in known:
            continue
        pending.append({"message": finding.message, "params": finding.params, "at": now, "seen_by": []})
    settings.put(session, settings.LOGIN_NOTICES, pending[-MAX_PENDING:])


def _pending(session: Session) -> list[dict[str, Any]]:
    value = settings.get(session, settings.LOGIN_NOTICES)
    return [p for p in value if isinstance(p, dict)] if isinstance(value, list) else []


# --- telling ----------------------------------------------------------------------------------------------
def notices_for(ws: Workspace) -> tuple[UserError, ...]:
    """What the administrator logging in has not been shown yet (then marked shown to her): findings kept
    for the administrators, and a restore's notice. Nothing for other roles."""
    actor = ws.require_actor()
    if not actor.at_least(Role.AMMINISTRATRICE):
        return ()
    with ws.transaction(write=False) as session:
        if not (
            settings.is_set(session, settings.LOGIN_NOTICES)
            or settings.is_set(session, settings.RESTORE_NOTICE)
        ):
            return ()  # the usual login: nothing kept, nothing to write
    out: list[UserError] = []
    with ws.transaction() as session:
        pending = _pending(session)
        changed = False
        for item in pending:
            seen_by = item.get("seen_by")
            if not isinstance(seen_by, list) or actor.operator_id in seen_by:
                continue
            notice = _stored_notice(item.get("message"), item.get("params"))
            if notice is not None:
                out.append(notice)
            seen_by.append(actor.operator_id)
            changed = True
        if changed:
            settings.put(session, settings.LOGIN_NOTICES, pending)
        restored = _restore_notice(session, actor.operator_id)
        if restored is not None:
            out.append(restored)
    return tuple(out)


def _stored_notice(message: Any, params: Any) -> UserError | None:
    """A finding as kept in the database, said again; a damaged one (a placeholder without its value, an
    attribute or format spec: the database may have been edited) is dropped rather than break a login."""
    if not isinstance(message, str) or not isinstance(params, dict):
        return None
    try:
        fields = list(Formatter().parse(message))
    except ValueError:
        return None
    for _text, name, spec, conversion in fields:
        if name is not None and (not name.isidentifier() or name not in params or spec or conversion):
            return None
    return UserError(message, **{str(k): str(v) for k, v in params.items()})


def _restore_notice(session: Session, operator_id: int) -> UserError | None:
    """The notice a restore onto an empty folder left, said plainly, once to each administrator."""
    if not settings.is_set(session, settings.RESTORE_NOTICE):
        return None
    seen = settings.NOTICE_SEEN.of(settings.RESTORE_NOTICE.key)
    seen_by = settings.get(session, seen)
    seen_by = [] if seen_by is None else seen_by
    data = settings.get(session, settings.RESTORE_NOTICE)
    if not isinstance(seen_by, list) or operator_id in seen_by:
        return None
    settings.put(session, seen, [*seen_by, operator_id])
    data = data if isinstance(data, dict) else {}

    def said(key: str) -> str:
        value = data.get(key, "")
        return str(value).replace("T", " ")[:16] if value else "?"

    others = "; ".join(f"{k}: {v}" for k, v in data.items() if k not in ("restored_at", "backup_made_at"))
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "A backup made on {backup_made_at} was restored on {restored_at} into an empty data folder: "
        "revocations and erasures made after the backup may be undone. Check the accounts and recent erasures.",
    )
    if others:
        message = QT_TRANSLATE_NOOP(
            "Errors",
            "A backup made on {backup_made_at} was restored on {restored_at} into an empty data folder: "
            "revocations and erasures made after the backup may be undone. Check the accounts and recent "
            "erasures. Details: {details}",
        )
        return UserError(
            message, backup_made_at=said("backup_made_at"), restored_at=said("restored_at"), details=others
        )
    return UserError(message, backup_made_at=said("backup_made_at"), restored_at=said("restored_at"))
