"""Reports and exports: the only way anything leaves the PC, and only as protected aggregates.

`prepare` computes the indicators in SQL and applies disclosure control (the cell key method); what it
returns is what the preview shows, what the PDF prints and what the signed package carries, so the three
never differ. A **release** (a report PDF or a signed package) covers a calendar period only, needs at
least `MIN_RELEASE_WOMEN` women in its flow table, and is one unit of work: checked against every
earlier release, recorded with its bytes, written out, then logged beside the database
(app.services.release_log) before the database commits. The first release of a period and desk set is
frozen: asking again serves the same bytes, so a correction, a late entry or a withdrawn consent never
yields a second version to subtract. Network coordinators import signed packages, confirm each new signing key's fingerprint once,
merge, and print the network report.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import io
import json
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import IO, Any, NoReturn

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import __version__
from app.crypto import signing
from app.fs import atomic_write_bytes
from app.i18n import QT_TRANSLATE_NOOP, current_language, day_text, language_code, translate_in
from app.models.accounts import Centre, HelpDesk, Role, Setting
from app.models.base import utcnow
from app.models.reports import ExportRecord, TrustedKey
from app.reports import cellkey, disclosure, indicators, package, pdf, shapes
from app.reports.package import KeyChange
from app.reports.periods import Period, named_period
from app.reports.tables import AggregateTable
from app.reports.texts import REPORT_TEXTS as TEXTS
from app.reports.texts import SECTION_TITLES
from app.services import audit, audit_heads, partials, release_log, signing_keys, structure
from app.services.errors import NotFound, UserError, ValidationError
from app.services.validation import decode_codes, encode_codes, today
from app.services.workspace import Workspace

K_SETTING = "disclosure_k"
INDICATOR_LANES = min(2, os.cpu_count() or 1)
"""Threads computing the indicators (DESIGN's target machine has two cores; more buys little)."""

# Sections of the printed report: (section id, chart, table ids). Titles per language below.
SECTIONS: tuple[tuple[str, str | None, tuple[str, ...]], ...] = (
    ("flow", "hbar", ("flow", "contacts", "closures_outcome")),
    ("age", "bar", ("age_istat", "age_lombardy")),
    ("citizenship", "pie", ("citizenship", "citizenship_binary")),
    ("social", None, ("education", "employment", "marital_status", "cohabitation", "has_children", "minors")),
    ("violence", "hbar", ("violence_forms", "violence_macro", "violence_duration")),
    ("relationship", "pie", ("relationship_macro", "relationship")),
    ("access", "hbar", ("access_channel", "first_contact_mode")),
    (
        "protection",
        None,
        ("police_report", "measures_requested", "measures_obtained", "emergency", "risk_level"),
    ),
    (
        "services",
        "hbar",
        ("services_women_by_type", "services_type_mode_count", "services_type_mode_hours", "services_minors"),
    ),
    ("referrals", "hbar", ("referrals_destination", "shelter_women", "shelter_children")),
    (
        "in_charge",
        "bar",
        (
            "in_charge_age_istat", "in_charge_citizenship", "in_charge_education", "in_charge_employment",
            "in_charge_marital_status", "in_charge_has_children", "in_charge_violence_forms",
            "in_charge_relationship_macro",
        ),
    ),
    (
        "perpetrators",
        "hbar",
        (
            "help_sought", "perpetrators_count", "perpetrator_sex", "perpetrator_age", "perpetrator_citizenship",
            "perpetrator_weapons", "perpetrator_alcohol", "perpetrator_drugs", "perpetrator_prior_violence",
        ),
    ),
    ("police", "hbar", ("police_report_outcome",)),
    ("crosstabs", None, ("police_report_by_relationship", "violence_by_relationship", "age_by_citizenship")),
)  # fmt: skip
RELEASE_KINDS = frozenset({"month", "quarter", "semester", "year"})
RELEASES = "Releases"
"""Translation context of the release plan's sentences."""
MIN_RELEASE_WOMEN = 10
"""A release needs at least this many women in its flow table (DOMAIN.md, disclosure control)."""


@dataclass(frozen=True)
class ReleaseInfo:
    """A frozen release being served again: when it first left, and whether the data changed since."""

    released_at: datetime
    changed_since: bool


@dataclass(frozen=True)
class ReportData:
    """Protected tables and everything needed to describe them."""

    centre: str
    desk_ids: list[int]
    desk_names: list[str]
    period: Period
    lang: str
    tables: list[AggregateTable]
    rule: dict[str, Any]
    hidden: int
    population: int = 0
    """True number of women in the flow table (kept in memory to refuse tiny releases, never shown)."""
    tables_digest: str = ""
    release: ReleaseInfo | None = None
    omitted: tuple[str, ...] = ()
    data_as_of: date | None = None
    """Set to the day the data were read when the period has not ended yet (partial figures)."""
    whole_centre: bool = False
    """Every help desk of the centre, as a release's scope (see `Scope`), whichever desks exist."""
    consolidation: partials.Consolidation | None = None
    """A centre of several PCs: which other installations the figures add up (None: one PC)."""

    @property
    def fewer_tables(self) -> bool:
        """A single desk published with `indicators.DESK_TABLES` only (a desk's release frozen before
        that rule keeps every table it had)."""
        return not self.whole_centre and {t.id for t in self.tables} <= set(indicators.DESK_TABLES)


@dataclass(frozen=True)
class ExportResult:
    package_path: Path
    preview_path: Path
    fingerprint: str
    released_at: datetime | None = None
    first_time: bool = True


@dataclass
class ImportedPackage:
    path: Path
    package: package.VerifiedPackage
    trusted: bool
    problems: list[str] = field(default_factory=list)
    key_changes: list[KeyChange] = field(default_factory=list)
    """Changes of the sender's signing key followed (and recorded) while importing this package."""
    audit_warning: UserError | None = None  # its centre's audit trail went backwards (set by the merge)
    release_warning: UserError | None = None  # its centre's release log went backwards (set by the merge)
    trusted_for: str | None = None
    """The centre its signing key is trusted for, when the package names another: then it is not trusted."""


@dataclass(frozen=True)
class KeyChangeSeen:
    """A partner's signing key replaced by a new one that the old key signed, as the network recorded it."""

    centre: str
    old_fingerprint: str
    new_fingerprint: str
    changed_at: datetime


# --- settings ---------------------------------------------------------------------------------------
def disclosure_threshold(ws: Workspace) -> int:
    ws.require_actor()
    with ws.transaction(write=False) as session:
        setting = session.get(Setting, K_SETTING)
        return int(setting.value) if setting else disclosure.DEFAULT_K


def set_disclosure_threshold(ws: Workspace, k: int) -> None:
    actor = ws.require_actor(Role.AMMINISTRATRICE)
    if isinstance(k, bool) or not isinstance(k, int) or not disclosure.MIN_K <= k <= 50:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "Errors", "The threshold must be a whole number from {low} to 50 (the law's floor is 3)."
            ),
            field="threshold",
            low=disclosure.MIN_K,
        )
    with ws.transaction() as session:
        setting = session.get(Setting, K_SETTING)
        if setting is None:
            session.add(Setting(key=K_SETTING, value=str(k)))
        else:
            setting.value = str(k)
        audit.record(session, actor.operator_id, "setting.changed", "setting", K_SETTING, {"value": k})


