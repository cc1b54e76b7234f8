"""Help desks and operator accounts: who may unlock the workspace, and with which role."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.crypto import keyslots
from app.i18n import QT_TRANSLATE_NOOP
from app.models.accounts import Centre, HelpDesk, Operator, Role
from app.models.base import utcnow
from app.services import audit, erasure_ledger, settings
from app.services.errors import NotFound, ValidationError, WrongCredentials
from app.services.workspace import Workspace, check_passphrase, normalise_username
from app.services.workspace.credentials import known_names
from app.services.workspace.keys import bind_slot, mark_rotation_pending, rotation_pending


@dataclass(frozen=True)
class HelpDeskInfo:
    id: int
    name: str
    town: str
    opening_hours: str
    active: bool


@dataclass(frozen=True)
class OperatorInfo:
    id: int
    username: str
    full_name: str
    role: Role
    help_desk_id: int | None
    help_desk_name: str | None
    active: bool
    last_login_at: datetime | None


@dataclass(frozen=True)
class CentreInfo:
    name: str
    code: str


def desk_info(desk: HelpDesk) -> HelpDeskInfo:
    return HelpDeskInfo(desk.id, desk.name, desk.town, desk.opening_hours, desk.active)


def _operator_info(operator: Operator) -> OperatorInfo:
    return OperatorInfo(
        operator.id,
        operator.username,
        operator.full_name,
        Role(operator.role),
        operator.help_desk_id,
        operator.help_desk.name if operator.help_desk else None,
        operator.active,
        operator.last_login_at,
    )


def centre_info(ws: Workspace) -> CentreInfo:
    ws.require_actor()
    with ws.transaction(write=False) as session:
        centre = session.get_one(Centre, 1)
        return CentreInfo(centre.name, centre.code)


def list_help_desks(ws: Workspace, include_inactive: bool = False) -> list[HelpDeskInfo]:
    ws.require_actor()
    with ws.transaction(write=False) as session:
        query = select(HelpDesk).order_by(HelpDesk.name)
        if not include_inactive:
            query = query.where(HelpDesk.active.is_(True))
        return [desk_info(d) for d in session.scalars(query)]


def add_help_desk(ws: Workspace, name: str, town: str = "", opening_hours: str = "") -> HelpDeskInfo:
    actor = ws.require_actor(Role.AMMINISTRATRICE)
    name = name.strip()
    if not name or len(name) > 200:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "A help desk needs a name (at most 200 characters)."), field="name"
        )
    with ws.transaction() as session:
        if session.scalar(select(HelpDesk).where(HelpDesk.name == name)) is not None:
            raise ValidationError(
                QT_TRANSLATE_NOOP("Errors", "A help desk named {name} already exists."),
                field="name",
                name=name,
            )
        desk = HelpDesk(name=name, town=town.strip()[:200], opening_hours=opening_hours.strip()[:500])
        session.add(desk)
        session.flush()
        audit.record(session, actor.operator_id, "help_desk.created", "help_desk", desk.id)
        return desk_info(desk)


def list_operators(ws: Workspace) -> list[OperatorInfo]:
    ws.require_actor(Role.AMMINISTRATRICE)
    with ws.transaction(write=False) as session:
        return [_operator_info(o) for o in session.scalars(select(Operator).order_by(Operator.username))]


def _parse_role(role: str | Role) -> Role:
    try:
        return Role(role)
    except ValueError as exc:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "Unknown role {role}."), field="role", role=str(role)
        ) from exc


def _require_desk(session: Session, role: Role, help_desk_id: int | None) -> None:
    if help_desk_id is None:
        if role is Role.OPERATRICE:
            raise ValidationError(
                QT_TRANSLATE_NOOP("Errors", "An operatrice must belong to a help desk."), field="help_desk"
            )
        return
    if session.get(HelpDesk, help_desk_id) is None:
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "No such help desk."))


def add_operator(
    ws: Workspace,
    username: str,
    full_name: str,
    role: str | Role,
    help_desk_id: int | None,
    password: str,
    kdf: keyslots.KdfParams | None = None,
) -> OperatorInfo:
    """Create an account and its key slot; the slot file is saved inside the database transaction."""
    actor = ws.require_actor(Role.AMMINISTRATRICE)
    username = normalise_username(username)
    parsed_role = _parse_role(role)
    full_name = full_name.strip()[:200] or username
    with ws.changing_slots() as (session, keystore):
        check_passphrase(password, username, known_names(session, full_name))
        if session.scalar(select(Operator).where(Operator.username == username)) is not None:
            raise ValidationError(
                QT_TRANSLATE_NOOP("Errors", "The user name {name} is taken."), field="username", name=username
            )
        _require_desk(session, parsed_role, help_desk_id)
        slot_id = keystore.add_slot(username, password, [ws.data_key], kdf or ws.slot_kdf)
        bind_slot(session, keystore, slot_id)
        operator = Operator(
            username=username,
            full_name=full_name,
            role=parsed_role.value,
            help_desk_id=help_desk_id,
            slot_id=slot_id,
        )
        session.add(operator)
        session.flush()
        audit.record(
            session,
            actor.operator_id,
            "account.created",
            "operator",
            operator.id,
            {"role": parsed_role.value},
        )
        session.refresh(operator, ["help_desk"])
        return _operator_info(operator)


def change_own_password(
    ws: Workspace, old_password: str, new_password: str, kdf: keyslots.KdfParams | None = None
) -> None:
    """Rewrap her one slot; nothing else in the folder changes."""
    actor = ws.require_actor()
    with ws.changing_slots() as (session, keystore):
        operator = session.get_one(Operator, actor.operator_id)
        check_passphrase(new_password, actor.username, known_names(session, operator.full_name))
        try:
            new_slot = keystore.change_secret(actor.username, old_password, new_password, kdf or ws.slot_kdf)
        except keyslots.KeySlotError as exc:
            raise WrongCredentials() from exc
        bind_slot(session, keystore, new_slot, replaces=operator.slot_id)
        operator.slot_id = new_slot
        audit.record(session, actor.operator_id, "account.password_changed", "operator", actor.operator_id)


def reset_password(
    ws: Workspace, username: str, new_password: str, kdf: keyslots.KdfParams | None = None
) -> None:
    """An administrator gives a colleague a new password (her old slot is deleted, a new one made).

    Only an active account: a revoked one has no slot, and one made for it would keep receiving every
    new data key (a way back in for whoever revoked colleague knows the new password)."""
    actor = ws.require_actor(Role.AMMINISTRATRICE)
    with ws.changing_slots() as (session, keystore):
        operator = _operator_by_name(session, username)
        if not operator.active:
            raise ValidationError(
                QT_TRANSLATE_NOOP("Errors", "The account {name} is revoked: it cannot get a password."),
                name=operator.username,
            )
        check_passphrase(new_password, operator.username, known_names(session, operator.full_name))
        if operator.slot_id and operator.slot_id in keystore.slot_ids():
            keystore.remove_slot(operator.slot_id)
        new_slot = keystore.add_slot(operator.username, new_password, [ws.data_key], kdf or ws.slot_kdf)
        bind_slot(session, keystore, new_slot, replaces=operator.slot_id)
        operator.slot_id = new_slot
        audit.record(session, actor.operator_id, "account.password_reset", "operator", operator.id)


def revoke_operator(ws: Workspace, username: str) -> int:
    """Delete her slot and rotate the data key, so a copy of the old key opens nothing new.

    The revocation and a "rotation pending" mark are committed together; the rotation clears the mark.
    If it is interrupted, the next unlock finishes it, and revoking her again finishes it too.
    Returns the new key generation.
    """
    actor = ws.require_actor(Role.AMMINISTRATRICE)
    with ws.changing_slots() as (session, keystore):
        operator = _operator_by_name(session, username)
        if operator.id == actor.operator_id:
            raise ValidationError(QT_TRANSLATE_NOOP("Errors", "You cannot revoke your own account."))
        if not operator.active:
            if not rotation_pending(session):
                raise ValidationError(QT_TRANSLATE_NOOP("Errors", "This account is already revoked."))
        else:
            if operator.slot_id and operator.slot_id in keystore.slot_ids():
                keystore.remove_slot(operator.slot_id)
            operator.active = False
            operator.slot_id = None
            operator.revoked_at = utcnow()
            erasure_ledger.note_revocation(ws, session, operator, operator.revoked_at.date())
            audit.record(session, actor.operator_id, "account.revoked", "operator", operator.id)
        mark_rotation_pending(session)
    return ws.rotate_data_key(actor.operator_id, "revocation")


def rekey_now(ws: Workspace) -> int:
    """An administrator re-encrypts the database under a new data key now, sealed only to the active
    accounts and the recovery key (any other slot in the key file is deleted). Returns the generation."""
    actor = ws.require_actor(Role.AMMINISTRATRICE)
    return ws.rotate_data_key(actor.operator_id, "requested")


def regenerate_recovery_key(ws: Workspace) -> str:
    """A new recovery key replaces the old one (shown once; the old printout stops working)."""
    actor = ws.require_actor(Role.AMMINISTRATRICE)
    recovery_key = keyslots.generate_recovery_key()
    with ws.changing_slots() as (session, keystore):
        old = settings.find(session, settings.RECOVERY_SLOT)
        params = ws.slot_kdf
        if old is not None and old in keystore.slot_ids():
            params = keystore.params_of(old)
            keystore.remove_slot(old)
        slot = keystore.add_slot(keyslots.RECOVERY_IDENTITY, recovery_key, [ws.data_key], params)
        bind_slot(session, keystore, slot, replaces=old)
        settings.put(session, settings.RECOVERY_SLOT, slot)
        audit.record(session, actor.operator_id, "recovery_key.regenerated", "centre", 1)
    return recovery_key


def _operator_by_name(session: Session, username: str) -> Operator:
    operator = session.scalar(select(Operator).where(Operator.username == username.strip().casefold()))
    if operator is None:
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "There is no account named {name}."), name=username)
    return operator
