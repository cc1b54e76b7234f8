"""Indicators computed in SQL on a real encrypted workspace with known data.

The data (period 2025-Q2, 2025-04-01..2025-06-30; desk 1 "Sportello Centro", desk 2 "Dalmine"):

* A1..A7, desk 1: born 1990, Italian, opened 2025-04-10, intake that day, pathway agreed 2025-04-15
  (new in charge). A1..A3: FISICA+PSICOLOGICA, relationship 01, children (2 minors, 1 witnessed);
  A4..A7: PSICOLOGICA, relationship 03. A1 also has a later intake after the period (relationship 13,
  ignored), cohabitation FIGLI+PARTNER, emergency, AMMONIMENTO requested.
* B1, B2, desk 2: born 2010, Romanian, opened 2025-01-10, intake then, pathway 2025-02-01 (continuing);
  B1 (STUPRO+MOLESTIE) closed 2025-05-05 CONCLUSO_OBJ; B2 open, no forms.
* C, desk 1: closed 2025-03-20, before the period: not active.
* D, desk 1: no consent to statistics: her contact, intake, service and referral must vanish.
* E, desk 2: stateless, opened 2025-07-01 after the period; her contact on 2025-06-30 counts.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.crypto.keyslots import KdfParams
from app.models import codelists
from app.models.cases import ServiceDelivery
from app.reports.indicators import TABLE_IDS, compute_indicators
from app.reports.indicators.profile import profile as profile_section
from app.reports.indicators.scope import Scope
from app.reports.periods import Period, parse_period
from app.reports.tables import AggregateTable, Unit
from app.services import accounts
from app.services import cases as c
from app.services.workspace import Workspace
from tests.query_plans import executed, plan_rows

Q2 = parse_period("2025-Q2")
ALL_CONSENTS = ("TRATTAMENTO", "STATISTICHE")


@dataclass
class World:
    ws: Workspace
    desk1: int
    desk2: int
    ids: dict[str, int]


def _case(
    ws: Workspace,
    name: str,
    opened: date,
    desk: int,
    consents: tuple[str, ...] = ALL_CONSENTS,
    **profile: Any,
) -> int:
    ref = c.open_case(
        ws,
        c.IdentityInput(name, "Prova"),
        c.ProfileInput(**profile),
        c.ConsentInput(consents, opened),
        opened_on=opened,
        help_desk_id=desk,
    )
    return ref.id


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    folder: Path = tmp_path_factory.mktemp("indicators") / "data"
    ws, _ = Workspace.initialise(
        folder,
        centre_name="Aiuto Donna",
        centre_code="BG",
        desk_name="Sportello Centro",
        username="anna",
        full_name="Anna",
        password="lanterna torrente civetta brina",
        kdf=KdfParams(19456, 2, 1),
    )
    desk1 = accounts.list_help_desks(ws)[0].id
    desk2 = accounts.add_help_desk(ws, "Dalmine").id
    ids: dict[str, int] = {}
    opened_a = date(2025, 4, 10)
    for n in range(1, 8):
        extra: dict[str, Any] = {}
        if n <= 3:
            extra = {"has_children": "SI", "minors_count": 2, "minors_witnessed": 1, "minors_suffered": 0}
        if n == 1:
            extra["cohabitation"] = ("FIGLI", "PARTNER")
        cid = ids[f"A{n}"] = _case(ws, f"A{n}", opened_a, desk1, birth_year=1990, country="IT", **extra)
        forms = ("FISICA", "PSICOLOGICA") if n <= 3 else ("PSICOLOGICA",)
        c.add_intake(
            ws,
            cid,
            c.IntakeInput(
                opened_a,
                "N1522",
                "TELEFONO",
                forms,
                "01" if n <= 3 else "03",
                "1_5Y",
                emergency=n == 1,
                measures_requested=("AMMONIMENTO",) if n == 1 else (),
            ),
        )
        c.agree_pathway(ws, cid, date(2025, 4, 15))
    c.add_intake(ws, ids["A1"], c.IntakeInput(date(2025, 7, 10), "N1522", "TELEFONO", ("FISICA",), "13"))
    c.add_risk_assessment(ws, ids["A1"], date(2025, 4, 12), "ELEVATO", "SARA_S")
    c.add_risk_assessment(ws, ids["A1"], date(2025, 6, 1), "MEDIO", "SARA_S")
    c.add_risk_assessment(ws, ids["A2"], date(2025, 4, 12), "BASSO", "ISA")
    c.add_risk_assessment(ws, ids["A2"], date(2025, 7, 5), "ELEVATO", "ISA")  # after the period

    opened_b = date(2025, 1, 10)
    b_forms: list[tuple[int, tuple[str, ...]]] = [(1, ("STUPRO", "MOLESTIE")), (2, ())]
    for n, b_form in b_forms:
        cid = ids[f"B{n}"] = _case(ws, f"B{n}", opened_b, desk2, birth_year=2010, country="RO")
        c.add_intake(ws, cid, c.IntakeInput(opened_b, "FFOO", "PRESENZA", b_form, "05"))
        c.agree_pathway(ws, cid, date(2025, 2, 1))
    c.close_case(ws, ids["B1"], "CONCLUSO_OBJ", date(2025, 5, 5))

    ids["C"] = _case(ws, "C", date(2025, 3, 1), desk1, country="MA")
    c.close_case(ws, ids["C"], "INTERR_DONNA", date(2025, 3, 20))
    ids["D"] = _case(
        ws, "D", date(2025, 4, 2), desk1, consents=("TRATTAMENTO",), birth_year=1990, country="IT"
    )
    c.add_intake(ws, ids["D"], c.IntakeInput(date(2025, 4, 2), "N1522", "TELEFONO", ("FISICA",), "01"))
    ids["E"] = _case(ws, "E", date(2025, 7, 1), desk2, birth_year=1950, country="XX")

    # contacts
    for day in (date(2025, 4, 1), date(2025, 5, 1), date(2025, 6, 30)):
        c.record_contact(ws, c.ContactInput(day, "N1522", "TELEFONO", help_desk_id=desk1))
    c.record_contact(ws, c.ContactInput(date(2025, 3, 31), "N1522", "TELEFONO", help_desk_id=desk1))
    for day in (date(2025, 4, 8), date(2025, 4, 9)):
        c.record_contact(ws, c.ContactInput(day, "N1522", "TELEFONO", help_desk_id=desk1), ids["A1"])
    c.record_contact(ws, c.ContactInput(date(2025, 4, 2), "N1522", "TELEFONO", help_desk_id=desk1), ids["D"])
    c.record_contact(
        ws, c.ContactInput(date(2025, 6, 30), "AUTONOMA", "PRESENZA", help_desk_id=desk2), ids["E"]
    )

    # services
    def svc(
        key: str, day: date, kind: str, mode: str, minutes: int, desk: int, beneficiary: str = "DONNA"
    ) -> None:
        c.add_service(
            ws,
            ids[key],
            c.ServiceInput(day, kind, mode, minutes, "PSICOLOGA", beneficiary, help_desk_id=desk),
        )

    svc("B2", date(2025, 3, 31), "ASCOLTO", "TELEFONO", 20, desk2)  # day before
    svc("B2", date(2025, 4, 1), "PSICO_IND", "PRESENZA", 60, desk2)  # first day
    svc("B2", date(2025, 6, 30), "LEGALE_CIV", "TELEFONO", 30, desk2)  # last day
    svc("B2", date(2025, 7, 1), "ASCOLTO", "TELEFONO", 45, desk2)  # day after
    for n in range(1, 8):
        svc(f"A{n}", date(2025, 5, 1), "PSICO_IND", "PRESENZA", 50, desk1)
    svc("A1", date(2025, 5, 8), "PSICO_IND", "PRESENZA", 50, desk1)
    svc("A2", date(2025, 5, 2), "MINORI", "PRESENZA", 40, desk1, "MINORE")
    svc("A3", date(2025, 5, 3), "LAVORO", "VIDEO", 90, desk2)
    svc("D", date(2025, 5, 1), "PSICO_IND", "PRESENZA", 60, desk1)

    # referrals
    def ref(key: str, day: date, dest: str, outcome: str = "IN_ATTESA", children: int = 0) -> None:
        c.add_referral(ws, ids[key], c.ReferralInput(day, dest, outcome, children_count=children))

    ref("A1", date(2025, 5, 10), "CASA_RIFUGIO", "ACCOLTO", 2)
    ref("A2", date(2025, 5, 11), "PRONTA_ACCOGL", "ACCOLTO")
    ref("A2", date(2025, 6, 1), "CASA_RIFUGIO")
    ref("B2", date(2025, 4, 20), "SERV_SOC")
    ref("D", date(2025, 5, 1), "FFOO")
    ref("A3", date(2025, 7, 2), "FFOO")
    try:
        yield World(ws, desk1, desk2, ids)
    finally:
        ws.close()


def _compute(
    world: World, period: Period = Q2, desks: list[int] | None = None, lang: str = "it"
) -> dict[str, AggregateTable]:
    with world.ws.transaction(write=False) as session:
        tables = compute_indicators(session, period, desks, lang)
    assert [t.id for t in tables] == list(TABLE_IDS)
    return {t.id: t for t in tables}


def _col(table: AggregateTable) -> dict[str, object]:
    """One-column table as {row: value}, with its total under '*'."""
    return {**{r: table.cells[i][0] for i, r in enumerate(table.rows)}, "*": table.total}


def _contrib(table: AggregateTable) -> dict[str, object]:
    assert table.contributors is not None
    return {**{r: table.contributors[i][0] for i, r in enumerate(table.rows)}, "*": table.total_contributors}


def _nonzero(table: AggregateTable) -> dict[str, object]:
    return {k: v for k, v in _col(table).items() if v}


@pytest.fixture(scope="module")
def q2(world: World) -> dict[str, AggregateTable]:
    return _compute(world)


def test_contacts_and_flow(q2: dict[str, AggregateTable]) -> None:
    assert _col(q2["contacts"]) == {"CONTACTS": 6, "*": 6}
    assert _contrib(q2["contacts"]) == {"CONTACTS": 5, "*": 5}  # 3 anonymous + A1 (twice) + E
    assert q2["contacts"].unit is Unit.CONTACTS
    assert _col(q2["flow"]) == {
        "WOMEN_CONTACTED": 5,
        "RECEIVED": 7,
        "IN_CHARGE_NEW": 7,
        "IN_CHARGE_CONTINUING": 2,
        "CLOSED": 1,
        "ACTIVE": 9,
        "*": 13,  # 3 anonymous + A1..A7, B1, B2, E
    }
    assert not q2["flow"].additive
    assert _nonzero(q2["closures_outcome"]) == {"CONCLUSO_OBJ": 1, "*": 1}


def test_profile(q2: dict[str, AggregateTable]) -> None:
    assert _nonzero(q2["age_istat"]) == {"30-39": 7, "<18": 2, "*": 9}
    assert _nonzero(q2["age_lombardy"]) == {"35-44": 7, "<=17": 2, "*": 9}
    assert _nonzero(q2["citizenship"]) == {"ITA": 7, "UE": 2, "*": 9}
    assert _nonzero(q2["citizenship_binary"]) == {"ITALIANA": 7, "STRANIERA": 2, "*": 9}
    assert _nonzero(q2["education"]) == {"ND": 9, "*": 9}
    assert _nonzero(q2["cohabitation"]) == {"FIGLI": 1, "PARTNER": 1, "ND": 8, "*": 9}
    assert _nonzero(q2["has_children"]) == {"SI": 3, "ND": 6, "*": 9}
    minors = q2["minors"]
    assert minors.unit is Unit.MINORS and not minors.additive
    assert _col(minors) == {"MINORS": 6, "WITNESSED": 3, "SUFFERED": 0, "*": 6}
    assert _contrib(minors) == {"MINORS": 3, "WITNESSED": 3, "SUFFERED": 0, "*": 3}


def test_violence_from_latest_intake_up_to_period_end(q2: dict[str, AggregateTable]) -> None:
    forms = q2["violence_forms"]
    assert not forms.additive and forms.unit is Unit.WOMEN
    assert _nonzero(forms) == {"FISICA": 3, "PSICOLOGICA": 7, "STUPRO": 1, "MOLESTIE": 1, "ND": 1, "*": 9}
    # B1's two sexual forms count her once in the macro group
    assert _nonzero(q2["violence_macro"]) == {"FISICA": 3, "PSICOLOGICA": 7, "SESSUALE": 1, "ND": 1, "*": 9}
    # A1's later intake (relationship 13) is after the period: ignored
    assert _nonzero(q2["relationship"]) == {"01": 3, "03": 4, "05": 2, "*": 9}
    assert _nonzero(q2["relationship_macro"]) == {"PARTNER": 3, "EX_PARTNER": 4, "FAMILIARE": 2, "*": 9}
    assert _nonzero(q2["access_channel"]) == {"N1522": 7, "FFOO": 2, "*": 9}
    assert _nonzero(q2["violence_duration"]) == {"1_5Y": 7, "ND": 2, "*": 9}
    assert _nonzero(q2["emergency"]) == {"SI": 1, "NO": 8, "*": 9}
    assert _nonzero(q2["measures_requested"]) == {"AMMONIMENTO": 1, "NESSUNA": 8, "*": 9}
    assert _nonzero(q2["measures_obtained"]) == {"NESSUNA": 9, "*": 9}
    assert _nonzero(q2["risk_level"]) == {"MEDIO": 1, "BASSO": 1, "ND": 7, "*": 9}


def _cell(table: AggregateTable, row: str, col: str) -> object:
    return table.cells[table.rows.index(row)][table.cols.index(col)]


def _cell_women(table: AggregateTable, row: str, col: str) -> int:
    assert table.contributors is not None
    return table.contributors[table.rows.index(row)][table.cols.index(col)]


def test_services_boundaries_margins_and_distinct_women(q2: dict[str, AggregateTable]) -> None:
    count, hours = q2["services_type_mode_count"], q2["services_type_mode_hours"]
    assert count.additive and count.unit is Unit.SERVICES and hours.unit is Unit.HOURS
    assert _cell(count, "PSICO_IND", "PRESENZA") == 9  # B2 on the first day + 8 for A1..A7, not D
    assert _cell_women(count, "PSICO_IND", "PRESENZA") == 8
    assert _cell(count, "LEGALE_CIV", "TELEFONO") == 1  # the last day counts
    assert _cell(count, "ASCOLTO", "TELEFONO") == 0  # the day before and the day after do not
    assert count.total == 12
    assert count.row_totals[count.rows.index("PSICO_IND")] == 9
    assert count.col_totals[count.cols.index("PRESENZA")] == 10
    # margins count distinct women, not sums of the cells' women
    assert count.col_contributors is not None and count.row_contributors is not None
    assert count.col_contributors[count.cols.index("PRESENZA")] == 8  # A2 twice (PSICO_IND, MINORI)
    assert count.total_contributors == 8
    assert sum(sum(r) for r in count.contributors or []) == 11
    assert _cell(hours, "PSICO_IND", "PRESENZA") == 7.7  # 460 minutes
    assert _cell(hours, "LAVORO", "VIDEO") == 1.5
    assert hours.total == pytest.approx(7.7 + 0.5 + 0.7 + 1.5)  # additive: sum of the rounded cells
    assert hours.contributors == count.contributors
    women = q2["services_women_by_type"]
    assert not women.additive
    assert _nonzero(women) == {"PSICO_IND": 8, "LEGALE_CIV": 1, "MINORI": 1, "LAVORO": 1, "*": 8}
    assert _col(q2["services_minors"]) == {"MINORE": 1, "*": 1}
    assert _contrib(q2["services_minors"]) == {"MINORE": 1, "*": 1}
    # the same women, the same cell key: women by type = distinct women of the count table's row margin
    for row in ("PSICO_IND", "MINORI"):
        margin = count.keys[(count.rows.index(row), -1)]
        assert women.keys[(women.rows.index(row), 0)].key == margin.women_key
        assert margin.women == _nonzero(women)[row]
    assert women.keys[(-1, -1)].key == count.keys[(-1, -1)].women_key


def test_referrals_and_shelter(q2: dict[str, AggregateTable]) -> None:
    refs = q2["referrals_destination"]
    assert refs.unit is Unit.REFERRALS and refs.additive
    assert _nonzero(refs) == {"CASA_RIFUGIO": 2, "PRONTA_ACCOGL": 1, "SERV_SOC": 1, "*": 4}
    contrib = _contrib(refs)
    assert (contrib["CASA_RIFUGIO"], contrib["PRONTA_ACCOGL"], contrib["*"]) == (2, 1, 3)
    assert _col(q2["shelter_women"]) == {"CASA_RIFUGIO": 1, "PRONTA_ACCOGL": 1, "*": 2}
    assert _col(q2["shelter_children"]) == {"CASA_RIFUGIO": 2, "PRONTA_ACCOGL": 0, "*": 2}
    assert _contrib(q2["shelter_children"]) == {"CASA_RIFUGIO": 1, "PRONTA_ACCOGL": 0, "*": 1}


def test_desk_filter(world: World) -> None:
    d1 = _compute(world, desks=[world.desk1])
    d2 = _compute(world, desks=[world.desk2])
    assert _col(d1["contacts"])["*"] == 5 and _contrib(d1["contacts"])["*"] == 4
    assert _col(d2["contacts"])["*"] == 1
    assert _col(d1["flow"]) == {
        "WOMEN_CONTACTED": 4, "RECEIVED": 7, "IN_CHARGE_NEW": 7, "IN_CHARGE_CONTINUING": 0,
        "CLOSED": 0, "ACTIVE": 7, "*": 10,
    }  # fmt: skip
    assert _col(d2["flow"])["ACTIVE"] == 2 and _col(d2["flow"])["*"] == 3
    assert _nonzero(d1["age_istat"]) == {"30-39": 7, "*": 7}
    assert _nonzero(d2["age_istat"]) == {"<18": 2, "*": 2}
    # services follow the delivering desk: A3 (desk 1 case) had LAVORO at desk 2
    assert _cell(d1["services_type_mode_count"], "LAVORO", "VIDEO") == 0
    assert _cell(d2["services_type_mode_count"], "LAVORO", "VIDEO") == 1
    assert d1["services_type_mode_count"].total == 9 and d2["services_type_mode_count"].total == 3
    # referrals follow the case's desk
    assert _col(d2["referrals_destination"])["*"] == 1
    none = _compute(world, desks=[])
    assert none["flow"].total == 0 and none["services_type_mode_count"].total == 0


def test_excluded_woman_leaves_no_trace(world: World, q2: dict[str, AggregateTable]) -> None:
    # D has a contact, an intake in the period, a PSICO_IND service and an FFOO referral
    assert _col(q2["referrals_destination"])["FFOO"] == 0
    assert _col(q2["violence_forms"])["FISICA"] == 3
    assert _col(q2["flow"])["RECEIVED"] == 7


def test_every_table_is_well_formed(world: World, q2: dict[str, AggregateTable]) -> None:
    lists = {
        "closures_outcome": "case_status", "age_istat": "age_istat", "age_lombardy": "age_lombardy",
        "citizenship": "citizenship", "citizenship_binary": "citizenship_binary", "education": "education",
        "employment": "employment", "marital_status": "marital_status", "cohabitation": "cohabitation",
        "has_children": "has_children", "violence_forms": "violence_form", "violence_macro": "violence_macro",
        "relationship": "relationship", "relationship_macro": "relationship_macro",
        "violence_duration": "violence_duration", "access_channel": "access_channel",
        "first_contact_mode": "first_contact_mode", "police_report": "police_report",
        "measures_requested": "protective_measure", "measures_obtained": "protective_measure",
        "risk_level": "risk_level", "services_type_mode_count": "service_type",
        "services_type_mode_hours": "service_type", "services_women_by_type": "service_type",
        "referrals_destination": "referral_destination",
    }  # fmt: skip
    for table_id, list_name in lists.items():
        table = q2[table_id]
        codes = list(codelists.codes(list_name))
        assert table.rows[: len(codes)] == codes, table_id
        assert set(table.row_labels) == set(table.rows), table_id
    assert q2["services_type_mode_count"].cols == list(codelists.codes("service_mode"))
    multi = {"cohabitation", "violence_forms", "violence_macro", "measures_requested", "measures_obtained"}
    for table in q2.values():
        assert table.contributors is not None and table.row_contributors is not None
        assert table.col_contributors is not None and table.total_contributors is not None
        if table.id in multi:
            assert not table.additive
        if table.unit is Unit.WOMEN:
            assert table.contributors == [[int(v or 0) for v in r] for r in table.cells], table.id
            assert table.total_contributors == table.total, table.id
        if table.additive:
            for i, row in enumerate(table.cells):
                assert table.row_totals[i] == pytest.approx(sum(v or 0 for v in row)), table.id
            assert table.total == pytest.approx(sum(v or 0 for v in table.row_totals)), table.id
            assert table.total == pytest.approx(sum(v or 0 for v in table.col_totals)), table.id
        else:
            assert all((v or 0) <= (table.total or 0) for v in table.row_totals), table.id
    active = q2["flow"].keys[(q2["flow"].rows.index("ACTIVE"), 0)]
    # the profile section's tables (a table of another section can share the key by chance: 1 in 4096)
    with world.ws.transaction(write=False) as session:
        profile_ids = {t.id for t in profile_section(session, Scope(Q2, None), "it")[None]}
    profile = [t for t in q2.values() if t.id in profile_ids and t.keys.get((-1, -1)) == active]
    assert len(profile) >= 20 and {t.total for t in profile} == {9}  # one population, one cell key


def test_titles_and_labels_follow_language(world: World) -> None:
    en = _compute(world, lang="en")
    it = _compute(world, lang="it")
    assert en["age_istat"].title == "Active women in the period, by age group (ISTAT)"
    assert it["age_istat"].title == "Donne attive nel periodo, per classe di età (ISTAT)"
    assert en["relationship"].row_labels["01"] == codelists.label("relationship", "01", "en")
    assert it["services_type_mode_count"].col_labels["PRESENZA"] == codelists.label(
        "service_mode", "PRESENZA"
    )
    assert en["flow"].cells == it["flow"].cells


def test_active_population_boundaries(world: World) -> None:
    # the day C closed (2025-03-20) she is still active; the next day she is not
    assert _col(_compute(world, parse_period("2025-03-20..2025-03-20"))["flow"])["ACTIVE"] == 3  # B1, B2, C
    assert _col(_compute(world, parse_period("2025-03-21..2025-03-21"))["flow"])["ACTIVE"] == 2


class _Rollback(Exception):
    pass


_MARCH = parse_period("2024-03")
_services = st.lists(
    st.tuples(
        st.integers(-2, _MARCH.days + 1),
        st.sampled_from(["ASCOLTO", "PSICO_IND", "LEGALE_CIV"]),
        st.sampled_from(["PRESENZA", "TELEFONO"]),
        st.integers(1, 600),
        st.sampled_from(["A1", "A2", "A3", "B1"]),
    ),
    max_size=25,
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=_services)
def test_service_totals_match_the_rows(world: World, rows: list[tuple[int, str, str, int, str]]) -> None:
    inside = [r for r in rows if 0 <= r[0] < _MARCH.days]
    try:
        with world.ws.transaction() as session:
            session.add_all(
                ServiceDelivery(
                    case_id=world.ids[key], date=_MARCH.start + timedelta(days=offset), service_type=kind,
                    mode=mode, minutes=minutes, help_desk_id=world.desk1, operator_role="PSICOLOGA",
                )
                for offset, kind, mode, minutes, key in rows
            )  # fmt: skip
            session.flush()
            tables = {t.id: t for t in compute_indicators(session, _MARCH, None)}
            raise _Rollback
    except _Rollback:
        pass
    count, hours = tables["services_type_mode_count"], tables["services_type_mode_hours"]
    assert count.total == len(inside)
    assert count.total_contributors == len({r[4] for r in inside})
    minutes = sum(r[3] for r in inside)
    cells: dict[tuple[str, str], int] = {}
    for _, kind, mode, m, _ in inside:
        cells[(kind, mode)] = cells.get((kind, mode), 0) + m
    # each cell is rounded half up to 0.1 h; the margins add the rounded cells (exactly additive), so the
    # total is within 0.05 h per non-empty cell of the exact hours, and equal to them with one cell
    assert hours.total == pytest.approx(sum((m + 3) // 6 for m in cells.values()) / 10)
    assert abs((hours.total or 0) - minutes / 60) <= 0.05 * len(cells) + 1e-9
    if len(cells) == 1:
        assert hours.total == pytest.approx(int(minutes / 6 + 0.5) / 10)


# --- lanes, snapshots and periods across years ------------------------------------------------------------
@pytest.mark.parametrize("lanes", [2, 3, 5])
@pytest.mark.parametrize("period", [Q2, parse_period("2024-11-01..2025-06-30"), parse_period("2025")])
def test_threads_give_the_tables_of_one_session(world: World, lanes: int, period: Period) -> None:
    """The sections split over threads and sessions (one snapshot) give exactly the single-session tables."""
    for desks in (None, [world.desk1]):
        with world.ws.transaction(write=False) as session:
            alone = compute_indicators(session, period, desks)
        with world.ws.parallel_reads(lanes) as sessions:
            assert len(sessions) == lanes
            split = compute_indicators(sessions, period, desks)
        assert split == alone


def test_services_of_a_period_across_two_years(world: World) -> None:
    """The year-led index path: a period over New Year counts the services of both years, and only those."""
    across, january = parse_period("2024-12-01..2025-01-31"), parse_period("2025-01")
    try:
        with world.ws.transaction() as session:
            before = {p: compute_indicators(session, p, None) for p in (across, january)}
            for day, count in ((date(2024, 11, 30), 7), (date(2024, 12, 31), 2), (date(2025, 1, 1), 3)):
                session.add_all(
                    ServiceDelivery(
                        case_id=world.ids["A1"], date=day, service_type="ASCOLTO", mode="PRESENZA",
                        minutes=30, help_desk_id=world.desk1, operator_role="OPERATRICE",
                    )
                    for _ in range(count)
                )  # fmt: skip
            session.flush()
            after = {p: compute_indicators(session, p, None) for p in (across, january)}
            raise _Rollback
    except _Rollback:
        pass

    def total(tables: list[AggregateTable]) -> object:
        return next(t for t in tables if t.id == "services_type_mode_count").total

    assert total(after[across]) == total(before[across]) + 5  # not the 7 of November
    assert total(after[january]) == total(before[january]) + 3


def test_a_years_services_stream_through_the_year_index(world: World) -> None:
    """The plan that makes a year of services cheap: the year-led covering index, no sort for the
    per-woman grouping. A change to `year_of` or to the index definition that SQLite no longer matches
    fails here rather than silently costing seconds at full scale."""
    with world.ws.transaction(write=False) as session:
        statements = executed(session, lambda: compute_indicators(session, parse_period("2025"), None))
        (statement, parameters) = next((s, p) for s, p in statements if "AS MATERIALIZED" in s and "per" in s)
        plan = plan_rows(session, statement, parameters)
    by_id = {row[0]: row for row in plan}
    materialize = next(row[0] for row in plan if row[3] == "MATERIALIZE per")
    inside = [row[3] for row in plan if row[1] == materialize or by_id.get(row[1], (0, 0))[1] == materialize]
    assert any("COVERING INDEX ix_service_delivery_year" in detail for detail in inside), plan
    assert not any("TEMP B-TREE FOR GROUP BY" in detail for detail in inside), plan
