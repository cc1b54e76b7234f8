"""Signed aggregate packages: the only thing that leaves a centre's PC, and how coordinators merge them.

A package is one JSON object (format "ascolto-aggregates", version 2) holding already-protected tables,
the period and help desks they cover, the disclosure rule applied, and an Ed25519 signature over the
canonical JSON of everything else. The format is documented for outsiders in docs/aggregate-package.md
and resources/aggregate-package.schema.json; keep the three in step.

Why so strict on import: packages arrive by e-mail or USB stick from many places, so the loader treats
every byte as hostile (size cap, strict UTF-8 and JSON, no unknown keys anywhere, bounded strings and
sizes) and refuses with `PackageError` (one line, said in the reader's language like the services'
errors), never another exception type. Why so strict on export: `build_package` re-checks that nothing
below the disclosure threshold is about to leave, and validates its own output with the same code the
importer uses, so we never sign what we would refuse.

Contributors (how many women stand behind each number) are never exported.
"""

from __future__ import annotations

import base64
import binascii
import gc
import itertools
import json
import math
import os
import re
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, NoReturn

import orjson

from app.crypto import signing
from app.fs import atomic_write_bytes
from app.i18n import QT_TRANSLATE_NOOP
from app.models import codelists
from app.reports.tables import AggregateTable, Number, Unit, is_stated

FORMAT = "ascolto-aggregates"
FORMAT_VERSION = 2
"""2: the cell key method (disclosure names the p-table; no published count below the threshold, zero
included). Version 1 packages (suppression) are still read and merged."""
READABLE_VERSIONS = (1, 2)
_DISCLOSURE_KEYS = {
    1: frozenset({"threshold", "method", "rule_version"}),
    2: frozenset({"threshold", "method", "rule_version", "ptable_version", "max_deviation"}),
}
SIGNATURE_ALGORITHM = "Ed25519"

MAX_BYTES = 5_000_000
MAX_TABLES = 200
MAX_CODES = 500  # rows, and separately columns, of one table
MAX_DESKS = 100
MAX_TEXT = 200  # titles, labels, centre and desk names, method
MAX_CODE = 64  # table ids, row and column codes, rule version, software
MAX_VALUE = 10**12  # keeps every number in plain decimal notation (no exponent) when serialised
MIN_THRESHOLD = 3  # legal floor (SISTAN ethics rules, art. 5)
MAX_THRESHOLD = 1000

COUNT_UNITS = frozenset(u for u in Unit if u is not Unit.HOURS)
_UNITS = {u.value: u for u in Unit if not is_stated(u)}  # integers only; hours may have 1 decimal
"""The units of protected tables: the centre's stated structure travels apart (`structure`)."""

_TOP_KEYS = frozenset(
    {"format", "version", "centre", "desks", "period", "disclosure", "generated_at", "software", "tables"}
)
_TABLE_KEYS = frozenset(
    {
        "id",
        "title",
        "unit",
        "rows",
        "cols",
        "cells",
        "row_totals",
        "col_totals",
        "total",
        "additive",
        "row_labels",
        "col_labels",
    }
)
_OPTIONAL_TOP_KEYS = frozenset(
    {"key_history", "missing_rates", "audit_head", "structure", "release_log", "consolidation"}
)
"""Optional members of format 2, added without a version bump (readers before them refuse them)."""
MAX_SUCCESSIONS = 50
_SUCCESSION_KEYS = frozenset({"old", "new", "at", "signature"})
_HEAD_KEYS = frozenset({"events", "hash", "at"})
_LOG_KEYS = frozenset({"seq", "head"})
_CONSOLIDATION_KEYS = frozenset({"installations", "without"})
_HASH_RE = re.compile(r"[0-9a-f]{64}")
_HEAD_AT_RE = re.compile(r"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})?")
_LOWER_BOUND_KEYS = frozenset({"lower_bound", "row_lower_bound", "col_lower_bound", "total_lower_bound"})
NOT_AVAILABLE = "ND"
"""The row code of "not available or missing" answers, whose share `missing_rates` records."""
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


class PackageError(ValueError):
    """A package refused on import or merge, in words fit for the user.

    Like the services' `UserError`: an English source text marked for the Qt Linguist catalogue (context
    "Errors") and its values, so the interface and the command line say it in their language with
    `text(translate)`; `str()` is the English line. `where` names the offending part of an invalid
    package (a JSON path, never translated).
    """

    def __init__(self, message: str, *, where: str | None = None, **params: Any) -> None:
        self.message, self.where, self.params = message, where, params
        super().__init__(self.text())

    def text(self, translate: Callable[[str, str], str] | None = None) -> str:
        problem = _filled(self.message, self.params, translate)
        if self.where is None:
            return problem
        return _filled(_INVALID, {"where": self.where, "problem": problem}, translate)


_INVALID = QT_TRANSLATE_NOOP("Errors", "invalid package: {where}: {problem}")


def _filled(source: str, params: Mapping[str, Any], translate: Callable[[str, str], str] | None) -> str:
    """`source` translated and filled; the English if a translation's placeholders do not fit."""
    text = translate("Errors", source) if translate else source
    try:
        return text.format(**params) if params else text
    except (KeyError, IndexError, ValueError):
        return source.format(**params) if params else source


@dataclass(frozen=True)
class KeyChange:
    """One step of a centre's key history: `old` signed, at `at`, that `new` replaces it."""

    old: bytes
    new: bytes
    at: datetime
    signature: bytes

    @property
    def old_fingerprint(self) -> str:
        return signing.fingerprint(self.old)

    @property
    def new_fingerprint(self) -> str:
        return signing.fingerprint(self.new)

    def as_json(self) -> dict[str, str]:
        """The member of `key_history` (and of the centre's own record) for this step."""
        return {
            "old": base64.b64encode(self.old).decode("ascii"),
            "new": base64.b64encode(self.new).decode("ascii"),
            "at": self.at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "signature": base64.b64encode(self.signature).decode("ascii"),
        }


