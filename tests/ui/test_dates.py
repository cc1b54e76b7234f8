"""Reading typed dates: every way people write a day means that day; anything else is refused, with why."""

from __future__ import annotations

import datetime as dt

import pytest

from app.ui.kit.dates import DateTextError, Problem, format_date, full_year, parse_date

MARCH_14 = dt.date(1985, 3, 14)


@pytest.mark.parametrize(
    "typed",
    [
        "14/03/1985",
        "14031985",
        "14-3-85",
        "14.3.1985",
        "1985-03-14",
        "14/3/1985",
        "140385",
        " 14 03 1985 ",
        "14.03.85",
    ],
)
def test_every_usual_way_of_writing_a_day(typed: str) -> None:
    assert parse_date(typed, latest_year=2026) == MARCH_14


def test_blank_is_no_date() -> None:
    assert parse_date("", latest_year=2026) is None
    assert parse_date("   ", latest_year=2026) is None


@pytest.mark.parametrize(
    ("typed", "latest_year", "expected"),
    [
        ("31/03/27", 2026, dt.date(1927, 3, 31)),  # a birth: never in the future
        ("31/03/27", 2076, dt.date(2027, 3, 31)),  # a deadline: the next decades
        ("1/1/26", 2026, dt.date(2026, 1, 1)),
        ("1/1/05", 2026, dt.date(2005, 1, 1)),
        ("31/12/99", 2026, dt.date(1999, 12, 31)),
        ("1/1/00", 2026, dt.date(2000, 1, 1)),
    ],
)
def test_two_digit_years_follow_the_pivot(typed: str, latest_year: int, expected: dt.date) -> None:
    assert parse_date(typed, latest_year) == expected


def test_full_year() -> None:
    assert [full_year(n, 2026) for n in (0, 26, 27, 85, 99)] == [2000, 2026, 1927, 1985, 1999]


@pytest.mark.parametrize(
    ("typed", "problem", "asked"),
    [
        ("31/02/2027", Problem.DAY, (31, 2, 2027)),
        ("29/02/2023", Problem.DAY, (29, 2, 2023)),
        ("31/04/1985", Problem.DAY, (31, 4, 1985)),
        ("00/03/1985", Problem.DAY, (0, 3, 1985)),
        ("2027-02-30", Problem.DAY, (30, 2, 2027)),
        ("14/13/1985", Problem.MONTH, None),
        ("14/00/1985", Problem.MONTH, None),
        ("14/03/198", Problem.FORMAT, None),
        ("1403", Problem.FORMAT, None),
        ("1403198", Problem.FORMAT, None),
        ("14 marzo 1985", Problem.FORMAT, None),
        ("14/03/1985x", Problem.FORMAT, None),
        ("14//", Problem.FORMAT, None),
        ("00/01/0000", Problem.FORMAT, None),
        ("١٤/٠٣/١٩٨٥", Problem.FORMAT, None),  # other scripts' digits are not read as ours
    ],
)
def test_what_is_not_a_day_is_refused_with_the_reason(
    typed: str, problem: Problem, asked: tuple[int, int, int] | None
) -> None:
    with pytest.raises(DateTextError) as caught:
        parse_date(typed, latest_year=2026)
    assert caught.value.problem is problem
    if asked is not None:
        assert (caught.value.day, caught.value.month, caught.value.year) == asked


def test_leap_day_and_format() -> None:
    assert parse_date("29/02/2024", 2026) == dt.date(2024, 2, 29)
    assert format_date(dt.date(2024, 2, 9)) == "09/02/2024"
    assert parse_date(format_date(MARCH_14), 2026) == MARCH_14
