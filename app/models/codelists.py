"""Versioned code lists (DOMAIN.md) and the derivations that turn fine records into reporting grids.

The database stores the finest level (birth year, ISO country, the 15 legal relationship codes, each
form of violence); every reporting grid (ISTAT / Lombardy age groups, citizenship groups, macro groups)
is derived at export time by the pure functions below, so that one record serves every funder.

The lists live in ``resources/codelists.json`` (data, not code) so that a new version can be
shipped without touching the schema. Codes are what the database stores: a code is never renamed or
reused, only added. This module is Qt-free and loads the JSON lazily, once.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources
from types import MappingProxyType
from typing import Any

from app.i18n import language_code

__all__ = [
    "AGE_ISTAT_BOUNDS",
    "AGE_LOMBARDY_BOUNDS",
    "EU_COUNTRIES",
    "ND",
    "RELATIONSHIP_MACRO",
    "STATELESS",
    "VIOLENCE_MACRO",
    "CodeEntry",
    "UnknownCode",
    "age_at",
    "age_group_istat",
    "age_group_lombardy",
    "citizenship_binary",
    "citizenship_group",
    "codelist_version",
    "codes",
    "entries",
    "is_multi",
    "is_valid",
    "label",
    "list_names",
    "relationship_macro",
    "validate",
    "violence_macro",
]

ND = "ND"
"""'Non disponibile': the code every derivation returns when its input is missing."""

STATELESS = "XX"
"""Pseudo country code for stateless women (ISO 3166 has none; XX is user-assigned)."""

_ND_LABELS = {"it": "Non disponibile", "en": "Not available"}

# --- mappings used both in Python and, by the reports layer, to build SQL CASE expressions ----------

AGE_ISTAT_BOUNDS: tuple[tuple[str, int, int | None], ...] = (
    ("<18", 0, 17),
    ("18-29", 18, 29),
    ("30-39", 30, 39),
    ("40-49", 40, 49),
    ("50-59", 50, 59),
    ("60-69", 60, 69),
    ("70+", 70, None),
)
"""ISTAT age grid as (code, min_age, max_age inclusive or None = open-ended); ND is not listed."""

AGE_LOMBARDY_BOUNDS: tuple[tuple[str, int, int | None], ...] = (
    ("<=17", 0, 17),
    ("18-24", 18, 24),
    ("25-34", 25, 34),
    ("35-44", 35, 44),
    ("45-54", 45, 54),
    ("55-64", 55, 64),
    ("65+", 65, None),
)
"""Regione Lombardia age grid, same shape as AGE_ISTAT_BOUNDS."""

RELATIONSHIP_MACRO: Mapping[str, str] = MappingProxyType(
    {
        "01": "PARTNER",
        "02": "PARTNER",
        "03": "EX_PARTNER",
        "04": "EX_PARTNER",
        "05": "FAMILIARE",
        **{f"{n:02d}": "EXTRA_FAMILIARE" for n in range(6, 14)},
        "14": "ALTRO_ND",
        "15": "ALTRO_ND",
    }
)
"""Legge 53/2022 relationship code -> export macro group (DOMAIN.md)."""

VIOLENCE_MACRO: Mapping[str, str] = MappingProxyType(
    {
        "FISICA": "FISICA",
        "STUPRO": "SESSUALE",
        "SESS_ALTRA": "SESSUALE",
        "MOLESTIE": "SESSUALE",
        "DIGITALE": "SESSUALE",
        "PSICOLOGICA": "PSICOLOGICA",
        "ECONOMICA": "ECONOMICA",
        "MINACCE": "MINACCE",
        "STALKING": "STALKING",
        "ASSISTITA": "ALTRO",
        "MATR_FORZATO": "ALTRO",
        "MGF": "ALTRO",
        "ABORTO_FORZ": "ALTRO",
        "TRATTA": "ALTRO",
        "ALTRO": "ALTRO",
    }
)
"""Form of violence -> export macro group. Several forms can map to one macro: count women, not forms."""

# fmt: off
EU_COUNTRIES: frozenset[str] = frozenset({
    "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE",
    "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
})
# fmt: on
"""The 27 EU member states (IT included). Kept in code so it is usable without loading the JSON; the
loader refuses a JSON whose ``eu`` flags disagree, so there is still one truth."""


class UnknownCode(ValueError):
    """A code (or a multi-list value) that is not in the named list: refuse it before it is stored."""


@dataclass(frozen=True)
class CodeEntry:
    """One item of a code list: the stored code and its labels."""

    code: str
    it: str
    en: str

    def label(self, lang: str = "it") -> str:
        """Label in ``lang``; anything not English falls back to Italian, the working language."""
        return self.en if language_code(lang) == "en" else self.it


@dataclass(frozen=True)
class _CodeList:
    multi: bool
    entries: tuple[CodeEntry, ...]
    by_code: Mapping[str, CodeEntry]


@dataclass(frozen=True)
class _Data:
    version: str
    lists: Mapping[str, _CodeList]


@cache
def _data() -> _Data:
    """Load and check the JSON once; a malformed resource must fail loudly, not produce bad exports."""
    text = resources.files("app.resources").joinpath("codelists.json").read_text(encoding="utf-8")
    raw: dict[str, Any] = json.loads(text)
    lists: dict[str, _CodeList] = {}
    for name, spec in raw["lists"].items():
        items = tuple(CodeEntry(str(e["code"]), str(e["it"]), str(e["en"])) for e in spec["entries"])
        by_code = {e.code: e for e in items}
        if len(by_code) != len(items):
            raise ValueError(f"code list {name!r}: duplicate codes")
        lists[name] = _CodeList(bool(spec["multi"]), items, MappingProxyType(by_code))
    eu_flags = frozenset(e["code"] for e in raw["lists"]["country"]["entries"] if e.get("eu"))
    if eu_flags != EU_COUNTRIES:
        raise ValueError("codelists.json: 'eu' flags of country disagree with EU_COUNTRIES")
    return _Data(str(raw["version"]), MappingProxyType(lists))


def _list(name: str) -> _CodeList:
    try:
        return _data().lists[name]
    except KeyError:
        raise KeyError(f"unknown code list {name!r}") from None


def codelist_version() -> str:
    """Version of the code lists, recorded with every export so that old figures stay interpretable."""
    return _data().version


def list_names() -> tuple[str, ...]:
    """Names of all lists, in file order."""
    return tuple(_data().lists)


def entries(name: str) -> tuple[CodeEntry, ...]:
    """Entries of a list in display order (countries: by Italian name, stateless last)."""
    return _list(name).entries


def codes(name: str) -> tuple[str, ...]:
    """Codes of a list in display order."""
    return tuple(e.code for e in _list(name).entries)


def is_multi(name: str) -> bool:
    """Whether a woman can have several codes of this list (multi-response: the unit is women)."""
    return _list(name).multi


def is_valid(name: str, code: str | None) -> bool:
    """Whether ``code`` belongs to the list (None never does)."""
    return code is not None and code in _list(name).by_code


def label(name: str, code: str, lang: str = "it") -> str:
    """Label of a code; an unknown code returns the code itself so old data still displays.

    ``ND`` gets a readable label even in lists (like the 15 legal relationship codes) that have no ND
    entry, because derivations and reports use it for missing data everywhere.
    """
    entry = _list(name).by_code.get(code)
    if entry is not None:
        return entry.label(lang)
    if code == ND:
        return _ND_LABELS[language_code(lang)]
    return code


def validate(name: str, code_or_codes: str | Iterable[str]) -> str | tuple[str, ...]:
    """Check a value before it is stored and return it in canonical form.

    Single lists take one code and return it. Multi lists take an iterable of codes (not a bare string,
    which would silently be split into characters), reject duplicates, and return the codes in list
    order so that equal sets are stored identically.
    """
    cl = _list(name)
    if not cl.multi:
        if not isinstance(code_or_codes, str):
            raise TypeError(f"code list {name!r} takes a single code, got {type(code_or_codes).__name__}")
        if code_or_codes not in cl.by_code:
            raise UnknownCode(f"{code_or_codes!r} is not a code of {name!r}")
        return code_or_codes
    if isinstance(code_or_codes, str):
        raise TypeError(f"code list {name!r} is multi-valued: pass an iterable of codes")
    values = list(code_or_codes)
    for value in values:
        if value not in cl.by_code:
            raise UnknownCode(f"{value!r} is not a code of {name!r}")
    if len(set(values)) != len(values):
        raise UnknownCode(f"duplicate codes for {name!r}: {values!r}")
    order = {e.code: i for i, e in enumerate(cl.entries)}
    return tuple(sorted(values, key=order.__getitem__))


# --- derivations: store fine, report coarse -------------------------------------------------------


def age_at(birth_year: int | None, on: date) -> int | None:
    """Age on ``on`` as ``on.year - birth_year``.

    We store only the birth year (less identifying than a date), so this is an approximation: it is the
    age the woman reaches during that calendar year, i.e. up to one year more than her exact age before
    her birthday. ISTAT-style annual tables use the same convention. Returns None for a missing year or
    one after ``on`` (no meaningful age).
    """
    if birth_year is None:
        return None
    age = on.year - birth_year
    return age if age >= 0 else None


def _age_group(bounds: tuple[tuple[str, int, int | None], ...], age: int | None) -> str:
    if age is None:
        return ND
    for code, low, high in bounds:
        if age >= low and (high is None or age <= high):
            return code
    return ND


def age_group_istat(birth_year: int | None, on: date) -> str:
    """ISTAT age group (``<18`` ... ``70+``, ``ND``) of a woman born in ``birth_year``, at ``on``."""
    return _age_group(AGE_ISTAT_BOUNDS, age_at(birth_year, on))


def age_group_lombardy(birth_year: int | None, on: date) -> str:
    """Regione Lombardia age group (``<=17`` ... ``65+``, ``ND``), at ``on``."""
    return _age_group(AGE_LOMBARDY_BOUNDS, age_at(birth_year, on))


def _check_country(country: str) -> None:
    if not is_valid("country", country):
        raise UnknownCode(f"{country!r} is not an ISO 3166-1 alpha-2 code (nor {STATELESS})")


def citizenship_group(country: str | None) -> str:
    """Citizenship group from the ISO country of citizenship: ITA, UE, EXTRAUE, APOL (XX) or ND.

    Missing (None or empty) gives ND; a code that is not in the country list raises UnknownCode,
    because silently counting bad data as ND would hide a bug in the figures.
    """
    if not country:
        return ND
    _check_country(country)
    if country == "IT":
        return "ITA"
    if country == STATELESS:
        return "APOL"
    return "UE" if country in EU_COUNTRIES else "EXTRAUE"


def citizenship_binary(country: str | None) -> str:
    """ITALIANA / STRANIERA / ND: the coarse grid; stateless women count as foreign (not Italian)."""
    if not country:
        return ND
    _check_country(country)
    return "ITALIANA" if country == "IT" else "STRANIERA"


def relationship_macro(code: str | None) -> str:
    """Macro group of a Legge 53/2022 relationship code; ND when missing, UnknownCode when invalid.

    ND (no relationship recorded) is distinct from ALTRO_ND, which groups the legal codes 14 'altro'
    and 15 'autore non identificato'.
    """
    if not code:
        return ND
    try:
        return RELATIONSHIP_MACRO[code]
    except KeyError:
        raise UnknownCode(f"{code!r} is not a relationship code") from None


def violence_macro(form: str | None) -> str:
    """Export macro group of a form of violence; ND when missing, UnknownCode when invalid."""
    if not form:
        return ND
    try:
        return VIOLENCE_MACRO[form]
    except KeyError:
        raise UnknownCode(f"{form!r} is not a form of violence") from None
