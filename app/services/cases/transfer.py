"""Moving a case: to another desk of this installation, or whole to another installation of the centre.

Within an installation an administrator changes the case's desk; her scheduled appointments from today
on follow her to the new desk. Between installations the case travels as a bundle of kind
"case_transfer" (app.services.centre) holding everything of hers: the case with its record key (her
statistical identity stays the same), her identity, consents, interviews, police-report steps, risk
assessments, pathway with goals and reviews, services (with their record keys), referrals, appointments,
the erasure-ledger lines that concern her (written again on arrival, under the receiver's own key,
so a restore there cannot bring back what she withdrew), and her documents (base64 inside the encrypted
bundle; checked again on arrival: digest, size, kind). Her anonymous first contacts stay where they
were recorded (they are the sending desk's activity), unlinked, as when a case is deleted.

Only with her consent to the transfer (scope TRASFERIMENTO) recorded first. Never at two places or
none: the bundle's file is written whole under a hidden name first (if that fails, nothing changes);
then one transaction numbers and keeps the bundle, records the tombstone, and deletes the case through
the same path as a deletion by retention; only then are the ledger's file line written (a line in the
file for a deletion that did not commit would delete her at the next login, bundle or not) and the file
given its name. Killed after the commit, the bundle is still kept in the database and `send` writes it
again.
Operators are not carried (they are people of another installation): the receiver's records name none.

Documents travel only whole with her: a case moves in one bundle, and a bundle is at most
`centre.MAX_BUNDLE_BYTES` (64 MiB, which every receiver enforces), so the documents of a case being
transferred may take at most MAX_TRANSFER_DOCUMENT_BYTES (40 MiB, 53 MiB once in base64, leaving room
for the rest of her file). Above that the transfer is refused before anything changes, with a message
that says so: leaving documents behind would delete them with the case here, and splitting a case over
several bundles would put her at two places at once. A case with documents is sent as FORMAT 2, which a
version that does not know documents refuses whole instead of dropping them.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select, text, update
from sqlalchemy.orm import Session

from app.i18n import QT_TRANSLATE_NOOP
from app.models.accounts import HelpDesk, Role
from app.models.agenda import SCHEDULED, Appointment
from app.models.base import Base, utcnow
from app.models.cases import (
    Case,
    ConsentEvent,
    Goal,
    Identity,
    Intake,
    Pathway,
    PathwayReview,
    PoliceReportEvent,
    Referral,
    RiskAssessment,
    ServiceDelivery,
)
from app.models.centre import BundleRecord, CaseArrival, CaseTombstone, Installation
from app.models.documents import CaseDocument, CaseDocumentContent
from app.models.ledger import LedgerLine
from app.services import audit, centre, erasure_ledger
from app.services import validation as v
from app.services.cases.consent import latest_choice
from app.services.cases.documents import MIB, check_content, clean_name
from app.services.cases.erasure import delete_case
from app.services.cases.intake import next_case_seq
from app.services.cases.permissions import load_case, require_role
from app.services.cases.records import IdentityInput
from app.services.cases.search import set_name_tokens
from app.services.errors import NotFound, UserError, ValidationError
from app.services.workspace import Workspace

KIND = "case_transfer"
CONSENT_SCOPE = "TRASFERIMENTO"
FORMAT = 1
FORMAT_WITH_DOCUMENTS = 2  # FORMAT plus "documents": refused whole by a version that would drop them
READ_FORMATS = (FORMAT, FORMAT_WITH_DOCUMENTS)
MAX_TRANSFER_DOCUMENT_BYTES = 40 * MIB

_SKIPPED = frozenset({"id", "case_id", "pathway_id", "help_desk_id", "operator_id", "created_by"})
_CASE_ROWS: tuple[tuple[str, type[Base]], ...] = (
    ("consents", ConsentEvent),
    ("intakes", Intake),
    ("police_events", PoliceReportEvent),
    ("risk_assessments", RiskAssessment),
    ("services", ServiceDelivery),
    ("referrals", Referral),
    ("appointments", Appointment),
)


# --- within one installation -----------------------------------------------------------------------------
def move_case_to_desk(ws: Workspace, case_id: int, desk_id: int) -> int:
    """Administrator: the case now belongs to another desk; returns how many appointments followed."""
    actor = ws.require_actor()
    with ws.transaction() as session:
        require_role(actor, Role.AMMINISTRATRICE, case_id, "move")
        case = load_case(session, actor, case_id, "move")
        desk = session.get(HelpDesk, desk_id)
        if desk is None:
            raise NotFound(QT_TRANSLATE_NOOP("Errors", "No such help desk."))
        if not desk.active:
            raise ValidationError(QT_TRANSLATE_NOOP("Errors", "This help desk is closed: it takes no cases."))
        if desk.id == case.help_desk_id:
            raise ValidationError(QT_TRANSLATE_NOOP("Errors", "The case already belongs to this help desk."))
        previous = case.help_desk_id
        case.help_desk_id = desk.id
        moved = session.execute(  # type: ignore[attr-defined]
            update(Appointment)
            .where(
                Appointment.case_id == case.id,
                Appointment.status == SCHEDULED,
                Appointment.date >= v.today(),
            )
            .values(help_desk_id=desk.id)
        ).rowcount
        audit.record(
            session,
            actor.operator_id,
            "case.moved",
            "case",
            case.id,
            {"from_desk": previous, "to_desk": desk.id, "appointments": moved},
        )
        return int(moved or 0)


# --- between installations: the sender -------------------------------------------------------------------
def _plain(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return value


def _row(row: Base, desks: dict[int, str]) -> dict[str, Any]:
    """A row's own values (no ids, no operators); its desk by name."""
    out = {c.key: _plain(getattr(row, c.key)) for c in row.__table__.columns if c.key not in _SKIPPED}
    if "help_desk_id" in row.__table__.columns:
        out["help_desk"] = desks.get(row.help_desk_id, "")  # type: ignore[attr-defined]
    return out