# --- preparing ------------------------------------------------------------------------------------------
def prepare(
    ws: Workspace, period: Period, desk_ids: Sequence[int] | None = None, lang: str = "it"
) -> ReportData:
    """Compute and protect every indicator for the period and help desks (None = all desks).

    When this period and desk set was released before, the tables are those of the release, exactly as
    they left, and `release` says when and whether the data changed since.
    """
    return _prepare(ws, period, desk_ids, lang, by_desk=False)[0]


def prepare_by_desk(
    ws: Workspace, period: Period, desk_ids: Sequence[int], lang: str = "it"
) -> list[ReportData]:
    """For each desk (in id order), what ``prepare(ws, period, [desk], lang)`` gives, from one pass over the data.

    A report laid out by desk (profile finanziatore) needs every desk: the indicators are read once,
    grouped by desk, instead of one full read per desk. Each desk's frozen release is served as `prepare`
    serves it.
    """
    return _prepare(ws, period, desk_ids, lang, by_desk=True)


def _prepare(
    ws: Workspace, period: Period, desk_ids: Sequence[int] | None, lang: str, *, by_desk: bool
) -> list[ReportData]:
    """`prepare` for one desk set (`desk_ids`, None = all) or for each of `desk_ids` alone (`by_desk`)."""
    actor = ws.require_actor(Role.COORDINATRICE)
    if period.start > today():
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "The period {period} has not begun yet."),
            field="period",
            period=period.code,
        )
    lang = language_code(lang)
    k = disclosure_threshold(ws)
    with ws.parallel_reads(INDICATOR_LANES) as sessions:
        centre = sessions[0].get_one(Centre, 1)
        desks = _desks(sessions[0], desk_ids)
        every = set(sessions[0].scalars(select(HelpDesk.id)))
        computed: list[tuple[list[HelpDesk], list[AggregateTable]]]
        if by_desk:
            by_id = indicators.compute_indicators_by_desk(sessions, period, [d.id for d in desks], lang)
            computed = [([d], by_id[d.id]) for d in desks]
        else:
            # every desk: no desk filter at all (the same rows, and the planner keeps its best plans)
            desk_filter = None if desk_ids is None else [d.id for d in desks]
            computed = [(desks, indicators.compute_indicators(sessions, period, desk_filter, lang))]
        # --- a centre of several PCs (issue #24): the other installations' partial aggregates of the
        # period are added to these true tables before disclosure control (app.services.partials)
        computed, consolidation = partials.consolidate(sessions[0], period, computed, every)
    prepared = [
        (
            replace(
                _protected(centre.name, group, period, lang, tables, k),
                whole_centre=whole,
                consolidation=consolidation,
            ),
            tables,
        )
        for group, all_tables in computed
        for whole in [{d.id for d in group} == every]
        for tables in [_published(all_tables, whole)]
    ]
    with ws.transaction() as session:
        _merge_log(ws, session)
        return [_served(session, actor.operator_id, data, tables) for data, tables in prepared]


def _published(tables: list[AggregateTable], whole_centre: bool) -> list[AggregateTable]:
    """The tables a release of this scope publishes: every table for the whole centre, `DESK_TABLES`
    for a desk (a desk's profile tables would let a woman alone at her desk be placed in her category)."""
    if whole_centre:
        return tables
    return [t for t in tables if t.id in indicators.DESK_TABLES]


def _protected(
    centre: str, desks: Sequence[HelpDesk], period: Period, lang: str, tables: list[AggregateTable], k: int
) -> ReportData:
    """The computed tables of one desk set under disclosure control, with what describes them."""
    flow = next(t for t in tables if t.id == "flow")
    result = disclosure.protect(tables, k)
    return ReportData(
        centre,
        [d.id for d in desks],
        [d.name for d in desks],
        period,
        lang,
        result.tables,
        dict(result.rule),
        sum(_hidden(t) for t in result.tables),
        population=int(flow.total or 0),
        tables_digest=tables_digest(result.tables),
        data_as_of=today() if period.end >= today() else None,
    )


def _served(
    session: Session, operator_id: int, data: ReportData, computed: Sequence[AggregateTable]
) -> ReportData:
    """Record the computation; a desk set released before is served its release, exactly as it left.

    Whether the data changed since is judged under the release's own perturbation table: a release
    frozen under an older p-table would otherwise always look changed (`computed`: the true tables)."""
    frozen = _frozen(session, data)
    audit.record(
        session,
        operator_id,
        "report.computed",
        "centre",
        1,
        {"period": data.period.code, "desks": list(data.desk_ids), "released_before": frozen is not None},
    )
    if frozen is None or frozen.package is None:
        return data
    released = package.load_package(frozen.package)
    digest, version = data.tables_digest, str(released.disclosure.get("ptable_version", ""))
    if version != data.rule.get("ptable_version") and version in cellkey.VERSIONS:
        then = disclosure.protect(computed, frozen.threshold, cellkey.ptable(version))
        digest = tables_digest(then.tables)
    final = data.consolidation is not None and data.consolidation.final  # the parts are gone: not judged
    info = ReleaseInfo(frozen.created_at, frozen.tables_digest != digest and not final)
    return replace(
        data, tables=released.tables, rule=dict(released.disclosure), release=info,
        hidden=sum(_hidden(t) for t in released.tables),
    )  # fmt: skip


