"""Referrals by destination and shelter placements, by the desk of the woman's case."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Any

from sqlalchemy import and_, case, func, literal, select, union_all
from sqlalchemy.orm import Session

from app.models import codelists
from app.models.cases import Case, Referral
from app.reports.cellkey import KEY_RANGE
from app.reports.indicators.grids import one_way
from app.reports.indicators.scope import Group, Scope, Shape, distinct_packed, excluded_cases
from app.reports.tables import AggregateTable, CellKeys, Unit

SHELTER_DESTINATIONS = ("CASA_RIFUGIO", "PRONTA_ACCOGL")


def referrals(session: Session, scope: Scope, lang: str) -> dict[Group, list[AggregateTable]]:
    """Referrals and shelter placements, by the desk of the woman's case."""
    stmt = _statement(scope.shape)
    rows = scope.split(session.execute(stmt, scope.params).all(), empty=[("*",) + (None,) * 9])
    return {group: _referrals_tables(rows[group], lang) for group in scope.groups}


@cache
def _statement(scope: Shape) -> Any:
    """By destination and in all: referrals, women, women placed and children placed with them."""
    r = Referral
    base = (
        select(
            *[d.label("g") for d in scope.group(Case.help_desk_id)],
            r.destination.label("d"), r.case_id.label("c"), r.outcome.label("o"), r.children_count.label("k"),
            r.record_key.label("rk"), Case.record_key.label("wk"),
        )
        .join(Case, Case.id == r.case_id)
        .where(scope.within(r.date), scope.case_desk(Case.help_desk_id), r.case_id.not_in(excluded_cases()))
        .order_by(*scope.group(Case.help_desk_id))  # each desk's rows together (per desk)
        .cte("ref")
        .prefix_with("MATERIALIZED")  # read once, aggregated twice
    )  # fmt: skip
    placed = and_(base.c.o == "ACCOLTO", base.c.d.in_(SHELTER_DESTINATIONS))
    with_children = and_(placed, base.c.k > 0)

    def aggregates() -> list[Any]:
        return [
            func.count(), func.sum(base.c.rk),
            func.count(func.distinct(base.c.c)), distinct_packed(base.c.c, base.c.wk),
            func.count(func.distinct(case((placed, base.c.c)))),
            distinct_packed(case((placed, base.c.c)), base.c.wk),
            func.coalesce(func.sum(case((placed, base.c.k), else_=0)), 0),
            func.count(func.distinct(case((with_children, base.c.c)))),
            distinct_packed(case((with_children, base.c.c)), base.c.wk),
        ]  # fmt: skip

    group = [base.c.g] if scope.by_desk else []
    parts = union_all(
        select(*group, base.c.d, *aggregates()).group_by(*group, base.c.d),
        select(*group, literal("*"), *aggregates()).group_by(*group),
    )
    return select(parts.subquery())


def _referrals_tables(rows: Sequence[Sequence[Any]], lang: str) -> list[AggregateTable]:
    """The tables of one group from its (destination or *, aggregates...) rows of `referrals`."""
    n: dict[str, int] = {}
    women: dict[str, int] = {}
    placed_w: dict[str, int] = {}
    children: dict[str, int] = {}
    children_w: dict[str, int] = {}
    ref_keys: dict[str, CellKeys] = {}
    placed_keys: dict[str, CellKeys] = {}
    children_keys: dict[str, CellKeys] = {}
    for d, cnt, rk, w, wk, pw, pwk, ch, chw, chwk in rows:
        n[d], women[d], placed_w[d] = int(cnt or 0), int(w or 0), int(pw or 0)
        children[d], children_w[d] = int(ch or 0), int(chw or 0)
        ref_keys[d] = CellKeys(int(rk or 0) % KEY_RANGE, women[d], int(wk or 0) % KEY_RANGE)
        placed_keys[d] = CellKeys(key=int(pwk or 0) % KEY_RANGE)
        chk = int(chwk or 0) % KEY_RANGE
        children_keys[d] = CellKeys(key=chk, women=children_w[d], women_key=chk)
    destinations = list(codelists.codes("referral_destination"))
    none = CellKeys()
    referrals = one_way(
        "referrals_destination", lang, Unit.REFERRALS, destinations, n, list_name="referral_destination",
        total=n.get("*", 0), contributors=women, total_contributors=women.get("*", 0),
        keys=ref_keys, total_keys=ref_keys.get("*", none),
    )  # fmt: skip
    shelter_women = one_way(
        "shelter_women", lang, Unit.WOMEN, list(SHELTER_DESTINATIONS), placed_w,
        list_name="referral_destination", total=placed_w.get("*", 0), additive=False,
        keys=placed_keys, total_keys=placed_keys.get("*", none),
    )  # fmt: skip
    shelter_children = one_way(
        "shelter_children", lang, Unit.MINORS, list(SHELTER_DESTINATIONS), children,
        list_name="referral_destination", total=sum(children.get(d, 0) for d in SHELTER_DESTINATIONS),
        contributors=children_w, total_contributors=children_w.get("*", 0),
        keys=children_keys, total_keys=children_keys.get("*", none),
    )  # fmt: skip
    return [referrals, shelter_women, shelter_children]
