"""Profile exports (ISTAT, Regione Lombardia, funders) and the data-quality check before a release.

A profile export is a **release**: it goes through `releases.release` like the signed package and the
report PDF (calendar periods only, ended periods only, at least ten women, frozen once made), and its
values are read back from the bytes of the signed package of that release, then laid out by the profile
(`app.reports.profiles`). So every format carries exactly the protected values of the package, the PDF
preview written beside it prints the same, and asking again serves the same figures.

The data-quality check (`quality`) is for the coordinator before a release: for each variable of the
chosen profile, the share of "not available" or missing answers, and the cases whose records hold an
impossible or suspicious combination, to be corrected through the case list. The shares are computed on
the **protected** counts of the release (published "not available" over published total, whole per
cent): they tell nothing the package does not, so they may be shown, printed and recorded freely.
"""

from __future__ import annotations

import hashlib
import io
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy import and_, func, or_, select

from app.i18n import QT_TRANSLATE_NOOP
from app.models.accounts import Role
from app.models.cases import Case, Intake, ServiceDelivery
from app.reports import package, pdf, profile_files, profiles, stated
from app.reports.periods import Period
from app.reports.tables import AggregateTable, is_stated
from app.reports.texts import REPORT_TEXTS
from app.services import audit, releases, reports, structure
from app.services.errors import UserError, ValidationError
from app.services.workspace import Workspace

ND = "ND"
YOUNG_AGE = 18
"""A woman under this age with `MANY_CHILDREN` or more children is flagged for a check."""
MANY_CHILDREN = 3


@dataclass(frozen=True)
class ProfileExportResult:
    path: Path
    preview_path: Path
    export: profile_files.ProfileExport
    first_time: bool


def load_profile(name_or_path: str | Path) -> profiles.Profile:
    """A shipped profile by id or a profile file, refused with the file, line and key when invalid."""
    try:
        return profiles.load(name_or_path)
    except profiles.ProfileError as exc:
        raise UserError(
            QT_TRANSLATE_NOOP("Errors", "The export profile was refused: {reason}"), reason=exc
        ) from exc


SHIPPED_ORDER = ("istat-utenza", "istat-centri", "lombardia", "finanziatore")


def available_profiles() -> list[tuple[str, str]]:
    """The shipped profiles that load, as (id, title): ISTAT first, then the Region, funders, others."""
    out = []
    order = {name: i for i, name in enumerate(SHIPPED_ORDER)}
    for name in sorted(profiles.available(), key=lambda n: (order.get(n, len(order)), n)):
        try:
            out.append((name, profiles.load(name).title))
        except profiles.ProfileError:
            continue  # a broken file is refused where it is named (command line), not listed
    return out


def _check_profile_period(profile: profiles.Profile, period: Period) -> None:
    if period.kind not in profile.periods:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "The profile {profile} is made for these periods: {kinds}."),
            field="period",
            profile=profile.id,
            kinds=", ".join(profile.periods),
        )


def _prepare(
    ws: Workspace, profile: profiles.Profile, period: Period, desk_ids: Sequence[int] | None, lang: str
) -> list[reports.ReportData]:
    """The report data of a profile: one for the desk set, or one per desk (computed together) by desk."""
    if not profile.by_desk:
        return [reports.prepare(ws, period, None if desk_ids is None else list(desk_ids), lang)]
    if desk_ids is None:
        from app.services import accounts

        desk_ids = [d.id for d in accounts.list_help_desks(ws)]
    return reports.prepare_by_desk(ws, period, desk_ids, lang)


def release_plan(
    ws: Workspace, profile: profiles.Profile, period: Period, desk_ids: Sequence[int] | None, lang: str = "it"
) -> releases.ReleasePlan:
    """What `export_profile` would release (one desk set, or each desk for a profile by desk), or why it
    is refused: shown before any file is chosen, so that a refusal never follows the file dialog."""
    ws.require_actor(Role.COORDINATRICE)
    try:
        _check_profile_period(profile, period)
        return releases.release_plan(ws, _prepare(ws, profile, period, desk_ids, lang))
    except UserError as exc:  # a period the profile does not take, or not begun: nothing to add
        return releases.ReleasePlan(period, refusal=exc)


