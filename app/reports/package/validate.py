"""Strict validation of a package's content, shared by building and loading.

Every byte is hostile: no unknown keys anywhere, bounded strings, lists and numbers, no control or
invisible characters, counts below the disclosure threshold refused. The first violation is a
`PackageError` naming its place (a JSON path). The checks of many values run at C speed first and
only fall back to value-by-value checks, which name the fault, when something is wrong.
"""

from __future__ import annotations

import base64
import binascii
import itertools
import math
import re
from collections.abc import Collection, Iterable, Sequence
from datetime import UTC, date, datetime
from typing import Any, NoReturn

from app.crypto import signing
from app.i18n import QT_TRANSLATE_NOOP
from app.models import codelists
from app.reports.package import known
from app.reports.package.document import (
    CONSOLIDATION_KEYS,
    COUNT_UNITS,
    DISCLOSURE_KEYS,
    FORMAT,
    MAX_CODE,
    MAX_CODES,
    MAX_DESKS,
    MAX_SUCCESSIONS,
    MAX_TABLES,
    MAX_TEXT,
    MAX_THRESHOLD,
    MAX_VALUE,
    MIN_THRESHOLD,
    OPTIONAL_TOP_KEYS,
    READABLE_VERSIONS,
    SIGNATURE_ALGORITHM,
    TABLE_UNITS,
    TOP_KEYS,
    KeyChange,
    KnownTables,
    PackageError,
    short_repr,
)
from app.reports.tables import Unit

_SUCCESSION_KEYS = frozenset({"old", "new", "at", "signature"})
_HEAD_KEYS = frozenset({"events", "hash", "at"})
_LOG_KEYS = frozenset({"seq", "head"})
_HASH_RE = re.compile(r"[0-9a-f]{64}")
_HEAD_AT_RE = re.compile(r"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})?")
_LOWER_BOUND_KEYS = frozenset({"lower_bound", "row_lower_bound", "col_lower_bound", "total_lower_bound"})
_BAD_CHARS = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\u2028\u2029]")
_INVISIBLE = re.compile(
    "[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e"
    "\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufffb\U0001d173-\U0001d17a"
    "\U000e0000-\U000e0fff]"
)
"""Zero-width, invisible and text-direction characters (bidi overrides, isolates, marks, tags,
variation selectors): in a centre or desk name they make two different names look the same, or turn a
name around on screen, so no text of a package may hold one."""
_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")
_STAMP_RE = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z")


def signature_block(block: Any) -> tuple[bytes, bytes]:
    """The signing key and the signature of a package's `signature` member, checked."""
    block = _object(block, "signature", {"algorithm", "public_key", "value"})
    if block["algorithm"] != SIGNATURE_ALGORITHM:
        raise PackageError(QT_TRANSLATE_NOOP("Errors", "signature algorithm is not Ed25519"))
    public = _b64(block["public_key"], "signature.public_key", signing.PUBLIC_KEY_BYTES)
    value = _b64(block["value"], "signature.value", signing.SIGNATURE_BYTES)
    return public, value


def _b64(value: Any, where: str, length: int) -> bytes:
    if not isinstance(value, str) or len(value) > 200:
        _fail(where, QT_TRANSLATE_NOOP("Errors", "not a base64 string"))
    try:
        raw = base64.b64decode(value.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError):
        _fail(where, QT_TRANSLATE_NOOP("Errors", "not valid base64"))
    if len(raw) != length or base64.b64encode(raw).decode("ascii") != value:
        _fail(where, QT_TRANSLATE_NOOP("Errors", "not the base64 of {length} bytes"), length=length)
    return raw


def _fail(where: str, message: str, **params: Any) -> NoReturn:
    raise PackageError(message, where=where, **params)


def _object(
    value: Any, where: str, required: Iterable[str], optional: Iterable[str] = frozenset()
) -> dict[str, Any]:
    if not isinstance(value, dict):
        _fail(where, QT_TRANSLATE_NOOP("Errors", "not an object"))
    unknown = value.keys() - frozenset(required) - frozenset(optional)  # frozenset(frozenset) is free
    if unknown:
        _fail(where, QT_TRANSLATE_NOOP("Errors", "unknown key {key}"), key=short_repr(sorted(unknown)[0]))
    missing = [key for key in required if key not in value]
    if missing:
        _fail(where, QT_TRANSLATE_NOOP("Errors", "missing key {key}"), key=repr(sorted(missing)[0]))
    return value