def _ledger_lines(ws: Workspace, session: Session, case: Case) -> list[dict[str, str]]:
    """The ledger's lines about her case (kind, date, scope, partner), without this PC's tags."""
    key = erasure_ledger.ledger_key(session)
    tag = erasure_ledger.case_tag(key, case)
    entries, _ = erasure_ledger.checked(session.scalars(select(LedgerLine.line)), [key])
    return [
        {"kind": e.kind, "on": e.on.isoformat(), "scope": e.scope, "partner": e.partner}
        for e in entries
        if e.case_id == case.id and e.tag == tag and e.kind in erasure_ledger.CASE_KINDS
    ]


def case_payload(ws: Workspace, session: Session, case: Case, origin: str) -> dict[str, Any]:
    """Everything of her case, as the bundle carries it."""
    desks = {d.id: d.name for d in session.scalars(select(HelpDesk))}
    payload: dict[str, Any] = {
        "format": FORMAT,
        "origin": origin,
        "case": _row(case, desks),
        "identity": _row(case.identity, desks) if case.identity is not None else None,
    }
    for name, model in _CASE_ROWS:
        rows = session.scalars(
            select(model).where(model.case_id == case.id).order_by(model.id)  # type: ignore[attr-defined]
        )
        payload[name] = [_row(r, desks) for r in rows]
    pathway = session.scalar(select(Pathway).where(Pathway.case_id == case.id))
    payload["pathway"] = (
        None
        if pathway is None
        else {
            **_row(pathway, desks),
            "goals": [_row(g, desks) for g in pathway.goals],
            "reviews": [_row(r, desks) for r in pathway.reviews],
        }
    )
    payload["ledger"] = _ledger_lines(ws, session, case)
    documents = _documents(session, case)
    if documents:
        payload["format"], payload["documents"] = FORMAT_WITH_DOCUMENTS, documents
    return payload


