"""After a restore, before anyone sees the data: erasures, withdrawals and revocations applied again.

The sources are the erasure ledger beside the database and the mirror inside the database that was
just replaced (app/services/erasure_ledger.py), plus the accounts that database had revoked. The replaced
database's release records are carried too, and the release log beside the database merged in (and
written back whole if it was deleted): a restore never makes a past release disappear
(app/services/release_log.py). Each line
is applied only to the case (or account) its keyed tag names, and only where the restored database
still shows what was erased: the count said to the user is of lines that changed something.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import delete, select, text
from sqlalchemy.orm import Session

from app.crypto import macs
from app.crypto.keyslots import DataKey, KeyStore
from app.models.accounts import Operator
from app.models.cases import Case, ConsentEvent
from app.models.ledger import LedgerLine
from app.services import audit, erasure_ledger, release_log, settings, signing_keys
from app.services import centre as centre_pcs
from app.services.cases.consent import latest_choice
from app.services.cases.erasure import erase_case_identity
from app.services.cases.records import CURRENT_NOTICE_VERSION
from app.services.erasure_ledger import DELETION, ERASURE, RETENTION, REVOCATION, WITHDRAWAL, Entry
from app.services.workspace import Workspace
from app.services.workspace.keys import mark_rotation_pending
from app.storage import database
from app.storage.backup import ReleaseRow


@dataclass(frozen=True)
class Revoked:
    """An account the replaced database had revoked (known before the ledger existed)."""

    username: str
    created_at: datetime | None
    revoked_at: datetime


@dataclass(frozen=True)
class SigningState:
    """The replaced database's package-signing key and its history (the setting's JSON)."""

    key: bytes | None
    history: str


@dataclass(frozen=True)
class Carried:
    """What the replaced database (if it could be read) hands to the restored one."""

    lines: tuple[str, ...] = ()
    secrets: tuple[str, ...] = ()
    revoked: tuple[Revoked, ...] = field(default_factory=tuple)
    signing: SigningState | None = None
    releases: tuple[ReleaseRow, ...] = ()
    centre: centre_pcs.CentreState | None = (
        None  # a centre of several PCs: its members, numbers and tombstones
    )


@dataclass(frozen=True)
class Reapplied:
    erasures: int  # erasures, deletions and withdrawals that changed the restored database
    revocations: int
    unchecked: int  # ledger lines whose tag did not check: not applied
    copies: tuple[int, int] = (0, 0)  # old-key copies re-encrypted, deleted by the re-key
    releases: int = 0  # releases the restored database lacked, carried or taken from the release log


def ledger_keys(session: Session, carried: Carried) -> list[bytes]:
    """The restored database's ledger secret (taken from the replaced one when the backup predates it),
    and any other secret the replaced database had."""
    if not settings.is_set(session, settings.ERASURE_LEDGER_KEY) and carried.secrets:
        settings.put(session, settings.ERASURE_LEDGER_KEY, carried.secrets[0])
        session.flush()
    keys = [erasure_ledger.ledger_key(session)]
    keys.extend(macs.secret_key(s) for s in carried.secrets if macs.secret_key(s) not in keys)
    return keys


def reapply(ws: Workspace, carried: Carried, old_keys: Sequence[DataKey] = ()) -> Reapplied:
    """Apply everything again, in one unit of work with the slot file; rotate the key if an account was
    revoked again (copies kept under `old_keys`, the replaced database's, are re-encrypted or deleted
    with the others); VACUUM if anything was erased; write the ledger file whole from the union."""
    actor = ws.require_actor()
    changed = revocations = 0
    with ws.changing_slots() as (session, keystore):
        keys = ledger_keys(session, carried)
        own_lines = set(session.scalars(select(LedgerLine.line)))
        lines = [*erasure_ledger.file_lines(erasure_ledger.ledger_path(ws)), *carried.lines, *own_lines]
        entries, unchecked = erasure_ledger.checked(lines, keys)
        for entry in entries:
            if entry.line not in own_lines:
                session.add(LedgerLine(line=entry.line))
                own_lines.add(entry.line)
            if entry.kind == REVOCATION:
                revocations += _revoke_tagged(session, keystore, entry)
            elif _apply(session, entry):
                changed += 1
        for gone in carried.revoked:
            revocations += _revoke_known(session, keystore, gone)
        if carried.signing is not None:
            signing_keys.carry_forward(session, carried.signing.key, carried.signing.history)
        if carried.centre is not None:
            centre_pcs.carry_forward(session, carried.centre)
        releases = release_log.carry(session, carried.releases)
        session.flush()
        releases += release_log.merge_into(session, ws.folder, signing_keys.public_keys(session))
        if revocations:
            mark_rotation_pending(session)
        session.flush()
        erasure_ledger.write_file(ws, session)
        if changed or revocations or unchecked or releases:
            audit.record(
                session,
                actor.operator_id,
                "restore.reapplied",
                "centre",
                1,
                {
                    "erasures": changed,
                    "revocations": revocations,
                    "unchecked": unchecked,
                    "releases": releases,
                },
            )
    copies = (0, 0)
    if revocations:
        ws.rotate_data_key(actor.operator_id, "restore re-applied a revocation", old_keys)
        copies = ws.copies_after_rotation
    if changed:
        database.vacuum(ws.db_path, ws.data_key)
    return Reapplied(changed, revocations, unchecked, copies, releases)


def _case(session: Session, entry: Entry) -> Case | None:
    case = session.get(Case, entry.case_id)
    if case is None or not macs.matches_short(erasure_ledger.case_tag(entry.key, case), entry.tag):
        return None  # deleted already, or another case got this id after the restore
    return case


def _apply(session: Session, entry: Entry) -> bool:
    case = _case(session, entry)
    if case is None:
        return False
    if entry.kind == DELETION:
        session.execute(text("PRAGMA secure_delete = ON"))
        session.execute(delete(Case).where(Case.id == case.id).execution_options(synchronize_session=False))
        session.expunge(case)
        return True
    changed = False
    if entry.kind == WITHDRAWAL:
        changed = _withdraw(session, case, entry)
    erases = entry.kind in (ERASURE, RETENTION) or (entry.kind == WITHDRAWAL and entry.scope == "TRATTAMENTO")
    if erases and (case.identity is not None or case.identity_erased_on is None):
        session.execute(text("PRAGMA secure_delete = ON"))
        erase_case_identity(session, case, entry.on)
        changed = True
    return changed


def _withdraw(session: Session, case: Case, entry: Entry) -> bool:
    """Her withdrawal recorded again if the restored history lacks it, and its effect taken again."""
    exists = session.scalar(
        select(ConsentEvent.id).where(
            ConsentEvent.case_id == case.id,
            ConsentEvent.scope == entry.scope,
            ConsentEvent.granted.is_(False),
            ConsentEvent.partner == entry.partner,
            ConsentEvent.date == entry.on,
        )
    )
    if exists is not None:
        return False
    session.add(
        ConsentEvent(
            case_id=case.id,
            scope=entry.scope,
            granted=False,
            partner=entry.partner,
            notice_version=CURRENT_NOTICE_VERSION,
            date=entry.on,
            operator_id=None,
        )
    )
    if entry.scope == "TRATTAMENTO":
        case.processing_consent = False
    elif entry.scope == "CONTATTO_SICURO":
        case.contact_allowed = latest_choice(session, case.id, entry.scope)
    elif entry.scope == "STATISTICHE":
        case.statistics_allowed = latest_choice(session, case.id, entry.scope)
    return True


def _revoke(session: Session, keystore: KeyStore, operator: Operator, on: date | datetime) -> int:
    if operator.slot_id and operator.slot_id in keystore.slot_ids():
        keystore.remove_slot(operator.slot_id)
    operator.active = False
    operator.slot_id = None
    operator.revoked_at = on if isinstance(on, datetime) else datetime.combine(on, datetime.min.time())
    audit.record(session, None, "account.revoked", "operator", operator.id, {"reason": "restore"})
    return 1


def _active(session: Session) -> Iterable[Operator]:
    return list(session.scalars(select(Operator).where(Operator.active.is_(True))))


def _revoke_tagged(session: Session, keystore: KeyStore, entry: Entry) -> int:
    for operator in _active(session):
        tag = erasure_ledger.account_tag(entry.key, operator.username, operator.created_at)
        if macs.matches_short(tag, entry.tag):
            return _revoke(session, keystore, operator, entry.on)
    return 0


def _revoke_known(session: Session, keystore: KeyStore, gone: Revoked) -> int:
    operator = session.scalar(select(Operator).where(Operator.username == gone.username))
    if operator is None or not operator.active:
        return 0
    known = gone.created_at is not None and operator.created_at is not None
    if known and operator.created_at.replace(microsecond=0) != gone.created_at.replace(microsecond=0):  # type: ignore[union-attr]
        return 0  # a later account under the same name, not the one revoked
    return _revoke(session, keystore, operator, gone.revoked_at)
