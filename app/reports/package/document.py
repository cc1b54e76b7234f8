"""The package document: its format's constants, the error it is refused with, what a verified one holds.

Shared by building, loading and merging (the modules beside this one). The format is documented for
outsiders in docs/aggregate-package.md and resources/aggregate-package.schema.json; keep the three in step.
"""

from __future__ import annotations

import base64
import functools
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any, NamedTuple

from app.crypto import signing
from app.i18n import QT_TRANSLATE_NOOP
from app.reports.tables import AggregateTable, Unit, is_stated

FORMAT = "ascolto-aggregates"
FORMAT_VERSION = 2
"""2: the cell key method (disclosure names the p-table; no published count below the threshold, zero
included). Version 1 packages (suppression) are still read and merged."""
READABLE_VERSIONS = (1, 2)
DISCLOSURE_KEYS = {
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
TABLE_UNITS = {u.value: u for u in Unit if not is_stated(u)}  # integers only; hours may have 1 decimal
"""The units of protected tables: the centre's stated structure travels apart (`structure`)."""
TOP_KEYS = frozenset(
    {"format", "version", "centre", "desks", "period", "disclosure", "generated_at", "software", "tables"}
)
OPTIONAL_TOP_KEYS = frozenset(
    {"key_history", "missing_rates", "audit_head", "structure", "release_log", "consolidation"}
)
CONSOLIDATION_KEYS = frozenset({"installations", "without"})
"""Optional members of format 2, added without a version bump (readers before them refuse them)."""
MAX_SUCCESSIONS = 50


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
        problem = filled(self.message, self.params, translate)
        if self.where is None:
            return problem
        return filled(_INVALID, {"where": self.where, "problem": problem}, translate)


_INVALID = QT_TRANSLATE_NOOP("Errors", "invalid package: {where}: {problem}")


def filled(source: str, params: Mapping[str, Any], translate: Callable[[str, str], str] | None) -> str:
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


@dataclass(frozen=True, eq=False)
class Layout:
    """A list of tables found valid (app.reports.package.known): their texts, and where each table's
    numbers sit in the `values` of a package of this shape (`KnownTables`).

    `shapes` holds, per table, copies of (id, title, unit, rows, cols, row_labels, col_labels). A table's
    numbers are its cells row by row, its row totals, its column totals and its total; the tables that
    count (every unit but hours) come first, in order, then the tables of hours: `values[:n_counts]` are
    the counts, which must reach the disclosure threshold. `starts[i]` is where table i begins.
    """

    shapes: list[tuple[Any, ...]]
    ids: frozenset[str]
    heights: list[int]
    widths: list[int]
    grid_widths: list[int]
    """The length of every row of every table's grid, table after table (in table order)."""
    order: list[int]
    starts: list[int]
    n_counts: int


@dataclass(frozen=True, eq=False)
class KnownTables:
    """The tables of a package checked in the usual shape (format 2, a table list found valid before,
    whole numbers, no lower-bound flag): merged from these numbers, without a table object each."""

    layout: Layout
    values: list[int | None]
    """Every table's numbers, copied when they were checked, as `Layout` places them."""
    additive: list[bool]
    """Per table (in table order)."""


class TableCodes(NamedTuple):
    """A package table's id, codes, unit and additivity (`VerifiedPackage.table_codes`)."""

    id: str
    rows: list[str]
    cols: list[str]
    unit: Unit
    additive: bool


@dataclass(frozen=True)
class VerifiedPackage:
    """A package whose signature matched its content and whose content passed strict validation.

    `fingerprint` identifies the signing key; whether that key is really the named centre's is for a
    trust store (not here) or a person comparing fingerprints.

    The tables are kept as they were parsed (`parsed_tables`, validated JSON objects); `tables` builds their
    objects the first time it is read. A network report merges hundreds of packages, tens of thousands of
    tables: a package of the usual shape (`known`) is merged from its numbers and never needs them.
    """

    centre: str
    desks: list[str]
    period_start: date
    period_end: date
    disclosure: dict[str, Any]
    generated_at: datetime
    parsed_tables: list[dict[str, Any]] = field(repr=False)
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
    known: KnownTables | None = field(default=None, compare=False, repr=False)
    """The tables' numbers when they were checked in the usual shape (see `KnownTables`), else None."""

    @functools.cached_property
    def tables(self) -> list[AggregateTable]:
        """The tables as objects, built once, over the parsed lists (nothing else changes them)."""
        return [table_from_json(t) for t in self.parsed_tables]

    def table_codes(self) -> list[TableCodes]:
        """Each table's id, codes, unit and additivity, without building the tables (see `tables`)."""
        if self.tables_built:
            return [TableCodes(t.id, t.rows, t.cols, Unit(t.unit), t.additive) for t in self.tables]
        return [
            TableCodes(t["id"], t["rows"], t["cols"], TABLE_UNITS[t["unit"]], t["additive"])
            for t in self.parsed_tables
        ]

    @property
    def tables_built(self) -> bool:
        """Whether `tables` was read: its objects may then have been changed, and are what counts."""
        return "tables" in vars(self)


def table_from_json(table: dict[str, Any]) -> AggregateTable:
    """The table object over the parsed (and validated) lists of a package's table."""
    return AggregateTable(
        id=table["id"],
        title=table["title"],
        unit=TABLE_UNITS[table["unit"]],
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


# --- canonical form and signature ------------------------------------------------------------------


def canonical_bytes(document: Mapping[str, Any]) -> bytes:
    """The exact bytes that are signed: sorted keys, no whitespace, UTF-8 (not \\u escapes)."""
    return json.dumps(document, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def signed_bytes(package: Mapping[str, Any]) -> bytes:
    """Canonical bytes of a package without its `signature` member: what the signature covers."""
    return canonical_bytes({k: v for k, v in package.items() if k != "signature"})


def short_repr(value: object) -> str:
    """A value as a message quotes it: its repr, cut to 40 characters."""
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def resolved_lower_bounds(table: AggregateTable) -> tuple[list[list[bool]], list[bool], list[bool], bool]:
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
