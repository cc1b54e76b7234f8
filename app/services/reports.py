"""Reports and exports: the only way anything leaves the PC, and only as protected aggregates.

`prepare` computes the indicators in SQL and applies disclosure control; what it returns is what the
preview shows, what the PDF prints and what the signed package carries, so the three never differ.
Every PDF or package written is recorded; the same period is never released for two overlapping but
different sets of help desks (one could be subtracted from the other). Network coordinators import
signed packages, confirm each new signing key's fingerprint once, merge, and print the network report.
"""

from __future__ import annotations

import base64
import hashlib
import io
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import IO, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import __version__
from app.crypto import signing
from app.crypto.atomic import atomic_write_bytes
from app.i18n import QT_TRANSLATE_NOOP
from app.models.accounts import Centre, HelpDesk, Role, Setting
from app.models.reports import ExportRecord, TrustedKey
from app.reports import disclosure, indicators, package, pdf
from app.reports.periods import Period, named_period
from app.reports.tables import AggregateTable
from app.services import audit
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
)
SECTION_TITLES = {
    "it": {
        "flow": "Flusso delle donne e contatti",
        "age": "Età",
        "citizenship": "Cittadinanza",
        "social": "Condizione sociale e familiare",
        "violence": "Forme e durata della violenza",
        "relationship": "Relazione con l'autore della violenza",
        "access": "Canali di accesso",
        "protection": "Denunce, misure di protezione e rischio",
        "services": "Prestazioni erogate",
        "referrals": "Invii alla rete e accoglienza in protezione",
    },
    "en": {
        "flow": "Flow of women and contacts",
        "age": "Age",
        "citizenship": "Citizenship",
        "social": "Social and family situation",
        "violence": "Forms and duration of the violence",
        "relationship": "Relationship with the perpetrator",
        "access": "Access channels",
        "protection": "Reports, protective measures and risk",
        "services": "Services delivered",
        "referrals": "Referrals to the network and protected accommodation",
    },
}
TEXTS = {
    "it": {
        "title": "Relazione sull'attività del centro antiviolenza",
        "network_title": "Relazione della rete antiviolenza",
        "method": (
            "Le tabelle sono calcolate dall'archivio cifrato del centro e contengono solo dati aggregati. "
            "Ogni cella, totale o valore di intensità (ore, prestazioni, invii) che si basa su meno di {k} "
            "donne distinte è soppresso (soppressione primaria); altre celle sono soppresse quando servono "
            "a impedire di ricavare un valore soppresso dai totali (soppressione secondaria, verificata con "
            "programmazione lineare: nessun valore soppresso è ricostruibile con un'approssimazione migliore "
            "di {k}). Le tabelle a risposta multipla contano donne e non si sommano. Regola {method}, "
            "versione {version}."
        ),
        "network_method": (
            " I valori marcati ≥ sono somme parziali: in almeno uno dei pacchetti ricevuti il valore era "
            "soppresso. Le tabelle unite sono state sottoposte di nuovo al controllo della divulgazione."
        ),
        "footer": "Dati aggregati e anonimizzati. Documento a uso della rete antiviolenza e degli enti finanziatori.",
    },
    "en": {
        "title": "Activity report of the anti-violence centre",
        "network_title": "Anti-violence network report",
        "method": (
            "The tables are computed from the centre's encrypted database and contain aggregates only. Every "
            "cell, total or intensity value (hours, services, referrals) based on fewer than {k} distinct "
            "women is suppressed (primary suppression); further cells are suppressed where needed so that no "
            "suppressed value can be derived from the totals (secondary suppression, checked by linear "
            "programming: no suppressed value can be narrowed to better than {k}). Multiple-response tables "
            "count women and do not add up. Rule {method}, version {version}."
        ),
        "network_method": (
            " Values marked ≥ are partial sums: at least one of the packages received had the value "
            "suppressed. The merged tables passed disclosure control again."
        ),
        "footer": "Aggregated, anonymised data. For the anti-violence network and funders.",
    },
}


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
    suppressed_primary: int
    suppressed_secondary: int


@dataclass(frozen=True)
class ExportResult:
    package_path: Path
    preview_path: Path
    fingerprint: str


@dataclass
class ImportedPackage:
    path: Path
    package: package.VerifiedPackage
    trusted: bool
    problems: list[str] = field(default_factory=list)


