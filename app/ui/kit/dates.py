"""What a typed date means: 14/03/1985, 14031985, 14-3-85, 14.3.1985 and 1985-03-14 are one day.

No Qt here, so the rules are tested alone and every date field reads text the same way. Day first,
as written in Italy; a two-digit year is the latest year ending in those digits not after
`latest_year` (a birth date: not after this year; a deadline: within the next decades).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from enum import Enum

SEPARATORS = r"[/.\-\s]+"
_DAY_FIRST = re.compile(rf"(\d{{1,2}}){SEPARATORS}(\d{{1,2}}){SEPARATORS}(\d{{4}}|\d{{2}})", re.ASCII)
_ISO = re.compile(rf"(\d{{4}}){SEPARATORS}(\d{{1,2}}){SEPARATORS}(\d{{1,2}})", re.ASCII)
_DIGITS = re.compile(r"(\d{2})(\d{2})(\d{4}|\d{2})", re.ASCII)


class Problem(Enum):
    """Why a text is not a date; the widget says it in the user's language."""

    FORMAT = "format"  # not shaped like a date at all
    MONTH = "month"  # month 0 or above 12
    DAY = "day"  # day 0 or beyond the length of that month


class DateTextError(ValueError):
    """The text is not a date; for Problem.DAY, the day, month and year it asked for."""

    def __init__(self, problem: Problem, day: int = 0, month: int = 0, year: int = 0) -> None:
        super().__init__(problem.value)
        self.problem = problem
        self.day, self.month, self.year = day, month, year


def format_date(day: dt.date) -> str:
    """How a date field shows a day, whatever the locale: day first, as typed (14/03/1985)."""
    return f"{day.day:02d}/{day.month:02d}/{day.year:04d}"


def full_year(two_digits: int, latest_year: int) -> int:
    """The latest year ending in `two_digits` that is not after `latest_year` (85 -> 1985 in 2026)."""
    return latest_year - (latest_year - two_digits) % 100


def parse_date(text: str, latest_year: int) -> dt.date | None:
    """The day the text means, None for blank text; DateTextError when it names no day."""
    text = text.strip()
    if not text:
        return None
    if match := _ISO.fullmatch(text):
        year, month, day = (int(part) for part in match.groups())
        return _checked(year, month, day)
    match = _DAY_FIRST.fullmatch(text) or _DIGITS.fullmatch(text)
    if match is None:
        raise DateTextError(Problem.FORMAT)
    day_text, month_text, year_text = match.groups()
    year = int(year_text)
    if len(year_text) == 2:
        year = full_year(year, latest_year)
    return _checked(year, int(month_text), int(day_text))


def _checked(year: int, month: int, day: int) -> dt.date:
    if not dt.MINYEAR <= year <= dt.MAXYEAR:
        raise DateTextError(Problem.FORMAT)
    if not 1 <= month <= 12:
        raise DateTextError(Problem.MONTH)
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        raise DateTextError(Problem.DAY, day, month, year)
    return dt.date(year, month, day)