def tables_digest(tables: Sequence[AggregateTable]) -> str:
    """A digest of the published values, to tell whether the data changed since a release."""
    values = [(t.id, t.cells, t.row_totals, t.col_totals, t.total) for t in tables]
    return hashlib.sha256(json.dumps(values, sort_keys=True).encode("utf-8")).hexdigest()


def _hidden(table: AggregateTable) -> int:
    """How many values of a protected (or released, or merged) table are not published."""
    return sum(disclosure.value_at(table, pos) is None for pos in disclosure.positions(table))


def _desks(session: Session, desk_ids: Sequence[int] | None) -> list[HelpDesk]:
    if desk_ids is None:
        return list(session.scalars(select(HelpDesk).order_by(HelpDesk.name)))
    desks = [session.get(HelpDesk, i) for i in sorted(set(desk_ids))]
    if not desks or any(d is None for d in desks):
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "No such help desk."))
    return [d for d in desks if d is not None]


def desk_ids_by_name(ws: Workspace, names: Sequence[str]) -> list[int]:
    """For the command line: help desks named by the user, case-insensitively."""
    ws.require_actor()
    with ws.transaction(write=False) as session:
        by_name = {d.name.casefold(): d.id for d in session.scalars(select(HelpDesk))}
    missing = [n for n in names if n.casefold() not in by_name]
    if missing:
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "No help desk named {name}."), name=missing[0])
    return [by_name[n.casefold()] for n in names]


def document(data: ReportData, *, title: str | None = None, extra_method: str = "") -> pdf.ReportDocument:
    """The printable document for prepared data (also used for the preview of an export)."""
    texts = TEXTS[data.lang]
    by_id = {t.id: t for t in data.tables}
    sections = []
    for section_id, chart, table_ids in SECTIONS:
        tables = [by_id[t] for t in table_ids if t in by_id]
        if tables:
            sections.append(pdf.ReportSection(SECTION_TITLES[data.lang][section_id], tables, chart))
    k = int(data.rule["threshold"])
    return pdf.ReportDocument(
        title=title or texts["title"],
        centre=data.centre,
        desks=data.desk_names,
        period_label=data.period.label(data.lang),
        period_start=data.period.start,
        period_end=data.period.end,
        generated_on=date.today(),
        threshold=k,
        method_note=texts["method"].format(
            k=k, deviation=data.rule.get("max_deviation", 3), ptable=data.rule.get("ptable_version", "—")
        )
        + partials.method_note(data.consolidation, data.lang)
        + extra_method.format(k=k),
        sections=sections,
        lang=data.lang,
        footer_note=texts["footer"],
        data_as_of=data.data_as_of,
    )


# --- releasing ------------------------------------------------------------------------------------------------
def _merge_log(ws: Workspace, session: Session) -> None:
    """Bring back into the database any release a restore rolled back (see app.services.release_log)."""
    if release_log.merge_into(session, ws.folder, signing_keys.public_keys(session)):
        session.flush()


@dataclass(frozen=True)
class Scope:
    """The help desks a release covers: the whole centre, one desk, or a union of some desks.

    Desk sets form a lattice like periods: the whole centre and each single desk may all be released for
    overlapping periods, in any order (the cell key method gives the same records the same value, and a
    cell derived by subtracting desks from the centre carries the noise of every cell used). A union of
    some desks is refused next to any other release it shares a desk with, as it always was.

    The whole centre is recorded as such (an empty desk list in the record and in the release log), not
    as the list of its desks: a desk opened or closed later changes that list, not what "the whole centre"
    means, and a list frozen at the first release would then read as a union next to the next one. A
    record made before this rule lists every desk: it counts as the whole centre when it lists exactly the
    desks that existed when it was made, so old records stay readable without a migration.
    """

    desks: frozenset[int]
    centre: bool = False

    @property
    def in_lattice(self) -> bool:
        return self.centre or len(self.desks) == 1

    def same(self, other: Scope) -> bool:
        return self.centre == other.centre and (self.centre or self.desks == other.desks)

    def compatible(self, other: Scope) -> bool:
        """Whether a release of this scope may stand beside one of `other` over overlapping periods."""
        if self.same(other) or (self.in_lattice and other.in_lattice):
            return True
        return not (self.centre or other.centre or self.desks & other.desks)


def scope_of(data: ReportData) -> Scope:
    return Scope(frozenset(data.desk_ids), data.whole_centre)


def _recorded_desks(data: ReportData) -> str:
    """The desk set as a release record stores it: empty for the whole centre (see `Scope`)."""
    return "" if data.whole_centre else encode_codes(str(i) for i in sorted(data.desk_ids))


@dataclass(frozen=True)
class _Desks:
    """Every desk's name and creation time, read once per check."""

    names: dict[int, str]
    created: dict[int, datetime]

    @classmethod
    def read(cls, session: Session) -> _Desks:
        rows = list(session.execute(select(HelpDesk.id, HelpDesk.name, HelpDesk.created_at)))
        return cls({d: name for d, name, _at in rows}, {d: at for d, _name, at in rows})

    def scope_of(self, record: ExportRecord) -> Scope:
        """A record's scope; one listing exactly the desks that existed when it was made is the centre."""
        desks = frozenset(int(x) for x in decode_codes(record.desk_ids))
        if not desks:
            return Scope(desks, True)
        existing = {d for d, at in self.created.items() if at.replace(tzinfo=None) <= record.created_at}
        return Scope(desks, desks == existing)

    def names_of(self, scope: Scope) -> tuple[str, ...]:
        """The names of a scope's desks, () for the whole centre."""
        return () if scope.centre else tuple(sorted(self.names.get(d, f"#{d}") for d in scope.desks))

    def label(self, scope: Scope, language: str) -> str:
        return desks_text(self.names_of(scope), language)


def _frozen(session: Session, data: ReportData, desks: _Desks | None = None) -> ExportRecord | None:
    """The release of exactly this period and desk set under the current rule, if any."""
    mine, book = scope_of(data), desks or _Desks.read(session)
    for record in session.scalars(
        select(ExportRecord).where(
            ExportRecord.kind == "release", ExportRecord.period_code == data.period.code
        )
    ):
        if book.scope_of(record).same(mine):
            return record
    return None


def _refuse(message: str, **values: Any) -> NoReturn:
    raise UserError(message, **values)


