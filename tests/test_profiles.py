"""Export profiles as data: the shipped files load, a wrong file is refused by name, line and code, and
grouping codes follows the merge rule (a hidden part makes a lower bound, never a number of its own)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from app.reports import formatting, profile_files, profiles
from app.reports.tables import AggregateTable, Unit

HEAD = """[profile]
format = 1
id = "prova"
version = 1
title = "Prova"
target = "Test"
periods = ["year"]
"""


def _parse(body: str) -> profiles.Profile:
    return profiles.parse(HEAD + body, "prova.toml", profiles.catalogue())


def _refusal(body: str) -> str:
    with pytest.raises(profiles.ProfileError) as info:
        _parse(body)
    return str(info.value)


@pytest.mark.parametrize("name", ["istat-utenza", "istat-centri", "lombardia", "finanziatore"])
def test_each_shipped_profile_loads(name: str) -> None:
    profile = profiles.load(name)
    assert profile.id == name and profile.tables
    assert name in profiles.available()


def test_the_catalogue_knows_every_table_with_its_codes() -> None:
    known = profiles.catalogue()
    assert known["age_istat"].rows[-1] == "ND" and known["age_istat"].additive
    assert not known["violence_forms"].additive
    assert known["services_type_mode_count"].cols == ("PRESENZA", "TELEFONO", "VIDEO", "ONLINE_SCRITTO")


def test_an_unknown_code_is_refused_naming_file_line_key_and_code() -> None:
    body = """
[[tables]]
id = "cittadinanza"
title = "Cittadinanza"
source = "citizenship"
[tables.rows]
ITALIANA = { label = "Italiana", from = ["ITA"] }
STRANIERA = { label = "Straniera", from = ["UE", "EXTRA_UE"] }
"""
    message = _refusal(body)
    line = (HEAD + body).splitlines().index(
        'STRANIERA = { label = "Straniera", from = ["UE", "EXTRA_UE"] }'
    ) + 1
    assert f"prova.toml:{line} tables[0].rows.STRANIERA.from" in message
    assert "'EXTRA_UE'" in message and "citizenship" in message and "EXTRAUE" in message  # the known codes


def test_an_unknown_table_or_key_is_refused() -> None:
    assert "unknown source table 'cittadinanze'" in _refusal(
        '[[tables]]\nid = "a"\ntitle = "A"\nsource = "cittadinanze"\n'
    )
    message = _refusal('[[tables]]\nid = "a"\ntitle = "A"\nsource = "citizenship"\ncolour = "red"\n')
    assert "prova.toml:12 tables[0].colour" in message and "unknown key colour" in message


def test_rows_of_a_multi_response_table_cannot_be_summed() -> None:
    body = """
[[tables]]
id = "sessuale"
title = "Violenza sessuale"
source = "violence_forms"
[tables.rows]
SESSUALE = { from = ["STUPRO", "MOLESTIE"] }
"""
    assert "multi-response" in _refusal(body)


def test_a_code_mapped_twice_is_refused() -> None:
    body = """