def _documents(session: Session, case: Case) -> list[dict[str, Any]]:
    """Her documents with their bytes; refused above what one bundle can carry (the docstring says why)."""
    held = sum(session.scalars(select(CaseDocument.size).where(CaseDocument.case_id == case.id)))
    if held > MAX_TRANSFER_DOCUMENT_BYTES:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "Her documents take {size} MB, and a case moves to another PC in one bundle that carries at "
                "most {limit} MB of documents: nothing was transferred. Remove the documents she no longer "
                "needs, then transfer again.",
            ),
            size=f"{held / MIB:.1f}",
            limit=MAX_TRANSFER_DOCUMENT_BYTES // MIB,
        )
    return [
        {
            "name": d.name,
            "kind": d.kind,
            "sha256": d.sha256,
            "added_at": d.added_at.isoformat(),
            "content": base64.b64encode(content).decode("ascii"),
        }
        for d, content in session.execute(
            select(CaseDocument, CaseDocumentContent.content)
            .join(CaseDocumentContent, CaseDocumentContent.document_id == CaseDocument.id)
            .where(CaseDocument.case_id == case.id)
            .order_by(CaseDocument.id)
        )
    ]


@dataclass(frozen=True)
class Transferred:
    code: str
    to: str
    seq: int
    path: Path | None


def transfer_case(ws: Workspace, case_id: int, to: str, out: Path | None = None) -> Transferred:
    """Administrator: move the whole case to another installation of the centre, with her consent.

    With `out`, the bundle is written there; without, the next `send` writes it.
    """
    actor = ws.require_actor()
    if out is not None and (out.exists() or out.is_symlink()):
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "{path} already exists: choose another file name."), path=str(out)
        )
    staged: Path | None = None
    try:
        with ws.transaction() as session:
            session.execute(text("PRAGMA secure_delete = ON"))  # freed cells are zeroed, not just unlinked
            require_role(actor, Role.AMMINISTRATRICE, case_id, "transfer")
            case = load_case(session, actor, case_id, "transfer")
            me = centre.require_own(session)
            peer = centre.active_member(session, to)
            if not latest_choice(session, case.id, CONSENT_SCOPE):
                raise ValidationError(
                    QT_TRANSLATE_NOOP(
                        "Errors",
                        "Her consent to the transfer to another PC of the centre is not recorded: record it "
                        "first (consent 'Transfer to another site of the centre').",
                    )
                )
            made = centre.make_bundle(session, peer, KIND, case_payload(ws, session, case, me.name))
            if out is not None:
                staged = centre.stage_file(out, made.content)  # whole on disk before anything changes
            today = v.today()
            session.add(
                CaseTombstone(
                    code=case.code,
                    year=case.year,
                    seq=case.seq,
                    moved_on=today,
                    to_installation_id=peer.id,
                    bundle_seq=made.record.seq,
                )
            )
            code = case.code
            ledger_line = delete_case(ws, session, case, today, file_after_commit=True)
            audit.record(
                session,
                actor.operator_id,
                "case.transferred",
                "case",
                case_id,
                {"code": code, "to": peer.name, "seq": made.record.seq},
            )
            seq, record_id = made.record.seq, made.record.id
    except BaseException:
        if staged is not None:
            staged.unlink(missing_ok=True)
        raise
    erasure_ledger.append_committed(ws, ledger_line)
    if out is not None and staged is not None:
        centre.place_file(staged, out)
        with ws.transaction() as session:
            record = session.get(BundleRecord, record_id)
            if record is not None:
                record.written_at = utcnow()
    ws.compact()  # nothing of her stays in the file's free pages or the WAL
    return Transferred(code, peer.name, seq, out)


