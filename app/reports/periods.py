"""Reporting periods: the year, semester, quarter, month or date range a set of indicators covers.

Coordinators type or pick a period as short text ("2026", "2026-H1", "2026-Q3", "2026-07",
"2026-01-01..2026-03-15"); funders read it as words ("3° trimestre 2026"). `Period.code` is the short
text, which `parse_period` turns back into the same period, so it can be stored in settings, file names
and packages. Both ends are inclusive, as the dates a coordinator writes on a report.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from app.i18n import QT_TRANSLATE_NOOP, day_text, language_code, translate

__all__ = ["Period", "parse_period"]

_MONTHS_IT = (
    "gennaio",
    "febbraio",
    "marzo",
    "aprile",
    "maggio",
    "giugno",
    "luglio",
    "agosto",
    "settembre",
    "ottobre",
    "novembre",
    "dicembre",
)
_MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)  # spelled out: calendar.month_name follows the process locale
_EN_ORDINAL = {1: "1st", 2: "2nd", 3: "3rd", 4: "4th"}

_YEAR = r"(\d{4})"
_RE_YEAR = re.compile(rf"{_YEAR}", re.ASCII)
_RE_SEMESTER = re.compile(rf"{_YEAR}-H(\d)", re.ASCII)
_RE_QUARTER = re.compile(rf"{_YEAR}-Q(\d)", re.ASCII)
_RE_MONTH = re.compile(rf"{_YEAR}-(\d{{2}})", re.ASCII)
_RE_RANGE = re.compile(r"(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})", re.ASCII)

FORMATS_HINT = "2026, 2026-H1, 2026-Q3, 2026-07, 2026-01-01..2026-03-15"
PERIODS_CONTEXT = "Periods"


def _(text: str) -> str:
    """A message about a typed period, in the current language (the command line is where they are read)."""
    return translate(PERIODS_CONTEXT, text)


def _is_en(lang: str) -> bool:
    return language_code(lang) == "en"


def _it_date(day: date) -> str:
    return day_text(day, "it")


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


@dataclass(frozen=True, order=True)
class Period:
    """An inclusive range of days; `code` is its canonical short text (what `parse_period` reads)."""

    start: date
    end: date
    code: str

    def __post_init__(self) -> None:
        if not isinstance(self.start, date) or not isinstance(self.end, date):
            raise TypeError("period bounds must be dates")
        if self.end < self.start:
            raise ValueError(f"period {self.code!r}: end {self.end} is before start {self.start}")

    def __str__(self) -> str:
        return self.code

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.start <= day <= self.end

    @property
    def days(self) -> int:
        """Number of days, both ends included."""
        return (self.end - self.start).days + 1

    @property
    def kind(self) -> str:
        """year, semester, quarter, month or range: what kind of text produced it."""
        code = self.code
        if _RE_YEAR.fullmatch(code):
            return "year"
        if _RE_SEMESTER.fullmatch(code):
            return "semester"
        if _RE_QUARTER.fullmatch(code):
            return "quarter"
        if _RE_MONTH.fullmatch(code):
            return "month"
        return "range"

    def label(self, lang: str = "it") -> str:
        """Words for printed reports: '3° trimestre 2026' / 'Q3 2026', 'luglio 2026' / 'July 2026'."""
        en = _is_en(lang)
        year = self.start.year
        kind = self.kind
        if kind == "year":
            return f"{year}" if en else f"anno {year}"
        if kind == "semester":
            n = 1 if self.start.month == 1 else 2
            return f"H{n} {year}" if en else f"{n}° semestre {year}"
        if kind == "quarter":
            n = (self.start.month - 1) // 3 + 1
            return f"Q{n} {year}" if en else f"{n}° trimestre {year}"
        if kind == "month":
            return (
                f"{_MONTHS_EN[self.start.month - 1]} {year}"
                if en
                else f"{_MONTHS_IT[self.start.month - 1]} {year}"
            )
        if en:
            return f"{self.start.isoformat()} to {self.end.isoformat()}"
        return f"dal {_it_date(self.start)} al {_it_date(self.end)}"

    # --- constructors ------------------------------------------------------------------------------
    @classmethod
    def year(cls, year: int) -> Period:
        return cls(date(year, 1, 1), date(year, 12, 31), f"{year:04d}")

    @classmethod
    def semester(cls, year: int, n: int) -> Period:
        if n not in (1, 2):
            raise ValueError(
                _(QT_TRANSLATE_NOOP(PERIODS_CONTEXT, "A year has semesters 1 and 2, not {n}.")).format(n=n)
            )
        first = 1 if n == 1 else 7
        return cls(date(year, first, 1), _month_end(year, first + 5), f"{year:04d}-H{n}")

    @classmethod
    def quarter(cls, year: int, n: int) -> Period:
        if not 1 <= n <= 4:
            raise ValueError(
                _(QT_TRANSLATE_NOOP(PERIODS_CONTEXT, "A year has quarters 1 to 4, not {n}.")).format(n=n)
            )
        first = 3 * (n - 1) + 1
        return cls(date(year, first, 1), _month_end(year, first + 2), f"{year:04d}-Q{n}")

    @classmethod
    def month(cls, year: int, month: int) -> Period:
        if not 1 <= month <= 12:
            raise ValueError(
                _(QT_TRANSLATE_NOOP(PERIODS_CONTEXT, "Months run from 01 to 12, not {month}.")).format(
                    month=f"{month:02d}"
                )
            )
        return cls(date(year, month, 1), _month_end(year, month), f"{year:04d}-{month:02d}")

    @classmethod
    def between(cls, start: date, end: date) -> Period:
        """A custom range (both ends included)."""
        if end < start:
            raise ValueError(
                _(
                    QT_TRANSLATE_NOOP(PERIODS_CONTEXT, "The period ends ({end}) before it starts ({start}).")
                ).format(end=day_text(end), start=day_text(start))
            )
        return cls(start, end, f"{start.isoformat()}..{end.isoformat()}")

    def next_day(self) -> date:
        """The first day after the period (handy for half-open SQL ranges)."""
        return self.end + timedelta(days=1)


def _year(text: str) -> int:
    year = int(text)
    if year < 1:
        raise ValueError(_(QT_TRANSLATE_NOOP(PERIODS_CONTEXT, "Year 0000 does not exist.")))
    return year


def parse_period(text: str) -> Period:
    """Read a period typed by a person; raise ValueError saying which formats are accepted."""
    if not isinstance(text, str):
        raise TypeError(f"a period is text, got {type(text).__name__}")
    raw = text.strip().upper()
    if not raw:
        raise ValueError(
            _(QT_TRANSLATE_NOOP(PERIODS_CONTEXT, "No period given: write one of {formats}.")).format(
                formats=FORMATS_HINT
            )
        )
    try:
        return _parse(raw)
    except ValueError as exc:
        raise ValueError(f"«{text.strip()}»: {exc}") from None
    except LookupError:
        raise ValueError(
            _(QT_TRANSLATE_NOOP(PERIODS_CONTEXT, "«{text}» is not a period: write one of {formats}.")).format(
                text=text.strip(), formats=FORMATS_HINT
            )
        ) from None


def _parse(raw: str) -> Period:
    if m := _RE_YEAR.fullmatch(raw):
        return Period.year(_year(m[1]))
    if m := _RE_SEMESTER.fullmatch(raw):
        return Period.semester(_year(m[1]), int(m[2]))
    if m := _RE_QUARTER.fullmatch(raw):
        return Period.quarter(_year(m[1]), int(m[2]))
    if m := _RE_MONTH.fullmatch(raw):
        return Period.month(_year(m[1]), int(m[2]))
    if m := _RE_RANGE.fullmatch(raw):
        try:
            start, end = date.fromisoformat(m[1]), date.fromisoformat(m[2])
        except ValueError:
            raise ValueError(_(QT_TRANSLATE_NOOP(PERIODS_CONTEXT, "Not a real calendar date."))) from None
        return Period.between(start, end)
    raise LookupError(raw)


def named_period(start: date, end: date) -> Period:
    """The year, semester, quarter or month these dates are, else a custom range (merged packages)."""
    for candidate in (
        Period.year(start.year),
        Period.semester(start.year, 1 if start.month <= 6 else 2),
        Period.quarter(start.year, (start.month - 1) // 3 + 1),
        Period.month(start.year, start.month),
    ):
        if (candidate.start, candidate.end) == (start, end):
            return candidate
    return Period.between(start, end)