[[tables]]
id = "a"
title = "A"
source = "citizenship"
[tables.rows]
X = { from = ["UE"] }
Y = { from = ["UE", "APOL"] }
"""
    assert "mapped twice" in _refusal(body)


def _table(values: list[int | None]) -> AggregateTable:
    rows = ["ITA", "UE", "EXTRAUE", "APOL", "ND"]
    return AggregateTable(
        "citizenship",
        "Cittadinanza",
        Unit.WOMEN,
        rows,
        ["N"],
        [[v] for v in values],
        list(values),
        [150],
        150,
    )


GROUPED = """
[[tables]]
id = "cittadinanza"
title = "Cittadinanza"
source = "citizenship"
[tables.rows]
ITALIANA = { from = ["ITA"] }
STRANIERA = { from = ["UE", "EXTRAUE", "APOL"] }
ND = {}
"""


def test_grouping_sums_published_values_and_a_hidden_part_makes_a_lower_bound() -> None:
    profile = _parse(GROUPED)
    (out,) = profiles.apply(profile, [_table([100, 20, 25, None, 5])])
    assert out.rows == ["ITALIANA", "STRANIERA", "ND"]
    assert [r[0] for r in out.cells] == [100, 45, 5]
    assert out.lower_bound == [[False], [True], [False]]  # STRANIERA >= 45: APOL was <5
    assert out.total == 150 and out.total_lower_bound is False


def test_a_category_whose_parts_are_all_hidden_stays_hidden() -> None:
    (out,) = profiles.apply(_parse(GROUPED), [_table([130, None, None, None, 6])])
    assert out.cells[1] == [None]  # never 0, never a guess
    (exact,) = profiles.apply(_parse(GROUPED), [_table([100, 20, 25, 5, 0])])
    assert exact.cells[1] == [50] and exact.lower_bound == [[False], [False], [False]]


def test_a_margin_can_be_taken_as_a_column() -> None:
    body = """
