"""Reports and exports through the services: what leaves is protected, signed, logged and nameless."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from app import demo
from app.crypto import signing
from app.crypto.keyslots import KdfParams
from app.i18n import translate_in
from app.reports import indicators, package
from app.reports.package import load as package_load
from app.reports.periods import parse_period
from app.services import accounts, cases, network, releases, reports
from app.services.errors import PermissionDenied, UserError, ValidationError
from app.services.workspace import Workspace

FAST = KdfParams(19456, 2, 1)
PASSWORD = "lanterna torrente civetta brina"
PERIOD = "2026-H1"
MARKER = "Zyxwvmarker"


@pytest.fixture(scope="module")
def demo_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("reports") / "data"
    ws, _ = Workspace.initialise(
        folder,
        centre_name="Aiuto Donna",
        centre_code="BG",
        desk_name="Bergamo",
        username="anna",
        full_name="Anna",
        password=PASSWORD,
        kdf=FAST,
    )
    demo.generate(ws, cases=1500, seed=11, years=2, today=date(2026, 9, 30))
    for i in range(6):  # women whose names must never appear in anything that leaves
        day = date(2026, 3, 1 + i)
        cases.open_case(
            ws,
            cases.IdentityInput(f"Qwzmarker{i}", MARKER),
            cases.ProfileInput(birth_year=1990, country="IT"),
            cases.ConsentInput(("TRATTAMENTO", "STATISTICHE"), day),
            opened_on=day,
        )
    ws.close()
    return folder


@pytest.fixture
def ws(demo_folder: Path, tmp_path: Path) -> Workspace:
    """A private copy of the demo folder per test, so export records do not leak between tests."""
    import shutil

    copy = tmp_path / "data"
    shutil.copytree(demo_folder, copy)
    (copy / "ascolto.lock").unlink(missing_ok=True)
    workspace = Workspace.open(copy)
    workspace.unlock("anna", PASSWORD)
    yield workspace
    workspace.close()


def _names_and_codes(ws: Workspace) -> tuple[set[str], set[str]]:
    """The marker names, and every case code (codes such as BG-2026-0042 are unambiguous)."""
    with ws.transaction(write=False) as session:
        codes = {r[0] for r in session.connection().exec_driver_sql("SELECT code FROM case_file").all()}
    return {MARKER, *(f"Qwzmarker{i}" for i in range(6))}, codes


def _cells_are_safe(tables: list[dict], k: int) -> None:
    for table in tables:
        if table["unit"] != "women":
            continue
        for row in table["cells"]:
            for value in row:
                assert value is None or value == 0 or value >= k, (table["id"], value)


def test_report_pdf_has_no_name_or_case_code(ws: Workspace, tmp_path: Path) -> None:
    from pypdf import PdfReader

    data = reports.prepare(ws, parse_period(PERIOD))
    out = tmp_path / "report.pdf"
    releases.write_report(ws, data, out)
    text = "\n".join(page.extract_text() for page in PdfReader(out).pages)
    assert "1° semestre 2026" in text
    names, codes = _names_and_codes(ws)
    assert names and codes
    assert not [n for n in names if n in text]
    assert not [c for c in codes if c in text]
    assert "<5" in text  # small cells are suppressed and shown as such


def test_export_writes_a_signed_safe_package_and_its_preview(ws: Workspace, tmp_path: Path) -> None:
    desk = reports.desk_ids_by_name(ws, ["Bergamo"])
    data = reports.prepare(ws, parse_period(PERIOD), desk)
    result = releases.export(ws, data, tmp_path / "bergamo")
    assert result.package_path.suffix == ".json" and result.preview_path.exists()
    raw = result.package_path.read_bytes()
    verified = package.load_package(result.package_path)
    assert verified.fingerprint == result.fingerprint == releases.own_fingerprint(ws)
    document = json.loads(raw)
    assert document["disclosure"]["threshold"] == 5
    _cells_are_safe(document["tables"], 5)
    names, codes = _names_and_codes(ws)
    text = raw.decode()
    assert not [c for c in codes if c in text]
    assert not [n for n in names if n in text]
    assert "contributors" not in text


def test_a_package_ascolto_writes_takes_the_fast_parse_path(ws: Workspace, tmp_path: Path) -> None:
    """A network report reads hundreds of packages; the merge keeps its speed only while what the writer
    puts out is byte for byte what the reader's fast path re-serialises. A drift between the two (a key
    order, an escape, a number format) would still load, slowly, through the strict parse: it must fail
    here instead."""
    raw = releases.export(ws, reports.prepare(ws, parse_period(PERIOD)), tmp_path / "centre").package_path
    data = raw.read_bytes()
    document, signed = package_load._parse(data.decode("utf-8"), data)
    assert signed is not None, "the package Ascolto wrote took the strict parse"
    assert signed == package.signed_bytes(document)


def test_the_same_period_cannot_be_released_for_a_union_of_desks_beside_the_centre(
    ws: Workspace, tmp_path: Path
) -> None:
    period = parse_period(PERIOD)
    everything = reports.prepare(ws, period)
    releases.write_report(ws, everything, tmp_path / "all.pdf")
    two = reports.desk_ids_by_name(ws, ["Bergamo", "Dalmine"])
    with pytest.raises(UserError, match="subtracted"):
        releases.export(ws, reports.prepare(ws, period, two), tmp_path / "two.json")
    # the whole centre and each single desk form a lattice: a desk alone is fine beside the centre
    one_desk = reports.prepare(ws, period, two[:1])
    releases.export(ws, one_desk, tmp_path / "bergamo.json")
    # the same desk set again is fine (it is the same breakdown), and so is another period
    releases.write_report(ws, reports.prepare(ws, period), tmp_path / "again.pdf")
    releases.export(ws, reports.prepare(ws, parse_period("2025-Q2"), one_desk.desk_ids), tmp_path / "q2.json")


def test_an_operatrice_cannot_make_reports(ws: Workspace) -> None:
    accounts.add_operator(
        ws, "bea", "Bea", "operatrice", ws.actor.help_desk_id if ws.actor else 1, "bosco luna sole mare", FAST
    )
    ws.lock()
    ws.unlock("bea", "bosco luna sole mare")
    with pytest.raises(PermissionDenied):
        reports.prepare(ws, parse_period(PERIOD))


def test_network_report_needs_trusted_keys_and_merges_desks(ws: Workspace, tmp_path: Path) -> None:
    period = parse_period(PERIOD)
    paths = []
    for name in ("Bergamo", "Dalmine"):
        data = reports.prepare(ws, period, reports.desk_ids_by_name(ws, [name]))
        paths.append(releases.export(ws, data, tmp_path / f"{name}.json").package_path)
    loaded = package.load_package(paths[0])
    stranger = package.build_package(
        loaded.tables, centre="Sirio", desks=["Treviglio"], period_start=loaded.period_start,
        period_end=loaded.period_end, disclosure=dict(loaded.disclosure), software=loaded.software,
        signing_key=signing.generate_signing_key(),
    )  # fmt: skip
    package.write_package(stranger, tmp_path / "sirio.json")
    items = network.import_packages(ws, [*paths, tmp_path / "sirio.json"])
    assert [i.trusted for i in items] == [True, True, False]  # her own centre's packages are hers
    with pytest.raises(UserError, match="not trusted"):
        network.network_report(ws, items, tmp_path / "net.pdf")
    items = items[:2]
    merged = network.network_report(ws, items, tmp_path / "net.pdf")
    assert merged.period.code == PERIOD
    assert [t.id for t in merged.tables] == list(indicators.DESK_TABLES)  # a desk's tables, no others
    flow = {t.id: t for t in merged.tables}["services_type_mode_count"]
    separate = [
        {t.id: t for t in package.load_package(p).tables}["services_type_mode_count"].total for p in paths
    ]
    if all(isinstance(v, int) for v in separate) and flow.total is not None:
        assert flow.total == sum(separate)  # type: ignore[arg-type]
    assert (tmp_path / "net.pdf").read_bytes().startswith(b"%PDF")


def test_a_desk_merges_with_a_whole_centre_that_has_more_tables(ws: Workspace, tmp_path: Path) -> None:
    """A desk's package lacks the profile tables (`DESK_TABLES`): merged with another centre's whole
    centre, those tables are kept and their values are lower bounds (unknown for the desk, not zero)."""
    period = parse_period(PERIOD)
    desk = reports.prepare(ws, period, reports.desk_ids_by_name(ws, ["Bergamo"]))
    ours = releases.export(ws, desk, tmp_path / "bergamo.json").package_path
    whole = reports.prepare(ws, period)
    other = package.build_package(
        whole.tables, centre="Sirio", desks=["Treviglio"], period_start=period.start, period_end=period.end,
        disclosure=dict(whole.rule), software="test", signing_key=signing.generate_signing_key(),
    )  # fmt: skip
    package.write_package(other, tmp_path / "sirio.json")
    items = network.import_packages(ws, [ours, tmp_path / "sirio.json"])
    network.trust_key(ws, items[1])
    merged = {t.id: t for t in network.network_report(ws, items, tmp_path / "net.pdf").tables}
    assert set(merged) == {t.id for t in whole.tables} > set(indicators.DESK_TABLES)
    assert merged["education"].total_lower_bound and not merged["services_type_mode_count"].total_lower_bound


def test_tampered_package_is_refused_on_import(ws: Workspace, tmp_path: Path) -> None:
    data = reports.prepare(ws, parse_period(PERIOD), reports.desk_ids_by_name(ws, ["Bergamo"]))
    path = releases.export(ws, data, tmp_path / "b.json").package_path
    document = json.loads(path.read_bytes())
    document["tables"][0]["total"] = (document["tables"][0]["total"] or 0) + 1
    path.write_text(json.dumps(document))
    with pytest.raises(UserError, match="refused: signature does not match") as caught:
        network.import_packages(ws, [path])
    italian = caught.value.text(lambda context, text: translate_in("it", context, text))
    assert "b.json" in italian
    assert "la firma non corrisponde al contenuto" in italian  # the reason too, not only the sentence


def test_threshold_setting_is_never_below_three(ws: Workspace) -> None:
    from app.services.errors import ValidationError

    with pytest.raises(ValidationError):
        reports.set_disclosure_threshold(ws, 2)
    reports.set_disclosure_threshold(ws, 7)
    assert reports.disclosure_threshold(ws) == 7
    assert reports.prepare(ws, parse_period(PERIOD)).rule["threshold"] == 7


def test_a_period_that_has_not_begun_is_refused(ws: Workspace) -> None:
    with pytest.raises(ValidationError, match="has not begun"):
        reports.prepare(ws, parse_period("2031"))


def test_a_period_not_ended_says_so_in_the_data_and_on_the_cover(
    ws: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    import io

    from pypdf import PdfReader

    from app.reports.pdf import render_report

    monkeypatch.setattr(reports, "today", lambda: date(2026, 11, 15))
    monkeypatch.setattr(releases, "today", lambda: date(2026, 11, 15))
    ended = reports.prepare(ws, parse_period("2026-Q3"))
    assert ended.data_as_of is None
    partial = reports.prepare(ws, parse_period("2026-Q4"))
    assert partial.data_as_of == date(2026, 11, 15)
    out = io.BytesIO()
    render_report(releases.document(partial), out)
    cover = " ".join(PdfReader(io.BytesIO(out.getvalue())).pages[0].extract_text().split())
    assert "Periodo non ancora concluso: dati al 15 novembre 2026" in cover
    out = io.BytesIO()
    render_report(releases.document(ended), out)
    assert "non ancora concluso" not in PdfReader(io.BytesIO(out.getvalue())).pages[0].extract_text()


def test_a_period_not_ended_is_previewed_but_not_released(
    ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Released now, Q4 would be frozen with a month and a half of data for good; the date as Italian writes it."""
    monkeypatch.setattr(reports, "today", lambda: date(2026, 11, 15))
    monkeypatch.setattr(releases, "today", lambda: date(2026, 11, 15))
    partial = reports.prepare(ws, parse_period("2026-Q4"))
    for release in (
        lambda: releases.export(ws, partial, tmp_path / "q4.json"),
        lambda: releases.write_report(ws, partial, tmp_path / "q4.pdf"),
        lambda: releases.check_release(ws, partial),
    ):
        with pytest.raises(UserError, match=r"has not ended yet.*from 01/01/2027"):
            release()
    assert list(tmp_path.glob("q4*")) == []
    monkeypatch.setattr(reports, "today", lambda: date(2027, 1, 1))
    monkeypatch.setattr(releases, "today", lambda: date(2027, 1, 1))
    releases.export(ws, reports.prepare(ws, parse_period("2026-Q4")), tmp_path / "q4.json")  # once it ended
    assert (tmp_path / "q4.json").exists()


def test_a_release_frozen_under_an_older_ptable_is_not_said_changed(
    ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Served again with no change to the data, a release made under the previous p-table keeps its bytes
    and is not reported as 'the data changed since' only because today's table perturbs differently."""
    from app.reports import cellkey

    older = cellkey.ptable("2026.1")
    with monkeypatch.context() as patched:  # the release is made by a version of Ascolto shipping 2026.1
        patched.setattr(cellkey, "ptable", lambda version="2026.1": older)
        first = releases.export(ws, reports.prepare(ws, parse_period(PERIOD)), tmp_path / "then.json")
    assert package.load_package(first.package_path).disclosure["ptable_version"] == "2026.1"
    again = reports.prepare(ws, parse_period(PERIOD))
    assert again.release is not None and again.release.changed_since is False
    served = releases.export(ws, again, tmp_path / "now.json")
    assert served.package_path.read_bytes() == first.package_path.read_bytes()