@dataclass(frozen=True)
class VerifiedPackage:
    """A package whose signature matched its content and whose content passed strict validation.

    `fingerprint` identifies the signing key; whether that key is really the named centre's is for a
    trust store (not here) or a person comparing fingerprints.
    """

    centre: str
    desks: list[str]
    period_start: date
    period_end: date
    disclosure: dict[str, Any]
    generated_at: datetime
    tables: list[AggregateTable]
    public_key: bytes
    fingerprint: str
    software: str = ""
    signature: bytes = b""
    key_history: tuple[KeyChange, ...] = ()
    """The chain of key changes ending at `public_key`, each signed by the key it replaces (oldest first)."""
    missing_rates: dict[str, dict[str, int]] | None = None
    """Per table, the share of "not available" answers (see `missing_rates`); None in older packages."""
    audit_head: dict[str, Any] | None = None  # {"events", "hash", "at"}: how far the centre's trail was
    structure: dict[str, Any] | None = None
    """The centre's stated structure at the end of the period (see `STRUCTURE_KEYS`); None in older packages."""
    release_log: dict[str, Any] | None = None
    """{"seq", "head"}: how far the centre's release log was when the package was made; None in older ones."""
    consolidation: dict[str, list[str]] | None = None
    """{"installations", "without"}: a centre of several PCs, the other installations its figures add up and
    those it was released without (app.services.partials); None for a centre on one PC."""


@dataclass
class MergedTable(AggregateTable):
    """A network table summed over several packages, published as it is (no further perturbation).

    Sums of perturbed values are themselves protected: each part already is. Where some input had the
    value hidden (or lacked the table, or flagged a lower bound) the value is the sum of the known parts,
    flagged as a lower bound (`lower_bound` for cells, None when no cell is one, and the always explicit
    `row_lower_bound`, `col_lower_bound`, `total_lower_bound`); where no input published it, it stays
    hidden (None).
    """


# --------------------------------------------------------------------------------------------------
# canonical form and signature


def canonical_bytes(document: Mapping[str, Any]) -> bytes:
    """The exact bytes that are signed: sorted keys, no whitespace, UTF-8 (not \\u escapes)."""
    return json.dumps(document, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def signed_bytes(package: Mapping[str, Any]) -> bytes:
    """Canonical bytes of a package without its `signature` member: what the signature covers."""
    return canonical_bytes({k: v for k, v in package.items() if k != "signature"})


# --------------------------------------------------------------------------------------------------
# building and writing


def build_package(
    tables: list[AggregateTable],
    *,
    centre: str,
    desks: list[str],
    period_start: date,
    period_end: date,
    disclosure: dict[str, Any],
    software: str,
    signing_key: bytes,
    generated_at: datetime | None = None,
    key_history: Sequence[Mapping[str, str]] = (),
    audit_head: Mapping[str, Any] | None = None,
    structure: Mapping[str, Any] | None = None,
    release_log: tuple[int, str] | None = None,
    consolidation: Mapping[str, Sequence[str]] | None = None,
) -> dict[str, Any]:
    """The signed package (a JSON-ready dict) for protected tables.

    `consolidation` names, for a centre of several PCs, the other installations whose figures the tables
    add up (`installations`) and those the release was made without (`without`, an administrator's
    decision): a reader must know that a release lacks a part of the centre.

    `release_log` is the position of the centre's release log (its number of lines and the SHA-256 of
    the last one, app.services.release_log.position): signed with the rest, so that a coordinator sees
    the log go backwards (a deleted `releases/` folder, a restore) as she sees the audit trail do.

    `structure` is the centre's stated structure at the end of the period (desks, opening, staff, 1522):
    not counts of women, it travels as stated, apart from the protected tables.

    Hours are rounded to one decimal, integral floats in count units become integers, row/column labels
    are kept only for codes present. Raises ValueError if a women-unit value is between 1 and the
    threshold minus 1 (nothing unprotected leaves, whatever happened upstream), if a value with known
    contributors below the threshold is published, or if the result would not pass `load_package`.
    """
    if generated_at is None:
        generated_at = datetime.now(UTC)
    if generated_at.tzinfo is None or generated_at.utcoffset() is None:
        raise ValueError("generated_at must be timezone-aware")
    if not isinstance(disclosure, Mapping) or set(disclosure) != _DISCLOSURE_KEYS[FORMAT_VERSION]:
        raise ValueError(
            f"disclosure must have exactly {', '.join(sorted(_DISCLOSURE_KEYS[FORMAT_VERSION]))}"
        )
    threshold = disclosure["threshold"]
    if type(threshold) is not int or threshold < MIN_THRESHOLD:
        raise ValueError(f"disclosure threshold must be an integer >= {MIN_THRESHOLD}")

    exported = [_export_table(table, threshold) for table in tables]
    document: dict[str, Any] = {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "centre": centre,
        "desks": list(desks),
        "period": {"start": _iso_date(period_start), "end": _iso_date(period_end)},
        "disclosure": {key: disclosure[key] for key in sorted(_DISCLOSURE_KEYS[FORMAT_VERSION])},
        "generated_at": generated_at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "software": software,
        "tables": exported,
        "missing_rates": missing_rates(tables, threshold),
    }
    public = signing.public_key_of(signing_key)
    if key_history:
        document["key_history"] = [dict(step) for step in key_history]
    if audit_head is not None:  # signed with the rest: a coordinator sees a centre's trail go backwards
        document["audit_head"] = dict(audit_head)
    if structure is not None:
        document["structure"] = json.loads(json.dumps(structure))  # a plain copy of what is signed
    if release_log is not None:
        document["release_log"] = {"seq": release_log[0], "head": release_log[1]}
    if consolidation is not None:
        document["consolidation"] = {key: list(consolidation[key]) for key in sorted(_CONSOLIDATION_KEYS)}
    try:  # the importer's own checks: we never sign what we would refuse
        _validate_content(document)
        _key_history(document.get("key_history"), public)
    except PackageError as exc:
        raise ValueError(f"refusing to build package: {exc}") from None
    return _signed(document, signing_key)


def _signed(document: dict[str, Any], signing_key: bytes) -> dict[str, Any]:
    public = signing.public_key_of(signing_key)
    value = signing.sign(signing_key, canonical_bytes(document))
    document["signature"] = {
        "algorithm": SIGNATURE_ALGORITHM,
        "public_key": base64.b64encode(public).decode("ascii"),
        "value": base64.b64encode(value).decode("ascii"),
    }
    return document


def resign(
    data: bytes,
    signing_key: bytes,
    key_history: Sequence[Mapping[str, str]],
    structure: Mapping[str, Any] | None = None,
) -> bytes:
    """The same released content signed again with the centre's current key and its history.

    A frozen release is served again byte for byte, but its signature may be by a key the centre has
    replaced since (after a revocation), which coordinators refuse, or its stated structure may have been
    completed or corrected since (`structure`, not counts of women): the figures stay exactly as released,
    only the signature block, `key_history` and `structure` change.
    """
    load_package(data)  # never re-sign what we would not accept
    document = json.loads(data)
    document.pop("signature", None)
    document.pop("key_history", None)
    public = signing.public_key_of(signing_key)
    if key_history:
        document["key_history"] = [dict(step) for step in key_history]
    if structure is not None:
        document["structure"] = json.loads(json.dumps(structure))
    try:
        _validate_content(document)
        _key_history(document.get("key_history"), public)
    except PackageError as exc:
        raise ValueError(f"refusing to re-sign package: {exc}") from None
    return package_bytes(_signed(document, signing_key))


def package_bytes(package: Mapping[str, Any]) -> bytes:
    """The file content: the canonical form (readable enough, and byte-identical on every platform)."""
    return canonical_bytes(package) + b"\n"


def write_package(package: Mapping[str, Any], path: str | os.PathLike[str]) -> None:
    """Write atomically with owner-only permissions: a crash never leaves half a package behind."""
    atomic_write_bytes(path, package_bytes(package), mode=0o600)


def _iso_date(value: date) -> str:
    if isinstance(value, datetime) or not isinstance(value, date):
        raise ValueError("period bounds must be dates (not datetimes)")
    return value.isoformat()


def _export_value(value: Number | None, unit: Unit, where: str) -> Number | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"{where}: not a number")
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError(f"{where}: not a finite number")
    if value < 0:
        raise ValueError(f"{where}: negative number")
    if isinstance(value, float):
        if unit in COUNT_UNITS:
            if not value.is_integer():
                raise ValueError(f"{where}: a count must be a whole number")
            return int(value)
        if not value.is_integer():
            raise ValueError(f"{where}: hours leave as whole numbers (disclosure control rounds them)")
        return int(value)
    return value


