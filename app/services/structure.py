"""The centre and desk structure of ISTAT's survey of centres, with the date from which each value holds.

Entered in Administration; the value in force at a date is the one with the latest start on or before
it, so an annual return for 2026 reads what held on 31 December 2026 (or any other day) even after later
changes. Nothing is overwritten: a change is a new row, and a second change with the same start date
replaces the first only for that date (a correction). Per desk: opening days, weekly opening hours,
languages spoken. For the centre: staff by profession, paid and volunteer; adherence to the 1522 number;
reachability round the clock (h24).

`statement(session, on, desks)` is what a release's signed package carries (the export profiles'
"istat-centri" tables are laid out from it, `app.reports.stated`); it needs an open session and no
permission of its own, like `structure_in_force`; `structure_at(ws, on)` is the checked use case.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, delete, select
from sqlalchemy.orm import Session

from app.i18n import QT_TRANSLATE_NOOP
from app.models import codelists
from app.models.accounts import HelpDesk, Role
from app.models.structure import StructureValue
from app.services import audit
from app.services import validation as v
from app.services.errors import NotFound, ValidationError
from app.services.workspace import Workspace

DAYS, HOURS, LANGUAGES = "days", "hours_week", "languages"
ADHERES_1522 = "adheres_1522"
AVAILABLE_H24 = "available_h24"
YES_NO_ITEMS = (ADHERES_1522, AVAILABLE_H24)
PAID, VOLUNTEER = "staff_paid", "staff_volunteer"
MAX_HOURS_WEEK = 168
MAX_STAFF = 500


@dataclass(frozen=True)
class DeskStructure:
    """What a desk offers: the days it opens, its weekly hours (None = not entered), its languages."""

    days: tuple[str, ...] = ()
    hours_week: int | None = None
    languages: tuple[str, ...] = ()


@dataclass(frozen=True)
class CentreStructure:
    """Staff per profession code (None = not entered), adherence to the 1522 number and reachability
    round the clock (SI/NO/ND)."""

    adheres_1522: str = "ND"
    staff_paid: Mapping[str, int | None] = field(default_factory=dict)
    staff_volunteer: Mapping[str, int | None] = field(default_factory=dict)
    available_h24: str = "ND"


@dataclass(frozen=True)
class DeskInForce:
    help_desk_id: int
    name: str
    active: bool
    structure: DeskStructure
    since: date | None  # the latest start among its values in force (None: nothing entered yet)


@dataclass(frozen=True)
class StructureInForce:
    """The whole structure as it held on `on`: the centre and every desk."""

    on: date
    centre: CentreStructure
    desks: list[DeskInForce]


@dataclass(frozen=True)
class StructureChange:
    """One value entered, for the history shown in Administration."""

    valid_from: date
    help_desk_id: int | None
    item: str
    value: str


# --- stored form ---------------------------------------------------------------------------------------


def _desk_values(value: DeskStructure) -> dict[str, str]:
    hours = v.check_count(value.hours_week, HOURS, MAX_HOURS_WEEK)
    return {
        DAYS: v.check_codes("weekday", value.days, DAYS),
        HOURS: "" if hours is None else str(hours),
        LANGUAGES: v.check_codes("language", value.languages, LANGUAGES),
    }


def _centre_values(value: CentreStructure) -> dict[str, str]:
    out = {
        ADHERES_1522: v.check_code("yes_no", value.adheres_1522, ADHERES_1522),
        AVAILABLE_H24: v.check_code("yes_no", value.available_h24, AVAILABLE_H24),
    }
    for prefix, counts in ((PAID, value.staff_paid), (VOLUNTEER, value.staff_volunteer)):
        for profession, count in counts.items():
            v.check_code("staff_profession", profession, "staff")
            out[f"{prefix}:{profession}"] = (
                "" if count is None else str(v.check_count(count, "staff", MAX_STAFF))
            )
    return out


def _desk_from(values: Mapping[str, str]) -> DeskStructure:
    hours = values.get(HOURS, "")
    return DeskStructure(
        v.decode_codes(values.get(DAYS, "")),
        int(hours) if hours else None,
        v.decode_codes(values.get(LANGUAGES, "")),
    )


def _centre_from(values: Mapping[str, str]) -> CentreStructure:
    paid: dict[str, int | None] = {}
    volunteer: dict[str, int | None] = {}
    for profession in codelists.codes("staff_profession"):
        for prefix, target in ((PAID, paid), (VOLUNTEER, volunteer)):
            raw = values.get(f"{prefix}:{profession}", "")
            target[profession] = int(raw) if raw else None
    return CentreStructure(
        values.get(ADHERES_1522, "ND") or "ND", paid, volunteer, values.get(AVAILABLE_H24, "ND") or "ND"
    )


# --- writing -------------------------------------------------------------------------------------------


def _write(
    session: Session,
    operator_id: int | None,
    desk_id: int | None,
    valid_from: date,
    values: Mapping[str, str],
) -> None:
    """Record the values that differ from those in force just before `valid_from` (history stays readable).

    An entry with the same start date is replaced (a correction); a value equal to the earlier one adds
    nothing, and a blank or ND value where nothing was entered before is not an entry either.
    """
    before: dict[str, str] = {}
    desk = (
        StructureValue.help_desk_id.is_(None) if desk_id is None else StructureValue.help_desk_id == desk_id
    )
    for row in session.scalars(
        select(StructureValue)
        .where(desk, StructureValue.valid_from < valid_from)
        .order_by(StructureValue.valid_from, StructureValue.id)
    ):
        before[row.item] = row.value
    for item, value in values.items():
        session.execute(delete(StructureValue).where(*_same_slot(desk_id, item, valid_from)))
        if value == before.get(item, "ND" if item in YES_NO_ITEMS else ""):
            continue
        session.add(
            StructureValue(
                help_desk_id=desk_id, item=item, value=value, valid_from=valid_from, operator_id=operator_id
            )
        )


def _same_slot(desk_id: int | None, item: str, valid_from: date) -> list[ColumnElement[bool]]:
    """The row an entry replaces: same desk (or the centre), same item, same start date."""
    desk = (
        StructureValue.help_desk_id.is_(None) if desk_id is None else StructureValue.help_desk_id == desk_id
    )
    return [desk, StructureValue.item == item, StructureValue.valid_from == valid_from]


def _valid_from(valid_from: date) -> date:
    checked = v.check_future_ok(valid_from, "valid_from")
    if checked is None:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "The date is required ({field})."), field="valid_from"
        )
    return checked


def set_desk_structure(ws: Workspace, help_desk_id: int, valid_from: date, value: DeskStructure) -> None:
    """What a desk offers from `valid_from` on (administrators)."""
    actor = ws.require_actor(Role.AMMINISTRATRICE)
    start = _valid_from(valid_from)
    values = _desk_values(value)
    with ws.transaction() as session:
        if session.get(HelpDesk, help_desk_id) is None:
            raise NotFound(QT_TRANSLATE_NOOP("Errors", "This help desk does not exist."))
        _write(session, actor.operator_id, help_desk_id, start, values)
        audit.record(
            session, actor.operator_id, "structure.changed", "help_desk", help_desk_id,
            {"valid_from": start.isoformat()},
        )  # fmt: skip


def set_centre_structure(ws: Workspace, valid_from: date, value: CentreStructure) -> None:
    """The centre's staff, adherence to the 1522 number and h24 reachability from `valid_from` on
    (administrators)."""
    actor = ws.require_actor(Role.AMMINISTRATRICE)
    start = _valid_from(valid_from)
    values = _centre_values(value)
    with ws.transaction() as session:
        _write(session, actor.operator_id, None, start, values)
        audit.record(
            session, actor.operator_id, "structure.changed", "centre", 1, {"valid_from": start.isoformat()}
        )


# --- reading -------------------------------------------------------------------------------------------


def structure_in_force(session: Session, on: date) -> StructureInForce:
    """The structure as it held on `on` (each value: the latest start on or before it, then the latest entry)."""
    current: dict[tuple[int | None, str], StructureValue] = {}
    for row in session.scalars(
        select(StructureValue)
        .where(StructureValue.valid_from <= on)
        .order_by(StructureValue.valid_from, StructureValue.id)
    ):
        current[(row.help_desk_id, row.item)] = row
    by_desk: dict[int | None, dict[str, str]] = {}
    since: dict[int | None, date] = {}
    for (desk_id, item), row in current.items():
        by_desk.setdefault(desk_id, {})[item] = row.value
        since[desk_id] = max(since.get(desk_id, row.valid_from), row.valid_from)
    desks = [
        DeskInForce(d.id, d.name, d.active, _desk_from(by_desk.get(d.id, {})), since.get(d.id))
        for d in session.scalars(select(HelpDesk).order_by(HelpDesk.name))
    ]
    return StructureInForce(on, _centre_from(by_desk.get(None, {})), desks)


def statement(session: Session, on: date, desk_ids: Sequence[int]) -> dict[str, Any]:
    """The structure in force on `on` as a package states it (`package.STRUCTURE_KEYS`), for the desks
    of a release: those still open and those with something entered (a desk closed since keeps what
    it stated). A count not entered is left out; a list not entered is empty; hours not entered are null.
    """
    held = structure_in_force(session, on)
    centre = held.centre
    wanted = set(desk_ids)
    return {
        "on": on.isoformat(),
        "centre": {
            ADHERES_1522: centre.adheres_1522,
            AVAILABLE_H24: centre.available_h24,
            PAID: {code: n for code, n in centre.staff_paid.items() if n is not None},
            VOLUNTEER: {code: n for code, n in centre.staff_volunteer.items() if n is not None},
        },
        "desks": [
            {
                "name": d.name,
                DAYS: list(d.structure.days),
                HOURS: d.structure.hours_week,
                LANGUAGES: list(d.structure.languages),
            }
            for d in held.desks
            if d.help_desk_id in wanted and (d.active or d.since is not None)
        ],
    }


def structure_at(ws: Workspace, on: date) -> StructureInForce:
    """The structure in force on `on`, for coordinators (reports) and administrators."""
    ws.require_actor(Role.COORDINATRICE)
    with ws.transaction(write=False) as session:
        return structure_in_force(session, on)


def structure_history(ws: Workspace) -> list[StructureChange]:
    """Every value entered, newest start first: what changed and from when."""
    ws.require_actor(Role.COORDINATRICE)
    with ws.transaction(write=False) as session:
        return [
            StructureChange(r.valid_from, r.help_desk_id, r.item, r.value)
            for r in session.scalars(
                select(StructureValue).order_by(StructureValue.valid_from.desc(), StructureValue.id.desc())
            )
        ]