[[tables]]
id = "prestazioni"
title = "Prestazioni"
source = "services_type_mode_count"
rows = ["ASCOLTO"]
[tables.cols]
TOTALE = { from = ["_total"] }
"""
    rows = list(profiles.catalogue()["services_type_mode_count"].rows)
    cols = ["PRESENZA", "TELEFONO", "VIDEO", "ONLINE_SCRITTO"]
    cells: list[list[int | None]] = [[10, None, 7, 0] for _ in rows]
    source = AggregateTable(
        "services_type_mode_count", "x", Unit.SERVICES, rows, cols, cells, [19] * len(rows), [None] * 4, 400
    )
    (out,) = profiles.apply(_parse(body), [source])
    assert out.cells == [[19]] and out.lower_bound == [[False]]  # the published row total, not 10+7


def test_the_structure_cannot_be_laid_out_by_desk() -> None:
    """Each desk's release carries the centre's answers too: side by side, 1522 would count six centres."""
    body = '[[tables]]\nid = "a"\ntitle = "A"\nsource = "structure_1522"\n'
    assert _parse(body).tables[0].source == "structure_1522"
    with pytest.raises(profiles.ProfileError, match="centre's structure"):
        profiles.parse(HEAD + 'layout = "by_desk"\n' + body, "prova.toml", profiles.catalogue())


# --- a planted or mistaken file is refused quickly, by name and reason, never with a traceback ---------------
def _table_text(i: int) -> str:
    return f'[[tables]]\nid = "t{i}"\ntitle = "T"\nsource = "citizenship"\n'


@pytest.mark.parametrize(
    "body",
    [
        "[profile.x]\nv = " + "[" * 5000 + "]" * 5000 + "\n",  # the parser itself recursed
        "[profile.x]\nv = " + "{ a = " * 400 + "1" + " }" * 400 + "\n",
        "[profile.x]\n" + "a." * 3000 + "b = 1\n",  # dotted keys nest without brackets
        '[[tables]]\nid = "t"\ntitle = "T"\nsource.' + "a." * 3000 + "b = 1\n",  # quoted in the message
    ],
    ids=["arrays", "inline-tables", "dotted-keys", "dotted-source"],
)
def test_a_deeply_nested_file_is_refused_by_name(body: str) -> None:
    message = _refusal(body)
    assert (
        message
        == f"invalid export profile prova.toml: tables and lists are nested more than {profiles.MAX_DEPTH} levels deep"
    )


def test_too_many_tables_are_refused_before_any_is_checked() -> None:
    many = "".join(_table_text(i) for i in range(profiles.MAX_TABLES + 1))
    message = _refusal(many)
    assert f"more than {profiles.MAX_TABLES} [[tables]]" in message and "prova.toml" in message
    assert _parse(
        "".join(_table_text(i) for i in range(profiles.MAX_TABLES))
    ).tables  # the bound itself is fine
    pending = _table_text(0) + '[[pending]]\nid = "p"\ntitle = "P"\nneeds = "n"\n' * (profiles.MAX_TABLES + 1)
    assert f"more than {profiles.MAX_TABLES} [[pending]]" in _refusal(pending)


def test_a_huge_file_is_refused_at_once(tmp_path: Path) -> None:
    """100,000 tables (6 MB) took seconds to parse and were then accepted: refused before parsing."""
    body = "".join(_table_text(i) for i in range(100_000))
    started = time.perf_counter()
    message = _refusal(body)
    path = tmp_path / "enorme.toml"
    path.write_text(HEAD + body, encoding="utf-8")
    with pytest.raises(profiles.ProfileError) as info:
        profiles.load(path)
    assert time.perf_counter() - started < 1.0
    size = profiles.MAX_FILE_BYTES // 1024
    assert (
        message
        == f"invalid export profile prova.toml: the file is larger than {size} KB: a profile is a page of text"
    )
    assert str(info.value).startswith("invalid export profile enorme.toml: the file is larger than")


def _one_way(
    table_id: str, rows: list[str], values: list[int | None], additive: bool = True
) -> AggregateTable:
    known = [v or 0 for v in values]
    return AggregateTable(
        table_id, table_id, Unit.WOMEN, rows, ["N"], [[v] for v in values], list(values), [sum(known)],
        sum(known), additive=additive, row_labels={r: r.title() for r in rows},
    )  # fmt: skip


def test_the_rows_that_cannot_occur_are_the_statuses_a_closure_never_has() -> None:
    from app.models import codelists
    from app.services.cases import CLOSING_STATUSES

    statuses = set(codelists.codes("case_status"))
    assert formatting.ROWS_THAT_CANNOT_OCCUR["closures_outcome"] == statuses - set(CLOSING_STATUSES) - {"ND"}


def test_closed_pathways_in_progress_are_left_out_while_nobody_is_there() -> None:
    spec = _parse('[[tables]]\nid = "chiusure"\ntitle = "Chiusure"\nsource = "closures_outcome"\n').tables[0]
    rows = ["IN_CORSO", "SOSPESO", "CONCLUSO_OBJ", "ND"]
    laid = profiles.apply_table(spec, _one_way("closures_outcome", rows, [0, 0, 12, 0]))
    assert laid.rows == ["CONCLUSO_OBJ", "ND"] and laid.cells == [[12], [0]] and laid.total == 12
    odd = profiles.apply_table(spec, _one_way("closures_outcome", rows, [6, None, 12, 0]))
    assert odd.rows == rows  # something is there (a hidden value may be): printed, so it can be seen


def test_the_margin_row_says_totale_only_over_a_sum() -> None:
    flow = _one_way("flow", ["WOMEN_CONTACTED", "RECEIVED"], [108, 113], additive=False)
    _header, printed = profile_files.lines(flow, "it")
    assert [name for name, _ in printed] == ["Women_Contacted", "Received"]  # no "Totale" under them
    ages = _one_way("eta", ["A", "B"], [7, 9])
    assert profile_files.lines(ages, "it")[1][-1][0] == "Totale"
    assert (
        profile_files.margin_label(flow, "it")
        == "Complessivo senza doppi conteggi (non è la somma delle righe)"
    )


def test_desks_side_by_side_with_one_total_column() -> None:
    a, b = _one_way("donne", ["X"], [7]), _one_way("donne", ["X"], [None])
    (table,) = profiles.by_desk(["Bergamo", "Treviglio"], [[a], [b]])
    assert table.cols == ["DESK_1", "DESK_2"] and table.cells == [[7, None]]
    assert table.row_totals == [7] and table.row_lower_bound == [True]  # Treviglio's part is hidden
    header, _rows = profile_files.lines(table, "it")
    assert header == ["", "Bergamo", "Treviglio", "Totale"]
