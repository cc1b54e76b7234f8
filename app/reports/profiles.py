"""Export profiles: declarative files that lay the tables of a release out as a target asks for them.

A profile (resources/profiles/*.toml, documented in docs/profiles.md) names, for each table a target
wants (ISTAT's survey of users, ISTAT's survey of centres, Regione Lombardia's monitoring, a funder), the
Ascolto table it comes from and how its codes group into the target's categories. Adding or amending a
profile is editing a file: no Python.

Why TOML: comments (a profile cites the questionnaire item each table answers, and says what is still to
map), no quoting of keys and no trailing-comma trap for the person who edits it, inline tables that keep
their order (the target's layout), and a reader in the standard library (`tomllib`).

What a profile can never do is reveal more than the signed package of the same release: its input is the
package's protected tables (perturbed, `<k` hidden) and a coarser category is the **sum of published
values**, exactly as the network merge sums packages (`package.merge_position`): a hidden part makes the
sum a lower bound (printed "≥ n"), a category whose parts are all hidden stays hidden. Rows of a
multi-response table (one woman in several rows) cannot be summed at all: the file is refused.

Every file is checked against the catalogue of the tables Ascolto produces (`catalogue()`: the tables
computed once over an empty schema, so a table added to the indicators is known here with no change):
an unknown table, code or key is refused with the file, the line and the offending name.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, NoReturn

from app.i18n import QT_TRANSLATE_NOOP
from app.reports import formatting, package
from app.reports.tables import AggregateTable, Number, Unit, is_stated

PROFILE_FORMAT = 1
"""The version of the profile file format (`[profile] format`), not of one profile (`version`)."""
TOTAL = "_total"
"""A source code standing for the margin: the row total (in `cols`) or the column total (in `rows`)."""
PERIOD_KINDS = ("month", "quarter", "semester", "year")
LAYOUTS = ("tables", "by_desk")
_ID_RE = re.compile(r"[a-z0-9][a-z0-9_-]{0,47}", re.ASCII)
_CODE_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_<>+.-]{0,47}", re.ASCII)
_PROFILE_KEYS = frozenset(
    {"format", "id", "version", "title", "target", "periods", "layout", "reference", "description"}
)
_TABLE_KEYS = frozenset({"id", "title", "source", "rows", "cols", "note", "reference"})
_CATEGORY_KEYS = frozenset({"label", "from"})
_PENDING_KEYS = frozenset({"id", "title", "needs", "reference"})
MAX_FILE_BYTES = 256 * 1024
"""A profile is a page of text (the largest shipped one is 8 KB); a bigger file is refused before parsing,
so a planted or mistaken file cannot keep a release waiting while it is read."""
MAX_DEPTH = 8
"""Nesting of tables and arrays: a profile needs six (the file, [[tables]], a table, rows, a category, from).
A deeper file would otherwise end in a RecursionError in the parser or in a message quoting a value."""
MAX_TABLES = 200
"""[[tables]] and [[pending]] each: a target's questionnaire has a few dozen."""


class ProfileError(ValueError):
    """A profile file refused, naming the file, the line and key, and what is wrong.

    Like `package.PackageError`: an English source text marked for the catalogue (context "Errors") and
    its values, said in the reader's language by `text(translate)`.
    """

    def __init__(self, message: str, *, where: str, **params: Any) -> None:
        self.message, self.where, self.params = message, where, params
        super().__init__(self.text())

    def text(self, translate: Callable[[str, str], str] | None = None) -> str:
        problem = package.filled(self.message, self.params, translate)
        return package.filled(_INVALID, {"where": self.where, "problem": problem}, translate)


_INVALID = QT_TRANSLATE_NOOP("Errors", "invalid export profile {where}: {problem}")


@dataclass(frozen=True)
class SourceTable:
    """What a profile may map from: one table Ascolto produces, its codes and whether rows add up."""

    id: str
    unit: Unit
    additive: bool
    rows: tuple[str, ...]
    cols: tuple[str, ...]


@dataclass(frozen=True)
class Category:
    """A target category: its code, label and the source codes (or `TOTAL`) summed into it."""

    code: str
    label: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class TableSpec:
    id: str
    title: str
    source: str
    rows: tuple[Category, ...] | None
    """None: the source's rows as they are."""
    cols: tuple[Category, ...] | None
    note: str = ""
    reference: str = ""