def _overlapping(session: Session, period: Period, desks: _Desks) -> list[tuple[ExportRecord, Scope]]:
    """Every earlier release of a period overlapping `period` (oldest first), with its scope."""
    records = session.scalars(
        select(ExportRecord)
        .where(ExportRecord.period_start <= period.end, ExportRecord.period_end >= period.start)
        .order_by(ExportRecord.created_at, ExportRecord.id)
    )
    return [(record, desks.scope_of(record)) for record in records]


def desks_text(names: Sequence[str], language: str) -> str:
    """ "the whole centre" for (), a desk's name, or a union's names joined by "+"."""
    if not names:
        return translate_in(language, RELEASES, QT_TRANSLATE_NOOP("Releases", "the whole centre"))
    return " + ".join(names)


def _check_alone(data: ReportData) -> None:
    """The refusals that need no earlier release: a custom range, a period not ended, too few women."""
    if data.period.kind not in RELEASE_KINDS:
        _refuse(
            QT_TRANSLATE_NOOP(
                "Errors",
                "Only a month, a quarter, a semester or a year can leave the PC: two custom ranges that "
                "overlap could be subtracted to reveal one woman. Choose a calendar period.",
            )
        )
    if data.period.end >= today():
        _refuse(
            QT_TRANSLATE_NOOP(
                "Errors",
                "{period} has not ended yet. A period is released once, so releasing it now would leave its "
                "figures incomplete for good: preview it on screen, and release it from {day}.",
            ),
            period=data.period.label(data.lang),
            day=day_text(data.period.end + timedelta(days=1), data.lang),
        )
    partials.check_release(data.consolidation, data.period.label(data.lang))
    if data.population < MIN_RELEASE_WOMEN:
        _refuse(
            QT_TRANSLATE_NOOP(
                "Errors",
                "Fewer than {minimum} women are counted for {period} at these help desks: so few could be "
                "recognised. Choose a longer period or more help desks.",
            ),
            minimum=MIN_RELEASE_WOMEN,
            period=data.period.label(data.lang),
        )


def _check_release(
    session: Session,
    data: ReportData,
    also: Sequence[Scope] = (),
    desks: _Desks | None = None,
    earlier: Sequence[tuple[ExportRecord, Scope]] | None = None,
) -> None:
    """Refuse what could be combined with an earlier release to reveal a woman (or is too small).

    `also`: scopes released together with this one (the desks of one file by desk), checked as earlier;
    `desks` and `earlier` (the releases overlapping the period) when the caller has read them already.
    """
    _check_alone(data)
    mine, book = scope_of(data), desks or _Desks.read(session)
    for theirs in also:
        if not mine.compatible(theirs):
            _refuse(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "{desks} and {other} cannot be released together for overlapping periods: one could be "
                    "subtracted from the other. Release the whole centre or one help desk at a time.",
                ),
                desks=book.label(mine, data.lang),
                other=book.label(theirs, data.lang),
            )
    for record, theirs in _overlapping(session, data.period, book) if earlier is None else earlier:
        if not mine.compatible(theirs):
            _refuse(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "{period} was already released on {day} for {other}. Releasing it for {desks} too would "
                    "let one be subtracted from the other: release the whole centre or one help desk at a "
                    "time, or the same help desks as then.",
                ),
                period=named_period(record.period_start, record.period_end).label(data.lang),
                day=day_text(record.created_at.date(), data.lang),
                other=book.label(theirs, data.lang),
                desks=book.label(mine, data.lang),
            )
        same_release = (
            theirs.same(mine)
            and record.period_start == data.period.start
            and record.period_end == data.period.end
        )
        if same_release and record.kind == release_log.UNVERIFIED:
            _refuse(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "The release log names a release of {period} for {desks} whose signature does not verify "
                    "(it may have been forged or damaged): the period stays closed while that line is there. "
                    "An administrator sees it with 'ascolto verify'.",
                ),
                period=data.period.label(data.lang),
                desks=book.label(mine, data.lang),
            )
        if same_release and record.kind != "release":
            _refuse(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "{period} was released on {day} with the earlier protection method, whose copy was not "
                    "kept. Releasing it again would give a second version to compare with the first.",
                ),
                period=data.period.label(data.lang),
                day=day_text(record.created_at.date(), data.lang),
            )


@dataclass(frozen=True)
class EarlierRelease:
    """A release already made for a period overlapping the one asked for."""

    period: Period
    desks: tuple[str, ...]
    """The names of the desks it covered; () for the whole centre."""
    released_at: datetime


@dataclass(frozen=True)
class ReleasePlan:
    """What a release would do, said before the file dialog: what the period already has, what it adds.

    `adds`: desk sets (names; () the whole centre) released now for the first time; `served`: desk sets
    released before, whose frozen figures are written again; `refusal`: why nothing may leave (then
    `check` raises it).
    """

    period: Period
    earlier: tuple[EarlierRelease, ...] = ()
    adds: tuple[tuple[str, ...], ...] = ()
    served: tuple[tuple[str, ...], ...] = ()
    refusal: UserError | None = None

    def check(self) -> None:
        if self.refusal is not None:
            raise self.refusal

    def lines(self, language: str | None = None) -> list[str]:
        """One or two sentences: the period's earlier releases, then what this one adds."""
        lang = current_language() if language is None else language_code(language)

        def say(text: str, **values: str) -> str:
            return translate_in(lang, RELEASES, text).format(**values)

        if self.refusal is not None and not self.earlier:
            return []  # the refusal says it all (a period not ended, too few women, ...)
        period = self.period.label(lang)
        groups: dict[tuple[str, date], list[str]] = {}
        for item in self.earlier:
            key = (item.period.label(lang), item.released_at.date())
            groups.setdefault(key, []).append(desks_text(item.desks, lang))
        shown = [
            say(QT_TRANSLATE_NOOP("Releases", "{period} for {desks} on {day}"),
                period=p, desks=", ".join(desks), day=day_text(day, lang))
            for (p, day), desks in list(groups.items())[:MAX_PLAN_ITEMS]
        ]  # fmt: skip
        if len(groups) > MAX_PLAN_ITEMS:
            shown.append(say(QT_TRANSLATE_NOOP("Releases", "{n} more"), n=str(len(groups) - MAX_PLAN_ITEMS)))
        out = [
            say(
                QT_TRANSLATE_NOOP(
                    "Releases", "Already released for {period} or periods overlapping it: {list}."
                ),
                period=period,
                list="; ".join(shown),
            )
            if shown
            else say(
                QT_TRANSLATE_NOOP(
                    "Releases", "Nothing was released yet for {period} or periods overlapping it."
                ),
                period=period,
            )
        ]
        if self.refusal is not None:
            return out
        adds = (
            say(
                QT_TRANSLATE_NOOP("Releases", "This release adds {period} for {desks}, frozen once made."),
                period=period,
                desks=", ".join(desks_text(d, lang) for d in self.adds),
            )
            if self.adds
            else say(QT_TRANSLATE_NOOP("Releases", "This release adds nothing new."))
        )
        if self.served:
            adds += " " + say(
                QT_TRANSLATE_NOOP("Releases", "Written again as first released: {period} for {desks}."),
                period=period,
                desks=", ".join(desks_text(d, lang) for d in self.served),
            )
        return [*out, adds]

    def text(self, language: str | None = None) -> str:
        return "\n".join(self.lines(language))


