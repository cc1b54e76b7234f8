"""Contacts, the flow of women through the centre's stages, and closures."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Any

from sqlalchemy import ColumnElement, and_, literal_column, or_, select, true, union_all
from sqlalchemy.orm import Session, aliased

from app.models import codelists
from app.models.cases import Case, CaseProfile, Contact, Intake
from app.reports.cellkey import KEY_RANGE, unpack
from app.reports.indicators.grids import Counted, ck_sum, one_way, women_table
from app.reports.indicators.scope import END, START, Group, Scope, Shape, excluded_cases, packed
from app.reports.tables import AggregateTable, CellKeys, Unit

FLOW_ROWS = ("WOMEN_CONTACTED", "RECEIVED", "IN_CHARGE_NEW", "IN_CHARGE_CONTINUING", "CLOSED", "ACTIVE")


def _ck_union(first: Counted, second: Counted, both: Counted) -> Counted:
    """The records in either of two sets, from each set and their intersection (keys add modulo the range)."""
    return first[0] + second[0] - both[0], (first[1] + second[1] - both[1]) % KEY_RANGE


def contacts_and_flow(session: Session, scope: Scope, lang: str) -> dict[Group, list[AggregateTable]]:
    """Contacts, flow and closures. Contacts and the women contacted go by the contact's desk, the other
    stages and the closures by the case's desk: a woman contacted at one desk counts there among the
    women contacted, whichever desk holds her case.
    """
    contacts, linked, cases = _statements(scope.shape)
    contacts_rows = scope.split(session.execute(contacts, scope.params).all(), empty=[(None, None)])
    linked_rows = scope.split(session.execute(linked, scope.params).all(), empty=[(None,)])
    columns = len(cases.selected_columns) - len(scope.shape.group(Case.help_desk_id))
    case_rows = scope.split(session.execute(cases, scope.params).all(), empty=[(None,) * columns])
    return {
        group: _tables(contacts_rows[group][0], linked_rows[group][0], case_rows[group][0], lang)
        for group in scope.groups
    }


@cache
def _statements(scope: Shape) -> tuple[Any, Any, Any]:
    """The contacts, the distinct cases behind the linked contacts, and the stages of the cases."""
    contact_where = and_(
        scope.within(Contact.date),
        scope.desk(Contact.help_desk_id),
        or_(Contact.case_id.is_(None), Contact.case_id.not_in(excluded_cases())),
    )
    by_contact_desk = scope.group(Contact.help_desk_id)
    contacts = (
        select(
            *by_contact_desk,
            packed(true(), Contact.record_key),
            packed(Contact.case_id.is_(None), Contact.record_key),
        )
        .where(contact_where)
        .group_by(*by_contact_desk)
    )
    # the distinct cases behind the linked contacts (by the contact's desk), each counted once
    linked_where = and_(contact_where, Contact.case_id.is_not(None))
    pairs = select(Contact.case_id.label("c"), *[c.label("g") for c in by_contact_desk]).where(linked_where)
    contacted = pairs.distinct().subquery()
    by_pair_desk = [contacted.c.g] if scope.by_desk else []
    linked = (
        select(*by_pair_desk, packed(true(), Case.record_key))
        .select_from(contacted)
        .join(Case, Case.id == contacted.c.c)
        .group_by(*by_pair_desk)
    )

    k = _candidates(scope).c
    active = and_(k.opened_on <= END, or_(k.closed_on.is_(None), k.closed_on >= START))
    received = k.id.in_(select(Intake.case_id).where(scope.within(Intake.date)))
    new = scope.within(k.taken_in_charge_on)
    continuing = and_(k.taken_in_charge_on < START, or_(k.closed_on.is_(None), k.closed_on >= START))
    closed = scope.within(k.closed_on)
    by_case_desk = scope.group(k.help_desk_id)
    # each case in some row once, with its stages as flags: the test "an interview in the period" is made
    # once per case, not once per column that names it. The filter names the column (SQLite resolves a
    # result column's name in WHERE): the list of the period's interviews is then built once for the
    # filter, the column and the three ranges, where the subquery written twice was built twice (~7 ms)
    stages = (
        select(
            *[g.label("g") for g in by_case_desk],
            k.record_key.label("key"),
            k.status.label("status"),
            active.label("active"),
            received.label("received"),
            new.label("new"),
            continuing.label("continuing"),
            closed.label("closed"),
            k.id.label("id"),
            k.help_desk_id.label("desk"),
        )
        # only cases in some row are aggregated; the others are skipped by this cheap filter
        .where(or_(active, new, continuing, closed, literal_column("received")))
        .cte("stages")
        .prefix_with("MATERIALIZED")
    )
    c = stages.c
    active_or_received = or_(c.active, c.received)
    # contacted at the case's own group too: those are in both parts of the flow's total, counted once
    # (tested here, on the flags' rows: inside the CTE a (case, desk) pair tested against the contacts
    # took 4 s for a year by desk instead of 0.1)
    contacted_here = scope.same_group(c.id, c.desk, Contact.case_id, Contact.help_desk_id, linked_where)
    columns = [
        packed(c.received, c.key),
        packed(c.new, c.key),
        packed(c.continuing, c.key),
        packed(c.closed, c.key),
        packed(c.active, c.key),
        packed(active_or_received, c.key),
        packed(and_(active_or_received, contacted_here), c.key),
        *[packed(and_(c.closed, c.status == s), c.key) for s in codelists.codes("case_status")],
    ]
    group = [c.g] if scope.by_desk else []
    cases = select(*group, *columns).group_by(*group)
    return contacts, linked, cases


def _candidates(scope: Shape) -> Any:
    """The scope's cases that can be in some stage (`_ranges`), with the fields the stages test."""
    fields = (
        Case.id, Case.help_desk_id, Case.record_key, Case.status, Case.opened_on, Case.closed_on,
        Case.taken_in_charge_on,
    )  # fmt: skip
    kept = [Case.statistics_allowed.is_not(False), scope.desk(Case.help_desk_id)]
    return union_all(*[select(*fields).where(*kept, part) for part in _ranges(scope)]).subquery("candidate")