def _text(value: Any, where: str, max_len: int) -> str:
    if not isinstance(value, str):
        _fail(where, QT_TRANSLATE_NOOP("Errors", "not a string"))
    if not 1 <= len(value) <= max_len:
        _fail(where, QT_TRANSLATE_NOOP("Errors", "must be 1 to {max} characters"), max=max_len)
    if _BAD_CHARS.search(value):
        _fail(where, QT_TRANSLATE_NOOP("Errors", "contains control characters"))
    if _INVISIBLE.search(value):
        _fail(
            where,
            QT_TRANSLATE_NOOP(
                "Errors", "contains invisible or text-direction characters (they can disguise a name)"
            ),
        )
    return value


def _list(value: Any, where: str, max_len: int, min_len: int = 0) -> list[Any]:
    if not isinstance(value, list):
        _fail(where, QT_TRANSLATE_NOOP("Errors", "not a list"))
    if not min_len <= len(value) <= max_len:
        _fail(where, QT_TRANSLATE_NOOP("Errors", "must have {min} to {max} items"), min=min_len, max=max_len)
    return value


def _texts_ok(values: Collection[Any], max_len: int) -> bool:
    """The checks of `_text` over many values at C speed, without building locations (the fast path)."""
    if not values:
        return True
    if set(map(type, values)) != {str}:
        return False
    lengths = list(map(len, values))
    joined = "".join(values)
    return (
        min(lengths) >= 1
        and max(lengths) <= max_len
        and not _BAD_CHARS.search(joined)
        and not _INVISIBLE.search(joined)
    )


def _codes(value: Any, where: str) -> list[str]:
    codes = _list(value, where, MAX_CODES, 1)
    if not _texts_ok(codes, MAX_CODE):
        for i, c in enumerate(codes):
            _text(c, f"{where}[{i}]", MAX_CODE)
    if len(set(codes)) != len(codes):
        _fail(where, QT_TRANSLATE_NOOP("Errors", "repeated code"))
    return codes


def _numbers_ok(values: list[Any]) -> bool:
    """Whether every value is null or a whole number in range: the usual case, checked at C speed."""
    if not set(map(type, values)) <= known.INTEGRAL:
        return False
    present = [v for v in values if v is not None]
    return not present or (min(present) >= 0 and max(present) <= MAX_VALUE)


def _numbers(values: list[Any], where: str, unit: Unit) -> None:
    if _numbers_ok(values):
        return
    for i, value in enumerate(values):  # hours with a decimal (format 1), or a fault to name
        _number(value, f"{where}[{i}]", unit)


def _number(value: Any, where: str, unit: Unit) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int | float):
        _fail(where, QT_TRANSLATE_NOOP("Errors", "not a number or null"))
    if isinstance(value, float):
        if unit in COUNT_UNITS:
            _fail(where, QT_TRANSLATE_NOOP("Errors", "a count of {unit} must be an integer"), unit=unit.value)
        if not math.isfinite(value) or math.copysign(1.0, value) < 0 or round(value, 1) != value:
            _fail(
                where,
                QT_TRANSLATE_NOOP("Errors", "must be a finite non-negative number with at most one decimal"),
            )
    if value < 0:
        _fail(where, QT_TRANSLATE_NOOP("Errors", "negative number"))
    if value > MAX_VALUE:
        _fail(where, QT_TRANSLATE_NOOP("Errors", "number too large"))


def _parse_date(value: Any, where: str) -> date:
    if not isinstance(value, str) or not _DATE_RE.fullmatch(value):
        _fail(where, QT_TRANSLATE_NOOP("Errors", "not an ISO date (YYYY-MM-DD)"))
    try:
        return date.fromisoformat(value)
    except ValueError:
        _fail(where, QT_TRANSLATE_NOOP("Errors", "not a valid date"))