def _lang(lang: str) -> str:
    return "en" if lang.lower().startswith("en") else "it"


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
    """Compute and protect every indicator for the period and help desks (None = all desks)."""
    actor = ws.require_actor(Role.COORDINATRICE)
    if period.start > today():
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "The period {period} has not begun yet."), field="period", period=period.code
        )
    lang = _lang(lang)
    k = disclosure_threshold(ws)
    with ws.parallel_reads(INDICATOR_LANES) as sessions:
        centre = sessions[0].get_one(Centre, 1)
        desks = _desks(sessions[0], desk_ids)
        # every desk: no desk filter at all (the same rows, and the planner keeps its best plans)
        desk_filter = None if desk_ids is None else [d.id for d in desks]
        tables = indicators.compute_indicators(sessions, period, desk_filter, lang)
    result = disclosure.protect(tables, k)
    with ws.transaction() as session:
        audit.record(
            session,
            actor.operator_id,
            "report.computed",
            "centre",
            1,
            {"period": period.code, "desks": [d.id for d in desks]},
        )
    return ReportData(
        centre.name,
        [d.id for d in desks],
        [d.name for d in desks],
        period,
        lang,
        result.tables,
        dict(result.rule),
        result.primary_count,
        result.secondary_count,
    )


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
        method_note=texts["method"].format(k=k, method=data.rule["method"], version=data.rule["rule_version"])
        + extra_method,
        sections=sections,
        lang=data.lang,
        footer_note=texts["footer"],
    )


# --- releasing ------------------------------------------------------------------------------------------------
def _check_release(session: Session, data: ReportData) -> None:
    """Refuse a release that overlaps an earlier one in time with a different but overlapping desk set."""
    mine = set(data.desk_ids)
    earlier = session.scalars(
        select(ExportRecord).where(
            ExportRecord.period_start <= data.period.end, ExportRecord.period_end >= data.period.start
        )
    )
    for record in earlier:
        theirs = {int(x) for x in decode_codes(record.desk_ids)}
        if theirs != mine and theirs & mine:
            raise UserError(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "Aggregates overlapping this period were already released on {day} for a different set of "
                    "help desks. Releasing both would let one be subtracted from the other: choose the same "
                    "help desks as then, or help desks with no overlap.",
                ),
                day=record.created_at.date().isoformat(),
            )


def _record_release(ws: Workspace, data: ReportData, kind: str, digest: str) -> None:
    actor = ws.require_actor(Role.COORDINATRICE)
    with ws.transaction() as session:
        _check_release(session, data)
        session.add(
            ExportRecord(
                kind=kind,
                period_start=data.period.start,
                period_end=data.period.end,
                desk_ids=encode_codes(str(i) for i in sorted(data.desk_ids)),
                threshold=int(data.rule["threshold"]),
                rule_version=str(data.rule["rule_version"]),
                digest=digest,
                operator_id=actor.operator_id,
            )
        )
        audit.record(
            session,
            actor.operator_id,
            f"{kind}.exported",
            "centre",
            1,
            {"period": data.period.code, "desks": data.desk_ids, "digest": digest[:16]},
        )


def check_release(ws: Workspace, data: ReportData) -> None:
    """Raise the same refusal `write_report`/`export` would, before the user picks a file."""
    ws.require_actor(Role.COORDINATRICE)
    with ws.transaction(write=False) as session:
        _check_release(session, data)


def write_report(ws: Workspace, data: ReportData, out: str | Path | IO[bytes]) -> None:
    """Print the protected report to a PDF file or stream chosen by the user."""
    check_release(ws, data)
    payload = render(document(data))
    _write(out, payload)
    _record_release(ws, data, "report", hashlib.sha256(payload).hexdigest())


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
    check_release(ws, data)
    with ws.transaction(write=False) as session:
        private = session.get_one(Centre, 1).signing_key
    built = package.build_package(
        data.tables,
        centre=data.centre,
        desks=data.desk_names,
        period_start=data.period.start,
        period_end=data.period.end,
        disclosure=dict(data.rule),
        software=f"Ascolto {__version__}",
        signing_key=private,
        generated_at=datetime.now(UTC).replace(microsecond=0),
    )
    out = out if out.suffix == ".json" else out.with_suffix(".json")
    preview = out.with_suffix(".pdf")
    _write(out, package.package_bytes(built))
    _write(preview, render(document(data)))
    digest = hashlib.sha256(package.package_bytes(built)).hexdigest()
    _record_release(ws, data, "package", digest)
    return ExportResult(out, preview, signing.fingerprint(signing.public_key_of(private)))