MAX_PLAN_ITEMS = 6
"""Earlier releases named one by one in a plan (grouped by period and day); the rest are counted."""


def _plan(session: Session, prepared: Sequence[ReportData]) -> ReleasePlan:
    """The plan of releasing each of `prepared` (one file: one desk set, or one per desk) together."""
    first, book = prepared[0], _Desks.read(session)
    overlapping = _overlapping(session, first.period, book)
    earlier = tuple(
        EarlierRelease(
            named_period(record.period_start, record.period_end),
            book.names_of(scope),
            record.created_at,
        )
        for record, scope in overlapping
    )
    adds: list[tuple[str, ...]] = []
    served: list[tuple[str, ...]] = []
    made: list[Scope] = []
    refusal: UserError | None = None
    for data in prepared:
        label = book.names_of(scope_of(data))
        if _frozen(session, data, book) is not None:
            served.append(label)
            continue
        try:
            _check_release(session, data, made, book, overlapping)
        except UserError as exc:
            refusal = refusal or exc
        made.append(scope_of(data))
        adds.append(label)
    return ReleasePlan(first.period, earlier, tuple(adds), tuple(served), refusal)


def release_plan(ws: Workspace, prepared: ReportData | Sequence[ReportData]) -> ReleasePlan:
    """What releasing the prepared data would add to the period's releases, or why it is refused.

    The command line prints it and the window shows it before anything is written or any file is chosen.
    """
    ws.require_actor(Role.COORDINATRICE)
    items = [prepared] if isinstance(prepared, ReportData) else list(prepared)
    with ws.transaction() as session:
        _merge_log(ws, session)
        return _plan(session, items)


def check_release(ws: Workspace, data: ReportData) -> None:
    """Raise the refusal a release would meet, before the user picks a file (a frozen one always passes)."""
    release_plan(ws, data).check()


@dataclass(frozen=True)
class Release:
    """The bytes that leave, as frozen at the first release of a period and desk set."""

    package: bytes
    pdf: bytes
    fingerprint: str
    released_at: datetime
    first_time: bool


def _release(ws: Workspace, data: ReportData, outputs: Callable[[Release], list[Path]]) -> Release:
    """Serve the frozen release, or make it: check, record, write, then log, all in one unit of work.

    `outputs` writes the files the user asked for and returns them; if anything fails before the
    database commits, those files are removed: nothing leaves unrecorded. Writing comes before the log
    line: a file that could not be written must not freeze (or block) the period. Once logged, the
    release stands (the log survives a failed commit, as it survives a restore) and its copies are kept
    so that it is served again byte for byte.
    """
    actor = ws.require_actor(Role.COORDINATRICE)
    written: list[Path] = []
    record: ExportRecord | None = None
    logged = False
    try:
        with ws.transaction() as session:
            _merge_log(ws, session)
            private = session.get_one(Centre, 1).signing_key
            history = signing_keys.package_history(session)
            fingerprint = signing.fingerprint(signing.public_key_of(private))
            frozen = _frozen(session, data)
            stated = structure.statement(session, data.period.end, data.desk_ids)
            if frozen is not None and frozen.package is not None and frozen.pdf is not None:
                served = frozen.package
                before = package.load_package(served)
                restated = before.structure != stated
                if restated or before.public_key != signing.public_key_of(private):
                    # signed by a key replaced since (a revocation), or the structure was entered or
                    # corrected since: same figures, current structure and signature
                    served = package.resign(served, private, history, stated)
                release = Release(served, frozen.pdf, fingerprint, frozen.created_at, False)
                written = outputs(release)
                audit.record(
                    session, actor.operator_id, "release.served_again", "centre", 1,
                    {"period": data.period.code, "desks": data.desk_ids, "digest": frozen.digest[:16],
                     "structure_updated": restated},
                )  # fmt: skip
                return release
            if frozen is not None:
                _refuse(
                    QT_TRANSLATE_NOOP(
                        "Errors",
                        "{period} was already released for these help desks on {day}, but its copy is "
                        "missing from this data folder: it cannot be released again.",
                    ),
                    period=data.period.label(data.lang),
                    day=day_text(frozen.created_at.date(), data.lang),
                )
            _check_release(session, data)
            built = package.package_bytes(
                package.build_package(
                    data.tables,
                    centre=data.centre,
                    desks=data.desk_names,
                    period_start=data.period.start,
                    period_end=data.period.end,
                    disclosure=dict(data.rule),
                    software=f"Ascolto {__version__}",
                    signing_key=private,
                    generated_at=datetime.now(UTC).replace(microsecond=0),
                    key_history=history,
                    audit_head=audit.chain_head(session).as_json(),
                    structure=stated,
                    release_log=release_log.position(ws.folder),
                    consolidation=partials.package_member(data.consolidation),
                )
            )
            preview = render(document(data))
            record = ExportRecord(
                kind="release",
                period_code=data.period.code,
                period_start=data.period.start,
                period_end=data.period.end,
                desk_ids=_recorded_desks(data),
                threshold=int(data.rule["threshold"]),
                rule_version=str(data.rule["rule_version"]),
                digest=hashlib.sha256(built).hexdigest(),
                pdf_digest=hashlib.sha256(preview).hexdigest(),
                tables_digest=data.tables_digest,
                package=built,
                pdf=preview,
                operator_id=actor.operator_id,
            )
            session.add(record)
            session.flush()
            release = Release(built, preview, fingerprint, record.created_at, True)
            written = outputs(release)  # first: a file that cannot be written must not leave a log line
            release_log.append(ws.folder, record, built, preview, private)
            logged = True
            audit.record(
                session, actor.operator_id, "release.made", "centre", 1,
                {"period": data.period.code, "desks": data.desk_ids, "digest": record.digest[:16]},
            )  # fmt: skip
            return release
    except BaseException:
        for path in written:
            path.unlink(missing_ok=True)
        if record is not None and not logged:  # a logged release is frozen: keep its copies to serve
            release_log.remove_files(ws.folder, record)
        raise