@dataclass(frozen=True)
class Pending:
    """A table the target asks for that Ascolto does not produce yet (marked TODO in the file)."""

    id: str
    title: str
    needs: str
    reference: str = ""


@dataclass(frozen=True)
class Profile:
    id: str
    version: int
    title: str
    target: str
    periods: tuple[str, ...]
    layout: str
    tables: tuple[TableSpec, ...]
    pending: tuple[Pending, ...] = ()
    reference: str = ""
    description: str = ""
    path: str = ""

    @property
    def by_desk(self) -> bool:
        """One release per help desk, each desk a column (a funder's report by desk)."""
        return self.layout == "by_desk"


# --- the catalogue ------------------------------------------------------------------------------------
@cache
def catalogue() -> Mapping[str, SourceTable]:
    """Every table Ascolto produces, with its codes: the protected ones (the catalogue the network merge
    checks) and the centre's stated structure (`app.reports.stated`, rows per desk left open)."""
    from app.reports import shapes, stated

    known = {
        t.id: SourceTable(t.id, Unit(t.unit), t.additive, tuple(t.rows), tuple(t.cols))
        for t in shapes.catalogue().values()
    }
    for table_id, (unit, additive, rows, cols) in stated.shapes().items():
        known[table_id] = SourceTable(table_id, unit, additive, rows, cols)
    return known


# --- reading ---------------------------------------------------------------------------------------------
def profiles_dir() -> Path:
    return Path(str(resources.files("app.resources").joinpath("profiles")))


def available() -> list[str]:
    """The ids of the shipped profiles (file names without .toml), sorted."""
    return sorted(p.stem for p in profiles_dir().glob("*.toml"))


def load(name_or_path: str | Path, known: Mapping[str, SourceTable] | None = None) -> Profile:
    """A shipped profile by id, or a profile file by path, validated against the catalogue."""
    path = Path(name_or_path)
    if path.suffix != ".toml":
        path = profiles_dir() / f"{name_or_path}.toml"
        if not path.is_file():
            raise ProfileError(
                QT_TRANSLATE_NOOP("Errors", "no such profile; the profiles are: {names}"),
                where=str(name_or_path),
                names=", ".join(available()),
            )
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            _too_large(path.name)
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ProfileError(
            QT_TRANSLATE_NOOP("Errors", "the file cannot be read: {reason}"),
            where=path.name,
            reason=getattr(exc, "strerror", None) or type(exc).__name__,
        ) from exc
    return parse(text, path.name, catalogue() if known is None else known)


def parse(text: str, name: str, known: Mapping[str, SourceTable]) -> Profile:
    """Validate the text of a profile file named `name` (for messages) and build the profile."""
    if len(text.encode("utf-8", "surrogatepass")) > MAX_FILE_BYTES:
        _too_large(name)
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ProfileError(
            QT_TRANSLATE_NOOP("Errors", "not valid TOML: {reason}"), where=name, reason=str(exc)
        ) from exc
    except RecursionError:  # brackets nested hundreds deep: the parser recurses once per level
        _too_deep(name)
    if _depth(doc) > MAX_DEPTH:  # dotted keys (a.b.c...) nest without brackets
        _too_deep(name)
    return _Reader(text, name, known).profile(doc)


def _too_large(name: str) -> NoReturn:
    raise ProfileError(
        QT_TRANSLATE_NOOP("Errors", "the file is larger than {size} KB: a profile is a page of text"),
        where=name,
        size=MAX_FILE_BYTES // 1024,
    )


def _too_deep(name: str) -> NoReturn:
    raise ProfileError(
        QT_TRANSLATE_NOOP("Errors", "tables and lists are nested more than {depth} levels deep"),
        where=name,
        depth=MAX_DEPTH,
    )


def _depth(doc: dict[str, Any]) -> int:
    """How deep tables and arrays nest, counted without recursion (the file itself is level 1)."""
    deepest = 0
    level: list[dict[str, Any] | list[Any]] = [doc]
    while level:
        deepest += 1
        if deepest > MAX_DEPTH:
            return deepest
        level = [
            child
            for value in level
            for child in (value.values() if isinstance(value, dict) else value)
            if isinstance(child, dict | list)
        ]
    return deepest


