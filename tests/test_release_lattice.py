"""The reporting season has no order trap: for one period the whole centre and each single desk may all
be released, in any order, each once and frozen; an arbitrary union of desks stays refused next to any of
them. End to end through the services and the command line on a demo centre of six desks."""

from __future__ import annotations

import itertools
import shutil
from collections.abc import Iterator, Sequence
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app import demo
from app.crypto.keyslots import KdfParams
from app.models.accounts import HelpDesk
from app.models.reports import ExportRecord
from app.reports import indicators, package, profiles
from app.reports.periods import parse_period
from app.services import accounts, exports, releases, reports
from app.services.errors import UserError
from app.services.reports import ReportData
from app.services.workspace import Workspace
from tests.foundation_fixtures import run_cli

FAST = KdfParams(19456, 2, 1)
PASSWORD = "lanterna torrente civetta brina"
YEAR = "2025"
SEASON = ("finanziatore", "istat-utenza", "istat-centri", "lombardia", "report")


@pytest.fixture(scope="module")
def demo_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("lattice") / "data"
    ws, _ = Workspace.initialise(
        folder, centre_name="Aiuto Donna", centre_code="BG", desk_name="Bergamo", username="anna",
        full_name="Anna", password=PASSWORD, kdf=FAST,
    )  # fmt: skip
    demo.generate(ws, cases=500, seed=7, years=2, today=date(2026, 9, 30))
    ws.close()
    return folder


@pytest.fixture
def folder(demo_folder: Path, tmp_path: Path) -> Path:
    """A private copy per test: releases are frozen, each season starts from an empty release log."""
    copy = tmp_path / "data"
    shutil.copytree(demo_folder, copy)
    (copy / "ascolto.lock").unlink(missing_ok=True)
    return copy


@pytest.fixture
def ws(folder: Path) -> Iterator[Workspace]:
    workspace = Workspace.open(folder)
    workspace.unlock("anna", PASSWORD)
    yield workspace
    workspace.close()


def _step(ws: Workspace, what: str, period: str, out: Path) -> bool:
    """Release one obligation of the season; True when it was made now (False: served again)."""
    if what == "report":
        return releases.write_report(
            ws, reports.prepare(ws, parse_period(period)), out / f"{period}.pdf"
        ).first_time
    result = exports.export_profile(
        ws, profiles.load(what), parse_period(period), None, "json", out / f"{what}-{period}.json"
    )
    return result.first_time


@pytest.mark.parametrize(
    "order",
    [
        ("istat-utenza", "finanziatore", "report", "lombardia", "istat-centri"),  # the issue's first trap
        ("finanziatore", "report", "istat-utenza", "istat-centri", "lombardia"),  # and the other way round
    ],
)
def test_the_season_succeeds_in_any_order(ws: Workspace, tmp_path: Path, order: tuple[str, ...]) -> None:
    made = [_step(ws, what, YEAR, tmp_path) for what in order]
    # the whole centre is released once (by whichever of ISTAT, the Region or the report comes first) and
    # served again to the others; the funder's file releases each desk once
    first_centre = next(i for i, what in enumerate(order) if what != "finanziatore")
    assert made == [what == "finanziatore" or i == first_centre for i, what in enumerate(order)]
    (tmp_path / "again").mkdir()
    assert [_step(ws, what, YEAR, tmp_path / "again") for what in SEASON] == [False] * len(SEASON)


def test_a_quarter_of_the_whole_centre_before_the_funder_year(ws: Workspace, tmp_path: Path) -> None:
    assert _step(ws, "report", "2025-Q1", tmp_path)
    assert _step(ws, "finanziatore", YEAR, tmp_path)
    assert _step(ws, "lombardia", "2025-H1", tmp_path)
    assert _step(ws, "istat-utenza", YEAR, tmp_path)
    assert _step(ws, "finanziatore", "2025-Q2", tmp_path)


def test_a_union_of_desks_stays_refused_next_to_the_lattice(ws: Workspace, tmp_path: Path) -> None:
    period = parse_period(YEAR)
    two = reports.desk_ids_by_name(ws, ["Bergamo", "Dalmine"])
    _step(ws, "report", YEAR, tmp_path)
    with pytest.raises(UserError, match="subtracted"):
        releases.export(ws, reports.prepare(ws, period, two), tmp_path / "two.json")
    # a union released first (a quarter) blocks the whole centre and its own desks over that quarter
    q3 = parse_period("2026-Q1")
    releases.export(ws, reports.prepare(ws, q3, two), tmp_path / "two-q3.json")
    with pytest.raises(UserError, match="subtracted"):
        releases.write_report(ws, reports.prepare(ws, q3), tmp_path / "q3.pdf")
    with pytest.raises(UserError, match="subtracted"):
        releases.write_report(ws, reports.prepare(ws, q3, two[:1]), tmp_path / "q3-bergamo.pdf")
    # a desk outside the union is fine
    third = reports.desk_ids_by_name(ws, ["Seriate"])
    releases.write_report(ws, reports.prepare(ws, q3, third), tmp_path / "q3-seriate.pdf")