def export_profile(
    ws: Workspace,
    profile: profiles.Profile,
    period: Period,
    desk_ids: Sequence[int] | None,
    fmt: str,
    out: Path,
    lang: str = "it",
    quality_acknowledged: bool | None = None,
    layout: str = "printed",
    on_plan: Callable[[releases.ReleasePlan], None] | None = None,
) -> ProfileExportResult:
    """Release the period (or serve its frozen release) and write it laid out by `profile` in `fmt`,
    `layout` "printed" (for people) or "long" (one row per value, for software; not for JSON).

    Beside `out` go `<out>.pdf`, the preview of exactly the same values, and the signed package of each
    release it lays out (`<out>-package….json`), whose SHA-256 the file lists: the receiver can verify
    what she got. A profile laid out by desk makes (or serves) one release per desk; the desks released
    before a failure stay released. `quality_acknowledged` (the coordinator saw the data-quality findings
    and went ahead) goes on record. `on_plan` is told the release plan before anything is written (the
    command line prints it).
    """
    actor = ws.require_actor(Role.COORDINATRICE)
    if fmt not in profile_files.FORMATS:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "Unknown format {format}: choose xlsx, csv or json."),
            field="format",
            format=fmt,
        )
    if layout not in profile_files.LAYOUTS:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "Unknown layout {layout}: choose printed or long."),
            field="layout",
            layout=layout,
        )
    _check_profile_period(profile, period)
    out = out if out.suffix == f".{fmt}" else out.with_name(out.name + f".{fmt}")
    preview = out.with_suffix(".pdf")
    prepared = _prepare(ws, profile, period, desk_ids, lang)
    beside = package_paths(out, [d.desk_names for d in prepared])
    plan = releases.release_plan(ws, prepared)
    if on_plan is not None:
        on_plan(plan)
    plan.check()
    released: list[releases.Release] = []
    holder: list[profile_files.ProfileExport] = []

    def keep(release: releases.Release) -> list[Path]:
        released.append(release)
        return []

    def write(release: releases.Release) -> list[Path]:
        released.append(release)
        export = build_export(profile, prepared, released, beside)
        holder.append(export)
        written: list[Path] = []
        try:
            for path, payload in [
                (out, profile_files.render(export, fmt, layout)),
                (preview, releases.render(preview_document(export))),
                *((p, r.package) for p, r in zip(beside, released, strict=True)),
            ]:
                releases.write_output(path, payload)
                written.append(path)
        except BaseException:
            for path in written:
                path.unlink(missing_ok=True)
            raise
        return written

    for index, data in enumerate(prepared):
        releases.release(ws, data, write if index == len(prepared) - 1 else keep)
    with ws.transaction() as session:
        audit.record(
            session, actor.operator_id, "profile.exported", "centre", 1,
            {"profile": profile.id, "version": profile.version, "format": fmt, "layout": layout, "period": period.code,
             "desks": [d for p in prepared for d in p.desk_ids], "quality_acknowledged": quality_acknowledged},
        )  # fmt: skip
    return ProfileExportResult(out, preview, holder[0], released[-1].first_time)


def package_paths(out: Path, desk_sets: Sequence[Sequence[str]]) -> list[Path]:
    """Where the signed package of each release goes, beside the export: `<stem>-package.json`, or one
    per desk named after it (`finanziatore-2025-package-bergamo.json`) for a profile laid out by desk."""
    if len(desk_sets) == 1:
        return [out.with_name(f"{out.stem}-package.json")]
    paths: list[Path] = []
    for n, names in enumerate(desk_sets, start=1):
        slug = re.sub(r"[^a-z0-9]+", "-", "-".join(names).casefold()).strip("-")[:40] or f"{n}"
        path = out.with_name(f"{out.stem}-package-{slug}.json")
        paths.append(path if path not in paths else out.with_name(f"{out.stem}-package-{slug}-{n}.json"))
    return paths


def build_export(
    profile: profiles.Profile,
    prepared: Sequence[reports.ReportData],
    released: Sequence[releases.Release],
    package_files: Sequence[Path] = (),
) -> profile_files.ProfileExport:
    """The profile laid over the signed packages of the releases (their bytes, verified again)."""
    packages = [package.load_package(r.package) for r in released]
    first = prepared[0]
    laid = [
        profiles.apply(profile, [*p.tables, *stated.tables(p.structure, p.desks, first.lang)])
        for p in packages
    ]
    if profile.by_desk:
        tables = profiles.by_desk([n for d in prepared for n in d.desk_names], laid)
        desks = [n for d in prepared for n in d.desk_names]
    else:
        tables, desks = laid[0], first.desk_names
    rule = dict(packages[0].disclosure)
    return profile_files.ProfileExport(
        profile=profile,
        centre=first.centre,
        desks=desks,
        period_code=first.period.code,
        period_label=first.period.label(first.lang),
        period_start=first.period.start,
        period_end=first.period.end,
        threshold=int(rule["threshold"]),
        rule=rule,
        method_note=releases.document(first).method_note,
        tables=tables,
        packages=[
            profile_files.PackageFile(
                hashlib.sha256(r.package).hexdigest(),
                package_files[i].name if package_files else "",
                list(prepared[i].desk_names),
            )
            for i, r in enumerate(released)
        ],
        lang=first.lang,
        structure_on=first.period.end.isoformat(),
    )


