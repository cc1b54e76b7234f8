"""Export profiles as data: the shipped files load, a wrong file is refused by name, line and code, and
grouping codes follows the merge rule (a hidden part makes a lower bound, never a number of its own)."""

from __future__ import annotations

import pytest

from app.reports import profiles
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