def validate_content(doc: Any) -> KnownTables | None:
    """Every rule of the format except the signature; raises PackageError naming the first violation.

    Returns the tables' numbers when they are of a known shape (`known.check`), else None."""
    doc = _object(doc, "package", TOP_KEYS, OPTIONAL_TOP_KEYS)
    if doc["format"] != FORMAT:
        _fail("format", QT_TRANSLATE_NOOP("Errors", "must be {value}"), value=repr(FORMAT))
    version = doc["version"]
    if type(version) is not int or version not in READABLE_VERSIONS:
        _fail(
            "version", QT_TRANSLATE_NOOP("Errors", "must be one of {values}"), values=str(READABLE_VERSIONS)
        )
    _text(doc["centre"], "centre", MAX_TEXT)
    desk_list = _list(doc["desks"], "desks", MAX_DESKS, 1)
    desks = [_text(d, f"desks[{i}]", MAX_TEXT) for i, d in enumerate(desk_list)]
    if len({d.casefold() for d in desks}) != len(desks):
        _fail("desks", QT_TRANSLATE_NOOP("Errors", "repeated help desk"))
    period = _object(doc["period"], "period", {"start", "end"})
    if _parse_date(period["start"], "period.start") > _parse_date(period["end"], "period.end"):
        _fail("period", QT_TRANSLATE_NOOP("Errors", "start is after end"))
    disclosure = _object(doc["disclosure"], "disclosure", DISCLOSURE_KEYS[version])
    threshold = disclosure["threshold"]
    if type(threshold) is not int or not MIN_THRESHOLD <= threshold <= MAX_THRESHOLD:
        _fail(
            "disclosure.threshold",
            QT_TRANSLATE_NOOP("Errors", "must be an integer from {min} to {max}"),
            min=MIN_THRESHOLD,
            max=MAX_THRESHOLD,
        )
    _text(disclosure["method"], "disclosure.method", MAX_TEXT)
    _text(disclosure["rule_version"], "disclosure.rule_version", MAX_CODE)
    if version >= 2:
        _text(disclosure["ptable_version"], "disclosure.ptable_version", MAX_CODE)
        if type(disclosure["max_deviation"]) is not int or not 0 <= disclosure["max_deviation"] <= 10:
            _fail("disclosure.max_deviation", QT_TRANSLATE_NOOP("Errors", "must be an integer from 0 to 10"))
    stamp = doc["generated_at"]
    if not isinstance(stamp, str) or not _STAMP_RE.fullmatch(stamp):
        _fail("generated_at", QT_TRANSLATE_NOOP("Errors", "not an ISO UTC timestamp (YYYY-MM-DDTHH:MM:SSZ)"))
    try:
        datetime.strptime(stamp, "%Y-%m-%dT%H:%M:%SZ")
    except ValueError:
        _fail("generated_at", QT_TRANSLATE_NOOP("Errors", "not a valid timestamp"))
    _text(doc["software"], "software", MAX_CODE)
    if "audit_head" in doc:
        _validate_head(doc["audit_head"])
    if "release_log" in doc:
        _validate_log_position(doc["release_log"])
    if "consolidation" in doc:
        parts = _object(doc["consolidation"], "consolidation", CONSOLIDATION_KEYS)
        for key in sorted(CONSOLIDATION_KEYS):
            for i, name in enumerate(_list(parts[key], f"consolidation.{key}", MAX_DESKS)):
                _text(name, f"consolidation.{key}[{i}]", MAX_TEXT)
    tables = _list(doc["tables"], "tables", MAX_TABLES)
    numbers = known.check(tables, threshold, version)
    ids = set(numbers.layout.ids) if numbers is not None else None
    if ids is None:  # one table at a time, naming the first fault
        ids = set()
        for i, table in enumerate(tables):
            table_id = _validate_table(table, f"tables[{i}]", threshold, version)
            if table_id in ids:
                _fail(
                    f"tables[{i}].id",
                    QT_TRANSLATE_NOOP("Errors", "repeated table id {id}"),
                    id=short_repr(table_id),
                )
            ids.add(table_id)
        known.remember(tables)
        numbers = known.check(tables, threshold, version)  # valid: the merge may take it as numbers
    if "missing_rates" in doc:
        _validate_rates(doc["missing_rates"], ids)
    if "structure" in doc:
        _validate_structure(doc["structure"], desks, period["end"])
    return numbers


STRUCTURE_KEYS = frozenset({"on", "centre", "desks"})
STRUCTURE_CENTRE_KEYS = frozenset({"adheres_1522", "available_h24", "staff_paid", "staff_volunteer"})
STRUCTURE_DESK_KEYS = frozenset({"name", "days", "hours_week", "languages"})
MAX_STAFF = 500
MAX_HOURS_WEEK = 168


