"""Input checks shared by every use case. Each failure names the field and says what is expected."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from app.i18n import QT_TRANSLATE_NOOP
from app.models import codelists
from app.services.errors import ValidationError

MIN_MINUTES, MAX_MINUTES = 1, 600
OLDEST_BIRTH_YEAR_SPAN = 110
YOUNGEST_AGE = 10
EARLIEST_DATE = date(1990, 1, 1)
LATEST_DUE_YEARS = 20  # a deadline may lie up to the end of the year this many years ahead


def today() -> date:
    """The one clock for "today" in the services (tests pin it so a run crossing midnight stays true)."""
    return date.today()


def check_date(value: date | None, field: str, *, required: bool = True) -> date | None:
    """A real calendar date, not in the future and not before the service could have existed."""
    if value is None:
        if required:
            raise ValidationError(QT_TRANSLATE_NOOP("Errors", "The date is required ({field})."), field=field)
        return None
    if isinstance(value, datetime):
        value = value.date()
    if not isinstance(value, date):
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Not a date ({field})."), field=field)
    if value > today():
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "The date cannot be in the future ({field})."), field=field
        )
    if value < EARLIEST_DATE:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "The date is implausibly old ({field})."), field=field
        )
    return value


def check_future_ok(value: date | None, field: str) -> date | None:
    """Due dates may lie in the future, but not absurdly far."""
    if value is None:
        return None
    if isinstance(value, datetime):
        value = value.date()
    if not isinstance(value, date):
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Not a date ({field})."), field=field)
    if value < EARLIEST_DATE or value.year > today().year + LATEST_DUE_YEARS:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "The date is implausible ({field})."), field=field)
    return value


NOT_BEFORE = {
    "case": QT_TRANSLATE_NOOP("Errors", "This date cannot come before the case was opened ({field})."),
    "pathway": QT_TRANSLATE_NOOP("Errors", "This date cannot come before the pathway was agreed ({field})."),
    "referral": QT_TRANSLATE_NOOP("Errors", "The outcome cannot come before the referral itself ({field})."),
}
"""What a date may not precede, and how to say so."""


def check_not_before(later: date, earlier: date, field: str, since: str = "case") -> None:
    """Refuse `later` before `earlier`, naming what it may not precede (`NOT_BEFORE`)."""
    if later < earlier:
        raise ValidationError(NOT_BEFORE[since], field=field)


def check_minutes(minutes: int) -> int:
    if isinstance(minutes, bool) or not isinstance(minutes, int) or not MIN_MINUTES <= minutes <= MAX_MINUTES:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "Minutes must be a whole number from {low} to {high}."),
            field="minutes",
            low=MIN_MINUTES,
            high=MAX_MINUTES,
        )
    return minutes


def check_birth_year(year: int | None) -> int | None:
    if year is None:
        return None
    current = today().year
    low, high = current - OLDEST_BIRTH_YEAR_SPAN, current - YOUNGEST_AGE
    if isinstance(year, bool) or not isinstance(year, int) or not low <= year <= high:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "The year of birth must be between {low} and {high}."),
            field="birth_year",
            low=low,
            high=high,
        )
    return year


def check_count(value: int | None, field: str, maximum: int = 30) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= maximum:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "Enter a number from 0 to {maximum} ({field})."),
            field=field,
            maximum=maximum,
        )
    return value


def check_code(list_name: str, code: str | None, field: str, *, allow_empty: bool = False) -> str:
    if (code is None or code == "") and allow_empty:
        return ""
    if not isinstance(code, str) or not codelists.is_valid(list_name, code):
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "'{code}' is not a valid choice ({field})."),
            field=field,
            code=str(code)[:40],
        )
    return code


def check_codes(list_name: str, values: Iterable[str], field: str) -> str:
    """Validate a multi-valued field and return its stored form ",A,B," (in code-list order)."""
    try:
        items = list(values)
        ordered = codelists.validate(list_name, items)
    except (codelists.UnknownCode, TypeError) as exc:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "Unknown or repeated choice ({field})."), field=field
        ) from exc
    return encode_codes(ordered)


def encode_codes(codes: Iterable[str]) -> str:
    items = list(codes)
    return "," + ",".join(items) + "," if items else ""


def decode_codes(stored: str) -> tuple[str, ...]:
    return tuple(code for code in stored.split(",") if code)


def check_text(value: str, field: str, maximum: int) -> str:
    if not isinstance(value, str):
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Not text ({field})."), field=field)
    value = value.strip()
    if len(value) > maximum:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "Too long: at most {maximum} characters ({field})."),
            field=field,
            maximum=maximum,
        )
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate, e.g. from a broken paste
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "Invalid characters ({field})."), field=field
        ) from None
    if "\x00" in value:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Invalid characters ({field})."), field=field)
    return value


def check_country(code: str | None) -> str | None:
    if code is None or code == "":
        return None
    return check_code("country", code.upper() if isinstance(code, str) else code, "country")


EXCLUSIVE_HELP = ("NESSUNO", "ND")
"""Answers of "help sought before" that cannot stand beside another one."""
MAX_PERPETRATORS = 20


def check_help_sought(values: Iterable[str]) -> str:
    """Where she sought help before the centre (multi): "nobody" and "not available" stand alone."""
    stored = check_codes("help_sought", values, "help_sought")
    codes = decode_codes(stored)
    if len(codes) > 1 and any(code in EXCLUSIVE_HELP for code in codes):
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "'Nobody' and 'not available' cannot be chosen together with another answer ({field}).",
            ),
            field="help_sought",
        )
    return stored


def check_perpetrators(count: int | None) -> int | None:
    """How many perpetrators: at least one (there is a main one), at most a plausible few; None = unknown."""
    if count is None:
        return None
    if isinstance(count, bool) or not isinstance(count, int) or not 1 <= count <= MAX_PERPETRATORS:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "Enter a number from {low} to {high} ({field})."),
            field="perpetrators_count",
            low=1,
            high=MAX_PERPETRATORS,
        )
    return count
