"""ISTAT's tables over the women taken in charge in the period, on a real encrypted workspace.

Period 2025-Q2. W1..W6, desk 1: Italian, born 1985, opened 2025-04-10, pathway agreed 2025-04-15 (taken
in charge in the period); X: taken in charge 2025-02-01 (continuing: active, not in ISTAT's base); Y:
taken in charge in the period without consent to statistics (never counted).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from app.crypto.keyslots import KdfParams
from app.reports import disclosure
from app.reports.indicators import compute_indicators
from app.reports.periods import parse_period
from app.reports.tables import AggregateTable
from app.services import accounts
from app.services import cases as c
from app.services.workspace import Workspace

Q2 = parse_period("2025-Q2")
OPENED = date(2025, 4, 10)
NEW_TABLES = (
    "in_charge_age_istat", "help_sought", "perpetrators_count", "perpetrator_sex", "perpetrator_age",
    "perpetrator_citizenship", "perpetrator_weapons", "perpetrator_alcohol", "perpetrator_drugs",
    "perpetrator_prior_violence", "police_report_outcome", "police_report_by_relationship",
    "violence_by_relationship", "age_by_citizenship",
)  # fmt: skip


def _case(ws: Workspace, name: str, opened: date, desk: int, consents: tuple[str, ...], country: str) -> int:
    return c.open_case(
        ws,
        c.IdentityInput(name, "Prova"),
        c.ProfileInput(birth_year=1985, country=country),
        c.ConsentInput(consents, opened),
        opened_on=opened,
        help_desk_id=desk,
    ).id


@pytest.fixture(scope="module")
def q2(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, AggregateTable]]:
    folder: Path = tmp_path_factory.mktemp("istat") / "data"
    ws, _ = Workspace.initialise(
        folder, centre_name="Aiuto Donna", centre_code="BG", desk_name="Sportello Centro", username="anna",
        full_name="Anna", password="lanterna torrente civetta brina", kdf=KdfParams(19456, 2, 1),
    )  # fmt: skip
    desk = accounts.list_help_desks(ws)[0].id
    everything = ("TRATTAMENTO", "STATISTICHE")
    answers = [  # help sought, perpetrators, sex, relationship, forms, report
        (("FAMILIARI_AMICI", "FFOO"), 1, "M", "01", ("FISICA", "PSICOLOGICA"), "SI_UNA"),
        (("FAMILIARI_AMICI",), 1, "M", "01", ("PSICOLOGICA",), "SI_UNA"),
        (("FAMILIARI_AMICI", "PS_SANITA"), 2, "M", "03", ("STALKING",), "NO"),
        (("FFOO",), 1, "M", "03", ("PSICOLOGICA",), "NO"),
        (("NESSUNO",), 1, "F", "05", ("ECONOMICA",), "ND"),
    ]
    ids = []
    for n, (sought, count, sex, rel, forms, report) in enumerate(answers, start=1):
        cid = _case(ws, f"W{n}", OPENED, desk, everything, "IT")
        perpetrator = c.PerpetratorInput(count, sex, "40-49", "ITALIANA", "NO", "SI" if n <= 2 else "NO")
        c.add_intake(
            ws, cid,
            c.IntakeInput(OPENED, "N1522", "TELEFONO", forms, rel, police_report=report, help_sought=sought,
                          perpetrator=perpetrator),
        )  # fmt: skip
        c.agree_pathway(ws, cid, date(2025, 4, 15))
        ids.append(cid)
    w6 = _case(ws, "W6", OPENED, desk, everything, "MA")  # no intake at all: ND everywhere
    c.agree_pathway(ws, w6, date(2025, 4, 15))
    c.add_police_report_event(ws, ids[0], date(2025, 3, 1), "PRESENTATA")
    c.add_police_report_event(ws, ids[0], date(2025, 5, 1), "RITIRATA")
    c.add_police_report_event(ws, ids[1], date(2025, 4, 20), "PRESENTATA")
    c.add_police_report_event(ws, ids[1], date(2025, 8, 1), "PROCESSO")  # after the period
    x = _case(ws, "X", date(2025, 1, 10), desk, everything, "IT")
    c.add_intake(ws, x, c.IntakeInput(date(2025, 1, 10), "N1522", "TELEFONO", ("FISICA",), "01",
                                      help_sought=("FFOO",)))  # fmt: skip
    c.agree_pathway(ws, x, date(2025, 2, 1))
    y = _case(ws, "Y", OPENED, desk, ("TRATTAMENTO",), "IT")
    c.add_intake(ws, y, c.IntakeInput(OPENED, "N1522", "TELEFONO", ("FISICA",), "01", help_sought=("FFOO",)))
    c.agree_pathway(ws, y, date(2025, 4, 15))
    try:
        with ws.transaction(write=False) as session:
            yield {t.id: t for t in compute_indicators(session, Q2, None)}
    finally:
        ws.close()


def _col(table: AggregateTable) -> dict[str, object]:
    return {**{r: table.cells[i][0] for i, r in enumerate(table.rows) if table.cells[i][0]}, "*": table.total}


def _grid(table: AggregateTable) -> dict[tuple[str, str], object]:
    return {
        (r, col): table.cells[i][j]
        for i, r in enumerate(table.rows)
        for j, col in enumerate(table.cols)
        if table.cells[i][j]
    }


def test_istat_base_is_the_women_taken_in_charge_in_the_period(q2: dict[str, AggregateTable]) -> None:
    assert _col(q2["age_istat"]) == {"40-49": 7, "*": 7}  # every active woman (W1..W6, X)
    assert _col(q2["in_charge_age_istat"]) == {"40-49": 6, "*": 6}  # ISTAT: W1..W6 only (age at 2025)
    assert _col(q2["in_charge_citizenship"]) == {"ITA": 5, "EXTRAUE": 1, "*": 6}
    assert "prese in carico nel periodo" in q2["in_charge_age_istat"].title  # each says its base
    assert "attive nel periodo" in q2["age_istat"].title


def test_help_sought_counts_women_in_every_answer(q2: dict[str, AggregateTable]) -> None:
    table = q2["help_sought"]
    assert _col(table) == {"FAMILIARI_AMICI": 3, "FFOO": 2, "PS_SANITA": 1, "NESSUNO": 1, "ND": 1, "*": 6}
    assert not table.additive


def test_perpetrator_tables(q2: dict[str, AggregateTable]) -> None:
    assert _col(q2["perpetrators_count"]) == {"PERP_1": 4, "PERP_2": 1, "ND": 1, "*": 6}
    assert _col(q2["perpetrator_sex"]) == {"M": 4, "F": 1, "ND": 1, "*": 6}
    assert _col(q2["perpetrator_age"]) == {"40-49": 5, "ND": 1, "*": 6}
    assert _col(q2["perpetrator_citizenship"]) == {"ITALIANA": 5, "ND": 1, "*": 6}
    assert _col(q2["perpetrator_weapons"]) == {"NO": 5, "ND": 1, "*": 6}
    assert _col(q2["perpetrator_alcohol"]) == {"SI": 2, "NO": 3, "ND": 1, "*": 6}
    assert _col(q2["perpetrator_drugs"]) == {"ND": 6, "*": 6}


def test_police_report_outcome_is_the_latest_step_by_the_end_of_the_period(
    q2: dict[str, AggregateTable],
) -> None:
    assert _col(q2["police_report_outcome"]) == {"RITIRATA": 1, "PRESENTATA": 1, "NO_STEP": 4, "*": 6}


def test_cross_tabulations(q2: dict[str, AggregateTable]) -> None:
    report = q2["police_report_by_relationship"]
    assert _grid(report) == {
        ("PARTNER", "SI_UNA"): 2,
        ("EX_PARTNER", "NO"): 2,
        ("FAMILIARE", "ND"): 1,
        ("ND", "ND"): 1,
    }
    assert report.row_totals == [2, 2, 1, 0, 0, 1] and report.col_totals == [2, 2, 0, 2] and report.total == 6
    violence = q2["violence_by_relationship"]
    assert _grid(violence) == {
        ("FISICA", "PARTNER"): 1, ("PSICOLOGICA", "PARTNER"): 2, ("PSICOLOGICA", "EX_PARTNER"): 1,
        ("STALKING", "EX_PARTNER"): 1, ("ECONOMICA", "FAMILIARE"): 1, ("ND", "ND"): 1,
    }  # fmt: skip
    assert not violence.additive
    assert dict(zip(violence.cols, violence.col_totals, strict=True))["PARTNER"] == 2  # women, not forms
    age = q2["age_by_citizenship"]
    assert _grid(age) == {("40-49", "ITA"): 5, ("40-49", "EXTRAUE"): 1}
    for table in (report, violence, age):
        assert set(table.keys) >= {
            (i, j) for i in range(-1, len(table.rows)) for j in range(-1, len(table.cols))
        }


def test_every_new_table_is_protected_like_the_others(q2: dict[str, AggregateTable]) -> None:
    """All six women sit in cells below k: once protected, nothing small and nothing of the records is left."""
    protected = {t.id: t for t in disclosure.protect([q2[t] for t in NEW_TABLES], 5).tables}
    assert set(protected) == set(NEW_TABLES)
    for table in protected.values():
        for pos in disclosure.positions(table):
            value = disclosure.value_at(table, pos)
            assert value is None or value >= 5, (table.id, pos, value)
        assert table.keys == {} and table.contributors is None