def _validate_structure(value: Any, desks: Sequence[str], period_end: str) -> None:
    """The stated structure: as it held on the last day of the period, codes from Ascolto's lists, counts
    within bounds, only the package's desks, each once."""

    def codes(raw: Any, where: str, list_name: str) -> None:
        allowed = codelists.codes(list_name)
        items = _list(raw, where, len(allowed))
        if any(not isinstance(c, str) or c not in allowed for c in items) or len(set(items)) != len(items):
            _fail(where, QT_TRANSLATE_NOOP("Errors", "must list codes of {list} once each"), list=list_name)

    def count(raw: Any, where: str, top: int, empty: bool = False) -> None:
        if raw is None and empty:
            return
        if type(raw) is not int or not 0 <= raw <= top:
            _fail(
                where, QT_TRANSLATE_NOOP("Errors", "must be an integer from {min} to {max}"), min=0, max=top
            )

    doc = _object(value, "structure", STRUCTURE_KEYS)
    if doc["on"] != period_end:
        _fail("structure.on", QT_TRANSLATE_NOOP("Errors", "must be the last day of the period"))
    centre = _object(doc["centre"], "structure.centre", STRUCTURE_CENTRE_KEYS)
    for key in ("adheres_1522", "available_h24"):
        if centre[key] not in codelists.codes("yes_no"):
            _fail(f"structure.centre.{key}", QT_TRANSLATE_NOOP("Errors", "must be one of {values}"),
                  values=", ".join(codelists.codes("yes_no")))  # fmt: skip
    professions = codelists.codes("staff_profession")
    for key in ("staff_paid", "staff_volunteer"):
        staff = _object(centre[key], f"structure.centre.{key}", (), professions)
        for code, n in staff.items():
            count(n, f"structure.centre.{key}.{short_repr(code)}", MAX_STAFF)
    names: set[str] = set()
    for i, raw in enumerate(_list(doc["desks"], "structure.desks", len(desks))):
        where = f"structure.desks[{i}]"
        desk = _object(raw, where, STRUCTURE_DESK_KEYS)
        if desk["name"] not in desks or desk["name"] in names:
            _fail(
                f"{where}.name",
                QT_TRANSLATE_NOOP("Errors", "not one of the package's help desks, or repeated"),
            )
        names.add(desk["name"])
        codes(desk["days"], f"{where}.days", "weekday")
        codes(desk["languages"], f"{where}.languages", "language")
        count(desk["hours_week"], f"{where}.hours_week", MAX_HOURS_WEEK, empty=True)


_RATE_KEYS = frozenset({"percent", "below_percent"})
_DICT = frozenset({dict})


def _validate_rates(rates: Any, ids: set[str]) -> None:
    rates = _object(rates, "missing_rates", (), ids)
    parts = list(rates.values())
    if set(map(type, parts)) <= _DICT and set(map(len, parts)) <= {1}:  # the usual case, at C speed
        numbers = list(itertools.chain.from_iterable(map(dict.values, parts)))
        if (
            set(itertools.chain.from_iterable(parts)) <= _RATE_KEYS
            and set(map(type, numbers)) <= {int}
            and (not numbers or (min(numbers) >= 0 and max(numbers) <= 100))
        ):
            return
    for table_id, rate in rates.items():
        where = f"missing_rates.{short_repr(table_id)}"
        rate = _object(rate, where, (), _RATE_KEYS)
        if len(rate) != 1 or any(type(v) is not int or not 0 <= v <= 100 for v in rate.values()):
            _fail(where, QT_TRANSLATE_NOOP("Errors", "must hold one whole per cent from 0 to 100"))