def write_report(ws: Workspace, data: ReportData, out: str | Path | IO[bytes]) -> Release:
    """Print the protected report (the release's PDF) to a file or stream chosen by the user."""

    def outputs(release: Release) -> list[Path]:
        _write(out, release.pdf)
        return [Path(out)] if isinstance(out, str | Path) else []

    return _release(ws, data, outputs)


def render(doc: pdf.ReportDocument) -> bytes:
    buffer = io.BytesIO()
    pdf.render_report(doc, buffer)
    return buffer.getvalue()


def _write(out: str | Path | IO[bytes], payload: bytes) -> None:
    if isinstance(out, str | Path):
        try:
            atomic_write_bytes(Path(out), payload)
        except OSError as exc:
            raise UserError(
                QT_TRANSLATE_NOOP("Errors", "The file could not be written to {path}: {reason}"),
                path=str(out),
                reason=exc.strerror or type(exc).__name__,
            ) from exc
    else:
        out.write(payload)


def export(ws: Workspace, data: ReportData, out: Path) -> ExportResult:
    """Write the signed package `out` and, beside it, a PDF preview of exactly what it contains."""
    out = out if out.suffix == ".json" else out.with_suffix(".json")
    preview = out.with_suffix(".pdf")

    def outputs(release: Release) -> list[Path]:
        _write(out, release.package)
        try:
            _write(preview, release.pdf)
        except BaseException:
            out.unlink(missing_ok=True)  # no package left behind without its preview and record
            raise
        return [out, preview]

    release = _release(ws, data, outputs)
    return ExportResult(out, preview, release.fingerprint, release.released_at, release.first_time)


def own_fingerprint(ws: Workspace) -> str:
    ws.require_actor()
    with ws.transaction(write=False) as session:
        return signing.fingerprint(signing.public_key_of(session.get_one(Centre, 1).signing_key))


def _note_audit_heads(session: Session, operator_id: int, items: Sequence[ImportedPackage]) -> None:
    """Keep each centre's newest audit head; a centre whose trail went backwards is warned and audited.

    Centres are told apart by key and succession (`_source_key`), as for the release log."""
    predecessors = _predecessors(session)
    for item in sorted(items, key=lambda i: i.package.generated_at):
        p = item.package
        stamp = p.generated_at.strftime("%Y-%m-%dT%H:%M:%SZ")
        source = _source_key(predecessors, p.public_key)
        item.audit_warning = audit_heads.note_received(session, source, p.centre, p.audit_head, stamp)
        if item.audit_warning is not None:
            audit.record(session, operator_id, "network.audit_backwards", "trusted_key", p.fingerprint[:40])


_RELEASE_LOG = "network_release_log:"
"""Setting key prefix (plus a centre's first known key, `_source_key`) of the newest release log position."""


def _note_release_logs(session: Session, operator_id: int, items: Sequence[ImportedPackage]) -> None:
    """Keep each centre's newest release log position; warn and audit when its log went backwards.

    A package carries the number of releases logged before it (`seq`) and the hash of the last one
    (`head`), and is itself logged once it leaves. So a package generated later than another must find
    more releases before it; as many or fewer means releases vanished from the log (its folder deleted, an
    older copy restored), and a period could then leave twice. A release served again keeps its first
    `generated_at` and position, so it is never a step back. Centres are told apart by key and succession
    (`_source_key`), not by name.
    """
    predecessors = _predecessors(session)
    for item in sorted(items, key=lambda i: i.package.generated_at):
        p = item.package
        if p.release_log is None:
            continue
        stamp = p.generated_at.strftime("%Y-%m-%dT%H:%M:%SZ")
        seq, head = int(p.release_log["seq"]), str(p.release_log["head"])
        key = (_RELEASE_LOG + _source_key(predecessors, p.public_key))[:100]
        setting = session.get(Setting, key)
        earlier, earlier_stamp = -1, ""
        if setting is not None:
            with contextlib.suppress(ValueError, TypeError, AttributeError, KeyError):
                known = json.loads(setting.value)
                earlier, earlier_stamp = int(known["seq"]), str(known["generated_at"])
        if stamp > earlier_stamp and seq <= earlier:
            item.release_warning = UserError(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "The release log of {centre} went backwards: {seq} releases were logged before this "
                    "package, {earlier} before an earlier one, which was then logged too. Ask the centre why "
                    "(its releases folder deleted, or an older copy restored): a period could leave twice.",
                ),
                centre=p.centre,
                seq=seq,
                earlier=earlier,
            )
            audit.record(
                session, operator_id, "network.release_log_backwards", "trusted_key", p.fingerprint[:40],
                {"seq": seq, "earlier": earlier},
            )  # fmt: skip
        elif stamp >= earlier_stamp and seq >= earlier:
            value = json.dumps({"seq": seq, "head": head, "generated_at": stamp})
            if setting is None:
                session.add(Setting(key=key, value=value))
            else:
                setting.value = value


# --- the network ------------------------------------------------------------------------------------------------
MAX_PACKAGES = 2000
"""Packages in one network report: a year of monthly packages from every centre of a large network."""
_SUPERSEDED = "superseded_key:"
"""Setting key prefix (plus the base64 public key) of a partner's key replaced by a successor it signed."""


def _b64(public: bytes) -> str:
    return base64.b64encode(public).decode()


def _refused(path: Path, reason: object) -> UserError:
    return UserError(
        QT_TRANSLATE_NOOP("Errors", "The package {name} was refused: {reason}"), name=path.name, reason=reason
    )


def _superseded(session: Session, public: bytes) -> dict[str, str] | None:
    setting = session.get(Setting, _SUPERSEDED + _b64(public))
    if setting is None:
        return None
    try:
        record = json.loads(setting.value)
    except ValueError:
        record = None
    return record if isinstance(record, dict) else {"new": "", "at": "", "centre": ""}


