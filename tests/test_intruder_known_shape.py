"""The intruder against the known-shape way: what the strict checks refuse stays refused, the sums stay the same.

A package whose tables match, text for text, a table list found valid before is checked in a few passes
and merged from one list of numbers (app.reports.package.known, `merge._merge_known`). Here a sender
with a signing key of her own (any key: trust is decided after reading) shapes packages like the usual
ones and hides in them what the table by table checks refuse, or shapes them so that the numbers way
and the table by table way could sum differently. tests/test_package_known.py holds the common cases.
"""

from __future__ import annotations

import base64
import copy
import json
import time
import unicodedata
from datetime import UTC, datetime
from typing import Any

import pytest

from app.crypto import signing
from app.reports.package import (
    PackageError,
    build_package,
    canonical_bytes,
    known,
    load_package,
    merge_packages,
    validate,
)
from app.reports.periods import Period
from app.reports.tables import AggregateTable, Unit
from tests.test_package_known import KEYS, RULE, _both_ways, _signed, _tables

MONTH = Period.month(2025, 8)


def _document(n: int = 4, key: int = 0, period: Period = MONTH, **kwargs: Any) -> dict[str, Any]:
    """A signed package of the usual shape (building it makes the shape known)."""
    return build_package(
        _tables(n), centre=f"Centro {key}", desks=["Sportello"], period_start=period.start,
        period_end=period.end, disclosure=dict(RULE), software="Ascolto test", signing_key=KEYS[key],
        generated_at=datetime(2026, 1, 15, tzinfo=UTC), **kwargs,
    )  # fmt: skip


def _set(document: dict[str, Any], path: tuple[Any, ...], value: Any) -> None:
    place: Any = document
    for step in path[:-1]:
        place = place[step]
    place[path[-1]] = value


# --- values the strict checks refuse, in a package of a known shape ---------------------------------------


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("tables", 5, "cells", 0, 0), 4),  # education comes after the hours: its counts still checked
        (("tables", 5, "row_totals", 1), 4),
        (("tables", 3, "col_totals", 1), 0),  # zero included
        (("tables", 2, "total"), 1),
    ],
)
def test_a_count_under_the_threshold_is_refused_wherever_it_sits(path: tuple[Any, ...], value: int) -> None:
    document = _document()
    load_package(_signed(document, KEYS[0]))  # the shape is known
    _set(document, path, value)
    with pytest.raises(PackageError, match=rf"tables\[{path[1]}\].*below the threshold 5"):
        load_package(_signed(document, KEYS[0]))


def test_the_threshold_is_the_package_s_own_not_that_of_the_package_that_made_the_shape_known() -> None:
    document = _document(n=4)  # counts of 5 to 12: valid under k = 5, the shape known at k = 5
    load_package(_signed(document, KEYS[0]))
    document["disclosure"]["threshold"] = 10
    with pytest.raises(PackageError, match=r"tables\[0\].*below the threshold 10"):
        load_package(_signed(document, KEYS[0]))


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        (("tables", 0, "cells", 1, 1), -6, "negative number"),
        (("tables", 4, "cells", 0, 0), -1, "negative number"),  # hours have no threshold, but a floor
        (("tables", 4, "row_totals", 0), 10**12 + 1, "number too large"),
        (("tables", 4, "total"), True, "not a number or null"),
        (("tables", 4, "col_totals", 0), 3.0, "hours are whole numbers"),
        (("tables", 1, "additive"), 1, "not true or false"),
        (("tables", 1, "total"), [25], "not a number or null"),
    ],
)
def test_a_value_out_of_its_type_or_range_is_refused_in_a_known_shape(
    path: tuple[Any, ...], value: Any, message: str
) -> None:
    document = _document()
    load_package(_signed(document, KEYS[0]))
    _set(document, path, value)
    with pytest.raises(PackageError, match=rf"tables\[{path[1]}\].*{message}"):
        load_package(_signed(document, KEYS[0]))


def test_an_infinite_number_of_hours_is_refused() -> None:
    """1e999 reads as infinity (no NaN or Infinity token needed), signed over its canonical form."""
    document = _document()
    load_package(_signed(document, KEYS[0]))
    content = {k: v for k, v in document.items() if k != "signature"}
    content["tables"][4]["cells"][1][0] = float("inf")
    content["signature"] = {
        "algorithm": "Ed25519",
        "public_key": base64.b64encode(signing.public_key_of(KEYS[0])).decode(),
        "value": base64.b64encode(signing.sign(KEYS[0], canonical_bytes(content))).decode(),
    }
    data = json.dumps(content).replace("Infinity", "1e999").encode()
    with pytest.raises(PackageError, match=r"tables\[4\]\.cells\[1\]\[0\].*finite non-negative"):
        load_package(data)


def test_a_lower_bound_key_in_place_of_a_required_one_is_refused() -> None:
    """Twelve keys as usual, but a flag where `additive` was: the count of keys alone proves nothing."""
    document = _document()
    load_package(_signed(document, KEYS[0]))
    del document["tables"][3]["additive"]
    document["tables"][3]["total_lower_bound"] = True
    with pytest.raises(PackageError, match=r"tables\[3\].*missing key 'additive'"):
        load_package(_signed(document, KEYS[0]))