def preview_document(export: profile_files.ProfileExport) -> pdf.ReportDocument:
    """The PDF of exactly the exported values (hidden `<k`, lower bounds `≥ n`, as in every format)."""
    note = export.method_note
    if any(is_stated(t.unit) for t in export.tables):
        note += " " + stated.note(export.structure_on, export.lang)
    if export.profile.pending:
        missing = "; ".join(p.title for p in export.profile.pending)
        note += (" Not yet produced: " if export.lang == "en" else " Non ancora prodotte: ") + missing + "."
    return pdf.ReportDocument(
        title=export.profile.title,
        centre=export.centre,
        desks=export.desks,
        period_label=export.period_label,
        period_start=export.period_start,
        period_end=export.period_end,
        generated_on=date.today(),
        threshold=export.threshold,
        method_note=note,
        sections=[pdf.ReportSection(export.profile.target, list(export.tables), None)],
        lang=export.lang,
        footer_note=REPORT_TEXTS[export.lang]["footer"],
    )


def preview_pdf(export: profile_files.ProfileExport) -> bytes:
    buffer = io.BytesIO()
    pdf.render_report(preview_document(export), buffer)
    return buffer.getvalue()


# --- data quality -----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class MissingRate:
    """The share of "not available" or missing answers of one variable, from protected counts.

    `percent` is a whole per cent; None when the "not available" count is hidden (`<k`), then
    `below_percent` bounds it from above (k over the total). `total` None: the table is hidden.
    """

    table: str
    source: str
    title: str
    percent: int | None
    below_percent: int | None = None


@dataclass(frozen=True)
class Finding:
    """One kind of impossible or suspicious combination, and the cases (codes) that hold it."""

    check: str
    case_codes: tuple[str, ...]


@dataclass(frozen=True)
class QualityReport:
    profile: str
    period: Period
    rates: list[MissingRate]
    findings: list[Finding] = field(default_factory=list)

    @property
    def case_codes(self) -> list[str]:
        """Every case concerned by some finding, once, sorted."""
        return sorted({c for f in self.findings for c in f.case_codes})

    @property
    def clean(self) -> bool:
        return not self.findings


CHECKS: dict[str, str] = {
    "closed_before_opened": QT_TRANSLATE_NOOP("Quality", "Closure dated before the opening"),
    "young_many_children": QT_TRANSLATE_NOOP("Quality", "Under 18 with three or more children"),
    "services_after_closure": QT_TRANSLATE_NOOP("Quality", "Services dated after the closure"),
    "intake_without_violence": QT_TRANSLATE_NOOP("Quality", "Intake with no form of violence"),
}
"""The checks, in the order shown, with their titles (context "Quality")."""


def missing_rates(
    profile: profiles.Profile,
    tables: Sequence[AggregateTable],
    k: int,
    stated_tables: Sequence[AggregateTable] = (),
) -> list[MissingRate]:
    """For each table of the profile whose source has a "not available" row, its share of the total:
    the rates the signed package records (`package.missing_rates`, on published values only); for the
    centre's stated structure, the share not entered in Administration."""
    recorded = package.missing_rates(tables, k)
    for table in stated_tables:
        recorded[table.id] = {"percent": stated.not_entered_percent(table)}
    out = []
    for spec in profile.tables:
        rate = recorded.get(spec.source)
        if rate is not None:
            out.append(
                MissingRate(spec.id, spec.source, spec.title, rate.get("percent"), rate.get("below_percent"))
            )
    return out


def quality(
    ws: Workspace, profile: profiles.Profile, period: Period, desk_ids: Sequence[int] | None = None
) -> QualityReport:
    """The data-quality check of a period for a profile (coordinators; every desk unless chosen)."""
    ws.require_actor(Role.COORDINATRICE)
    data = reports.prepare(ws, period, desk_ids)
    k = int(data.rule["threshold"])
    with ws.transaction(write=False) as session:
        statement = structure.statement(session, period.end, data.desk_ids)
        rates = missing_rates(profile, data.tables, k, stated.tables(statement, data.desk_names, data.lang))
        in_scope = and_(
            Case.opened_on <= period.end,
            or_(Case.closed_on.is_(None), Case.closed_on >= period.start, Case.closed_on < Case.opened_on),
            *([Case.help_desk_id.in_(list(desk_ids))] if desk_ids is not None else []),
        )
        year = period.end.year
        queries = {
            "closed_before_opened": select(Case.code).where(in_scope, Case.closed_on < Case.opened_on),
            "young_many_children": select(Case.code).where(
                in_scope,
                Case.birth_year.is_not(None),
                Case.birth_year > year - YOUNG_AGE,
                func.coalesce(Case.children_count, 0) >= MANY_CHILDREN,
            ),
            "services_after_closure": select(Case.code)
            .join(ServiceDelivery, ServiceDelivery.case_id == Case.id)
            .where(in_scope, Case.closed_on.is_not(None), ServiceDelivery.date > Case.closed_on)
            .distinct(),
            "intake_without_violence": select(Case.code)
            .join(Intake, Intake.case_id == Case.id)
            .where(in_scope, Intake.date <= period.end, Intake.violence_forms == "")
            .distinct(),
        }
        findings = []
        for check, query in queries.items():
            codes = tuple(sorted(session.scalars(query)))
            if codes:
                findings.append(Finding(check, codes))
    return QualityReport(profile.id, period, rates, findings)
