"""Her copy of the data (GDPR art. 15) as the document prints it: what is held on her, by section.

`app.services.subject_access` reads the case file, decides who may print it and builds this view;
`app.reports.pdf.subject_access` lays it out. The view holds values, not words: codes with their code
list, dates and flags, which the document prints in its own language; every label is a key of the
SUBJECT_ACCESS texts (app.reports.texts). Nothing here reads the database.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Coded:
    """Codes of one code list, printed as their labels (joined by commas); no code prints nothing."""

    list_name: str
    codes: tuple[str, ...]

    @classmethod
    def one(cls, list_name: str, code: str | None) -> Coded:
        return cls(list_name, (code,) if code else ())


@dataclass(frozen=True)
class Phrase:
    """A text of the SUBJECT_ACCESS catalogue, by key (as "granted" or "withdrawn" for a consent)."""

    key: str


Value = str | int | bool | dt.date | Coded | Phrase | None
"""As printed: text as it is, a number in figures, a flag as yes or no, a date in the document's form;
None (and empty text) prints nothing."""

Fields = tuple[tuple[str, Value], ...]
"""Label / value rows, in order; a block leaves out the empty ones (there is nothing to show her)."""

Row = Mapping[str, Value]
"""One row of a table, by column key."""


@dataclass(frozen=True)
class Access:
    """One line of who read or changed her file."""

    at: str  # as stored: naive UTC, ISO
    who: str | None  # the operator's name; None for the program itself
    action: str  # the audited action's code


@dataclass(frozen=True)
class Retention:
    """How long the centre keeps her file and its trail (the centre's retention settings)."""

    case_years: int
    audit_years: int
    full_deletion: bool


@dataclass(frozen=True)
class SubjectAccessView:
    """Everything the document prints, already read and permitted."""

    code: str  # the case's pseudonymous code, on every page
    centre: str
    summary: Fields
    identity: Fields | None  # None once her identifying data are erased
    profile: Fields
    consents: tuple[Row, ...]
    intakes: tuple[tuple[dt.date, Fields], ...]
    police_steps: tuple[Row, ...]
    risks: tuple[Row, ...]
    pathway: Fields | None
    goals: tuple[Row, ...]
    reviews: tuple[Row, ...]
    services: tuple[Row, ...]
    referrals: tuple[Row, ...]
    history: tuple[Access, ...]  # oldest first
    retention: Retention
    goal_versions: tuple[Row, ...] = ()  # what edits replaced, oldest first
    documents: tuple[Row, ...] = ()  # the documents attached to her file: name, kind, date added