def test_a_lone_total_flag_takes_the_strict_way_and_is_kept() -> None:
    flagged = _document(n=5, key=1)
    flagged["tables"][3]["total_lower_bound"] = True
    files = [_signed(_document(n=4, key=0), KEYS[0]), _signed(flagged, KEYS[1])]
    fast, strict = _both_ways(files)
    assert fast[0].known is not None and fast[1].known is None
    merged = merge_packages(fast)
    assert merged == merge_packages(strict)
    assert next(t for t in merged if t.id == "contacts").total_lower_bound is True


def test_a_key_given_twice_inside_a_table_is_refused() -> None:
    """A plain parser keeps the last `cells`, which the signature covers; the first is never looked at."""
    document = _document()
    data = _signed(document, KEYS[0])
    needle = b'"cells":'
    assert data.count(needle) == 6
    forged = data.replace(needle, b'"cells":[[1,1],[1,1]],"cells":', 1)
    with pytest.raises(PackageError, match="not valid JSON"):
        load_package(forged)


# --- shapes that look alike, and how they merge --------------------------------------------------------------


def test_texts_differing_by_normalisation_or_spacing_merge_as_the_tables_do() -> None:
    """The same title composed and decomposed, a label with two spaces: other shapes, summed by code."""
    first, second, third = _document(n=4, key=0), _document(n=5, key=1), _document(n=6, key=2)
    first["tables"][0]["title"] = unicodedata.normalize("NFC", "Donne per età")
    second["tables"][0]["title"] = unicodedata.normalize("NFD", "Donne per età")
    third["tables"][0]["row_labels"]["18-29"] = "etichetta  18-29"
    fast, strict = _both_ways([_signed(d, KEYS[i]) for i, d in enumerate((first, second, third))])
    assert all(p.known is not None for p in fast)
    assert len({id(p.known.layout) for p in fast if p.known is not None}) == 3
    merged = merge_packages(fast)
    assert merged == merge_packages(strict)
    assert merged[0].title == first["tables"][0]["title"] and merged[0].cells[0][0] == 9 + 10 + 11


def test_reordered_tables_and_rows_are_summed_by_code_not_by_place() -> None:
    first, second = _document(n=4, key=0), _document(n=5, key=1)
    second["tables"].reverse()
    age = second["tables"][-1]
    assert age["id"] == "age"
    for key in ("rows", "cells", "row_totals"):
        age[key].reverse()
    fast, strict = _both_ways([_signed(first, KEYS[0]), _signed(second, KEYS[1])])
    assert fast[1].known is not None and fast[1].known.layout is not fast[0].known.layout  # type: ignore[union-attr]
    merged = merge_packages(fast)
    assert merged == merge_packages(strict)
    by_id = {t.id: t for t in merged}
    assert [t.id for t in merged][:2] == ["age", "in_charge_citizenship"]
    assert by_id["age"].rows == ["18-29", "30-39"] and by_id["age"].cells[0] == [9 + 10, 14]