def _export_table(table: AggregateTable, threshold: int) -> dict[str, Any]:
    unit = Unit(table.unit)
    where = f"table {table.id!r}"
    cells = [
        [_export_value(v, unit, f"{where} cell {r}/{c}") for c, v in zip(table.cols, row, strict=True)]
        for r, row in zip(table.rows, table.cells, strict=True)
    ]
    row_totals = [
        _export_value(v, unit, f"{where} row total {r}")
        for r, v in zip(table.rows, table.row_totals, strict=True)
    ]
    col_totals = [
        _export_value(v, unit, f"{where} column total {c}")
        for c, v in zip(table.cols, table.col_totals, strict=True)
    ]
    total = _export_value(table.total, unit, f"{where} total")
    _guard_disclosure(table, unit, threshold, cells, row_totals, col_totals, total)
    row_codes, col_codes = set(table.rows), set(table.cols)
    out: dict[str, Any] = {
        "id": table.id,
        "title": table.title,
        "unit": unit.value,
        "rows": list(table.rows),
        "cols": list(table.cols),
        "cells": cells,
        "row_totals": row_totals,
        "col_totals": col_totals,
        "total": total,
        "additive": table.additive,
        "row_labels": {k: v for k, v in table.row_labels.items() if k in row_codes},
        "col_labels": {k: v for k, v in table.col_labels.items() if k in col_codes},
    }
    cell_lb, row_lb, col_lb, total_lb = _resolved_lower_bounds(table)
    # A suppressed value has no bound to speak of: only published values carry the flag.
    cell_lb = [
        [f and v is not None for f, v in zip(fr, vr, strict=True)]
        for fr, vr in zip(cell_lb, cells, strict=True)
    ]
    row_lb = [f and v is not None for f, v in zip(row_lb, row_totals, strict=True)]
    col_lb = [f and v is not None for f, v in zip(col_lb, col_totals, strict=True)]
    total_lb = total_lb and total is not None
    if any(any(r) for r in cell_lb) or any(row_lb) or any(col_lb) or total_lb:
        out.update(
            lower_bound=cell_lb, row_lower_bound=row_lb, col_lower_bound=col_lb, total_lower_bound=total_lb
        )
    return out


