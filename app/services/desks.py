"""Help desks that change: renamed, closed, reopened (administrators, audited).

A rename changes the desk's name from now on and nothing frozen: a release keeps the name it was released
under (its signed package and PDF hold the bytes as first released, the release record and the release log
name desks by id). A closed desk keeps its cases, readable and movable to another desk, and takes no new
ones: opening a case or recording a contact there is refused (app.services.cases.permissions).

At a centre of several PCs the desk PCs' partial aggregates name desks by name (app.services.partials).
The main office remembers the former names of its desks (`DESK_FORMER_NAMES`), so a desk PC that still
sends a desk's old name is matched to the renamed desk; a name some desk carries now always wins over a
former one. Renaming a desk on the desk PC first makes its partials name a desk the main office does not
know: they are refused, with a sentence saying to rename it there too (docs/centre-release.md).
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.i18n import QT_TRANSLATE_NOOP
from app.models.accounts import HelpDesk, Role
from app.services import audit, settings
from app.services.accounts import HelpDeskInfo, desk_info
from app.services.errors import NotFound, ValidationError
from app.services.workspace import Workspace

MAX_FORMER_NAMES = 40
"""Former names remembered (the oldest are forgotten first): enough for every rename of a centre's life."""


def rename_desk(ws: Workspace, old: str, new: str) -> HelpDeskInfo:
    """Give the desk named `old` the name `new` (case-insensitive lookup; a change of case only is allowed)."""
    actor = ws.require_actor(Role.AMMINISTRATRICE)
    name = check_name(new)
    with ws.transaction() as session:
        desk = desk_named(session, old)
        if any(d.id != desk.id and folded(d.name) == folded(name) for d in session.scalars(select(HelpDesk))):
            raise ValidationError(
                QT_TRANSLATE_NOOP("Errors", "A help desk named {name} already exists."),
                field="name",
                name=name,
            )
        if desk.name == name:
            return desk_info(desk)
        former = dict(settings.find(session, settings.DESK_FORMER_NAMES) or {})
        former.pop(folded(name), None)
        former[folded(desk.name)] = desk.id
        settings.put(session, settings.DESK_FORMER_NAMES, dict(list(former.items())[-MAX_FORMER_NAMES:]))
        desk.name = name
        audit.record(session, actor.operator_id, "help_desk.renamed", "help_desk", desk.id)
        return desk_info(desk)


def close_desk(ws: Workspace, name: str) -> HelpDeskInfo:
    """Close a desk: its cases stay, readable and movable; it takes no new cases or contacts."""
    return _set_active(ws, name, False)


def reopen_desk(ws: Workspace, name: str) -> HelpDeskInfo:
    """Reopen a closed desk: it takes new cases again."""
    return _set_active(ws, name, True)


def _set_active(ws: Workspace, name: str, active: bool) -> HelpDeskInfo:
    actor = ws.require_actor(Role.AMMINISTRATRICE)
    with ws.transaction() as session:
        desk = desk_named(session, name)
        if desk.active == active:
            raise ValidationError(
                QT_TRANSLATE_NOOP("Errors", "The help desk {name} is already open.")
                if active
                else QT_TRANSLATE_NOOP("Errors", "The help desk {name} is already closed."),
                name=desk.name,
            )
        desk.active = active
        action = "help_desk.reopened" if active else "help_desk.closed"
        audit.record(session, actor.operator_id, action, "help_desk", desk.id)
        return desk_info(desk)


def check_name(name: str) -> str:
    """A desk's name, stripped: required, at most 200 characters."""
    name = name.strip()
    if not name or len(name) > 200:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "A help desk needs a name (at most 200 characters)."), field="name"
        )
    return name


def folded(name: str) -> str:
    """A desk's name as names are compared: case and runs of spaces do not matter."""
    return " ".join(name.split()).casefold()


def desk_named(session: Session, name: str) -> HelpDesk:
    """The desk with this name now (compared `folded`)."""
    wanted = folded(name)
    desk = next((d for d in session.scalars(select(HelpDesk)) if folded(d.name) == wanted), None)
    if desk is None:
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "No help desk named {name}."), name=name.strip()[:60])
    return desk


def desk_ids_by_name(session: Session) -> dict[str, int]:
    """Every name a desk is known by (`folded`): its former names, then its current one (which wins)."""
    former = settings.find(session, settings.DESK_FORMER_NAMES)
    out = {str(k): int(v) for k, v in former.items()} if isinstance(former, dict) else {}
    existing = {d.id: d.name for d in session.scalars(select(HelpDesk))}
    out = {k: v for k, v in out.items() if v in existing}
    out.update({folded(name): desk_id for desk_id, name in existing.items()})
    return out
