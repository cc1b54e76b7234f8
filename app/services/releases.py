"""Releases: the only way anything leaves the PC, and only as protected aggregates.

A **release** (a report PDF, a signed package or a profile export) covers a calendar period only, needs
at least `MIN_RELEASE_WOMEN` women in its flow table, and is one unit of work (`release`): checked
against every earlier release (the lattice of `Scope`s), recorded with its bytes, written out, then
logged beside the database (app.services.release_log) before the database commits. The first release
of a period and desk set is frozen: asking again serves the same bytes, so a correction, a late entry or
a withdrawn consent never yields a second version to subtract. The data released are prepared by
`app.services.reports`; `document` lays them out for print.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, NoReturn

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import __version__
from app.crypto import signing
from app.fs import atomic_write_bytes
from app.i18n import QT_TRANSLATE_NOOP, current_language, day_text, language_code, translate_in
from app.models.accounts import Centre, HelpDesk, Role
from app.models.reports import ExportRecord
from app.reports import package, pdf
from app.reports.periods import Period, named_period
from app.reports.texts import REPORT_TEXTS as TEXTS
from app.reports.texts import SECTION_TITLES
from app.services import audit, outbox, partials, release_log, signing_keys, structure
from app.services.desks import desk_ids_by_name, folded
from app.services.errors import UserError
from app.services.validation import decode_codes, encode_codes, today
from app.services.workspace import Workspace

if TYPE_CHECKING:  # prepared by app.services.reports, which serves a frozen release from here
    from app.services.reports import ReportData

RELEASE_KINDS = frozenset({"month", "quarter", "semester", "year"})
RELEASES = "Releases"
"""Translation context of the release plan's sentences."""
MIN_RELEASE_WOMEN = 10
"""A release needs at least this many women in its flow table (DOMAIN.md, disclosure control)."""


@dataclass(frozen=True)
class ExportResult:
    package_path: Path
    preview_path: Path
    fingerprint: str
    released_at: datetime | None = None
    first_time: bool = True


# --- the printed report -------------------------------------------------------------------------------------
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


def render(doc: pdf.ReportDocument) -> bytes:
    buffer = io.BytesIO()
    pdf.render_report(doc, buffer)
    return buffer.getvalue()


# --- the release log and the lattice of desk sets -----------------------------------------------------------
def merge_log(ws: Workspace, session: Session) -> None:
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
    """The desk set prepared data cover, as a release of them would."""
    return Scope(frozenset(data.desk_ids), data.whole_centre)


def _recorded_desks(data: ReportData) -> str:
    """The desk set as a release record stores it: empty for the whole centre (see `Scope`)."""
    return "" if data.whole_centre else encode_codes(str(i) for i in sorted(data.desk_ids))


def _named_as_released(session: Session, stated: dict[str, Any], released: Sequence[str]) -> dict[str, Any]:
    """A structure statement whose desks carry the names a release was made under (a desk renamed since
    keeps its old name there, as in the release's figures): matched through app.services.desks."""
    known = desk_ids_by_name(session)
    old = {known[folded(n)]: n for n in released if folded(n) in known}
    now = {d: name for d, name in session.execute(select(HelpDesk.id, HelpDesk.name))}
    renamed = {now[d]: name for d, name in old.items() if d in now and now[d] != name}
    if not renamed:
        return stated
    desks = [{**d, "name": renamed.get(d["name"], d["name"])} for d in stated["desks"]]
    return {**stated, "desks": desks}


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


def frozen_release(session: Session, data: ReportData, desks: _Desks | None = None) -> ExportRecord | None:
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
        if frozen_release(session, data, book) is not None:
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
    items = list(prepared) if isinstance(prepared, Sequence) else [prepared]
    with ws.transaction() as session:
        merge_log(ws, session)
        return _plan(session, items)


def check_release(ws: Workspace, data: ReportData) -> None:
    """Raise the refusal a release would meet, before the user picks a file (a frozen one always passes)."""
    release_plan(ws, data).check()


# --- releasing ----------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Release:
    """The bytes that leave, as frozen at the first release of a period and desk set."""

    package: bytes
    pdf: bytes
    fingerprint: str
    released_at: datetime
    first_time: bool


def release(ws: Workspace, data: ReportData, outputs: Callable[[Release], list[Path]]) -> Release:
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
            merge_log(ws, session)
            private = session.get_one(Centre, 1).signing_key
            history = signing_keys.package_history(session)
            fingerprint = signing.fingerprint(signing.public_key_of(private))
            frozen = frozen_release(session, data)
            stated = structure.statement(session, data.period.end, data.desk_ids)
            if frozen is not None and frozen.package is not None and frozen.pdf is not None:
                served = frozen.package
                before = package.load_package(served)
                stated = _named_as_released(session, stated, before.desks)
                restated = before.structure != stated
                if restated or before.public_key != signing.public_key_of(private):
                    # signed by a key replaced since (a revocation), or the structure was entered or
                    # corrected since: same figures, current structure and signature
                    served = package.resign(served, private, history, stated)
                made = Release(served, frozen.pdf, fingerprint, frozen.created_at, False)
                written = outputs(made)
                audit.record(
                    session, actor.operator_id, "release.served_again", "centre", 1,
                    {"period": data.period.code, "desks": data.desk_ids, "digest": frozen.digest[:16],
                     "structure_updated": restated},
                )  # fmt: skip
                return made
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
            made = Release(built, preview, fingerprint, record.created_at, True)
            written = outputs(made)  # first: a file that cannot be written must not leave a log line
            release_log.append(ws.folder, record, built, preview, private)
            logged = True
            audit.record(
                session, actor.operator_id, "release.made", "centre", 1,
                {"period": data.period.code, "desks": data.desk_ids, "digest": record.digest[:16]},
            )  # fmt: skip
            outbox.queue_release(session, period=data.period.code, package=built, pdf=preview)
            return made
    except BaseException:
        for path in written:
            path.unlink(missing_ok=True)
        if record is not None and not logged:  # a logged release is frozen: keep its copies to serve
            release_log.remove_files(ws.folder, record)
        raise


def write_report(ws: Workspace, data: ReportData, out: str | Path | IO[bytes]) -> Release:
    """Print the protected report (the release's PDF) to a file or stream chosen by the user."""

    def outputs(release: Release) -> list[Path]:
        write_output(out, release.pdf)
        return [Path(out)] if isinstance(out, str | Path) else []

    return release(ws, data, outputs)


def write_output(out: str | Path | IO[bytes], payload: bytes) -> None:
    """Write what a release gives out to the file chosen (atomically) or to a stream; a file that cannot
    be written is a UserError naming it (the caller's `outputs` then fails, and nothing is released)."""
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
        write_output(out, release.package)
        try:
            write_output(preview, release.pdf)
        except BaseException:
            out.unlink(missing_ok=True)  # no package left behind without its preview and record
            raise
        return [out, preview]

    made = release(ws, data, outputs)
    return ExportResult(out, preview, made.fingerprint, made.released_at, made.first_time)


def own_fingerprint(ws: Workspace) -> str:
    """The fingerprint of the key that signs this centre's releases, for partners to compare."""
    ws.require_actor()
    with ws.transaction(write=False) as session:
        return signing.fingerprint(signing.public_key_of(session.get_one(Centre, 1).signing_key))