def _resolved_lower_bounds(table: AggregateTable) -> tuple[list[list[bool]], list[bool], list[bool], bool]:
    """Every lower-bound flag made explicit; a margin left None is presumed a lower bound as soon as one
    of its cells is (the rule of AggregateTable and app.reports.disclosure.is_lower_bound)."""
    n, m = len(table.rows), len(table.cols)
    cells = (
        [[bool(f) for f in row] for row in table.lower_bound]
        if table.lower_bound
        else [[False] * m for _ in range(n)]
    )
    rows = (
        [bool(f) for f in table.row_lower_bound]
        if table.row_lower_bound is not None
        else [any(r) for r in cells]
    )
    cols = (
        [bool(f) for f in table.col_lower_bound]
        if table.col_lower_bound is not None
        else [any(r[j] for r in cells) for j in range(m)]
    )
    total = bool(table.total_lower_bound) if table.total_lower_bound is not None else any(rows)
    return cells, rows, cols, total


def _guard_disclosure(
    table: AggregateTable,
    unit: Unit,
    threshold: int,
    cells: list[list[Number | None]],
    row_totals: list[Number | None],
    col_totals: list[Number | None],
    total: Number | None,
) -> None:
    """Last line of defence, independent of app.reports.disclosure: refuse rather than leak.

    A table still carrying cell keys or contributors has not been through disclosure control; a count
    below the threshold (zero included) must never be published.
    """
    where = f"table {table.id!r}"
    if table.keys or table.contributors is not None or table.total_contributors is not None:
        raise ValueError(f"{where}: not protected (it still carries cell keys or contributors)")
    if unit is not Unit.HOURS:
        values = [*(v for row in cells for v in row), *row_totals, *col_totals, total]
        if any(v is not None and v < threshold for v in values):
            raise ValueError(f"{where}: a count below the threshold {threshold} is published")


# --------------------------------------------------------------------------------------------------
# loading


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cycle collector off while packages are read and merged: parsing one builds tens of
    thousands of small lists, each batch of which sets the collector scanning what was read before (a
    network report holds hundreds of packages), which made a network report twice as slow. Parsed JSON
    holds no cycles; the collector is back on afterwards (unless it was off before: nested pauses hold).
    Wrap a whole batch, not each package: turning it back on after each one costs the same scans."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def load_package(source: bytes | str | os.PathLike[str], *, max_bytes: int = MAX_BYTES) -> VerifiedPackage:
    """Read, verify and validate a package from a path (str or PathLike) or from the file's bytes.

    Any problem, including an unreadable file, is a PackageError with a one-line message.
    """
    with collector_paused():
        return _load(source, max_bytes)