def test_equal_shapes_remembered_twice_still_merge_from_their_numbers(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The remembered shapes were forgotten between two packages: equal layouts, not the same object."""
    first = load_package(_signed(_document(n=4, key=0), KEYS[0]))
    monkeypatch.setattr(known, "_SEEN", [])
    second = load_package(_signed(_document(n=5, key=1), KEYS[1]))
    assert first.known is not None and second.known is not None
    assert first.known.layout is not second.known.layout
    fast = [first, second]
    merged = merge_packages(fast)
    assert not any(p.tables_built for p in fast)
    _, strict = _both_ways([_signed(_document(n=4, key=0), KEYS[0]), _signed(_document(n=5, key=1), KEYS[1])])
    assert merged == merge_packages(strict)


def test_what_the_merge_hands_out_is_not_what_is_remembered() -> None:
    """The network tables are changed after the merge (a profile regroups codes, say): the texts the
    known shapes were checked against stay as they were found valid, or a later package shaped like the
    changed tables would skip the text checks."""
    files = [_signed(_document(n=4, key=0), KEYS[0]), _signed(_document(n=5, key=1), KEYS[1])]
    fast = [load_package(data) for data in files]
    layout = fast[0].known.layout  # type: ignore[union-attr]
    before = copy.deepcopy(layout.shapes)
    for table in merge_packages(fast):
        table.rows.append("X\u202e")
        table.cols.append("Y")
        table.row_labels["X\u202e"] = "\u202eetichetta"
        table.col_labels.clear()
    assert layout.shapes == before
    for p in fast:
        p.table_codes()[0].rows.append("Z")  # the package's own lists, not the remembered ones
    assert layout.shapes == before


def _remembered(title: str) -> bool:
    return any(shape[1] == title for layout in known._SEEN for shape in layout.shapes)


def test_a_shape_seen_in_a_refused_package_is_not_taken_for_a_valid_one() -> None:
    """Refused for its signature or for a text of its tables: the shape is not remembered, the next
    package like it is checked table by table. Refused for something else (a structure of another day)
    once its tables passed: its shape is remembered, and the next package like it is still checked value
    by value."""
    document = _document()
    signed = json.loads(_signed(document, KEYS[0]))
    signed["tables"][2]["title"] = "Flusso delle donne, alterato"  # changed after signing
    with pytest.raises(PackageError, match="signature does not match"):
        load_package(json.dumps(signed).encode())
    assert not _remembered("Flusso delle donne, alterato")
    document["tables"][2]["title"] = "Flusso \u202edelle donne"
    for key in (0, 1):
        with pytest.raises(PackageError, match=r"tables\[2\]\.title.*invisible"):
            load_package(_signed(document, KEYS[key]))
        assert not _remembered(document["tables"][2]["title"])
    document = _document()
    document["tables"][2]["title"] = "Flusso delle donne, nuovo"
    document["structure"] = {"on": "2025-01-01", "centre": {}, "desks": []}
    with pytest.raises(PackageError, match="structure"):
        load_package(_signed(document, KEYS[0]))
    assert _remembered("Flusso delle donne, nuovo")
    del document["structure"]
    document["tables"][2]["cells"][0][0] = 2
    with pytest.raises(PackageError, match=r"tables\[2\].*below the threshold 5"):
        load_package(_signed(document, KEYS[1]))


# --- size ----------------------------------------------------------------------------------------------------


def test_enormous_arrays_in_a_known_shape_are_refused_at_once() -> None:
    document = _document()
    load_package(_signed(document, KEYS[0]))
    document["tables"][3]["cells"][0] = [5] * 1_000_000  # 2 MB, under the size cap
    document["tables"][4]["row_totals"] = [0] * 600_000
    data = _signed(document, KEYS[0])
    started = time.process_time()
    with pytest.raises(PackageError, match=r"tables\[3\]\.cells\[0\].*must have 2 to 2 items"):
        load_package(data)
    assert time.process_time() - started < 2.0


def _hours(table_id: str, rows: list[str]) -> AggregateTable:
    return AggregateTable(
        id=table_id, title="Ore", unit=Unit.HOURS, rows=rows, cols=["N"], cells=[[0] for _ in rows],
        row_totals=[0] * len(rows), col_totals=[0], total=0, additive=True,
        row_labels={code: "ore" for code in rows}, col_labels={},
    )  # fmt: skip


def _hours_package(tables: list[AggregateTable], key: int = 0) -> bytes:
    document = build_package(
        tables, centre=f"Centro {key}", desks=["Sportello"], period_start=MONTH.start, period_end=MONTH.end,
        disclosure=dict(RULE), software="Ascolto test", signing_key=KEYS[key],
        generated_at=datetime(2026, 1, 15, tzinfo=UTC),
    )  # fmt: skip
    return _signed(document, KEYS[key])


def _texts_kept() -> int:
    return sum(
        len(rows) + len(cols) + len(row_labels) + len(col_labels)
        for layout in known._SEEN
        for _id, _title, _unit, rows, cols, row_labels, col_labels in layout.shapes
    )


def test_the_shapes_remembered_keep_a_bounded_amount_of_text(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each package of a new shape is remembered: 64 packages of 200 tables of 500 codes and labels (3 MB
    each) held 22 MB of text apiece, 1.4 GB in all, after the packages were gone. Ascolto's own table
    list has under 1,000 codes and labels; what is remembered stays within 100,000 of them."""
    monkeypatch.setattr(known, "_SEEN", [])
    for n in range(4):
        rows = [f"r{n}-{i}" for i in range(500)]
        tables = [_hours(f"t{t}", rows) for t in range(40)]  # 40,000 texts
        assert load_package(_hours_package(tables)).known is not None
        assert _texts_kept() <= 100_000


def test_a_table_list_too_large_to_remember_is_read_and_merged_table_by_table() -> None:
    rows = [f"r{i}" for i in range(500)]
    files = [_hours_package([_hours(f"t{t}", rows) for t in range(101)], key) for key in (0, 1)]
    fast, strict = _both_ways(files)
    assert fast[0].known is None and fast[1].known is None  # 101,101 codes and labels
    assert merge_packages(fast) == merge_packages(strict)


def _strict_texts_kept() -> int:
    return sum(
        len(shape[3]) + len(shape[4]) + len(shape[5]) + len(shape[6]) for shape in validate._SHAPES_SEEN
    )


def test_the_strict_checks_remember_a_bounded_amount_of_text(monkeypatch: pytest.MonkeyPatch) -> None:
    """The table-by-table checks remember each valid table's texts too (up to 4,096 tables): tables of
    500 codes and labels each, in packages shaped anew every time, kept ~7 MB per 200 tables, ~150 MB at
    the cap. They stay within the same 100,000 codes and labels as the shapes of whole packages."""
    monkeypatch.setattr(validate, "_SHAPES_SEEN", {})
    monkeypatch.setattr(known, "_SEEN", [])
    for n in range(5):
        rows = [f"r{n}-{i}" for i in range(500)]
        load_package(_hours_package([_hours(f"t{t}", rows) for t in range(101)]))  # too large for `known`
        assert _strict_texts_kept() <= 100_000