def _same_name(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def _trust_store(session: Session) -> dict[str, str]:
    """Base64 public key -> the centre it is trusted for: the keys confirmed by fingerprint or followed
    through a signed change, and this centre's own current key for its own name (a coordinator's own
    packages are hers: no phone call). Trust is the pair: a key trusted for one centre is not trusted for
    a package in another's name."""
    store = {k.public_key: k.centre for k in session.scalars(select(TrustedKey))}
    own = session.get_one(Centre, 1)
    store[_b64(signing.public_key_of(own.signing_key))] = own.name
    return store


def _trusted_for(store: dict[str, str], p: package.VerifiedPackage) -> bool:
    centre = store.get(_b64(p.public_key))
    return centre is not None and _same_name(centre, p.centre)


def _predecessors(session: Session) -> dict[str, str]:
    """New key -> the key it replaced, for every change this network followed (base64)."""
    out: dict[str, str] = {}
    for setting in session.scalars(select(Setting).where(Setting.key.startswith(_SUPERSEDED))):
        with contextlib.suppress(ValueError, TypeError, KeyError):
            out.setdefault(str(json.loads(setting.value)["new"]), setting.key[len(_SUPERSEDED) :])
    return out


def _source_key(predecessors: dict[str, str], public: bytes) -> str:
    """A centre's first key this network knows, through the changes it followed: one centre, one source."""
    key, seen = _b64(public), set()
    while key in predecessors and key not in seen:
        seen.add(key)
        key = predecessors[key]
    return key


def _follow_key_changes(
    session: Session, actor_id: int | None, item: ImportedPackage, store: dict[str, str]
) -> None:
    """Follow the package's key history from a key the network already trusts, recording each change.

    The new key is trusted because the trusted old key signed it; the old key is marked replaced, so a
    package it signs later (by whoever kept it) is refused. A key with two different successors is a
    forgery by someone holding the old key: refuse, never pick one. A change is followed only for the
    centre the old key was trusted for: whoever holds a centre's key cannot vouch with it for a key in
    another centre's name.
    """
    centre = item.package.centre
    reached: str | None = None  # the centre the chain is followed for, once it met a trusted key
    for change in item.package.key_history:
        old, new = _b64(change.old), _b64(change.new)
        recorded = _superseded(session, change.old)
        if recorded is not None:
            if recorded.get("new") != new:
                raise _refused(
                    item.path,
                    UserError(
                        QT_TRANSLATE_NOOP(
                            "Errors",
                            "it says the key {old} of {centre} was replaced by {new}, but the network "
                            "recorded another replacement of that key: one of the two is forged. Phone the "
                            "centre before trusting anything signed by either.",
                        ),
                        old=change.old_fingerprint,
                        centre=centre,
                        new=change.new_fingerprint,
                    ),
                )
            if not _same_name(str(recorded.get("centre", "")), centre):
                return  # another centre's chain continued in this name: not followed
            reached = str(recorded.get("centre"))
            continue
        if reached is None:
            if old not in store or not _same_name(store[old], centre):
                continue
            reached = store[old]
        session.add(
            Setting(
                key=_SUPERSEDED + old,
                value=json.dumps(
                    {"new": new, "at": change.as_json()["at"], "centre": reached[:200]}, ensure_ascii=False
                ),
            )
        )
        if new not in store:
            session.add(
                TrustedKey(
                    public_key=new,
                    fingerprint=change.new_fingerprint,
                    centre=reached[:200],
                    confirmed_by=None,
                )
            )
            store[new] = reached
        item.key_changes.append(change)
        audit.record(
            session, actor_id, "key.succession_followed", "trusted_key", change.new_fingerprint[:40],
            {"old": change.old_fingerprint, "at": change.as_json()["at"]},
        )  # fmt: skip
        session.flush()


def _own_replaced(session: Session, public: bytes) -> dict[str, str] | None:
    """This centre's own earlier key (replaced at a re-key): as for a partner's, a package it signs is
    refused (whoever kept it may have made it)."""
    for step in signing_keys.history(session):
        if step.old == public:
            return {"centre": session.get_one(Centre, 1).name, "at": step.as_json()["at"]}
    return None


def _refuse_replaced_key(session: Session, item: ImportedPackage) -> None:
    """A package signed with a key its centre replaced: whoever kept the old key may have made it."""
    public = item.package.public_key
    record = _superseded(session, public) or _own_replaced(session, public)
    if record is None:
        return
    raise _refused(
        item.path,
        UserError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "it is signed with the key {fingerprint}, which {centre} replaced on {day} (the new key was "
                "signed by the old one). Someone who kept the old key may have made this package: ask the "
                "centre to export it again.",
            ),
            fingerprint=item.package.fingerprint,
            centre=record.get("centre") or item.package.centre,
            day=str(record.get("at", ""))[:10],
        ),
    )


def import_packages(ws: Workspace, paths: Sequence[Path]) -> list[ImportedPackage]:
    """Verify each file (size first, then signature, schema and the tables' code lists), follow the
    signed changes of a trusted key, and say whether each package's key is trusted for its centre.

    Refuses (UserError) at the first bad file, and any package signed by a key its centre replaced.
    """
    actor = ws.require_actor(Role.COORDINATRICE)
    if len(paths) > MAX_PACKAGES:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "At most {n} packages go into one network report."),
            field="packages",
            n=MAX_PACKAGES,
        )
    loaded: list[ImportedPackage] = []
    with package.collector_paused():
        for path in paths:
            try:
                if path.stat().st_size > package.MAX_BYTES:  # refused before reading, let alone parsing
                    raise package.PackageError(
                        QT_TRANSLATE_NOOP("Errors", "package is larger than {size} bytes"),
                        size=package.MAX_BYTES,
                    )
                verified = package.load_package(path)
                shapes.check_tables(verified.tables)
            except OSError as exc:
                raise _refused(path, exc.strerror or type(exc).__name__) from exc
            except package.PackageError as exc:
                raise _refused(path, exc) from exc
            loaded.append(ImportedPackage(path, verified, False))
    with ws.transaction() as session:
        store = _trust_store(session)
        for item in loaded:
            _follow_key_changes(session, actor.operator_id, item, store)
        audit.record(session, actor.operator_id, "packages.imported", "centre", 1, {"count": len(loaded)})
    with ws.transaction(write=False) as session:
        for item in loaded:
            _refuse_replaced_key(session, item)
            item.trusted = _trusted_for(store, item.package)
            known = store.get(_b64(item.package.public_key))
            item.trusted_for = known if known is not None and not item.trusted else None
    return loaded