class _Reader:
    """Validation with messages that point into the file: `name:line key`."""

    def __init__(self, text: str, name: str, known: Mapping[str, SourceTable]) -> None:
        self.lines = text.splitlines()
        self.name = name
        self.known = known
        self.table_lines = [i for i, line in enumerate(self.lines) if line.strip().startswith("[[tables]]")]
        self.pending_lines = [
            i for i, line in enumerate(self.lines) if line.strip().startswith("[[pending]]")
        ]

    # where things are
    def _line(self, needle: str | None, start: int = 0) -> int | None:
        """The 1-based line of the first mention of `needle` (a key or a quoted code) from `start` on."""
        if needle is None:
            return None
        quoted = re.compile(rf'(^|[\s{{,\[]){re.escape(needle)}\s*=|"{re.escape(needle)}"')
        for i in range(start, len(self.lines)):
            line = self.lines[i].split("#", 1)[0]
            if quoted.search(line):
                return i + 1
        return None

    def where(self, key: str, needle: str | None = None, section: tuple[list[int], int] | None = None) -> str:
        start = 0
        if section is not None and section[1] < len(section[0]):
            start = section[0][section[1]]
        line = self._line(needle, start) or (start + 1 if section is not None else None)
        return f"{self.name}:{line} {key}" if line else f"{self.name} {key}"

    def fail(
        self, message: str, at: str, needle: str | None = None, section: Any = None, **params: Any
    ) -> NoReturn:
        raise ProfileError(message, where=self.where(at, needle, section), **params)

    # values
    def _keys(self, value: Any, allowed: frozenset[str], key: str, section: Any = None) -> dict[str, Any]:
        if not isinstance(value, dict):
            self.fail(QT_TRANSLATE_NOOP("Errors", "a table of keys is expected"), key, None, section)
        for k in value:
            if k not in allowed:
                self.fail(
                    QT_TRANSLATE_NOOP("Errors", "unknown key {key}; the keys allowed here are: {allowed}"),
                    f"{key}.{k}",
                    k,
                    section,
                    key=k,
                    allowed=", ".join(sorted(allowed)),
                )
        return value

    def _text(self, value: Any, key: str, section: Any = None, required: bool = True) -> str:
        if value is None and not required:
            return ""
        if not isinstance(value, str) or (required and not value.strip()) or len(value) > 2000:
            self.fail(QT_TRANSLATE_NOOP("Errors", "a text is expected"), key, key.rsplit(".", 1)[-1], section)
        return str(value).strip()

    def _id(self, value: Any, key: str, section: Any = None) -> str:
        if not isinstance(value, str) or not _ID_RE.fullmatch(value):
            self.fail(
                QT_TRANSLATE_NOOP(
                    "Errors", "an identifier in lower case letters, digits, - and _ is expected"
                ),
                key,
                key.rsplit(".", 1)[-1],
                section,
            )
        return str(value)

    def _at_most(self, items: list[Any], key: str) -> None:
        """Refused before any item is checked: a planted file of 100,000 tables must not cost seconds."""
        if len(items) > MAX_TABLES:
            self.fail(
                QT_TRANSLATE_NOOP("Errors", "more than {count} [[{key}]] in one profile"),
                key,
                None,
                count=MAX_TABLES,
                key=key,
            )

    # the document
    def profile(self, doc: dict[str, Any]) -> Profile:
        self._keys(doc, frozenset({"profile", "tables", "pending"}), "(top level)")
        head = self._keys(doc.get("profile"), _PROFILE_KEYS, "[profile]")
        if head.get("format") != PROFILE_FORMAT:
            self.fail(
                QT_TRANSLATE_NOOP(
                    "Errors", "format = {expected} is required (this version reads {expected})"
                ),
                "profile.format",
                "format",
                expected=PROFILE_FORMAT,
            )
        version = head.get("version")
        if type(version) is not int or version < 1:
            self.fail(
                QT_TRANSLATE_NOOP("Errors", "a version number (1, 2, ...) is expected"),
                "profile.version",
                "version",
            )
        periods = head.get("periods")
        if not isinstance(periods, list) or not periods or any(p not in PERIOD_KINDS for p in periods):
            self.fail(
                QT_TRANSLATE_NOOP("Errors", "periods must list some of: {kinds}"),
                "profile.periods",
                "periods",
                kinds=", ".join(PERIOD_KINDS),
            )
        layout = head.get("layout", "tables")
        if layout not in LAYOUTS:
            self.fail(
                QT_TRANSLATE_NOOP("Errors", "layout must be one of: {layouts}"),
                "profile.layout",
                "layout",
                layouts=", ".join(LAYOUTS),
            )
        raw_tables = doc.get("tables")
        if not isinstance(raw_tables, list) or not raw_tables:
            self.fail(QT_TRANSLATE_NOOP("Errors", "at least one [[tables]] is expected"), "tables", "tables")
        self._at_most(raw_tables, "tables")
        tables = [self.table(t, i, layout) for i, t in enumerate(raw_tables)]
        seen: set[str] = set()
        for i, t in enumerate(tables):
            if t.id in seen:
                self.fail(
                    QT_TRANSLATE_NOOP("Errors", "the table id {id} is used twice"),
                    f"tables[{i}].id",
                    t.id,
                    (self.table_lines, i),
                    id=t.id,
                )
            seen.add(t.id)
        raw_pending = doc.get("pending", [])
        if not isinstance(raw_pending, list):
            self.fail(QT_TRANSLATE_NOOP("Errors", "a table of keys is expected"), "pending", "pending")
        self._at_most(raw_pending, "pending")
        pending = [self.pending(p, i) for i, p in enumerate(raw_pending)]
        return Profile(
            id=self._id(head.get("id"), "profile.id"),
            version=int(version),
            title=self._text(head.get("title"), "profile.title"),
            target=self._text(head.get("target"), "profile.target"),
            periods=tuple(periods),
            layout=str(layout),
            tables=tuple(tables),
            pending=tuple(pending),
            reference=self._text(head.get("reference"), "profile.reference", required=False),
            description=self._text(head.get("description"), "profile.description", required=False),
            path=self.name,
        )

    def pending(self, raw: Any, index: int) -> Pending:
        section = (self.pending_lines, index)
        key = f"pending[{index}]"
        item = self._keys(raw, _PENDING_KEYS, key, section)
        return Pending(
            self._id(item.get("id"), f"{key}.id", section),
            self._text(item.get("title"), f"{key}.title", section),
            self._text(item.get("needs"), f"{key}.needs", section),
            self._text(item.get("reference"), f"{key}.reference", section, required=False),
        )

    def table(self, raw: Any, index: int, layout: str) -> TableSpec:
        section = (self.table_lines, index)
        key = f"tables[{index}]"
        item = self._keys(raw, _TABLE_KEYS, key, section)
        source_id = item.get("source")
        source = self.known.get(source_id) if isinstance(source_id, str) else None
        if source is None:
            self.fail(
                QT_TRANSLATE_NOOP("Errors", "unknown source table {code}; Ascolto's tables are: {known}"),
                f"{key}.source",
                str(source_id),
                section,
                code=repr(source_id),
                known=", ".join(self.known),
            )
        assert source is not None
        rows = self.categories(item.get("rows"), f"{key}.rows", source, source.rows, section)
        cols = self.categories(item.get("cols"), f"{key}.cols", source, source.cols, section)
        width = len(cols) if cols is not None else len(source.cols)
        if layout == "by_desk" and is_stated(source.unit):
            self.fail(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "{table} is the centre's structure, already by desk: it cannot go in a profile laid out by desk",
                ),
                f"{key}.source",
                source.id,
                section,
                table=source.id,
            )
        if layout == "by_desk" and width != 1:
            self.fail(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "a profile laid out by desk needs one column per table: map cols to one category",
                ),
                f"{key}.cols",
                "cols" if cols is not None else "source",
                section,
            )
        return TableSpec(
            id=self._id(item.get("id"), f"{key}.id", section),
            title=self._text(item.get("title"), f"{key}.title", section),
            source=source.id,
            rows=rows,
            cols=cols,
            note=self._text(item.get("note"), f"{key}.note", section, required=False),
            reference=self._text(item.get("reference"), f"{key}.reference", section, required=False),
        )

    def categories(
        self, raw: Any, key: str, source: SourceTable, codes: Sequence[str], section: Any
    ) -> tuple[Category, ...] | None:
        """`rows`/`cols`: absent (as they are), a list of source codes (a selection, in that order), or
        a table of target categories `CODE = { label = "...", from = ["SOURCE", ...] }`."""
        if raw is None:
            return None
        allowed = (*codes, TOTAL)
        out: list[Category] = []
        if isinstance(raw, list):
            raw = (
                {code: {"from": [code]} for code in raw if isinstance(code, str)}
                if all(isinstance(c, str) for c in raw)
                else None
            )
        if not isinstance(raw, dict) or not raw:
            self.fail(
                QT_TRANSLATE_NOOP("Errors", "a list of codes or a table of categories is expected"),
                key,
                key.rsplit(".", 1)[-1],
                section,
            )
        used: dict[str, str] = {}
        for code, spec in raw.items():
            here = f"{key}.{code}"
            if not _CODE_RE.fullmatch(code):
                self.fail(
                    QT_TRANSLATE_NOOP("Errors", "invalid category code {code}"),
                    here,
                    code,
                    section,
                    code=repr(code),
                )
            item = self._keys(spec, _CATEGORY_KEYS, here, section)
            sources = item.get("from", [code])
            if not isinstance(sources, list) or not sources or not all(isinstance(s, str) for s in sources):
                self.fail(
                    QT_TRANSLATE_NOOP("Errors", "from must list source codes"), f"{here}.from", code, section
                )
            for s in sources:
                if s not in allowed:
                    self.fail(
                        QT_TRANSLATE_NOOP(
                            "Errors", "unknown code {code} for table {table}; its codes are: {known}"
                        ),
                        f"{here}.from",
                        s,
                        section,
                        code=repr(s),
                        table=source.id,
                        known=", ".join(allowed),
                    )
                if s in used:
                    self.fail(
                        QT_TRANSLATE_NOOP(
                            "Errors", "code {code} of table {table} is mapped twice ({first} and {second})"
                        ),
                        f"{here}.from",
                        s,
                        section,
                        code=repr(s),
                        table=source.id,
                        first=used[s],
                        second=code,
                    )
                used[s] = code
            if len(sources) > 1 and (not source.additive or TOTAL in sources):
                self.fail(
                    QT_TRANSLATE_NOOP(
                        "Errors",
                        "{table} cannot be summed into {code}: "
                        + "it is multi-response (one woman in several rows) or the sum includes the total",
                    ),
                    f"{here}.from",
                    code,
                    section,
                    table=source.id,
                    code=repr(code),
                )
            label = self._text(item.get("label", code), f"{here}.label", section)
            out.append(Category(code, label, tuple(sources)))
        return tuple(out)