def own_fingerprint(ws: Workspace) -> str:
    ws.require_actor()
    with ws.transaction(write=False) as session:
        return signing.fingerprint(signing.public_key_of(session.get_one(Centre, 1).signing_key))


# --- the network ------------------------------------------------------------------------------------------------
def import_packages(ws: Workspace, paths: Sequence[Path]) -> list[ImportedPackage]:
    """Verify each file (signature, schema, size) and say whether its signing key is trusted yet."""
    actor = ws.require_actor(Role.COORDINATRICE)
    loaded: list[ImportedPackage] = []
    for path in paths:
        try:
            verified = package.load_package(path)
        except package.PackageError as exc:
            raise UserError(
                QT_TRANSLATE_NOOP("Errors", "The package {name} was refused: {reason}"),
                name=path.name,
                reason=str(exc),
            ) from exc
        loaded.append(ImportedPackage(path, verified, False))
    with ws.transaction() as session:
        trusted = {k.public_key for k in session.scalars(select(TrustedKey))}
        for item in loaded:
            item.trusted = base64.b64encode(item.package.public_key).decode() in trusted
        audit.record(session, actor.operator_id, "packages.imported", "centre", 1, {"count": len(loaded)})
    return loaded


def trust_key(ws: Workspace, item: ImportedPackage) -> None:
    """Record a signing key as trusted after the coordinator compared its fingerprint with the sender."""
    actor = ws.require_actor(Role.COORDINATRICE)
    public = base64.b64encode(item.package.public_key).decode()
    with ws.transaction() as session:
        if session.scalar(select(TrustedKey).where(TrustedKey.public_key == public)) is None:
            session.add(
                TrustedKey(
                    public_key=public,
                    fingerprint=item.package.fingerprint,
                    centre=item.package.centre[:200],
                    confirmed_by=actor.operator_id,
                )
            )
            audit.record(
                session, actor.operator_id, "key.trusted", "trusted_key", item.package.fingerprint[:40]
            )
    item.trusted = True


def trusted_keys(ws: Workspace) -> list[tuple[str, str, datetime]]:
    ws.require_actor(Role.COORDINATRICE)
    with ws.transaction(write=False) as session:
        return [
            (k.centre, k.fingerprint, k.confirmed_at)
            for k in session.scalars(select(TrustedKey).order_by(TrustedKey.centre))
        ]


def network_report(
    ws: Workspace,
    items: Sequence[ImportedPackage],
    out: str | Path | IO[bytes],
    lang: str = "it",
    progress: Callable[[int, int], None] | None = None,
) -> ReportData:
    """Merge trusted packages of one period, protect the merged tables again and print the network report."""
    actor = ws.require_actor(Role.COORDINATRICE)
    lang = _lang(lang)
    untrusted = [i for i in items if not i.trusted]
    if untrusted:
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Errors", "The signing key of {centre} is not trusted yet (fingerprint {fingerprint})."
            ),
            centre=untrusted[0].package.centre,
            fingerprint=untrusted[0].package.fingerprint,
        )
    if not items:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Choose at least one package."), field="packages")
    packages = [i.package for i in items]
    try:
        merged = package.merge_packages(packages)
    except package.PackageError as exc:
        raise UserError(
            QT_TRANSLATE_NOOP("Errors", "The packages cannot be merged: {reason}"), reason=str(exc)
        ) from exc
    k = max([disclosure_threshold(ws), *(int(p.disclosure.get("threshold", 0)) for p in packages)])
    protected = disclosure.protect(list(merged), k)
    period = named_period(min(p.period_start for p in packages), max(p.period_end for p in packages))
    desks = sorted(
        {f"{p.centre} – {d}" if len(p.desks) else p.centre for p in packages for d in (p.desks or [""])}
    )
    data = ReportData(
        ", ".join(sorted({p.centre for p in packages})),
        [],
        desks,
        period,
        lang,
        protected.tables,
        dict(protected.rule),
        protected.primary_count,
        protected.secondary_count,
    )
    texts = TEXTS[lang]
    _write(out, render(document(data, title=texts["network_title"], extra_method=texts["network_method"])))
    with ws.transaction() as session:
        audit.record(
            session,
            actor.operator_id,
            "network_report.printed",
            "centre",
            1,
            {"packages": len(items), "period": period.code},
        )
    return data