def _ranges(scope: Shape) -> list[ColumnElement[bool]]:
    """Three disjoint ranges of indexes holding every case in some stage: never the cases closed before
    the period (most of the archive for a recent period) but for the few it still counts.

    Active, continuing and closed need `closed_on IS NULL OR closed_on >= START`; "new" and "received" do
    not (nothing stops a case from saying it was closed before the day it was taken in charge). A case
    closed before the period is in a row only if taken in charge in it (then closed before that day) or
    interviewed in it (then closed before her latest interview, which `case_profile` keeps): the partial
    indexes of migration 0025 hold exactly those cases, none in an ordinary archive. The desk-led
    `ix_case_file_flow` serves the first two ranges for one desk, and for every desk by skipping through
    them. The ranges are disjoint (NULL, at or after START, before it), so no case is counted twice.
    """
    charged = aliased(Case)
    few = union_all(
        select(charged.id).where(
            charged.closed_on < charged.taken_in_charge_on,  # ix_case_file_charged_after_closing
            scope.within(charged.taken_in_charge_on),
        ),
        select(CaseProfile.case_id).where(
            CaseProfile.closed_on < CaseProfile.intake_on,  # ix_case_profile_interviewed_after_closing
            CaseProfile.intake_on >= START,
        ),
    )
    return [Case.closed_on.is_(None), Case.closed_on >= START, and_(Case.closed_on < START, Case.id.in_(few))]


def _tables(
    contacts_row: Sequence[Any], linked_row: Sequence[Any], case_row: Sequence[Any], lang: str
) -> list[AggregateTable]:
    """The contacts, flow and closures tables of one group from its row of each statement."""
    statuses = codelists.codes("case_status")
    contacts, anonymous = (unpack(x) for x in contacts_row)
    linked = unpack(linked_row[0])
    row = [unpack(x) for x in case_row]
    received_w, new_w, cont_w, closed_w, active_w, at_desk, at_desk_contacted = row[:7]
    by_status = dict(zip(statuses, row[7:], strict=True))
    flow_cases = _ck_union(at_desk, linked, at_desk_contacted)

    women_contacted = ck_sum([anonymous, linked])
    table = one_way(
        "contacts", lang, Unit.CONTACTS, ["CONTACTS"], {"CONTACTS": contacts[0]}, list_name=None,
        total=contacts[0], contributors={"CONTACTS": women_contacted[0]},
        total_contributors=women_contacted[0], keys={"CONTACTS": CellKeys(key=contacts[1])},
        total_keys=CellKeys(key=contacts[1]),
    )  # fmt: skip
    flow_values = {
        "WOMEN_CONTACTED": women_contacted,
        "RECEIVED": received_w,
        "IN_CHARGE_NEW": new_w,
        "IN_CHARGE_CONTINUING": cont_w,
        "CLOSED": closed_w,
        "ACTIVE": active_w,
    }
    flow = women_table(
        "flow", lang, None, FLOW_ROWS, flow_values, ck_sum([anonymous, flow_cases]), additive=False
    )
    closures = women_table(
        "closures_outcome", lang, "case_status", statuses, by_status, closed_w, additive=True
    )
    return [table, flow, closures]