# --- applying -------------------------------------------------------------------------------------------------
_Part = tuple[Number | None, bool]


@dataclass
class _Source:
    """One protected source table indexed by code, every lower-bound flag explicit."""

    table: AggregateTable
    rows: dict[str, int] = field(init=False)
    cols: dict[str, int] = field(init=False)

    def __post_init__(self) -> None:
        self.rows = {c: i for i, c in enumerate(self.table.rows)}
        self.cols = {c: j for j, c in enumerate(self.table.cols)}
        self.cell_lb, self.row_lb, self.col_lb, self.total_lb = package.resolved_lower_bounds(self.table)

    def part(self, r: str, c: str) -> _Part:
        t = self.table
        i = None if r == TOTAL else self.rows.get(r, -2)
        j = None if c == TOTAL else self.cols.get(c, -2)
        if i == -2 or j == -2:
            return 0, False  # a code this release does not hold (an older code list): nobody there
        if i is None and j is None:
            return t.total, self.total_lb
        if i is None:
            assert j is not None
            return t.col_totals[j], self.col_lb[j]
        if j is None:
            return t.row_totals[i], self.row_lb[i]
        return t.cells[i][j], self.cell_lb[i][j]


def _identity(codes: Sequence[str], labels: Mapping[str, str]) -> tuple[Category, ...]:
    return tuple(Category(c, labels.get(c, c), (c,)) for c in codes)