def tombstone(ws: Workspace, code: str) -> tuple[dt.date, str] | None:
    """Where and when a case that left this PC went (for a search that finds it gone)."""
    ws.require_actor()
    with ws.transaction(write=False) as session:
        row = session.execute(
            select(CaseTombstone.moved_on, Installation.name)
            .join(Installation, Installation.id == CaseTombstone.to_installation_id)
            .where(CaseTombstone.code == code.strip().upper())
        ).first()
        return (row[0], row[1]) if row is not None else None


# --- between installations: the receiver -----------------------------------------------------------------
class _BadPayload(ValueError):
    pass


def _value(column: Any, raw: Any) -> Any:
    if raw is None:
        return None
    kind = column.type.python_type
    if kind is dt.datetime:
        return dt.datetime.fromisoformat(str(raw))
    if kind is dt.date:
        return dt.date.fromisoformat(str(raw))
    if kind is bool:
        if not isinstance(raw, bool):
            raise _BadPayload(column.key)
        return raw
    if kind is int:
        if not isinstance(raw, int) or isinstance(raw, bool):
            raise _BadPayload(column.key)
        return raw
    if kind is str:
        if not isinstance(raw, str):
            raise _BadPayload(column.key)
        return raw
    raise _BadPayload(column.key)


def _values(model: type[Base], data: Any, desks: _Desks) -> dict[str, Any]:
    """A row's values from the payload: only the model's own columns, each of its type."""
    if not isinstance(data, dict):
        raise _BadPayload(model.__tablename__)
    columns = {c.key: c for c in model.__table__.columns if c.key not in _SKIPPED}
    unknown = set(data) - set(columns) - {"help_desk", "goals", "reviews"}
    if unknown:
        raise _BadPayload(", ".join(sorted(unknown)))
    values = {key: _value(columns[key], raw) for key, raw in data.items() if key in columns}
    if "help_desk_id" in model.__table__.columns:
        values["help_desk_id"] = desks.id_for(data.get("help_desk"))
    return values


def _arrive_documents(session: Session, case_id: int, documents: Any) -> None:
    """Her documents as the sender held them, each checked again as an attachment is (size, kind by its
    bytes, a PDF opened by PDFium: `check_content`) and against its digest."""
    if not isinstance(documents, list):
        raise _BadPayload("documents")
    for data in documents:
        if not isinstance(data, dict) or not isinstance(data.get("content"), str):
            raise _BadPayload("documents")
        content = base64.b64decode(data["content"], validate=True)
        digest = hashlib.sha256(content).hexdigest()
        try:
            kind = check_content(content)
        except ValidationError as exc:
            raise _BadPayload("documents") from exc
        if digest != data.get("sha256") or kind != data.get("kind"):
            raise _BadPayload("documents")
        row = CaseDocument(
            case_id=case_id,
            name=clean_name(str(data.get("name") or "")),
            kind=kind,
            size=len(content),
            sha256=digest,
            added_at=dt.datetime.fromisoformat(str(data["added_at"])),
        )
        session.add(row)
        session.flush()
        session.add(CaseDocumentContent(document_id=row.id, content=content))


class _Desks:
    """The receiver's desks by name: a record made at a desk known here stays at it, any other comes to
    this installation's own desk."""

    def __init__(self, session: Session, own_name: str) -> None:
        rows = list(session.scalars(select(HelpDesk).order_by(HelpDesk.id)))
        if not rows:
            raise UserError(QT_TRANSLATE_NOOP("Errors", "This PC has no help desk to receive the case."))
        self.by_name = {d.name: d.id for d in rows}
        active = [d for d in rows if d.active]
        self.own = self.by_name.get(own_name) or (active or rows)[0].id

    def id_for(self, name: object) -> int:
        return self.by_name.get(name, self.own) if isinstance(name, str) else self.own


def _insert_many(session: Session, model: type[Base], rows: list[dict[str, Any]]) -> None:
    """One executemany per set of columns: a case with hundreds of services arrives in milliseconds (the
    ORM's per-row insert looks up her record key once per service; here it is given)."""
    groups: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for row in rows:
        groups.setdefault(tuple(sorted(row)), []).append(row)
    for group in groups.values():
        session.execute(insert(model), group)


