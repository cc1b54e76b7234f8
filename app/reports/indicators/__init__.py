"""The indicators a centre reports for a period (DOMAIN.md "Indicators"), computed in SQL.

Every figure is an aggregate query (SUM(CASE ...) / GROUP BY) over the encrypted database: case rows
never come into Python, which only assembles the small result grids into `AggregateTable`s. That keeps
one year over 100k women and millions of services well under a second, and keeps identifying rows out
of the reports layer altogether.

Who is counted (always excluding cases whose woman refused or withdrew consent to statistics,
``statistics_allowed = False``, together with their contacts, services and referrals):

* **contacts**: contact records dated in the period (unit contacts). Contributors are the distinct
  women behind them (each anonymous contact counts as one woman, linked contacts by their case).
* **flow** (unit women, one row per stage, not additive: the stages are different populations):
  women who contacted (anonymous contacts one each + distinct cases among the period's contacts),
  received (accolte: at least one intake in the period), taken in charge *new* (pathway agreed in the
  period), taken in charge *continuing* (agreed before the period and not closed before it started),
  cases closed in the period, and the **active women** (below). The total counts distinct women in any
  stage.
* **active women**: the population of every profile table, the cases active at some point of the
  period: ``opened_on <= end AND (closed_on IS NULL OR closed_on >= start)``. This is ISTAT's "utenti"
  of the period (new and continuing, whether or not a pathway was agreed yet). Their profile tables all
  have this same grand total, linked across tables as ``active``.
* **profile** (age at the end of the period from the birth year, citizenship, education, employment,
  marital status, cohabitation, children, minors): the case's current fields.
* **violence and access** (forms, relationship, duration, channel, first-contact mode, police report,
  protective measures, emergency): the woman's latest intake up to the end of the period (latest by
  date, then by id); an active woman without any intake by then is counted as ND, so these tables keep
  the same total as the profile ones. Multi-response tables (forms, macro groups, cohabitation,
  measures) count women in every row that applies: not additive; their extra row ND (or NESSUNA for
  measures) holds the women with no code at all.
* **risk level**: latest assessment up to the end of the period; ND when none.
* **closures**: cases closed in the period, by outcome (additive).
* **services**: services dated in the period, filtered on the desk that delivered them. Counts and hours
  by type x mode with distinct women per cell and per margin (computed in SQL, never summed); women
  served by type; services to minors.
* **referrals** dated in the period by destination (unit referrals, contributors distinct women);
  shelter placements: CASA_RIFUGIO and PRONTA_ACCOGL referrals dated in the period whose outcome is
  ACCOLTO, as women placed (not additive: one woman may go to both) and children placed with them.

The help-desk filter applies to the case's desk for case-based tables, to the delivering desk for
services and to the contact's desk for contacts (and the women contacted); ``None`` means every desk.
`compute_indicators_by_desk` gives each desk's tables at once, by the same rules: every statement is
grouped by the desk column its rule names, so the period is read once rather than once per desk.

Rows always cover the whole code list in code-list order (zeros included), so the tables of different
desks and centres merge cell by cell.

One module per section family (`flow`, `profile`, `in_charge`, `services`, `referrals`) over the shared
period-and-desk predicates (`scope`) and table assembly (`grids`); `compute` runs the sections on the
sessions' threads.
"""

from __future__ import annotations

from app.reports.indicators.compute import compute_indicators, compute_indicators_by_desk
from app.reports.indicators.grids import DESK_TABLES, NONE_CODE, TABLE_IDS, title
from app.reports.indicators.services import set_hours

__all__ = [
    "DESK_TABLES",
    "NONE_CODE",
    "TABLE_IDS",
    "compute_indicators",
    "compute_indicators_by_desk",
    "set_hours",
    "title",
]