def _labelled(categories: tuple[Category, ...], labels: Mapping[str, str]) -> tuple[Category, ...]:
    """A selection of source codes (`rows = ["RECEIVED", ...]`) carries the source's own labels: the file
    gives no label, and the code itself is never what a person reads."""
    return tuple(
        Category(c.code, labels.get(c.code, c.label), c.sources)
        if c.label == c.code and c.sources == (c.code,)
        else c
        for c in categories
    )


def apply_table(spec: TableSpec, source: AggregateTable) -> AggregateTable:
    """The target table: each value the sum of the published source values it groups (merge rule)."""
    src = _Source(source)
    rows = (
        _labelled(spec.rows, source.row_labels)
        if spec.rows is not None
        else _identity(source.rows, source.row_labels)
    )
    cols = (
        _labelled(spec.cols, source.col_labels)
        if spec.cols is not None
        else _identity(source.cols, source.col_labels)
    )

    def value(row_codes: Iterable[str], col_codes: Sequence[str]) -> _Part:
        parts = [src.part(r, c) for r in row_codes for c in col_codes]
        values, flags = zip(*parts, strict=True)
        return package.merge_position(values, flags, False)

    cells = [[value(r.sources, c.sources) for c in cols] for r in rows]
    row_totals = [value(r.sources, [TOTAL]) for r in rows]
    col_totals = [value([TOTAL], c.sources) for c in cols]
    total = value([TOTAL], [TOTAL])
    table = AggregateTable(
        id=spec.id,
        title=spec.title,
        unit=Unit(source.unit),
        rows=[r.code for r in rows],
        cols=[c.code for c in cols],
        cells=[[v for v, _ in row] for row in cells],
        row_totals=[v for v, _ in row_totals],
        col_totals=[v for v, _ in col_totals],
        total=total[0],
        additive=source.additive,
        row_labels={r.code: r.label for r in rows},
        col_labels={c.code: c.label for c in cols},
        lower_bound=[[f for _, f in row] for row in cells],
        row_lower_bound=[f for _, f in row_totals],
        col_lower_bound=[f for _, f in col_totals],
        total_lower_bound=total[1],
    )
    return _without(table, formatting.printed_rows(table, spec.source))