def accept_case(ws: Workspace, session: Session, sender: centre.Member, payload: dict[str, Any]) -> str:
    """The kind's `accept`: the case arrives whole, or not at all (a UserError rolls everything back)."""
    me = centre.require_own(session)
    try:
        return _arrive(ws, session, sender, payload, me)
    except (_BadPayload, ValueError, TypeError, KeyError) as exc:
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "The case in this bundle is not in a form this version reads: refused, nothing was changed.",
            )
        ) from exc


def _arrive(
    ws: Workspace, session: Session, sender: centre.Member, payload: dict[str, Any], me: Installation
) -> str:
    if payload.get("format") not in READ_FORMATS:
        raise _BadPayload("format")
    desks = _Desks(session, me.name)
    case_values = _values(Case, payload["case"], desks)
    origin_code = str(case_values["code"])
    if session.scalar(
        select(CaseArrival.id).where(
            CaseArrival.from_installation_id == sender.id, CaseArrival.origin_code == origin_code
        )
    ):
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "Case {code} from {name} is already here: a case is at one place only. Refused, nothing was "
                "changed.",
            ),
            code=origin_code,
            name=sender.name,
        )
    year = int(case_values["year"])
    taken = session.scalar(
        select(Case.id).where(
            (Case.code == origin_code) | ((Case.year == year) & (Case.seq == case_values["seq"]))
        )
    ) or session.scalar(select(CaseTombstone.id).where(CaseTombstone.code == origin_code))
    if taken:  # a code of this PC already: she gets the next one here, the audit keeps the old
        seq = next_case_seq(session, year)
        prefix = origin_code.rsplit("-", 2)[0]
        case_values.update(code=f"{prefix}-{year}-{seq:04d}", seq=seq)
    case = Case(**case_values)
    session.add(case)
    session.flush()
    if payload.get("identity") is not None:
        identity = Identity(case_id=case.id, **_values(Identity, payload["identity"], desks))
        session.add(identity)
        set_name_tokens(session, case.id, IdentityInput(identity.first_name, identity.last_name))
    for name, model in _CASE_ROWS:
        rows = payload.get(name) or []
        if not isinstance(rows, list):
            raise _BadPayload(name)
        extra = {"woman_key": case.record_key} if model is ServiceDelivery else {}
        _insert_many(
            session, model, [{**_values(model, data, desks), **extra, "case_id": case.id} for data in rows]
        )
    if payload.get("pathway") is not None:
        data = payload["pathway"]
        pathway = Pathway(case_id=case.id, **_values(Pathway, data, desks))
        session.add(pathway)
        session.flush()
        for goal in data.get("goals") or []:
            session.add(Goal(pathway_id=pathway.id, **_values(Goal, goal, desks)))
        for review in data.get("reviews") or []:
            session.add(PathwayReview(pathway_id=pathway.id, **_values(PathwayReview, review, desks)))
    _arrive_documents(session, case.id, payload.get("documents") or [])
    session.flush()
    for line in payload.get("ledger") or []:
        kind = str(line["kind"])
        if kind not in erasure_ledger.CASE_KINDS:
            raise _BadPayload("ledger")
        erasure_ledger.note_case(
            ws,
            session,
            kind,
            case,
            dt.date.fromisoformat(str(line["on"])),
            str(line.get("scope") or ""),
            str(line.get("partner") or ""),
            file_after_commit=True,  # the mirror only: a database older than her arrival does not hold her
        )
    session.add(
        CaseArrival(
            case_id=case.id,
            from_installation_id=sender.id,
            origin_code=origin_code,
            arrived_on=v.today(),
        )
    )
    audit.record(
        session,
        ws.actor.operator_id if ws.actor is not None else None,
        "case.arrived",
        "case",
        case.id,
        {"from": sender.name, "origin_code": origin_code, "code": case.code},
    )
    return case.code
