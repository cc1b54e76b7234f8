"""The case summary for the team or a lawyer, as the document prints it: the sections she chose.

`app.services.case_summary` reads the case file, decides who may print it and builds this view;
`app.reports.pdf.case_summary` lays it out. Like her copy of the data (`app.reports.subject_access`,
whose value types it shares) the view holds values, not words: every label is a key of the document's
texts. A section she did not choose is None (or empty) here, so the document cannot print it.
Nothing here reads the database.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from app.reports.subject_access import Fields, Row, Value

SECTIONS = ("profile", "risk", "pathway", "services", "referrals", "notes")
"""The sections she may choose, in the order the document prints them (the case file's tabs)."""

DEFAULT_SECTIONS = tuple(s for s in SECTIONS if s != "notes")
"""Without the free text: the words written about her leave the file only when she ticks them."""


@dataclass(frozen=True)
class Note:
    """One free-text note of the case file, where it was written: an interview, a review, a service..."""

    date: dt.date
    source: str  # a text key ("intake", "risk_note", "pathway_note", "review", "service", "referral")
    about: Value  # what it belongs to, after the source in its heading (a service's type), or None
    text: str


@dataclass(frozen=True)
class Printed:
    """Who printed the summary and when (local time, as the operator reads her clock)."""

    by: str  # the operator's display name, else her user name
    at: dt.datetime


@dataclass(frozen=True)
class CaseSummaryView:
    """Everything the summary prints, already read and permitted; None: a section she did not choose."""

    code: str  # the case's pseudonymous code, on every page
    centre: str
    summary: Fields  # the case at a glance: code, desk, status, dates (and her name only when asked for)
    printed: Printed
    sections: tuple[str, ...]  # the sections chosen, in SECTIONS order
    profile: Fields | None = None
    situation: Fields | None = None  # the violence as the interviews recorded it, latest known of each
    interviews: tuple[dt.date, ...] = ()  # when they were held, oldest first
    police_steps: tuple[Row, ...] = ()
    risks: tuple[Row, ...] | None = None
    pathway: Fields | None = None  # None also when no pathway is agreed: `"pathway" in sections` tells
    goals: tuple[Row, ...] = ()
    reviews: tuple[dt.date, ...] = ()  # their notes are notes: only in that section
    services: tuple[Row, ...] | None = None
    service_minutes: int = 0
    referrals: tuple[Row, ...] | None = None
    notes: tuple[Note, ...] | None = None  # oldest first