def _without(table: AggregateTable, keep: Sequence[int]) -> AggregateTable:
    """The table with only the rows `keep` (the rows that cannot occur and are empty left out)."""
    if len(keep) == len(table.rows):
        return table
    assert table.lower_bound is not None and table.row_lower_bound is not None
    return replace(
        table,
        rows=[table.rows[i] for i in keep],
        cells=[table.cells[i] for i in keep],
        row_totals=[table.row_totals[i] for i in keep],
        lower_bound=[table.lower_bound[i] for i in keep],
        row_lower_bound=[table.row_lower_bound[i] for i in keep],
    )


def apply(profile: Profile, tables: Sequence[AggregateTable]) -> list[AggregateTable]:
    """The profile's tables from the protected tables of one release (a table it lacks: all hidden)."""
    by_id = {t.id: t for t in tables}
    out = []
    for spec in profile.tables:
        source = by_id.get(spec.source)
        if source is None:
            known = catalogue()[spec.source]
            source = AggregateTable(
                spec.source, spec.title, known.unit, list(known.rows), list(known.cols),
                [[None] * len(known.cols) for _ in known.rows], [None] * len(known.rows),
                [None] * len(known.cols), None, additive=known.additive,
            )  # fmt: skip
        out.append(apply_table(spec, source))
    return out


def by_desk(desk_names: Sequence[str], per_desk: Sequence[Sequence[AggregateTable]]) -> list[AggregateTable]:
    """One-column profile tables of several desks side by side (columns `DESK_1`...), the row totals
    summed over the desks by the merge rule (a desk's hidden value makes the total a lower bound)."""
    out = []
    codes = [f"DESK_{n}" for n in range(1, len(desk_names) + 1)]
    for index, first in enumerate(per_desk[0]):
        columns = [tables[index] for tables in per_desk]
        parts: list[list[_Part]] = []
        for i in range(len(first.rows) + 1):
            row: list[_Part] = []
            for t in columns:
                flags = package.resolved_lower_bounds(t)
                row.append(
                    (t.cells[i][0], flags[0][i][0]) if i < len(first.rows) else (t.col_totals[0], flags[2][0])
                )
            values, lows = zip(*row, strict=True)
            row.append(package.merge_position(values, lows, False))
            parts.append(row)
        body, margin = parts[:-1], parts[-1]
        out.append(
            AggregateTable(
                id=first.id, title=first.title, unit=Unit(first.unit), rows=list(first.rows), cols=list(codes),
                cells=[[v for v, _ in row[:-1]] for row in body], row_totals=[row[-1][0] for row in body],
                col_totals=[v for v, _ in margin[:-1]], total=margin[-1][0], additive=first.additive,
                row_labels=dict(first.row_labels), col_labels=dict(zip(codes, desk_names, strict=True)),
                lower_bound=[[f for _, f in row[:-1]] for row in body],
                row_lower_bound=[row[-1][1] for row in body],
                col_lower_bound=[f for _, f in margin[:-1]], total_lower_bound=margin[-1][1],
            )
        )  # fmt: skip
    return out