def key_changes(ws: Workspace) -> list[KeyChangeSeen]:
    """Every partner key replaced by a successor it signed, as followed by this network (newest first)."""
    ws.require_actor(Role.COORDINATRICE)
    out: list[KeyChangeSeen] = []
    with ws.transaction(write=False) as session:
        for setting in session.scalars(select(Setting).where(Setting.key.startswith(_SUPERSEDED))):
            try:
                record = json.loads(setting.value)
                old = base64.b64decode(setting.key[len(_SUPERSEDED) :], validate=True)
                new = base64.b64decode(record["new"], validate=True)
                at = datetime.strptime(record["at"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
                out.append(
                    KeyChangeSeen(
                        str(record.get("centre", "")), signing.fingerprint(old), signing.fingerprint(new), at
                    )
                )
            except (ValueError, KeyError, TypeError):
                continue
    return sorted(out, key=lambda c: c.changed_at, reverse=True)


def trust_key(ws: Workspace, item: ImportedPackage) -> None:
    """Record a signing key as trusted for the package's centre, after the coordinator compared its
    fingerprint with the sender. A key belongs to one centre: confirmed for another name (a centre that
    renamed itself), it is trusted for that name from then on, and no longer for the former one."""
    actor = ws.require_actor(Role.COORDINATRICE)
    public = base64.b64encode(item.package.public_key).decode()
    centre = item.package.centre[:200]
    with ws.transaction() as session:
        row = session.scalar(select(TrustedKey).where(TrustedKey.public_key == public))
        if row is None or not _same_name(row.centre, centre):
            details = {"centre": centre} if row is None else {"centre": centre, "was": row.centre}
            if row is None:
                session.add(
                    TrustedKey(
                        public_key=public,
                        fingerprint=item.package.fingerprint,
                        centre=centre,
                        confirmed_by=actor.operator_id,
                    )
                )
            else:
                row.centre, row.confirmed_by, row.confirmed_at = centre, actor.operator_id, utcnow()
            audit.record(
                session,
                actor.operator_id,
                "key.trusted",
                "trusted_key",
                item.package.fingerprint[:40],
                details,
            )
    item.trusted = True
    item.trusted_for = None


def trusted_keys(ws: Workspace) -> list[tuple[str, str, datetime]]:
    ws.require_actor(Role.COORDINATRICE)
    with ws.transaction(write=False) as session:
        return [
            (k.centre, k.fingerprint, k.confirmed_at)
            for k in session.scalars(select(TrustedKey).order_by(TrustedKey.centre))
        ]


def _source_names(packages: Sequence[package.VerifiedPackage]) -> list[str]:
    """Each package's centre as the report names it: two centres of the same name (told apart by their
    keys, `package.sources`) are named with the start of their key's fingerprint, so the list shows two."""
    sources = package.sources(packages)
    by_name: dict[str, set[int]] = {}
    for source, p in zip(sources, packages, strict=True):
        by_name.setdefault(" ".join(p.centre.split()).casefold(), set()).add(source)
    return [
        f"{p.centre} ({p.fingerprint[:9]})"
        if len(by_name[" ".join(p.centre.split()).casefold()]) > 1
        else p.centre
        for p in packages
    ]


def network_report(
    ws: Workspace,
    items: Sequence[ImportedPackage],
    out: str | Path | IO[bytes],
    lang: str = "it",
) -> ReportData:
    """Merge trusted packages of one period, protect the merged tables again and print the network report."""
    actor = ws.require_actor(Role.COORDINATRICE)
    lang = language_code(lang)
    if not items:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Choose at least one package."), field="packages")
    if len(items) > MAX_PACKAGES:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "At most {n} packages go into one network report."),
            field="packages",
            n=MAX_PACKAGES,
        )
    with ws.transaction(write=False) as session:
        store = _trust_store(session)  # the store decides, not the items' flags
        untrusted = [i for i in items if not _trusted_for(store, i.package)]
        if untrusted:
            raise UserError(
                QT_TRANSLATE_NOOP(
                    "Errors", "The signing key of {centre} is not trusted yet (fingerprint {fingerprint})."
                ),
                centre=untrusted[0].package.centre,
                fingerprint=untrusted[0].package.fingerprint,
            )
        for item in items:  # a key replaced since this package was imported (another package said so)
            _refuse_replaced_key(session, item)
    packages = [i.package for i in items]
    try:
        with package.collector_paused():
            merged = package.merge_packages(packages)
    except package.PackageError as exc:
        raise UserError(
            QT_TRANSLATE_NOOP("Errors", "The packages cannot be merged: {reason}"), reason=exc
        ) from exc
    over_time = package.mixes_periods(packages)  # then only what adds up over time is merged
    omitted = tuple(dict.fromkeys(t.id for p in packages for t in p.tables if package.over_time(t) is None))
    partial = tuple(
        dict.fromkeys(t.id for p in packages for t in p.tables if package.over_time(t) not in (None, t))
    )
    k = max([disclosure_threshold(ws), *(int(p.disclosure.get("threshold", 0)) for p in packages)])
    period = named_period(min(p.period_start for p in packages), max(p.period_end for p in packages))
    names = _source_names(packages)
    desks = sorted({f"{names[i]} – {d}" for i, p in enumerate(packages) for d in p.desks})
    rule = disclosure.rule(k)
    data = ReportData(
        ", ".join(sorted(set(names))),
        [],
        desks,
        period,
        lang,
        list[AggregateTable](merged),
        dict(rule),
        sum(_hidden(t) for t in merged),
        omitted=omitted if over_time else (),
    )
    texts = TEXTS[lang]
    note = texts["network_method"]
    if data.omitted:
        note += texts["network_omitted"].replace(
            "{tables}", ", ".join(indicators.title(t, lang) for t in data.omitted)
        )
    if over_time and partial:
        note += texts["network_partial"].replace(
            "{tables}", ", ".join(indicators.title(t, lang) for t in partial)
        )
    _write(out, render(document(data, title=texts["network_title"], extra_method=note)))
    with ws.transaction() as session:
        _note_audit_heads(session, actor.operator_id, items)
        _note_release_logs(session, actor.operator_id, items)
        audit.record(
            session,
            actor.operator_id,
            "network_report.printed",
            "centre",
            1,
            {"packages": len(items), "period": period.code},
        )
    return data