def _load(source: bytes | str | os.PathLike[str], max_bytes: int) -> VerifiedPackage:
    data = _read(source, max_bytes)
    if len(data) > max_bytes:
        raise PackageError(QT_TRANSLATE_NOOP("Errors", "package is larger than {size} bytes"), size=max_bytes)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise PackageError(QT_TRANSLATE_NOOP("Errors", "package is not UTF-8 text")) from None
    document, message = _parse(text, data)
    if not isinstance(document, dict):
        raise PackageError(QT_TRANSLATE_NOOP("Errors", "package is not a JSON object"))
    if document.get("format") != FORMAT:
        raise PackageError(
            QT_TRANSLATE_NOOP(
                "Errors", "not an Ascolto aggregate package (format is not 'ascolto-aggregates')"
            )
        )
    version = document.get("version")
    if type(version) is not int:
        raise PackageError(QT_TRANSLATE_NOOP("Errors", "package format version is missing or not an integer"))
    if version not in READABLE_VERSIONS:
        raise PackageError(
            QT_TRANSLATE_NOOP(
                "Errors", "package format version {version} is not supported (this Ascolto reads {readable})"
            ),
            version=version,
            readable=", ".join(str(v) for v in READABLE_VERSIONS),
        )
    unknown = set(document) - _TOP_KEYS - _OPTIONAL_TOP_KEYS - {"signature"}
    if unknown:
        raise PackageError(
            QT_TRANSLATE_NOOP("Errors", "unknown key {key} in package"), key=_short(sorted(unknown)[0])
        )
    if "signature" not in document:
        raise PackageError(QT_TRANSLATE_NOOP("Errors", "package is not signed"))
    public, signature = _check_signature_block(document["signature"])
    try:
        message = message or signed_bytes(document)
    except (ValueError, RecursionError):  # e.g. lone surrogates from \ud800 escapes
        raise PackageError(QT_TRANSLATE_NOOP("Errors", "package content cannot be canonicalised")) from None
    if not signing.verify(public, message, signature):
        raise PackageError(
            QT_TRANSLATE_NOOP(
                "Errors", "signature does not match the content: the package was altered or damaged"
            )
        )
    content = {k: v for k, v in document.items() if k != "signature"}
    _validate_content(content)
    history = _key_history(content.get("key_history"), public)
    return VerifiedPackage(
        centre=content["centre"],
        desks=list(content["desks"]),
        period_start=date.fromisoformat(content["period"]["start"]),
        period_end=date.fromisoformat(content["period"]["end"]),
        disclosure=dict(content["disclosure"]),
        generated_at=datetime.strptime(content["generated_at"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC),
        tables=[_table_from_json(t) for t in content["tables"]],
        public_key=public,
        fingerprint=signing.fingerprint(public),
        software=content["software"],
        signature=signature,
        key_history=history,
        missing_rates=content.get("missing_rates"),
        audit_head=dict(content["audit_head"]) if "audit_head" in content else None,
        structure=content.get("structure"),
        release_log=dict(content["release_log"]) if "release_log" in content else None,
        consolidation=content.get("consolidation"),
    )


def _parse(text: str, data: bytes) -> tuple[Any, bytes | None]:
    """The parsed document and, for a file in canonical form, the bytes its signature covers.

    Strict parsing (refusing duplicate keys) costs four times a plain parse, and a network report reads
    hundreds of packages. A file that is byte for byte the canonical form of what a plain parse read can
    hide no duplicate key (a collapsed duplicate would not serialise back to the same bytes), so only
    other files, written by other tools, are parsed again strictly. For canonical files the signed bytes
    are the file less its signature member, found without serialising the document a second time.
    The plain parse and the comparison use orjson, whose compact sorted output is our canonical form for
    every document we write (integers, plain decimals, UTF-8 text); where the two writers could differ,
    the file simply takes the strict path, and the signature is always checked over the bytes it covers.
    """
    try:  # orjson: a C parser and writer, a fifth of the standard module's time on these files
        document = orjson.loads(data)
        if isinstance(document, dict) and isinstance(document.get("signature"), dict):
            full = orjson.dumps(document, option=orjson.OPT_SORT_KEYS)
            needle = b',"signature":' + orjson.dumps(document["signature"], option=orjson.OPT_SORT_KEYS)
            if full + b"\n" == data and full.count(needle) == 1:
                return document, full.replace(needle, b"", 1)
    except (orjson.JSONDecodeError, orjson.JSONEncodeError, RecursionError):
        pass  # not for the fast path (NaN, a lone surrogate, a huge number...): the strict parse says why
    try:
        document = json.loads(text, object_pairs_hook=_no_duplicate_keys, parse_constant=_no_constant)
    except (ValueError, RecursionError):
        raise PackageError(QT_TRANSLATE_NOOP("Errors", "package is not valid JSON")) from None
    return document, None


def _read(source: bytes | str | os.PathLike[str], max_bytes: int) -> bytes:
    if isinstance(source, bytes | bytearray | memoryview):
        return bytes(source)
    try:
        with Path(source).open("rb") as handle:
            return handle.read(max_bytes + 1)
    except OSError as exc:
        raise PackageError(
            QT_TRANSLATE_NOOP("Errors", "cannot read package file: {error}"), error=exc.strerror or exc
        ) from None


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise ValueError("duplicate key")
        result[key] = value
    return result


def _no_constant(name: str) -> NoReturn:
    raise ValueError(f"{name} is not allowed")


def _short(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _check_signature_block(block: Any) -> tuple[bytes, bytes]:
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


# --------------------------------------------------------------------------------------------------
# strict validation (shared by build and load)


def _fail(where: str, message: str, **params: Any) -> NoReturn:
    raise PackageError(message, where=where, **params)


def _object(
    value: Any, where: str, required: Iterable[str], optional: Iterable[str] = frozenset()
) -> dict[str, Any]:
    if not isinstance(value, dict):
        _fail(where, QT_TRANSLATE_NOOP("Errors", "not an object"))
    unknown = value.keys() - frozenset(required) - frozenset(optional)  # frozenset(frozenset) is free
    if unknown:
        _fail(where, QT_TRANSLATE_NOOP("Errors", "unknown key {key}"), key=_short(sorted(unknown)[0]))
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


_INTEGRAL = frozenset({int, type(None)})


def _numbers_ok(values: list[Any]) -> bool:
    """Whether every value is null or a whole number in range: the usual case, checked at C speed."""
    if not set(map(type, values)) <= _INTEGRAL:
        return False
    known = [v for v in values if v is not None]
    return not known or (min(known) >= 0 and max(known) <= MAX_VALUE)


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


def _validate_content(doc: Any) -> None:
    """Every rule of the format except the signature; raises PackageError naming the first violation."""
    doc = _object(doc, "package", _TOP_KEYS, _OPTIONAL_TOP_KEYS)
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
    disclosure = _object(doc["disclosure"], "disclosure", _DISCLOSURE_KEYS[version])
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
        parts = _object(doc["consolidation"], "consolidation", _CONSOLIDATION_KEYS)
        for key in sorted(_CONSOLIDATION_KEYS):
            for i, name in enumerate(_list(parts[key], f"consolidation.{key}", MAX_DESKS)):
                _text(name, f"consolidation.{key}[{i}]", MAX_TEXT)
    tables = _list(doc["tables"], "tables", MAX_TABLES)
    ids: set[str] = set()
    for i, table in enumerate(tables):
        table_id = _validate_table(table, f"tables[{i}]", threshold, version)
        if table_id in ids:
            _fail(
                f"tables[{i}].id", QT_TRANSLATE_NOOP("Errors", "repeated table id {id}"), id=_short(table_id)
            )
        ids.add(table_id)
    if "missing_rates" in doc:
        _validate_rates(doc["missing_rates"], ids)
    if "structure" in doc:
        _validate_structure(doc["structure"], desks, period["end"])


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
            count(n, f"structure.centre.{key}.{_short(code)}", MAX_STAFF)
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


def _validate_rates(rates: Any, ids: set[str]) -> None:
    rates = _object(rates, "missing_rates", (), ids)
    for table_id, rate in rates.items():
        where = f"missing_rates.{_short(table_id)}"
        rate = _object(rate, where, (), {"percent", "below_percent"})
        if len(rate) != 1 or any(type(v) is not int or not 0 <= v <= 100 for v in rate.values()):
            _fail(where, QT_TRANSLATE_NOOP("Errors", "must hold one whole per cent from 0 to 100"))


def missing_rates(tables: Sequence[AggregateTable], threshold: int) -> dict[str, dict[str, int]]:
    """For each table of women with a "not available" row: its share of the table's total, so that the
    network can weigh the figures.

    Computed on the **published** values only (the protected "not available" count over the protected
    total, rounded to a whole per cent), so a rate says nothing the tables beside it do not: where the
    count is hidden, only its bound is recorded (`below_percent`: the threshold over the total, rounded
    up); a table whose total is hidden has no rate.
    """
    rates: dict[str, dict[str, int]] = {}
    for table in tables:
        if Unit(table.unit) is not Unit.WOMEN or NOT_AVAILABLE not in table.rows or not table.total:
            continue
        nd = table.row_totals[table.rows.index(NOT_AVAILABLE)]
        total = float(table.total)
        if nd is None:
            rates[table.id] = {"below_percent": min(100, math.ceil(100 * threshold / total))}
        else:
            rates[table.id] = {"percent": min(100, round(100 * float(nd) / total))}
    return rates


def _key_history(value: Any, public: bytes) -> tuple[KeyChange, ...]:
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


_SHAPES_SEEN: dict[tuple[Any, ...], None] = {}
"""The texts of tables already found valid (id, title, unit, codes, labels): a network report reads the
same few dozen table shapes hundreds of times, and their text checks are most of a package's validation."""
_SHAPES_KEPT = 4096


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
    if not isinstance(table["unit"], str) or table["unit"] not in _UNITS:
        _fail(
            f"{where}.unit", QT_TRANSLATE_NOOP("Errors", "must be one of {values}"), values=", ".join(_UNITS)
        )
    rows = _codes(table["rows"], f"{where}.rows")
    cols = _codes(table["cols"], f"{where}.cols")
    for key, codes in (("row_labels", rows), ("col_labels", cols)):
        labels = _object(table[key], f"{where}.{key}", (), codes)
        if not _texts_ok(labels.values(), MAX_TEXT):
            for code, label in labels.items():
                _text(label, f"{where}.{key}[{_short(code)}]", MAX_TEXT)


def _validate_table(table: Any, where: str, threshold: int, version: int) -> str:
    table = _object(table, where, _TABLE_KEYS, _LOWER_BOUND_KEYS)
    shape = _shape_key(table)
    if shape is None or shape not in _SHAPES_SEEN:
        _validate_shape(table, where)
        if shape is not None:
            if len(_SHAPES_SEEN) >= _SHAPES_KEPT:
                _SHAPES_SEEN.clear()
            _SHAPES_SEEN[shape] = None
    table_id: str = table["id"]
    unit = _UNITS[table["unit"]]
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


def _table_from_json(table: dict[str, Any]) -> AggregateTable:
    """The table object over the freshly parsed (and validated) lists: nothing else holds them."""
    return AggregateTable(
        id=table["id"],
        title=table["title"],
        unit=_UNITS[table["unit"]],
        rows=table["rows"],
        cols=table["cols"],
        cells=table["cells"],
        row_totals=table["row_totals"],
        col_totals=table["col_totals"],
        total=table["total"],
        additive=table["additive"],
        row_labels=table["row_labels"],
        col_labels=table["col_labels"],
        lower_bound=table.get("lower_bound"),
        row_lower_bound=table.get("row_lower_bound"),
        col_lower_bound=table.get("col_lower_bound"),
        total_lower_bound=table.get("total_lower_bound"),
    )


# --------------------------------------------------------------------------------------------------
# merging


def merge_packages(packages: Sequence[VerifiedPackage]) -> list[MergedTable]:
    """Sum the tables of several verified packages into network tables (see MergedTable).

    Refuses (PackageError) anything that would count women twice: the same package twice, two packages
    from the same source (`sources`: a signing key and its succession, whatever name they carry) for the
    same desks and period, or with a desk in common and overlapping periods. Different centres, or
    different desks of one centre, over the same period are what a network report is made of; one
    centre's months may be added into a year, but then only what adds up over time is merged
    (`over_time`). Tables are matched by id and must agree on unit and additivity; rows and columns are
    the union of the codes seen (first-seen order), a code missing from a package counts as 0, a table
    missing from a package makes its values lower bounds (unknown, not zero).
    """
    if not packages:
        raise PackageError(QT_TRANSLATE_NOOP("Errors", "no packages to merge"))
    _refuse_double_counting(packages)
    several_periods = mixes_periods(packages)
    order: list[str] = []
    by_id: dict[str, list[AggregateTable | None]] = {}
    for index, package in enumerate(packages):
        for whole in package.tables:
            table = over_time(whole) if several_periods else whole
            if table is None:
                continue
            if table.id not in by_id:
                if len(by_id) >= MAX_TABLES:
                    raise PackageError(
                        QT_TRANSLATE_NOOP("Errors", "more than {n} different tables to merge"), n=MAX_TABLES
                    )
                order.append(table.id)
                by_id[table.id] = [None] * len(packages)
            if by_id[table.id][index] is not None:
                raise PackageError(
                    QT_TRANSLATE_NOOP("Errors", "table {table} appears twice in one package"),
                    table=_short(table.id),
                )
            by_id[table.id][index] = table
    return [_merge_table(by_id[table_id]) for table_id in order]


ONCE_PER_PATHWAY = frozenset(
    {
        # the women taken in charge in the period (ISTAT's base), by profile, violence and perpetrator
        "in_charge_age_istat", "in_charge_citizenship", "in_charge_education", "in_charge_employment",
        "in_charge_marital_status", "in_charge_has_children", "in_charge_violence_forms",
        "in_charge_relationship_macro", "help_sought", "perpetrators_count", "perpetrator_sex",
        "perpetrator_age", "perpetrator_citizenship", "perpetrator_weapons", "perpetrator_alcohol",
        "perpetrator_drugs", "perpetrator_prior_violence", "police_report_outcome",
        "police_report_by_relationship", "violence_by_relationship", "age_by_citizenship",
        # the pathways closed in the period, by outcome
        "closures_outcome",
    }
)  # fmt: skip
"""Tables of women that count an event happening once per woman and pathway: being taken in charge, or
her pathway being closed. Each woman falls in exactly one period, so a centre's months add up to its
quarter (up to the perturbation of each part), whatever she did in the other months."""
EVENT_ROWS: Mapping[str, frozenset[str]] = {"flow": frozenset({"IN_CHARGE_NEW", "CLOSED"})}
"""Tables of women of which only some rows count such an event: the flow's new and closed pathways. Its
other rows (contacted, received, continuing, active) and its total count women present in the period."""


def over_time(table: AggregateTable) -> AggregateTable | None:
    """The part of one package's table that may be added over consecutive periods of one centre, or None.

    A table adds up over time when each thing it counts happens in one period only. Contacts, services,
    hours and referrals do; so do the women *taken in charge* in the period and the pathways *closed* in
    it (`ONCE_PER_PATHWAY`, `EVENT_ROWS`): a woman is taken in charge once per pathway, on one day, so she
    is in one month's table only. A table of the women *active* (or contacted, or received) in the period
    does not: a woman followed from January to March is in each month's table, and adding the months
    would count her three times; nor does "minors" (her children, counted with her). Those are left out.
    Of a table only partly additive, the event rows are kept; its margins, which count distinct women
    over every row, become unknown (None), and are not printed (the table is not additive).
    """
    if (Unit(table.unit) is not Unit.WOMEN and table.id != "minors") or table.id in ONCE_PER_PATHWAY:
        return table
    events = EVENT_ROWS.get(table.id)
    keep = [i for i, code in enumerate(table.rows) if events is not None and code in events]
    if not keep or table.additive:
        return None
    cell_lb, row_lb, _, _ = _resolved_lower_bounds(table)
    return AggregateTable(
        id=table.id,
        title=table.title,
        unit=table.unit,
        rows=[table.rows[i] for i in keep],
        cols=list(table.cols),
        cells=[list(table.cells[i]) for i in keep],
        row_totals=[table.row_totals[i] for i in keep],
        col_totals=[None] * len(table.cols),
        total=None,
        additive=False,
        row_labels={
            table.rows[i]: table.row_labels[table.rows[i]] for i in keep if table.rows[i] in table.row_labels
        },
        col_labels=dict(table.col_labels),
        lower_bound=[cell_lb[i] for i in keep],
        row_lower_bound=[row_lb[i] for i in keep],
        col_lower_bound=[False] * len(table.cols),
        total_lower_bound=False,
    )


def adds_over_time(table: AggregateTable) -> bool:
    """Whether the whole table adds up over one centre's consecutive periods (see `over_time`)."""
    return over_time(table) is table


def sources(packages: Sequence[VerifiedPackage]) -> list[int]:
    """The source of each package (an index): packages signed by one key, or by keys linked by a signed
    key change (`key_history`), come from one centre, whatever name they carry; different keys with no
    change between them are different centres, even with the same name and desk names."""
    parent: dict[bytes, bytes] = {}

    def root(key: bytes) -> bytes:
        while parent.setdefault(key, key) != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    for p in packages:
        for change in p.key_history:
            parent[root(change.old)] = root(p.public_key)
            parent[root(change.new)] = root(p.public_key)
    roots: dict[bytes, int] = {}
    return [roots.setdefault(root(p.public_key), len(roots)) for p in packages]


def mixes_periods(packages: Sequence[VerifiedPackage]) -> bool:
    """Whether one source (`sources`) sends packages for different periods."""
    seen: dict[int, tuple[date, date]] = {}
    for source, p in zip(sources(packages), packages, strict=True):
        if seen.setdefault(source, (p.period_start, p.period_end)) != (p.period_start, p.period_end):
            return True
    return False


def _norm(name: str) -> str:
    return " ".join(name.split()).casefold()


def _describe(p: VerifiedPackage) -> str:
    return f"{p.centre!r} {p.period_start.isoformat()}..{p.period_end.isoformat()} (key {p.fingerprint})"


def _same_source_pairs(packages: Sequence[VerifiedPackage]) -> list[tuple[int, int]]:
    """Pairs (i < j) of packages from one source (`sources`).

    Only these can count a woman twice; grouping first keeps a year of 56 centres' months (672
    packages, 225,000 pairs) to the few thousand pairs within each centre.
    """
    groups: dict[int, list[int]] = {}
    for index, source in enumerate(sources(packages)):
        groups.setdefault(source, []).append(index)
    return sorted(pair for members in groups.values() for pair in itertools.combinations(members, 2))


def _refuse_double_counting(packages: Sequence[VerifiedPackage]) -> None:
    signatures: set[bytes] = set()
    for p in packages:
        if p.signature and p.signature in signatures:
            raise PackageError(
                QT_TRANSLATE_NOOP("Errors", "the same package was given twice: {package}"),
                package=_describe(p),
            )
        signatures.add(p.signature)
    desks = [{_norm(d) for d in p.desks} for p in packages]
    for i, j in _same_source_pairs(packages):
        a, b = packages[i], packages[j]
        same_period = (a.period_start, a.period_end) == (b.period_start, b.period_end)
        if desks[i] == desks[j] and same_period:
            raise PackageError(
                QT_TRANSLATE_NOOP("Errors", "two packages cover the same help desks and period: {package}"),
                package=_describe(a),
            )
        common = desks[i] & desks[j]
        if common and a.period_start <= b.period_end and b.period_start <= a.period_end:
            raise PackageError(
                QT_TRANSLATE_NOOP("Errors", "overlapping periods for help desk {desk}: {first} and {second}"),
                desk=repr(sorted(common)[0]),
                first=_describe(a),
                second=_describe(b),
            )


def _ordered_union(lists: Iterable[list[str]]) -> list[str]:
    seen: dict[str, None] = {}
    for codes in lists:
        for code in codes:
            seen.setdefault(code, None)
    return list(seen)


def _tidy(value: Number) -> Number:
    return round(value, 1) + 0.0 if isinstance(value, float) else value


_Part = tuple[Number | None, bool]
"""One input's contribution to a position: value (None if hidden) and lower-bound flag."""


_Merged = tuple[Number | None, bool]
"""A merged position: its value (None if hidden everywhere) and whether it is only a lower bound."""


def _merge_position(values: Sequence[Number | None], flags: Sequence[bool], unknown: bool) -> _Merged:
    """One position across inputs: the sum of the known parts (None when none is known), and whether it
    is only a lower bound (a part hidden or flagged, or an input without the table)."""
    known = [v for v in values if v is not None]
    if not known:
        return None, False
    return _tidy(sum(known)), unknown or len(known) < len(values) or any(flags)


merge_position = _merge_position
"""The merge rule for one position, public: export profiles group codes by the same rule (app.reports.profiles)."""
resolved_lower_bounds = _resolved_lower_bounds
filled = _filled


def _sum_parts(parts: Iterable[_Part], unknown: bool) -> _Merged:
    values, flags = zip(*parts, strict=True)
    return _merge_position(values, flags, unknown)


class _Input:
    """One package's version of a table, indexed by code, with every lower-bound flag explicit."""

    def __init__(self, table: AggregateTable) -> None:
        self.table = table
        self.rows = {code: i for i, code in enumerate(table.rows)}
        self.cols = {code: j for j, code in enumerate(table.cols)}
        self.cell_lb, self.row_lb, self.col_lb, self.total_lb = _resolved_lower_bounds(table)

    def cell(self, r: str, c: str) -> _Part:
        i, j = self.rows.get(r), self.cols.get(c)
        if i is None or j is None:
            return 0, False  # code absent from this package: nobody there
        return self.table.cells[i][j], self.cell_lb[i][j]

    def row(self, r: str) -> _Part:
        i = self.rows.get(r)
        return (0, False) if i is None else (self.table.row_totals[i], self.row_lb[i])

    def col(self, c: str) -> _Part:
        j = self.cols.get(c)
        return (0, False) if j is None else (self.table.col_totals[j], self.col_lb[j])

    def total(self) -> _Part:
        return self.table.total, self.total_lb


def _sum_aligned(
    inputs: list[_Input], height: int, width: int, unknown: bool
) -> tuple[list[list[_Merged]], list[_Merged], list[_Merged], _Merged]:
    """`_sum_parts` position by position when every input has the same rows and columns (the usual case,
    tables follow the code lists): one pass over each input's values, summed across inputs with zip."""
    values = []
    flags = []
    for x in inputs:
        t = x.table
        values.append([*(v for row in t.cells for v in row), *t.row_totals, *t.col_totals, t.total])
        flags.append([*(f for row in x.cell_lb for f in row), *x.row_lb, *x.col_lb, x.total_lb])
    merged = [
        _merge_position(column, lower, unknown)
        for column, lower in zip(zip(*values, strict=True), zip(*flags, strict=True), strict=True)
    ]
    n_cells = height * width
    cells = [merged[i * width : (i + 1) * width] for i in range(height)]
    row_totals = merged[n_cells : n_cells + height]
    col_totals = merged[n_cells + height : n_cells + height + width]
    return cells, row_totals, col_totals, merged[-1]


def _merge_table(parts: list[AggregateTable | None]) -> MergedTable:
    inputs = [_Input(table) for table in parts if table is not None]
    first = inputs[0].table
    unit = Unit(first.unit)
    for other in (x.table for x in inputs[1:]):
        if Unit(other.unit) is not unit:
            raise PackageError(
                QT_TRANSLATE_NOOP(
                    "Errors", "table {table} counts {unit} in one package and {other} in another"
                ),
                table=_short(first.id),
                unit=unit.value,
                other=Unit(other.unit).value,
            )
        if other.additive != first.additive:
            raise PackageError(
                QT_TRANSLATE_NOOP("Errors", "table {table} is additive in one package and not in another"),
                table=_short(first.id),
            )
    unknown = len(inputs) < len(parts)  # a package without this table: its share is unknown, not zero
    rows = _ordered_union(x.table.rows for x in inputs)
    cols = _ordered_union(x.table.cols for x in inputs)
    if len(rows) > MAX_CODES or len(cols) > MAX_CODES:
        raise PackageError(
            QT_TRANSLATE_NOOP("Errors", "table {table} has more than {n} rows or columns once merged"),
            table=_short(first.id),
            n=MAX_CODES,
        )

    if all(x.table.rows == rows and x.table.cols == cols for x in inputs):
        cells, row_totals, col_totals, total = _sum_aligned(inputs, len(rows), len(cols), unknown)
    else:
        cells = [[_sum_parts((x.cell(r, c) for x in inputs), unknown) for c in cols] for r in rows]
        row_totals = [_sum_parts((x.row(r) for x in inputs), unknown) for r in rows]
        col_totals = [_sum_parts((x.col(c) for x in inputs), unknown) for c in cols]
        total = _sum_parts((x.total() for x in inputs), unknown)

    row_labels: dict[str, str] = {}
    col_labels: dict[str, str] = {}
    for x in inputs:
        for code, label in x.table.row_labels.items():
            row_labels.setdefault(code, label)
        for code, label in x.table.col_labels.items():
            col_labels.setdefault(code, label)
    cell_flags = [[lb for _, lb in row] for row in cells]
    return MergedTable(
        id=first.id,
        title=first.title,
        unit=unit,
        rows=rows,
        cols=cols,
        cells=[[value for value, _ in row] for row in cells],
        row_totals=[value for value, _ in row_totals],
        col_totals=[value for value, _ in col_totals],
        total=total[0],
        additive=first.additive,
        row_labels=row_labels,
        col_labels=col_labels,
        lower_bound=cell_flags if any(any(r) for r in cell_flags) else None,
        row_lower_bound=[lb for _, lb in row_totals],
        col_lower_bound=[lb for _, lb in col_totals],
        total_lower_bound=total[1],
    )