def test_the_command_line_season_in_the_issue_order(folder: Path, tmp_path: Path) -> None:
    home = folder
    common = ["--data-dir", str(home), "--user", "anna", "--password-stdin", "--period", YEAR]
    first = run_cli(["--language", "en", "export", *common, "--profile", "istat-utenza",
                     "--out", str(tmp_path / "istat.json")], home, PASSWORD)  # fmt: skip
    assert first.returncode == 0, first.stderr
    second = run_cli(["--language", "en", "export", *common, "--profile", "finanziatore",
                      "--out", str(tmp_path / "funder.json")], home, PASSWORD)  # fmt: skip
    assert second.returncode == 0, second.stderr
    third = run_cli(
        ["--language", "en", "report", *common, "--out", str(tmp_path / "report.pdf")], home, PASSWORD
    )
    assert third.returncode == 0, third.stderr
    # before writing, each says what the year already has and what it adds (dates as the messages write them)
    day = date.today().isoformat()
    assert first.stdout.splitlines()[:2] == [
        "Nothing was released yet for 2025 or periods overlapping it.",
        "This release adds 2025 for the whole centre, frozen once made.",
    ]
    assert second.stdout.splitlines()[0] == (
        f"Already released for 2025 or periods overlapping it: 2025 for the whole centre on {day}."
    )
    assert second.stdout.splitlines()[1].startswith("This release adds 2025 for Bergamo, Dalmine, ")
    assert third.stdout.splitlines()[1] == (
        "This release adds nothing new. Written again as first released: 2025 for the whole centre."
    )
    # a union of two desks is refused before anything is written, in Italian with the Italian date
    union = run_cli(["--language", "it", "export", *common, "--desk", "Bergamo", "--desk", "Dalmine",
                     "--out", str(tmp_path / "union.json")], home, PASSWORD)  # fmt: skip
    assert union.returncode == 1 and not (tmp_path / "union.json").exists()
    assert f"il {date.today().strftime('%d/%m/%Y')} per l’intero centro" in union.stderr


# --- every order, against the release check itself ----------------------------------------------------------
def test_a_desk_publishes_the_desk_tables_and_the_whole_centre_every_table(
    ws: Workspace, tmp_path: Path
) -> None:
    """A single desk's package (alone or laid out by desk) carries exactly `DESK_TABLES`; the whole
    centre's carries every table."""
    period = parse_period("2025-H1")
    with ws.transaction(write=False) as session:
        desk = _desk_ids(session)[0]
    alone = reports.prepare(ws, period, [desk])
    by_desk = reports.prepare_by_desk(ws, period, [desk])[0]
    whole = reports.prepare(ws, period)
    assert {t.source for t in profiles.load("finanziatore").tables} <= set(indicators.DESK_TABLES)
    assert alone.fewer_tables and not whole.fewer_tables
    assert [t.id for t in by_desk.tables] == [t.id for t in alone.tables]
    shipped = {
        name: package.load_package(releases.export(ws, data, tmp_path / f"{name}.json").package_path)
        for name, data in (("desk", alone), ("whole", whole))
    }
    assert [t.id for t in shipped["desk"].tables] == list(indicators.DESK_TABLES)
    assert [t.id for t in shipped["whole"].tables] == list(indicators.TABLE_IDS)


@pytest.fixture
def bare(tmp_path: Path) -> Iterator[Workspace]:
    """A centre of six desks and no cases: the release check reads only the release records."""
    ws, _ = Workspace.initialise(
        tmp_path / "bare", centre_name="Aiuto Donna", centre_code="BG", desk_name="Bergamo", username="anna",
        full_name="Anna", password=PASSWORD, kdf=FAST,
    )  # fmt: skip
    for name in ("Dalmine", "Seriate", "Treviglio", "Romano di Lombardia", "San Pellegrino Terme"):
        accounts.add_help_desk(ws, name)
    yield ws
    ws.close()


def _desk_ids(session: Session) -> list[int]:
    return sorted(session.scalars(select(HelpDesk.id)))


def _data(period: str, desks: Sequence[int], whole: bool) -> ReportData:
    return ReportData(
        "Aiuto Donna", list(desks), [f"desk {d}" for d in desks], parse_period(period), "en", [],
        {"threshold": 5, "rule_version": "2"}, 0, population=50, whole_centre=whole,
    )  # fmt: skip


def _asked(session: Session, what: str, period: str) -> list[ReportData]:
    """What each obligation releases: the funder's file each desk alone, the others the whole centre."""
    desks = _desk_ids(session)
    if what == "finanziatore":
        return [_data(period, [d], False) for d in desks]
    return [_data(period, desks, True)]


def _record(session: Session, data: ReportData) -> None:
    """What `_release` records for a release (the bytes aside)."""
    session.add(
        ExportRecord(
            kind="release", period_code=data.period.code, period_start=data.period.start,
            period_end=data.period.end, desk_ids=releases._recorded_desks(data), threshold=5, rule_version="2",
            digest=f"{data.period.code}-{data.desk_ids}-{data.whole_centre}", tables_digest="",
        )
    )  # fmt: skip
    session.flush()


