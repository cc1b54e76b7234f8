"""Golden digests of the indicators of a fixed demo archive: a change of speed must not change a value.

The archive is the seeded demo with its record keys made deterministic (the demo draws them with SQLite's
unseeded random()), some contacts and services moved to another desk (so the desk rules disagree, as in
tests/test_indicators_by_desk.py) and an idle desk. For several periods (a year, a quarter, a month, a
date range that cuts months at both ends) and desk sets, the digest covers every field of every table
the computation returns (values, contributors, cell keys, labels) and of the same tables after disclosure
control (the perturbed values a release publishes). The digests were taken before the indicators were
split into modules and made faster; any difference is a changed published value, not a refactoring.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Iterator, Sequence
from datetime import date
from typing import Any

import pytest
from sqlalchemy import case, select, text, update

from app import demo
from app.crypto.keyslots import KdfParams
from app.models.accounts import HelpDesk
from app.models.cases import Contact, ServiceDelivery
from app.reports import disclosure
from app.reports.indicators import compute_indicators, compute_indicators_by_desk
from app.reports.periods import Period, parse_period
from app.reports.tables import AggregateTable
from app.services import accounts
from app.services.workspace import Workspace

FAST = KdfParams(19456, 2, 1)
PASSWORD = "lanterna torrente civetta brina"
KEYED_TABLES = ("case_file", "contact", "service_delivery", "referral")


def make_deterministic(ws: Workspace) -> None:
    """Record keys from the row ids (the demo's are random), each service carrying her case's key again;
    a third of the contacts and services moved to the next desk; an idle desk."""
    with ws.transaction() as session:
        for salt, table in enumerate(KEYED_TABLES):
            session.execute(text(f"UPDATE {table} SET record_key = (id * 2654435761 + {salt * 977}) % 4096"))
        session.execute(
            text(
                "UPDATE service_delivery SET woman_key ="
                " (SELECT record_key FROM case_file WHERE case_file.id = service_delivery.case_id)"
            )
        )
        desks = sorted(session.scalars(select(HelpDesk.id)))
        elsewhere = {d: desks[(i + 1) % len(desks)] for i, d in enumerate(desks)}
        for model in (Contact, ServiceDelivery):
            session.execute(
                update(model)
                .where(model.id % 3 == 0)
                .values(help_desk_id=case(elsewhere, value=model.help_desk_id))
            )
    accounts.add_help_desk(ws, "Sportello senza dati")


def canonical(tables: Sequence[AggregateTable]) -> list[Any]:
    """Every field of every table, in a stable JSON form (cell keys sorted by position)."""
    out = []
    for table in tables:
        fields = {f.name: getattr(table, f.name) for f in dataclasses.fields(AggregateTable)}
        # `minutes` (the exact minutes behind an hours cell, for a centre's partials) came after the digests
        # were taken: every other field must stay as it was
        fields["keys"] = sorted(
            [list(pos), {n: v for n, v in dataclasses.asdict(k).items() if n != "minutes"}]
            for pos, k in table.keys.items()
        )
        fields["unit"] = str(table.unit)
        out.append(fields)
    return out


def digest(tables: Sequence[AggregateTable]) -> str:
    data = json.dumps(canonical(tables), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()[:16]


def digests(ws: Workspace) -> dict[str, str]:
    """Raw and protected digests of each (period, desk set) computation, keyed by a readable name."""
    out: dict[str, str] = {}
    periods = [
        Period.year(2025),
        parse_period("2025-Q3"),
        parse_period("2026-02"),
        parse_period("2025-11-15..2026-02-10"),
    ]
    with ws.parallel_reads(2) as sessions:
        desks = sorted(sessions[0].scalars(select(HelpDesk.id)))
        for period in periods:
            tables = {"all": compute_indicators(sessions, period, None)}
            tables[f"desk{desks[0]}"] = compute_indicators(sessions, period, [desks[0]])
            tables["two desks"] = compute_indicators(sessions, period, desks[1:3])
            for desk, by_desk in compute_indicators_by_desk(sessions, period, desks).items():
                tables[f"by desk {desk}"] = by_desk
            for name, computed in tables.items():
                out[f"{period.code} {name}"] = digest(computed)
                out[f"{period.code} {name} protected"] = digest(disclosure.protect(computed, 3).tables)
    return out


@pytest.fixture(scope="module")
def golden_ws(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    folder = tmp_path_factory.mktemp("golden") / "data"
    workspace, _ = Workspace.initialise(
        folder, centre_name="Aiuto Donna", centre_code="BG", desk_name="Bergamo", username="anna",
        full_name="Anna", password=PASSWORD, kdf=FAST,
    )  # fmt: skip
    demo.generate(workspace, cases=400, seed=2026, years=3, today=date(2026, 6, 30))
    make_deterministic(workspace)
    yield workspace
    workspace.close()


GOLDEN: dict[str, str] = {
    "2025 all": "660fbe22db1ee627",
    "2025 all protected": "ae187e2b6ed033f4",
    "2025 desk1": "3dcd9efdef6ec138",
    "2025 desk1 protected": "8370fabfaa5da5ac",
    "2025 two desks": "d18fe2170796c3e9",
    "2025 two desks protected": "24de94084961c6bb",
    "2025 by desk 1": "3dcd9efdef6ec138",
    "2025 by desk 1 protected": "8370fabfaa5da5ac",
    "2025 by desk 2": "577f6ecebc61152e",
    "2025 by desk 2 protected": "b3453a9988b17cea",
    "2025 by desk 3": "2d3d8d2fdd22544a",
    "2025 by desk 3 protected": "9fcbce66be0075c7",
    "2025 by desk 4": "f316fe356bf7d37f",
    "2025 by desk 4 protected": "cbd14b3a4f51f1ce",
    "2025 by desk 5": "e6b1034791d66834",
    "2025 by desk 5 protected": "5f1180dcb5a53f13",
    "2025 by desk 6": "55aee402b405c747",
    "2025 by desk 6 protected": "e029ed47e5ff3ca6",
    "2025 by desk 7": "862d5e5b0dd76494",
    "2025 by desk 7 protected": "95cdbaecfb43bd19",
    "2025-Q3 all": "d91fd8a15c66d8fa",
    "2025-Q3 all protected": "b43c3b1f33d6b0fe",
    "2025-Q3 desk1": "ad6a90d5b7d78c4e",
    "2025-Q3 desk1 protected": "57700c9b68922d75",
    "2025-Q3 two desks": "81cdd8d8f3393bc4",
    "2025-Q3 two desks protected": "c13033a4024f0281",
    "2025-Q3 by desk 1": "ad6a90d5b7d78c4e",
    "2025-Q3 by desk 1 protected": "57700c9b68922d75",
    "2025-Q3 by desk 2": "e680d3f6128f2827",
    "2025-Q3 by desk 2 protected": "da9095dfd295294d",
    "2025-Q3 by desk 3": "50ee136d54b2e1dd",
    "2025-Q3 by desk 3 protected": "c11c5ca342bb5185",
    "2025-Q3 by desk 4": "bfdda3ff48f00d5f",
    "2025-Q3 by desk 4 protected": "1162181a7311d872",
    "2025-Q3 by desk 5": "f7aeef172de1fca2",
    "2025-Q3 by desk 5 protected": "528201424be9c349",
    "2025-Q3 by desk 6": "3ce72ab5e1547b36",
    "2025-Q3 by desk 6 protected": "fd56bc4d4911ab1e",
    "2025-Q3 by desk 7": "862d5e5b0dd76494",
    "2025-Q3 by desk 7 protected": "95cdbaecfb43bd19",
    "2026-02 all": "2f94ab5804a037b5",
    "2026-02 all protected": "93b93ae662500b73",
    "2026-02 desk1": "7085ed8cc0bf07fb",
    "2026-02 desk1 protected": "af05897b9dccb849",
    "2026-02 two desks": "9a874981c005251b",
    "2026-02 two desks protected": "452d37aa3d0d2223",
    "2026-02 by desk 1": "7085ed8cc0bf07fb",
    "2026-02 by desk 1 protected": "af05897b9dccb849",
    "2026-02 by desk 2": "432b6b5b731e3b28",
    "2026-02 by desk 2 protected": "ab7418af067fc57a",
    "2026-02 by desk 3": "13f950ecec8076e1",
    "2026-02 by desk 3 protected": "4baebb6db7ebd29e",
    "2026-02 by desk 4": "f8b5179706d7f1be",
    "2026-02 by desk 4 protected": "afb1671d4dddc611",
    "2026-02 by desk 5": "979db359211a9ea7",
    "2026-02 by desk 5 protected": "1e138ca97581b7fb",
    "2026-02 by desk 6": "a4bffd9236dcf12f",
    "2026-02 by desk 6 protected": "ceeac327d291db07",
    "2026-02 by desk 7": "862d5e5b0dd76494",
    "2026-02 by desk 7 protected": "95cdbaecfb43bd19",
    "2025-11-15..2026-02-10 all": "5029b1cfa87e5c4a",
    "2025-11-15..2026-02-10 all protected": "842674d55719d310",
    "2025-11-15..2026-02-10 desk1": "4afc972ef8384ee2",
    "2025-11-15..2026-02-10 desk1 protected": "49fd7b098ea20c03",
    "2025-11-15..2026-02-10 two desks": "d0c840157b007218",
    "2025-11-15..2026-02-10 two desks protected": "7e26b597162f152b",
    "2025-11-15..2026-02-10 by desk 1": "4afc972ef8384ee2",
    "2025-11-15..2026-02-10 by desk 1 protected": "49fd7b098ea20c03",
    "2025-11-15..2026-02-10 by desk 2": "a3e6aaf54e9accee",
    "2025-11-15..2026-02-10 by desk 2 protected": "bb2487dca327ab76",
    "2025-11-15..2026-02-10 by desk 3": "236df260b8adfbb3",
    "2025-11-15..2026-02-10 by desk 3 protected": "f2ffcb4acff0d673",
    "2025-11-15..2026-02-10 by desk 4": "16e4233ffbe7b410",
    "2025-11-15..2026-02-10 by desk 4 protected": "9c1298e0cf5c3096",
    "2025-11-15..2026-02-10 by desk 5": "19e3a714e1a47761",
    "2025-11-15..2026-02-10 by desk 5 protected": "2a304ea39617032c",
    "2025-11-15..2026-02-10 by desk 6": "bea7daaf5bc24294",
    "2025-11-15..2026-02-10 by desk 6 protected": "3e0a081e91da9bc8",
    "2025-11-15..2026-02-10 by desk 7": "862d5e5b0dd76494",
    "2025-11-15..2026-02-10 by desk 7 protected": "95cdbaecfb43bd19",
}


def test_the_indicators_of_the_golden_archive_are_unchanged(golden_ws: Workspace) -> None:
    assert digests(golden_ws) == GOLDEN
