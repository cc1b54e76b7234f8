"""Reporting periods: parsing, boundaries, labels and refusals."""

from __future__ import annotations

import calendar
import itertools
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.reports.periods import Period, parse_period

years = st.integers(1, 9999)


def test_examples_and_labels() -> None:
    q3 = parse_period("2026-Q3")
    assert (q3.start, q3.end, q3.code) == (date(2026, 7, 1), date(2026, 9, 30), "2026-Q3")
    assert q3.label("it") == "3° trimestre 2026" and q3.label("en") == "Q3 2026"
    july = parse_period("2026-07")
    assert july.label() == "luglio 2026" and july.label("en") == "July 2026"
    h1 = parse_period("2026-H1")
    assert (h1.start, h1.end) == (date(2026, 1, 1), date(2026, 6, 30))
    assert h1.label("it") == "1° semestre 2026" and h1.label("en-GB") == "H1 2026"
    year = parse_period("2026")
    assert (year.start, year.end, year.days) == (date(2026, 1, 1), date(2026, 12, 31), 365)
    assert year.label("it") == "anno 2026" and year.label("en") == "2026"
    custom = parse_period(" 2026-01-01..2026-03-15 ")
    assert (custom.start, custom.end, custom.kind) == (date(2026, 1, 1), date(2026, 3, 15), "range")
    assert custom.label("it") == "dal 01/01/2026 al 15/03/2026"
    assert custom.label("en") == "2026-01-01 to 2026-03-15"
    assert parse_period("2026-q4") == parse_period("2026-Q4")
    assert date(2026, 9, 30) in q3 and date(2026, 10, 1) not in q3 and "2026-07-01" not in q3


def test_leap_years() -> None:
    assert parse_period("2024-02").end == date(2024, 2, 29)
    assert parse_period("2100-02").end == date(2100, 2, 28)  # divisible by 100, not by 400
    assert parse_period("2000-02").end == date(2000, 2, 29)
    assert parse_period("2024").days == 366 and parse_period("2024-H1").days == 182
    assert parse_period("2024-02-29..2024-02-29").days == 1
    with pytest.raises(ValueError, match=r"(?i)not a real calendar date"):
        parse_period("2025-02-29..2025-03-01")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "no period given"),
        ("   ", "no period given"),
        ("2026-Q0", "quarters 1 to 4"),
        ("2026-Q5", "quarters 1 to 4"),
        ("2026-H3", "semesters 1 and 2"),
        ("2026-13", "months run from 01 to 12"),
        ("2026-00", "months run from 01 to 12"),
        ("0000", "does not exist"),
        ("26", "is not a period"),
        ("2026-7", "is not a period"),
        ("2026/07", "is not a period"),
        ("Q3 2026", "is not a period"),
        ("2026-03-02..2026-03-01", "ends"),
        ("2026-01-01..", "is not a period"),
        ("2026-01-01...2026-02-01", "is not a period"),
        ("٢٠٢٦", "is not a period"),  # non-ASCII digits
        ("2026-Q3x", "is not a period"),
    ],
)
def test_refusals(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=f"(?i){message}") as info:
        parse_period(text)
    if text.strip():
        assert f"«{text.strip()}»" in str(info.value)  # the message quotes what she typed


def test_refusals_speak_italian_by_default() -> None:
    """The command line is in Italian unless English is chosen: so is what it says about a period."""
    from app import i18n

    i18n.set_language("it")
    try:
        with pytest.raises(ValueError) as info:
            parse_period("2026-Q5")
        assert str(info.value) == "«2026-Q5»: Un anno ha i trimestri da 1 a 4, non 5."
        with pytest.raises(ValueError, match="non è un periodo"):
            parse_period("Q3 2026")
        with pytest.raises(ValueError, match=r"termina \(01/03/2026\) prima di iniziare \(02/03/2026\)"):
            parse_period("2026-03-02..2026-03-01")
    finally:
        i18n.set_language("en")


def test_not_text() -> None:
    with pytest.raises(TypeError):
        parse_period(2026)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        Period(date(2026, 2, 1), date(2026, 1, 1), "x")


@st.composite
def periods(draw: st.DrawFn) -> Period:
    kind = draw(st.sampled_from(["year", "semester", "quarter", "month", "range"]))
    year = draw(years)
    if kind == "year":
        return Period.year(year)
    if kind == "semester":
        return Period.semester(year, draw(st.integers(1, 2)))
    if kind == "quarter":
        return Period.quarter(year, draw(st.integers(1, 4)))
    if kind == "month":
        return Period.month(year, draw(st.integers(1, 12)))
    start = draw(st.dates())
    end = draw(st.dates(min_value=start))
    return Period.between(start, end)


@given(periods())
def test_round_trip(period: Period) -> None:
    again = parse_period(period.code)
    assert again == period
    assert parse_period(period.code.lower()) == period
    assert str(period) == period.code
    assert period.label("it") and period.label("en")


@given(years, st.integers(1, 12))
def test_month_boundaries(year: int, month: int) -> None:
    p = parse_period(f"{year:04d}-{month:02d}")
    assert p.start == date(year, month, 1)
    assert p.end.day == calendar.monthrange(year, month)[1]
    assert p.end in p and p.start in p
    if p.end < date.max:
        assert p.next_day() not in p and p.next_day().day == 1
    assert p.start - timedelta(days=1) not in p if p.start > date.min else True


@given(years)
def test_quarters_and_semesters_tile_the_year(year: int) -> None:
    y = parse_period(f"{year:04d}")
    quarters = [parse_period(f"{year:04d}-Q{n}") for n in range(1, 5)]
    halves = [parse_period(f"{year:04d}-H{n}") for n in range(1, 3)]
    for parts in (quarters, halves):
        assert parts[0].start == y.start and parts[-1].end == y.end
        assert all(a.end + timedelta(days=1) == b.start for a, b in itertools.pairwise(parts))
        assert sum(p.days for p in parts) == y.days == (366 if calendar.isleap(year) else 365)
    months = [parse_period(f"{year:04d}-{m:02d}") for m in range(1, 13)]
    assert [sum(m.days for m in months[3 * q : 3 * q + 3]) for q in range(4)] == [q.days for q in quarters]