def _release(session: Session, asked: list[ReportData]) -> releases.ReleasePlan:
    """Plan, then record what the plan adds (as a release would), raising a refusal."""
    plan = releases._plan(session, asked)
    plan.check()
    desks = releases._Desks.read(session)
    for data in asked:
        if releases.frozen_release(session, data, desks) is None:
            _record(session, data)
    return plan


def test_every_order_of_the_season_passes_the_release_check(bare: Workspace) -> None:
    """All 5! orders of the four profiles and the report for one year, and a quarter of the whole centre
    before them; each order on its own year. Each desk set is released once, then served again."""
    with bare.transaction() as session:
        for n, order in enumerate(itertools.permutations(SEASON)):
            year = str(1900 + n)
            _release(session, _asked(session, "report", f"{year}-Q1"))
            seen_centre = False
            for what in order:
                plan = _release(session, _asked(session, what, year))
                centre = what != "finanziatore"
                assert len(plan.adds) == (0 if centre and seen_centre else 1 if centre else 6), (order, what)
                seen_centre = seen_centre or centre
            released = session.scalars(select(ExportRecord.desk_ids).where(ExportRecord.period_code == year))
            assert sorted(released) == sorted(["", *(f",{d}," for d in _desk_ids(session))])
            # and the rest of the year's calendar lattice, by desk and for the whole centre
            _release(session, _asked(session, "finanziatore", f"{year}-H2"))
            _release(session, _asked(session, "report", f"{year}-H2"))
            session.execute(delete(ExportRecord))  # the next order starts from an empty release log


def test_a_union_of_desks_is_refused_next_to_anything_it_overlaps(bare: Workspace) -> None:
    with bare.transaction() as session:
        a, b, c = _desk_ids(session)[:3]
        _release(session, _asked(session, "report", "2025"))
        _release(session, [_data("2025-Q1", [a], False)])
        for union in ("2025", "2025-Q1", "2025-03"):  # the same year, a quarter, a month inside it
            plan = releases._plan(session, [_data(union, [a, b], False)])
            assert plan.refusal is not None and "subtracted" in str(plan.refusal)
            assert [e.desks for e in plan.earlier][:1] == [()]  # the whole centre, said as such
        # a union released first blocks its desks and the whole centre, not a desk outside it
        _release(session, [_data("2024-Q4", [a, b], False)])
        for asked in ([_data("2024", [a], False)], _asked(session, "report", "2024-Q4")):
            with pytest.raises(UserError, match="subtracted"):
                _release(session, asked)
        _release(session, [_data("2024", [c], False)])
        _release(session, [_data("2024-Q4", [a, b], False)])  # the same union again: served


def test_the_whole_centre_stays_the_whole_centre_when_desks_change(bare: Workspace) -> None:
    """A release of every desk recorded before the lattice lists the desk ids; a desk opened later must not
    turn it into a union of some desks (which would block the funder's desks and the next whole centre)."""
    with bare.transaction() as session:
        desks = _desk_ids(session)
        old = _data("2025", desks, False)  # as recorded before: the list of every desk then
        _record(session, old)
    zogno = accounts.add_help_desk(bare, "Zogno").id
    with bare.transaction() as session:
        session.get_one(HelpDesk, zogno).created_at += timedelta(days=30)  # opened a month later
        now = _asked(session, "report", "2025")[0]
        assert len(now.desk_ids) == len(desks) + 1
        plan = releases._plan(session, [now])
        assert plan.refusal is None and plan.served == ((),) and not plan.adds
        _release(session, _asked(session, "finanziatore", "2025"))
        _release(session, _asked(session, "report", "2025-Q3"))
        assert releases._plan(session, [_data("2025", desks[:2], False)]).refusal is not None


def test_the_plan_says_what_the_period_has_and_what_it_adds(bare: Workspace) -> None:
    with bare.transaction() as session:
        nothing = releases._plan(session, _asked(session, "istat-utenza", "2025"))
        assert nothing.lines("en") == [
            "Nothing was released yet for 2025 or periods overlapping it.",
            "This release adds 2025 for the whole centre, frozen once made.",
        ]
        _release(session, _asked(session, "report", "2025-Q1"))
        _release(session, _asked(session, "report", "2025"))
        day = date.today().strftime("%d/%m/%Y")
        lines = releases._plan(session, _asked(session, "finanziatore", "2025")).lines("it")
        assert lines[0] == (
            f"Già diffusi per anno 2025 o periodi che vi si sovrappongono: 1° trimestre 2025 per l’intero "
            f"centro il {day}; anno 2025 per l’intero centro il {day}."
        )
        assert lines[1].startswith("Questa diffusione aggiunge anno 2025 per Bergamo, Dalmine")
        again = releases._plan(session, _asked(session, "lombardia", "2025")).lines("en")
        assert (
            again[1]
            == "This release adds nothing new. Written again as first released: 2025 for the whole centre."
        )
