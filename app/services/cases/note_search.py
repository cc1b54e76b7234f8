"""Searching the words of her notes and interviews, among the cases she may see.

The index is an FTS5 table inside the encrypted database (why, and how it is kept: app/models/notes.py).
What she types is never handed to FTS5 as query syntax: it is cut into words here, each word (or each
"quoted phrase") becomes a quoted FTS5 string, so a stray quote, a parenthesis, `AND` or `NEAR` are only
words, and a typo cannot raise. Every word must occur (in any order); each is also the beginning of longer
words (avvocat finds avvocata, avvocato), accents and case are ignored (perche finds perché).

Results are cases: for each case her most recently written matching note, the field it is in and a short
snippet around the words, the page ordered by the notes' dates, newest first. The index is read in
descending rowid order (the latest rows of each table first) and stops at the page's last case, so a
common word costs one page, not every note holding it. The snippet is built for the screen only: like the case list, each
search is one audit event with the filter used ("notes"), never the words typed.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from sqlalchemy import ColumnElement, bindparam, column, literal_column, select, table, text
from sqlalchemy.orm import Session

from app.models.accounts import HelpDesk
from app.models.cases import Case, Identity
from app.models.notes import SOURCES, TABLE, case_of_sql, rowid, split
from app.services import audit
from app.services.cases.search import display_name_of, fold, scope_conditions, searched_desk
from app.services.workspace import Workspace

MAX_QUERY = 200  # characters read of what she typed
MAX_TERMS = 8
MAX_PHRASE = 6
MAX_ROWS = 2000  # matching notes read at most, newest first; beyond: `more`
SNIPPET_CHARS = 100  # what a column of the case list shows, the matching words near its start
WORD = re.compile(r"[^\W_]+")  # what FTS5's unicode61 tokenizer keeps: letters and digits
FIELDS = tuple(source.name for source in SOURCES)


@dataclass(frozen=True)
class Term:
    """One word, or a quoted phrase; the last word also matches longer words (if it has two letters)."""

    words: tuple[str, ...]

    @property
    def prefix(self) -> bool:
        return len(self.words[-1]) >= 2

    def fts(self) -> str:
        quoted = '"' + " ".join(self.words).replace('"', '""') + '"'
        return quoted + ("*" if self.prefix else "")

    def positions(self, words: Sequence[str]) -> Iterator[int]:
        """Where in a note's folded words this term is, each of its words' index (the highlights)."""
        n, last, prefix = len(self.words), self.words[-1], self.prefix
        head = list(self.words[:-1])
        for at in range(len(words) - n + 1):
            end = words[at + n - 1]
            if (end == last or (prefix and end.startswith(last))) and words[at : at + n - 1] == head:
                yield from range(at, at + n)


@dataclass(frozen=True)
class NoteHit:
    case_id: int
    code: str
    display_name: str
    status: str
    help_desk_id: int
    help_desk_name: str
    field: str
    """Where the words are: a name of app.models.notes.SOURCES ("intake", "service", "goal"...)."""
    date: dt.date | None
    snippet: tuple[tuple[str, bool], ...]
    """The words around the match, in pieces: (text, highlighted)."""
    notes: int
    """How many of her notes matched (among those read)."""


@dataclass(frozen=True)
class NotePage:
    items: list[NoteHit]
    more: bool
    """More notes matched than were read: newer first, so adding a word narrows the search."""
    words: int
    """How many words or phrases were searched (0: nothing to search, nothing was done)."""


def parse_query(query: str) -> list[Term]:
    """Her words: letters and digits only, folded; a word holding an apostrophe or a hyphen is a phrase
    (l'avvocata: "l avvocata"), and so is text between two double quotes."""
    terms: list[Term] = []
    pieces = query[:MAX_QUERY].split('"')
    for number, piece in enumerate(pieces):
        quoted = number % 2 == 1 and number < len(pieces) - 1
        chunks = [piece] if quoted else piece.split()
        for chunk in chunks:
            words = tuple(fold(w) for w in WORD.findall(chunk))
            words = tuple(w for w in words if w)[:MAX_PHRASE]
            if words:
                terms.append(Term(words))
    return terms[:MAX_TERMS]


def search_notes(
    ws: Workspace,
    query: str,
    *,
    statuses: Iterable[str] | None = None,
    help_desk_id: int | None = None,
    limit: int = 100,
) -> NotePage:
    """Up to `limit` cases she may see whose notes hold every word of `query`, newest notes first.

    Scope and filters are the case list's (app/services/cases/search.py): an operatrice, her help desk; a
    coordinatrice or amministratrice, every desk or the one chosen. One audit event per search.
    """
    actor = ws.require_actor()
    terms = parse_query(query)
    if not terms:
        return NotePage([], False, 0)
    limit = max(1, min(limit, 500))
    statuses = list(statuses) if statuses is not None else None
    with ws.transaction() as session:
        found, more = _matching_cases(
            session, terms, scope_conditions(actor, "", statuses, help_desk_id), limit
        )
        items = _hits(session, terms, found)
        audit.record(
            session,
            actor.operator_id,
            "cases.listed",
            "case_list",
            None,
            {
                "search": "notes",
                "text": True,
                "statuses": sorted(statuses) if statuses is not None else None,
                "desk": searched_desk(actor, help_desk_id),
                "shown": len(items),
                "more": more,
            },
        )
        return NotePage(items, more, len(terms))


def _matching_cases(
    session: Session, terms: Sequence[Term], scope: list[ColumnElement[bool]], limit: int
) -> tuple[dict[int, list[int]], bool]:
    """{case id: her matching note rowids, newest first}, for the first `limit` cases; and whether more
    notes matched than were read. The index yields rowids in descending order and each note reaches its
    case by one primary-key read, so a common word stops after MAX_ROWS notes instead of reading them all."""
    index = table(TABLE, column("rowid"))
    result = session.execute(
        select(index.c.rowid, Case.id)
        .select_from(index)
        .join(Case, Case.id == literal_column(case_of_sql(f"{TABLE}.rowid")))
        .where(text(f"{TABLE} MATCH :query"), *scope)
        .order_by(index.c.rowid.desc())
        .limit(MAX_ROWS),
        {"query": " ".join(term.fts() for term in terms)},
    )
    found: dict[int, list[int]] = {}
    read = 0
    try:
        for row, case_id in result:  # stepped one row at a time: stops at the first case too many
            read += 1
            if case_id not in found and len(found) == limit:
                return found, True
            found.setdefault(int(case_id), []).append(int(row))
    finally:
        result.close()
    return found, read == MAX_ROWS


def _hits(session: Session, terms: Sequence[Term], found: dict[int, list[int]]) -> list[NoteHit]:
    """The cases' lines: her newest matching note (its field, date and a snippet), her code and name."""
    if not found:
        return []
    newest = {case_id: rows[0] for case_id, rows in found.items()}
    notes: dict[int, tuple[str, dt.date | None, str]] = {}
    by_source: dict[str, list[int]] = {}
    for row in newest.values():
        source, key = split(row)
        if source is not None:
            by_source.setdefault(source.name, []).append(key)
    for source in SOURCES:
        keys = by_source.get(source.name)
        if not keys:
            continue
        statement = text(source.fetch_sql).bindparams(bindparam("keys", expanding=True))
        for key, _case_id, when, body in session.execute(statement, {"keys": keys}):
            notes[rowid(source, int(key))] = (source.name, _as_date(when), str(body or ""))
    cases = session.execute(
        select(
            Case.id,
            Case.code,
            Case.status,
            Case.help_desk_id,
            HelpDesk.name,
            Identity.first_name,
            Identity.last_name,
        )
        .join(HelpDesk, HelpDesk.id == Case.help_desk_id)
        .outerjoin(Identity, Identity.case_id == Case.id)
        .where(Case.id.in_(list(found)))
    ).all()
    by_id = {row.id: row for row in cases}
    items = []
    for case_id, row in newest.items():
        case = by_id.get(case_id)
        note = notes.get(row)
        if case is None or note is None:
            continue
        field, when, body = note
        items.append(
            NoteHit(
                case_id,
                case.code,
                display_name_of(case.first_name, case.last_name),
                case.status,
                case.help_desk_id,
                case.name,
                field,
                when,
                snippet(body, terms),
                len(found[case_id]),
            )
        )
    items.sort(key=lambda hit: (hit.date or dt.date.min, hit.code), reverse=True)
    return items


def _as_date(value: object) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _folded(word: str) -> str:
    return word.lower() if word.isascii() else fold(word)


def snippet(body: str, terms: Sequence[Term], width: int = SNIPPET_CHARS) -> tuple[tuple[str, bool], ...]:
    """About `width` characters of `body` around its first matching word, in (text, highlighted) pieces,
    with "…" where it was cut. Words are compared folded, as the index compares them."""
    body = " ".join(body.split())
    found = list(WORD.finditer(body))
    words = [_folded(m.group()) for m in found]
    marked = {at for term in terms for at in term.positions(words)}
    spans = [(found[i].start(), found[i].end()) for i in sorted(marked)]
    first = spans[0][0] if spans else 0
    start = max(0, first - width // 4)
    if start > 0:
        space = body.find(" ", start)
        start = space + 1 if 0 <= space < first else start
    end = min(len(body), start + width)
    if end < len(body):
        space = body.rfind(" ", start, end)
        end = space if space > first else end
    pieces: list[tuple[str, bool]] = [("…", False)] if start > 0 else []
    cursor = start
    for a, b in spans:
        if a < start or b > end:
            continue
        if a > cursor:
            pieces.append((body[cursor:a], False))
        pieces.append((body[a:b], True))
        cursor = b
    if cursor < end:
        pieces.append((body[cursor:end], False))
    if end < len(body):
        pieces.append(("…", False))
    return tuple(pieces)