def key_changes(value: Any, public: bytes) -> tuple[KeyChange, ...]:
    """The optional `key_history`: a chain of signed key changes that must end at the signing key.

    Each step is signed by the key it replaces (app.crypto.signing.sign_succession) and names the key
    the next step starts from; dates never go backwards. A coordinator who trusts any key of the chain
    can follow it to the package's key (app.services.reports).
    """
    if value is None:
        return ()
    steps = _list(value, "key_history", MAX_SUCCESSIONS, 1)
    out: list[KeyChange] = []
    for i, step in enumerate(steps):
        where = f"key_history[{i}]"
        step = _object(step, where, _SUCCESSION_KEYS)
        old = _b64(step["old"], f"{where}.old", signing.PUBLIC_KEY_BYTES)
        new = _b64(step["new"], f"{where}.new", signing.PUBLIC_KEY_BYTES)
        stamp = step["at"]
        if not isinstance(stamp, str) or not _STAMP_RE.fullmatch(stamp):
            _fail(
                f"{where}.at", QT_TRANSLATE_NOOP("Errors", "not an ISO UTC timestamp (YYYY-MM-DDTHH:MM:SSZ)")
            )
        try:
            at = datetime.strptime(stamp, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
        except ValueError:
            _fail(f"{where}.at", QT_TRANSLATE_NOOP("Errors", "not a valid timestamp"))
        signature = _b64(step["signature"], f"{where}.signature", signing.SIGNATURE_BYTES)
        if out and (old != out[-1].new or at < out[-1].at):
            _fail(where, QT_TRANSLATE_NOOP("Errors", "does not follow the previous key change"))
        if old == new or not signing.verify_succession(old, new, stamp, signature):
            _fail(where, QT_TRANSLATE_NOOP("Errors", "the key change is not signed by the key it replaces"))
        out.append(KeyChange(old, new, at, signature))
    if out[-1].new != public:
        _fail("key_history", QT_TRANSLATE_NOOP("Errors", "does not end at the key that signed the package"))
    return tuple(out)


def _check_count(value: Any, where: str) -> None:
    if type(value) is not int or not 0 <= value <= MAX_VALUE:
        _fail(
            where, QT_TRANSLATE_NOOP("Errors", "must be an integer from {min} to {max}"), min=0, max=MAX_VALUE
        )


def _check_digest(value: Any, where: str) -> None:
    if not isinstance(value, str) or not _HASH_RE.fullmatch(value):
        _fail(where, QT_TRANSLATE_NOOP("Errors", "not a SHA-256 digest in hexadecimal"))


def _validate_head(value: Any) -> None:
    """The optional audit chain head: sequence number, SHA-256 hex digest, UTC time to the second."""
    head = _object(value, "audit_head", _HEAD_KEYS)
    _check_count(head["events"], "audit_head.events")
    _check_digest(head["hash"], "audit_head.hash")
    if not isinstance(head["at"], str) or not _HEAD_AT_RE.fullmatch(head["at"]):
        _fail("audit_head.at", QT_TRANSLATE_NOOP("Errors", "not a UTC time (YYYY-MM-DDTHH:MM:SS)"))


def _validate_log_position(value: Any) -> None:
    """The optional release log position: lines in the log (integer) and the SHA-256 of the last one."""
    position = _object(value, "release_log", _LOG_KEYS)
    _check_count(position["seq"], "release_log.seq")
    _check_digest(position["head"], "release_log.head")


_SHAPES_SEEN: dict[tuple[Any, ...], int] = {}
"""The texts of tables already found valid (id, title, unit, codes, labels), with how many codes and
labels each holds: a network report reads the same few dozen table shapes hundreds of times, and their
text checks are most of a package's validation. Bounded by count and by text (`known.TEXTS_KEPT` in all,
as the shapes of whole packages): tables shaped anew in every package would otherwise keep ~150 MB."""
_SHAPES_KEPT = 4096


def _remember_shape(shape: tuple[Any, ...]) -> None:
    texts = len(shape[3]) + len(shape[4]) + len(shape[5]) + len(shape[6])
    if texts > known.TEXTS_KEPT:
        return  # an unusual table: checked in full each time
    if len(_SHAPES_SEEN) >= _SHAPES_KEPT or sum(_SHAPES_SEEN.values()) + texts > known.TEXTS_KEPT:
        _SHAPES_SEEN.clear()
    _SHAPES_SEEN[shape] = texts


def _shape_key(table: dict[str, Any]) -> tuple[Any, ...] | None:
    """The parts of a table whose validity depends on nothing else, hashable; None if they cannot be."""
    try:
        key = (
            table["id"], table["title"], table["unit"], tuple(table["rows"]), tuple(table["cols"]),
            tuple(table["row_labels"].items()), tuple(table["col_labels"].items()),
        )  # fmt: skip
        hash(key)
    except (TypeError, AttributeError):
        return None
    return key


def _validate_shape(table: dict[str, Any], where: str) -> None:
    _text(table["id"], f"{where}.id", MAX_CODE)
    _text(table["title"], f"{where}.title", MAX_TEXT)
    if not isinstance(table["unit"], str) or table["unit"] not in TABLE_UNITS:
        _fail(
            f"{where}.unit",
            QT_TRANSLATE_NOOP("Errors", "must be one of {values}"),
            values=", ".join(TABLE_UNITS),
        )
    rows = _codes(table["rows"], f"{where}.rows")
    cols = _codes(table["cols"], f"{where}.cols")
    for key, codes in (("row_labels", rows), ("col_labels", cols)):
        labels = _object(table[key], f"{where}.{key}", (), codes)
        if not _texts_ok(labels.values(), MAX_TEXT):
            for code, label in labels.items():
                _text(label, f"{where}.{key}[{short_repr(code)}]", MAX_TEXT)


def _validate_table(table: Any, where: str, threshold: int, version: int) -> str:
    table = _object(table, where, known.TABLE_KEYS, _LOWER_BOUND_KEYS)
    shape = _shape_key(table)
    if shape is None or shape not in _SHAPES_SEEN:
        _validate_shape(table, where)
        if shape is not None:
            _remember_shape(shape)
    table_id: str = table["id"]
    unit = TABLE_UNITS[table["unit"]]
    rows: list[str] = table["rows"]
    cols: list[str] = table["cols"]
    cells = table["cells"]
    width = len(cols)
    grid_ok = (
        type(cells) is list
        and len(cells) == len(rows)
        and all(type(row) is list and len(row) == width for row in cells)
        and _numbers_ok([v for row in cells for v in row])
    )
    if not grid_ok:  # find the first fault, with its place, for the message
        cells = _list(cells, f"{where}.cells", len(rows), len(rows))
        for i, row in enumerate(cells):
            _numbers(_list(row, f"{where}.cells[{i}]", width, width), f"{where}.cells[{i}]", unit)
    row_totals = _list(table["row_totals"], f"{where}.row_totals", len(rows), len(rows))
    col_totals = _list(table["col_totals"], f"{where}.col_totals", width, width)
    _numbers(row_totals, f"{where}.row_totals", unit)
    _numbers(col_totals, f"{where}.col_totals", unit)
    _number(table["total"], f"{where}.total", unit)
    if not isinstance(table["additive"], bool):
        _fail(f"{where}.additive", QT_TRANSLATE_NOOP("Errors", "not true or false"))
    lower = table.get("lower_bound")
    if lower is not None:
        for i, row in enumerate(_list(lower, f"{where}.lower_bound", len(rows), len(rows))):
            for j, flag in enumerate(_list(row, f"{where}.lower_bound[{i}]", len(cols), len(cols))):
                _flag(flag, cells[i][j], f"{where}.lower_bound[{i}][{j}]")
    for key, values in (("row_lower_bound", row_totals), ("col_lower_bound", col_totals)):
        if table.get(key) is not None:
            for i, flag in enumerate(_list(table[key], f"{where}.{key}", len(values), len(values))):
                _flag(flag, values[i], f"{where}.{key}[{i}]")
    if table.get("total_lower_bound") is not None:
        _flag(table["total_lower_bound"], table["total"], f"{where}.total_lower_bound")
    distinct = set(itertools.chain.from_iterable(cells))  # the checks below run over distinct values
    distinct.update(row_totals, col_totals, (table["total"],))
    distinct.discard(None)
    if version >= 2 and unit is Unit.HOURS and float in set(map(type, distinct)):
        _fail(
            where,
            QT_TRANSLATE_NOOP(
                "Errors", "hours are whole numbers in format version 2 (perturbed and rounded)"
            ),
        )
    if version >= 2 and unit is not Unit.HOURS:
        if distinct and min(distinct) < threshold:
            _fail(
                where,
                QT_TRANSLATE_NOOP("Errors", "a count below the threshold {k} (zero included) is published"),
                k=threshold,
            )
    elif unit is Unit.WOMEN and any(0 < v < threshold for v in distinct):
        _fail(
            where,
            QT_TRANSLATE_NOOP("Errors", "a count of women below the threshold {k} is not suppressed"),
            k=threshold,
        )
    return table_id


def _flag(flag: Any, value: Any, where: str) -> None:
    if not isinstance(flag, bool):
        _fail(where, QT_TRANSLATE_NOOP("Errors", "not true or false"))
    if flag and value is None:
        _fail(where, QT_TRANSLATE_NOOP("Errors", "a suppressed value cannot be a lower bound"))
