"""One release for a centre of several PCs, as if it were one archive (issue #24 part 3).

A demo centre of six desks is split by desk across three installations (the main office keeps two desks,
each desk PC two): every case goes with everything that hangs on it, every anonymous contact with its
desk, so each record is in exactly one archive. The desk PCs build their partial aggregates, the main
office accepts them and releases: every published value equals the single archive's release, for the
whole centre and for each desk of the lattice. Hostile partials are refused whole, nothing changed; a
period missing an installation is refused unless an administrator releases it without, and then says so.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from app import demo
from app.models.accounts import HelpDesk, Setting
from app.models.base import Base
from app.models.reports import PartialAggregate
from app.reports import package
from app.reports.periods import Period
from app.services import partials, releases, reports
from app.services.errors import UserError
from app.services.workspace import Workspace
from tests.conftest import FAST_KDF, copy_archive, shared_archive

PASSWORD = "lanterna torrente civetta brina"
YEAR = Period.year(2025)
TODAY = date(2026, 3, 2)
SOURCES = {"fp-seriate": "PC Seriate", "fp-romano": "PC Romano"}


def _build(folder: Path) -> None:
    ws, _ = Workspace.initialise(
        folder, centre_name="Aiuto Donna", centre_code="BG", desk_name="Bergamo", username="anna",
        full_name="Anna", password=PASSWORD, kdf=FAST_KDF,
    )  # fmt: skip
    with ws:
        demo.generate(ws, cases=300, seed=11, years=2, today=date(2026, 1, 31))


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return shared_archive(tmp_path_factory, "centre_demo", _build)


def _open(folder: Path) -> Workspace:
    (folder / "ascolto.lock").unlink(missing_ok=True)
    ws = Workspace.open(folder)
    ws.unlock("anna", PASSWORD)
    return ws


def keep_only(ws: Workspace, desks: set[int]) -> None:
    """Remove from an archive every record that belongs to another installation (test only).

    A case belongs with its desk, and everything that hangs on it (contacts, intakes, services,
    referrals, assessments, appointments...) goes with it, whatever desk delivered it: found through
    every foreign key that leads to a removed row, transitively, so nothing is left dangling (checked
    with SQLite's foreign_key_check). An anonymous contact belongs with its desk. This is the archive an
    installation holding only these desks would have, record keys included. (The services' erasure
    path is not used: it keeps an erased case as anonymous counts, which is the point of erasure.)"""
    listed = ",".join(str(d) for d in sorted(desks))
    remove(
        ws,
        f"SELECT id FROM case_file WHERE help_desk_id NOT IN ({listed})",
        f"SELECT id FROM contact WHERE case_id IS NULL AND help_desk_id NOT IN ({listed})",
    )


def remove(ws: Workspace, cases: str, contacts: str = "SELECT id FROM contact WHERE 0") -> None:
    """Delete the cases and anonymous contacts these queries select, and every row that hangs on them."""
    with ws.transaction() as session:
        doomed: dict[str, set[int]] = {
            "case_file": set(session.scalars(text(cases))),
            "contact": set(session.scalars(text(contacts))),
        }
        tables = Base.metadata.sorted_tables
        changed = True
        while changed:
            changed = False
            for table in tables:
                for fk in table.foreign_keys:
                    parent = fk.column.table.name
                    if parent == "help_desk" or not doomed.get(parent) or "id" not in table.c:
                        continue
                    ids = ",".join(str(i) for i in doomed[parent])
                    found = set(
                        session.scalars(
                            text(f"SELECT id FROM {table.name} WHERE {fk.parent.name} IN ({ids})")
                        )
                    )
                    if not found <= doomed.setdefault(table.name, set()):
                        doomed[table.name] |= found
                        changed = True
        for table in reversed(tables):
            if doomed.get(table.name):
                ids = ",".join(str(i) for i in doomed[table.name])
                session.execute(text(f"DELETE FROM {table.name} WHERE id IN ({ids})"))
        assert not session.execute(text("PRAGMA foreign_key_check")).all()


MAIN_OFFICE = "test:main_office"


def _enrolled(session: Session) -> dict[str, str]:
    """The expected-installations hook as the centre's membership gives it: at the main office only."""
    return dict(SOURCES) if session.get(Setting, MAIN_OFFICE) is not None else {}


def _split(archive: Path, folder: Path, name: str) -> None:
    """One installation's archive: the desks it holds (all of them for "single"), the main office marked."""
    ws = _open(copy_archive(archive, folder))
    try:
        with ws.transaction(write=False) as session:
            ids = sorted(session.scalars(select(HelpDesk.id)))
        desks = {"main": ids[:2], "seriate": ids[2:4], "romano": ids[4:]}.get(name)
        if desks is not None:
            keep_only(ws, set(desks))
        if name == "main":
            with ws.transaction() as session:
                session.add(Setting(key=MAIN_OFFICE, value="1"))
    finally:
        ws.close()


@pytest.fixture
def centre(
    archive: Path, tmp_path_factory: pytest.TempPathFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[dict[str, Workspace]]:
    """The single archive, and the same cases split across the main office and two desk PCs (split once per
    session: removing the other desks' records is the slow part; each test opens private copies)."""
    monkeypatch.setattr(partials, "today", lambda: TODAY)
    monkeypatch.setattr(partials, "expected_installations", _enrolled)
    opened = {}
    for name in ("single", "main", "seriate", "romano"):
        split = shared_archive(
            tmp_path_factory, f"centre_split_{name}", lambda folder, n=name: _split(archive, folder, n)
        )
        opened[name] = _open(copy_archive(split, tmp_path / name))
    yield opened
    for ws in opened.values():
        ws.close()


def _send(desk_pc: Workspace, main: Workspace, source: str, period: Period = YEAR) -> dict[str, Any]:
    with desk_pc.transaction() as session:
        payload = partials.build_partials(desk_pc, session, period)
    wire = json.loads(json.dumps(payload))  # what the transport carries: plain JSON
    with main.transaction() as session:
        partials.accept_partials(main, session, source, wire)
    return payload


def _tables(path: Path) -> str:
    """The published tables of a released package, as its bytes hold them."""
    return json.dumps(json.loads(path.read_bytes())["tables"], sort_keys=True)


def test_the_centre_releases_what_one_archive_would(centre: dict[str, Workspace], tmp_path: Path) -> None:
    single, main = centre["single"], centre["main"]
    assert reports.prepare(main, YEAR).tables_digest != reports.prepare(single, YEAR).tables_digest
    _send(centre["seriate"], main, "fp-seriate")
    _send(centre["romano"], main, "fp-romano")
    # the whole centre: the same published tables, byte for byte, and the package names the parts
    one = releases.export(single, reports.prepare(single, YEAR), tmp_path / "single.json")
    many = releases.export(main, reports.prepare(main, YEAR), tmp_path / "main.json")
    assert _tables(one.package_path) == _tables(many.package_path)
    released = package.load_package(many.package_path)
    assert released.consolidation == {"installations": ["PC Romano", "PC Seriate"], "without": []}
    assert package.load_package(one.package_path).consolidation is None
    # each desk of the lattice, wherever its cases live (here at the main office, there at a desk PC)
    with single.transaction(write=False) as session:
        desks = sorted(session.scalars(select(HelpDesk.id)))
    by_desk_single = reports.prepare_by_desk(single, YEAR, desks)
    by_desk_main = reports.prepare_by_desk(main, YEAR, desks)
    for desk, alone, consolidated in zip(desks, by_desk_single, by_desk_main, strict=True):
        assert alone.tables_digest == consolidated.tables_digest, desk
        a = releases.export(single, reports.prepare(single, YEAR, [desk]), tmp_path / f"s{desk}.json")
        b = releases.export(main, reports.prepare(main, YEAR, [desk]), tmp_path / f"m{desk}.json")
        assert _tables(a.package_path) == _tables(b.package_path), desk


def test_a_quarter_and_a_month_compose_too(centre: dict[str, Workspace]) -> None:
    single, main = centre["single"], centre["main"]
    for period in (Period.quarter(2025, 2), Period.month(2025, 11)):
        _send(centre["seriate"], main, "fp-seriate", period)
        _send(centre["romano"], main, "fp-romano", period)
        assert reports.prepare(main, period).tables_digest == reports.prepare(single, period).tables_digest


def test_a_corrected_partial_replaces_the_older_and_the_release_sees_the_change(
    centre: dict[str, Workspace], tmp_path: Path
) -> None:
    main, seriate = centre["main"], centre["seriate"]
    _send(seriate, main, "fp-seriate")
    _send(centre["romano"], main, "fp-romano")
    first = releases.export(main, reports.prepare(main, YEAR), tmp_path / "first.json")
    remove(seriate, "SELECT min(id) FROM case_file")  # a correction at the desk PC: a case entered by mistake
    _send(seriate, main, "fp-seriate")
    with main.transaction(write=False) as session:
        assert session.scalar(select(func.count()).select_from(PartialAggregate)) == 2  # replaced, not added
    again = reports.prepare(main, YEAR)
    assert again.release is not None and again.release.changed_since  # the frozen release says so
    served = releases.export(main, again, tmp_path / "again.json")
    assert not served.first_time
    assert served.package_path.read_bytes() == first.package_path.read_bytes()


# --- hostile partials ----------------------------------------------------------------------------------------


def _valid(centre: dict[str, Workspace]) -> dict[str, Any]:
    with centre["seriate"].transaction() as session:
        return partials.build_partials(centre["seriate"], session, YEAR)


def _entry(payload: dict[str, Any], table_id: str) -> list[int]:
    table = next(t for t in payload["tables"] if t["id"] == table_id)
    return table["cells"][0]


def _refused(main: Workspace, payload: Any, match: str) -> None:
    with pytest.raises(UserError, match=match), main.transaction() as session:
        partials.accept_partials(main, session, "fp-seriate", payload)
    with main.transaction(write=False) as session:
        assert session.scalar(select(func.count()).select_from(PartialAggregate)) == 0  # nothing changed


def test_counts_that_do_not_add_up_are_refused(centre: dict[str, Workspace]) -> None:
    payload = _valid(centre)
    bad = copy.deepcopy(payload)
    _entry(bad, "services_type_mode_count")[1] += 1  # one service more in a cell, none in its totals
    _refused(centre["main"], bad, "do not add up")
    bad = copy.deepcopy(payload)
    _entry(bad, "contacts")[3] = (_entry(bad, "contacts")[3] + 1) % 4096  # a cell key out of step
    _refused(centre["main"], bad, "do not add up")
    bad = copy.deepcopy(payload)
    _entry(bad, "flow")[2] += 1  # a women table whose women are not its value
    _refused(centre["main"], bad, "do not add up")


def test_an_unknown_table_negative_or_oversized_partial_is_refused(centre: dict[str, Workspace]) -> None:
    payload = _valid(centre)
    bad = copy.deepcopy(payload)
    bad["tables"][0]["id"] = "names_of_women"
    _refused(centre["main"], bad, "does not know")
    bad = copy.deepcopy(payload)
    _entry(bad, "contacts")[1] = -5
    _refused(centre["main"], bad, "whole number")
    bad = copy.deepcopy(payload)
    _entry(bad, "contacts")[1] = True
    _refused(centre["main"], bad, "whole number")
    bad = copy.deepcopy(payload)
    bad["tables"][0]["rows"] = [*bad["tables"][0]["rows"], "EXTRA"]
    _refused(centre["main"], bad, "rows and columns")
    bad = copy.deepcopy(payload)
    bad["desks"][0]["tables"][0]["cells"] = [[i, 1, 1, 0, 0, 0, 0] for i in range(2_000_000)]
    _refused(centre["main"], bad, "larger than")
    bad = copy.deepcopy(payload)
    bad["desks"][0]["name"] = "Sportello fantasma"
    _refused(centre["main"], bad, "does not know")
    _refused(centre["main"], {**payload, "period": "2025-01-01..2025-03-31"}, "a month, a quarter")
    _refused(centre["main"], {**payload, "period": "2031"}, "not ended")
    _refused(centre["main"], {**payload, "rows_of_cases": []}, "not a partial")


def test_a_period_missing_an_installation_waits_unless_released_without(
    centre: dict[str, Workspace], tmp_path: Path
) -> None:
    main = centre["main"]
    _send(centre["seriate"], main, "fp-seriate")
    with pytest.raises(UserError, match="PC Romano of the centre did not send"):
        releases.export(main, reports.prepare(main, YEAR), tmp_path / "early.json")
    assert not (tmp_path / "early.json").exists()
    partials.release_without(main, YEAR, "fp-romano")
    data = reports.prepare(main, YEAR)
    result = releases.export(main, data, tmp_path / "without.json")
    released = package.load_package(result.package_path)
    assert released.consolidation == {"installations": ["PC Seriate"], "without": ["PC Romano"]}
    note = releases.document(data).method_note
    assert "PC Romano" in note and "PC Seriate" in note
    # the late partial is added again: the frozen release says that the data changed since
    _send(centre["romano"], main, "fp-romano")
    again = reports.prepare(main, YEAR)
    assert again.release is not None and again.release.changed_since


def test_final_periods_are_erased_and_no_longer_released(centre: dict[str, Workspace]) -> None:
    main = centre["main"]
    _send(centre["seriate"], main, "fp-seriate")
    _send(centre["romano"], main, "fp-romano", Period.month(2025, 12))
    with main.transaction() as session:
        assert partials.erase_final(session, date(2026, 12, 31)) == 0
        assert partials.erase_final(session, date(2027, 1, 1)) == 2
    assert partials.due_periods(date(2027, 1, 1))[0] == Period.month(2026, 1)


def test_partials_hold_no_identity(centre: dict[str, Workspace]) -> None:
    text_of = json.dumps(_valid(centre))
    with centre["seriate"].transaction(write=False) as session:
        codes = list(session.scalars(text("SELECT code FROM case_file LIMIT 50")))
    assert codes and not any(str(code) in text_of for code in codes)


def test_a_desk_pc_sends_each_period_once_and_again_when_corrected(
    centre: dict[str, Workspace], monkeypatch: pytest.MonkeyPatch
) -> None:
    seriate = centre["seriate"]
    november = Period.month(2025, 11)
    monkeypatch.setattr(partials, "due_periods", lambda on=None: [november])

    def due(corrections: bool = True) -> list[str]:
        with seriate.transaction() as session:
            return [str(p["period"]) for p in partials.build_due(seriate, session, corrections=corrections)]

    assert due() == ["2025-11"]
    assert due() == []  # sent, unchanged
    assert partials.forget_sent(seriate) == 1  # the main office lost it (an older backup restored)
    assert due(corrections=False) == ["2025-11"]
    remove(
        seriate,
        "SELECT case_id FROM service_delivery WHERE date BETWEEN '2025-11-01' AND '2025-11-30' LIMIT 1",
    )
    assert due(corrections=False) == []  # a routine send leaves corrections alone
    assert due() == ["2025-11"]  # the correction goes


def test_periods_due_are_the_ended_ones_not_final() -> None:
    due = partials.due_periods(date(2026, 3, 2))
    assert due[0] == Period.month(2025, 1) and due[-1] == Period.month(2026, 2)
    assert Period.year(2025) in due and Period.quarter(2026, 1) not in due and len(due) == 19 + 2


def test_a_union_of_desks_cannot_be_composed_from_partials(centre: dict[str, Workspace]) -> None:
    main = centre["main"]
    _send(centre["seriate"], main, "fp-seriate")
    with main.transaction(write=False) as session:
        two = sorted(session.scalars(select(HelpDesk.id)))[:2]
    with pytest.raises(UserError, match="union of help desks"):
        reports.prepare(main, YEAR, two)


def test_a_desk_renamed_at_the_main_office_still_matches_the_old_name_a_desk_pc_sends(
    centre: dict[str, Workspace],
) -> None:
    from app.services import desks

    single, main = centre["single"], centre["main"]
    with single.transaction(write=False) as session:
        ids = sorted(session.scalars(select(HelpDesk.id)))
        old = session.get_one(HelpDesk, ids[2]).name  # a desk whose cases live at the desk PC of Seriate
    desks.rename_desk(main, old, "Sportello rinominato")
    _send(centre["seriate"], main, "fp-seriate")  # the desk PC still says the old name
    _send(centre["romano"], main, "fp-romano")
    assert reports.prepare(main, YEAR).tables_digest == reports.prepare(single, YEAR).tables_digest
    alone = reports.prepare_by_desk(single, YEAR, [ids[2]])[0]
    assert reports.prepare_by_desk(main, YEAR, [ids[2]])[0].tables_digest == alone.tables_digest
    desks.rename_desk(main, "Sportello rinominato", "Altro nome")  # a second rename: both old names hold
    _send(centre["seriate"], main, "fp-seriate")


def test_final_periods_are_erased_at_the_first_login_after(
    centre: dict[str, Workspace], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Not only when another partial arrives: a main office whose desk PCs stopped sending erases too."""
    main = centre["main"]
    _send(centre["seriate"], main, "fp-seriate")
    main.lock()
    main.unlock("anna", PASSWORD)
    with main.transaction(write=False) as session:
        assert session.scalar(select(func.count()).select_from(PartialAggregate)) == 1  # not final yet
    monkeypatch.setattr(partials, "today", lambda: date(2027, 1, 1))
    main.lock()
    main.unlock("anna", PASSWORD)
    with main.transaction(write=False) as session:
        assert session.scalar(select(func.count()).select_from(PartialAggregate)) == 0
