"""Realistic synthetic data for training and benchmarks, seeded and deterministic.

Distributions follow the shape of published ISTAT and Regione Lombardia figures for CAV users
(rounded): about 3 women in 4 are hurt by a partner or ex-partner, about 7 in 10 are Italian, most are
30-49 years old, two in three have children, psychological and physical violence dominate, and a woman
in charge receives 6 to 10 services a year. Each woman has 1 to 4 intake interviews (3 on average) and
4 to 10 listening and reception services before a pathway is agreed; 4 in 5 are then taken in charge for
1 to 3 years (6 to 10 services a year, plus 1 to 3 a year for her minor children), so ten years of
history average about 3 interviews and 20 services per woman. Names are drawn from common Italian names
and are fictitious. Rows are inserted in batches with executemany inside the encrypted database: the services
layer's per-record validation would take hours at benchmark scale, so the generator only ever
produces codes from the code lists (a test checks the result with the validators).
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, cast

from sqlalchemy import Table, func, select, text
from sqlalchemy.orm import Session

from app.demo.appointments import appointment_rows
from app.demo.distributions import (
    AGE_BANDS,
    CHANNELS,
    CLOSINGS,
    CONTACT_MODES,
    COUNTRIES,
    DEMO_DESKS,
    DURATION,
    EDUCATION,
    EMPLOYMENT,
    FIRST_NAMES,
    HELP_SOUGHT,
    LAST_NAMES,
    MARITAL,
    PERP_AGE,
    PERP_CITIZENSHIP,
    PERP_SEX,
    PERP_YES_NO,
    PERPETRATORS,
    POLICE,
    RECEPTION_SERVICES,
    REFERRALS,
    RELATIONSHIPS,
    REPORT_AFTER_FILING,
    REPORT_AFTER_TRIAL,
    RISK,
    RISK_TOOLS,
    SERVICE_MODES,
    SERVICES,
    VIOLENCE_PROBABILITY,
    Weighted,
)
from app.demo.notes import NoteWriter
from app.i18n import QT_TRANSLATE_NOOP
from app.models import codelists
from app.models.accounts import Centre, HelpDesk, Role
from app.models.agenda import Appointment
from app.models.base import Base
from app.models.cases import (
    Case,
    ConsentEvent,
    Contact,
    Identity,
    Intake,
    NameToken,
    Pathway,
    PoliceReportEvent,
    Referral,
    RiskAssessment,
    ServiceDelivery,
)
from app.services import audit, settings
from app.services.cases import name_tokens
from app.services.errors import UserError
from app.services.validation import encode_codes
from app.services.validation import today as v_today
from app.services.workspace import Workspace

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class DemoSummary:
    cases: int
    contacts: int
    intakes: int
    services: int
    referrals: int
    help_desks: int


BATCH = 5000


class RealArchive(UserError):
    """The folder holds cases the demo did not make: synthetic ones would be counted with them."""

    def __init__(self, folder: str, count: int) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Errors",
                "The data folder {folder} holds {count} cases that the demo did not make: it may be a real "
                "archive, and synthetic cases would be counted with them.",
            ),
            folder=folder,
            count=count,
        )
        self.count = count


def generate(
    ws: Workspace,
    *,
    cases: int,
    seed: int,
    years: int = 3,
    today: date | None = None,
    progress: Progress | None = None,
    into_real_archive: bool = False,
) -> DemoSummary:
    """Add `cases` synthetic women (with their whole history) spread over the last `years` years.

    Refuses (RealArchive) a folder holding cases it did not make, unless `into_real_archive`.
    """
    actor = ws.require_actor(Role.AMMINISTRATRICE)
    if not 1 <= cases <= 1_000_000 or not 1 <= years <= 20:
        raise ValueError("cases must be 1..1,000,000 and years 1..20")
    end = today or v_today()
    start = end - timedelta(days=365 * years)
    with ws.transaction() as session:
        _count_made(session, cases, str(ws.folder), into_real_archive)
        desk_ids = _ensure_desks(session)
        builder = _Builder(seed, session, desk_ids, start, end)
        first_case = builder.next_case_id
        done = 0
        for chunk in _chunks(cases, BATCH):
            builder.add_cases(chunk)
            builder.flush()
            done += chunk
            if progress:
                progress(done, cases)
        builder.rows["appointment"] = appointment_rows(
            builder.rng, session, first_case, end, actor.operator_id
        )
        builder.flush()
        summary = DemoSummary(
            cases,
            builder.counts["contact"],
            builder.counts["intake"],
            builder.counts["service_delivery"],
            builder.counts["referral"],
            len(desk_ids),
        )
        audit.record(
            session, actor.operator_id, "demo.generated", "centre", 1, vars(summary) | {"seed": seed}
        )
        # Fresh planner statistics after a bulk load. Not sampled: with analysis_limit the estimates for
        # case_file were wrong enough that the case list sorted all 100k cases for each keystroke.
        session.execute(text("ANALYZE"))
    return summary


def _count_made(session: Session, adding: int, folder: str, into_real_archive: bool) -> None:
    """Refuse a folder with cases the demo did not make (unless told), then count the ones it adds."""
    made = settings.get(session, settings.DEMO_CASES_MADE)
    foreign = (session.scalar(select(func.count()).select_from(_case_table())) or 0) - made
    if foreign > 0 and not into_real_archive:
        raise RealArchive(folder, foreign)
    settings.put(session, settings.DEMO_CASES_MADE, made + adding)


def _chunks(total: int, size: int) -> Iterator[int]:
    while total > 0:
        yield min(size, total)
        total -= size


def _ensure_desks(session: Session) -> list[int]:
    existing = {d.name: d.id for d in session.scalars(select(HelpDesk))}
    for name, town in DEMO_DESKS:
        if len(existing) >= len(DEMO_DESKS):
            break
        if name not in existing:
            desk = HelpDesk(name=name, town=town, opening_hours="lun 9-13, gio 14-18")
            session.add(desk)
            session.flush()
            existing[name] = desk.id
    return sorted(existing.values())


def next_review(case_id: int, taken: date, end: date) -> date:
    """A pathway in progress is reviewed from five weeks before `end` (overdue: about one in four) to three
    months after, never before it was agreed. Drawn from the case id, not the generator's stream, so every
    other value of a seeded run is unchanged."""
    offset = (case_id * 37) % 136 - 35
    return max(end + timedelta(days=offset), taken + timedelta(days=14))


class _Builder:
    """Accumulates rows for one batch and writes them with executemany."""

    def __init__(self, seed: int, session: Session, desks: list[int], start: date, end: date) -> None:
        self.rng, self.notes = random.Random(seed), NoteWriter(seed)  # notes: their own draws
        self.session, self.desks, self.start, self.end = session, desks, start, end
        self.span = (end - start).days
        self.centre_code = session.get_one(Centre, 1).code
        self.next_case_id = (session.scalar(select(func.max(_case_table().c.id))) or 0) + 1
        self.seq_by_year: dict[int, int] = {}
        for year, max_seq in session.execute(
            select(_case_table().c.year, func.max(_case_table().c.seq)).group_by(_case_table().c.year)
        ):
            self.seq_by_year[int(year)] = int(max_seq)
        self.rows: dict[str, list[tuple[Any, ...]]] = {k: [] for k in SQL}
        self.counts = dict.fromkeys(SQL, 0)
        self.w = {
            name: Weighted(table)
            for name, table in {
                "country": COUNTRIES,
                "relationship": RELATIONSHIPS,
                "channel": CHANNELS,
                "mode": CONTACT_MODES,
                "education": EDUCATION,
                "employment": EMPLOYMENT,
                "marital": MARITAL,
                "duration": DURATION,
                "police": POLICE,
                "risk": RISK,
                "tool": RISK_TOOLS,
                "service": [(s[0], s[1]) for s in SERVICES],
                "reception": [(s[0], s[1]) for s in SERVICES if s[0] in RECEPTION_SERVICES],
                "service_mode": SERVICE_MODES,
                "referral": REFERRALS,
                "closing": CLOSINGS,
                "age": [((lo, hi), w) for lo, hi, w in AGE_BANDS],
                "perpetrators": PERPETRATORS,
                "perp_sex": PERP_SEX,
                "perp_age": PERP_AGE,
                "perp_citizenship": PERP_CITIZENSHIP,
                **{f"perp_{name}": table for name, table in PERP_YES_NO.items()},
                "after_filing": REPORT_AFTER_FILING,
                "after_trial": REPORT_AFTER_TRIAL,
            }.items()
        }
        self.service_meta = {s[0]: (s[2], s[3]) for s in SERVICES}
        self.eu = codelists.EU_COUNTRIES

    def day(self, lo: date, hi: date) -> date:
        span = (hi - lo).days
        return lo + timedelta(days=self.rng.randint(0, max(0, span)))

    def add_cases(self, n: int) -> None:
        for _ in range(n):
            self.add_case()

    def add_case(self) -> None:
        rng = self.rng
        case_id = self.next_case_id
        self.next_case_id += 1
        opened = self.start + timedelta(days=rng.randint(0, self.span))
        seq = self.seq_by_year.get(opened.year, 0) + 1
        self.seq_by_year[opened.year] = seq
        desk = rng.choice(self.desks)
        lo, hi = self.w["age"].draw(rng)
        age = rng.randint(lo, hi)
        birth_year = None if rng.random() < 0.04 else opened.year - age
        country = None if rng.random() < 0.02 else self.w["country"].draw(rng)
        has_children = "SI" if rng.random() < 0.66 else ("NO" if rng.random() < 0.9 else "ND")
        children = rng.choice((1, 1, 2, 2, 2, 3, 4)) if has_children == "SI" else None
        minors = rng.randint(0, children) if children else None
        witnessed = rng.randint(0, minors) if minors else (0 if minors == 0 else None)
        suffered = rng.randint(0, witnessed) if witnessed else (0 if witnessed == 0 else None)
        cohabitation = self._cohabitation(has_children == "SI")
        taken = opened + timedelta(days=rng.randint(0, 40)) if rng.random() < 0.8 else None
        taken = taken if taken and taken <= self.end else None
        closed, status = self._closure(opened, taken)
        self.rows["case"].append(
            (
                case_id,
                f"{self.centre_code}-{opened.year}-{seq:04d}",
                opened.year,
                seq,
                desk,
                status,
                opened,
                taken,
                closed,
                True,
                rng.random() < 0.8,
                rng.random() > 0.01,
                None,
                birth_year,
                country,
                self.w["education"].draw(rng),
                self.w["employment"].draw(rng),
                self.w["marital"].draw(rng),
                cohabitation,
                has_children,
                children,
                minors,
                witnessed,
                suffered,
                (rng.random() < 0.04) if birth_year and age < 45 else None,
            )
        )
        first = rng.choice(FIRST_NAMES)
        last = rng.choice(LAST_NAMES).replace("_", " ")
        self.rows["identity"].append(
            (
                case_id,
                first,
                last,
                None,
                "",
                f"3{rng.randint(10, 99)} {rng.randint(1000000, 9999999)}",
                "",
                "",
                rng.choice(("TELEFONO", "SMS", "SOLO_IN_SEDE")),
                rng.choice(("mattina", "pomeriggio", "dopo le 18", "")),
                "",
                "",
            )
        )
        for token in name_tokens(first, last):
            self.rows["name_token"].append((token, case_id))
        for scope in ("TRATTAMENTO", "CONTATTO_SICURO", "STATISTICHE"):
            self.rows["consent_event"].append((case_id, scope, True, "", "2026.1", opened, None))
        channel = self.w["channel"].draw(rng)
        mode = self.w["mode"].draw(rng)
        first_contact = opened - timedelta(days=rng.randint(0, 10))
        first_contact = max(first_contact, self.start)
        self.rows["contact"].append((first_contact, desk, channel, mode, "RICHIESTA_AIUTO", case_id, None))
        if rng.random() < 0.25:  # anonymous contacts of women who never came back
            self.rows["contact"].append(
                (
                    self.day(self.start, self.end),
                    desk,
                    self.w["channel"].draw(rng),
                    self.w["mode"].draw(rng),
                    rng.choice(("RICHIESTA_AIUTO", "INFORMAZIONI", "PER_CONTO_TERZI")),
                    None,
                    None,
                )
            )
        until = closed or self.end
        self._intakes(case_id, desk, opened, until, channel, mode, minors)
        if rng.random() < 0.7:
            self.rows["risk_assessment"].append(
                (
                    case_id,
                    self.day(opened, min(until, opened + timedelta(days=30))),
                    self.w["risk"].draw(rng),
                    self.w["tool"].draw(rng),
                    self.notes.risk(),
                    None,
                )
            )
        reception_end = min(until, taken or opened + timedelta(days=60))
        self._reception(case_id, desk, opened, reception_end)
        if taken:
            outcome = status if closed else None
            row = (case_id, taken, closed, outcome, self.notes.pathway(), None)
            self.rows["pathway"].append((*row, None if closed else next_review(case_id, taken, self.end)))
            self._services(case_id, desk, taken, until, minors or 0)
        self._referrals(case_id, opened, until, children or 0)

    def _cohabitation(self, has_children: bool) -> str:
        rng = self.rng
        chosen = [
            c
            for c, p in (("PARTNER", 0.48), ("FIGLI", 0.6 if has_children else 0.0), ("FAMILIARI", 0.12))
            if rng.random() < p
        ]
        if not chosen:
            chosen = ["SOLA" if rng.random() < 0.8 else "ALTRO"]
        order = codelists.codes("cohabitation")
        return encode_codes(sorted(chosen, key=order.index))

    def _closure(self, opened: date, taken: date | None) -> tuple[date | None, str]:
        """In charge for 1 to 3 years; a woman not taken in charge is usually closed within 4 months."""
        rng = self.rng
        if taken is not None:
            closed: date | None = taken + timedelta(days=rng.randint(365, 3 * 365))
        else:
            closed = opened + timedelta(days=rng.randint(20, 120)) if rng.random() < 0.85 else None
        if closed is not None and closed <= self.end:
            return closed, self.w["closing"].draw(rng)
        if rng.random() < 0.05:
            return None, "SOSPESO"
        return None, "IN_CORSO" if taken else "IN_ACCOGLIENZA"

    def _intakes(
        self, case_id: int, desk: int, opened: date, until: date, channel: str, mode: str, minors: int | None
    ) -> None:
        rng = self.rng
        relationship = self.w["relationship"].draw(rng)
        forms = [f for f, p in VIOLENCE_PROBABILITY.items() if rng.random() < p]
        if minors and rng.random() < 0.55:
            forms.append("ASSISTITA")
        if not forms:
            forms = ["PSICOLOGICA"]
        order = codelists.codes("violence_form")
        forms_text = encode_codes(sorted(set(forms), key=order.index))
        police = self.w["police"].draw(rng)
        measures = (
            encode_codes(
                [
                    m
                    for m, p in (("AMMONIMENTO", 0.06), ("ALLONTANAMENTO", 0.05), ("DIV_AVVIC", 0.08))
                    if rng.random() < p
                ]
            )
            if police != "NO"
            else ""
        )
        count = 1 + (rng.random() < 0.85) + (rng.random() < 0.7) + (rng.random() < 0.45)
        istat = self._istat_answers()
        if police in ("SI_UNA", "SI_PIU_VOLTE"):
            self._report_steps(case_id, opened)
        when = opened
        for i in range(count):
            self.rows["intake"].append(
                (
                    case_id,
                    when,
                    desk,
                    None,
                    channel,
                    mode if i == 0 else "PRESENZA",
                    forms_text,
                    relationship,
                    self.w["duration"].draw(rng) if i == 0 else "ND",
                    police,
                    None,
                    measures,
                    "",
                    rng.random() < 0.07,
                    self.notes.intake(),
                    *istat,
                )
            )
            when = when + timedelta(days=rng.randint(3, 30))
            if when > until:
                break

    def _istat_answers(self) -> tuple[Any, ...]:
        """Help sought before the centre and the main perpetrator, asked once and kept on each interview."""
        rng, w = self.rng, self.w
        sought = [code for code, p in HELP_SOUGHT if rng.random() < p]
        if not sought:
            sought = ["NESSUNO" if rng.random() < 0.7 else "ND"]
        order = codelists.codes("help_sought")
        return (
            encode_codes(sorted(sought, key=order.index)),
            w["perpetrators"].draw(rng),
            w["perp_sex"].draw(rng),
            w["perp_age"].draw(rng),
            w["perp_citizenship"].draw(rng),
            w["perp_weapons"].draw(rng),
            w["perp_alcohol"].draw(rng),
            w["perp_drugs"].draw(rng),
            w["perp_prior"].draw(rng),
        )

    def _report_steps(self, case_id: int, opened: date) -> None:
        """Her report, often filed before she came, and what became of it up to the end of the data."""
        rng, w = self.rng, self.w
        filed = max(self.start, opened - timedelta(days=rng.randint(-30, 120)))
        steps = [(filed, "PRESENTATA")]
        after = w["after_filing"].draw(rng)
        if after is not None:
            steps.append((steps[-1][0] + timedelta(days=rng.randint(60, 400)), after))
            if after == "PROCESSO":
                verdict = w["after_trial"].draw(rng)
                if verdict is not None:
                    steps.append((steps[-1][0] + timedelta(days=rng.randint(120, 700)), verdict))
        for when, stage in steps:
            if when <= self.end:
                self.rows["police_report_event"].append((case_id, when, stage, None))

    def _reception(self, case_id: int, desk: int, opened: date, until: date) -> None:
        """Listening, information and reception before a pathway is agreed (or instead of one)."""
        for _ in range(self.rng.randint(4, 10)):
            self._service(case_id, desk, self.day(opened, until), self.w["reception"].draw(self.rng), "DONNA")

    def _services(self, case_id: int, desk: int, taken: date, until: date, minors: int) -> None:
        """The pathway: 6 to 10 services a year for her, 1 to 3 a year for her minor children."""
        rng = self.rng
        years = max(0.08, (until - taken).days / 365.0)
        count = max(1, round(rng.uniform(6, 10) * years))
        for _ in range(min(count, 120)):
            kind = self.w["service"].draw(rng)
            beneficiary = "MINORE" if minors and kind == "PSICO_IND" and rng.random() < 0.3 else "DONNA"
            self._service(case_id, desk, self.day(taken, until), kind, beneficiary)
        if minors:
            for _ in range(min(round(rng.uniform(1, 3) * years), 40)):
                kind = rng.choice(("MINORI", "MINORI", "PSICO_IND", "GENITORIALITA"))
                self._service(case_id, desk, self.day(taken, until), kind, "MINORE")

    def _service(self, case_id: int, desk: int, when: date, kind: str, beneficiary: str) -> None:
        rng = self.rng
        role, minutes = self.service_meta[kind]
        self.rows["service_delivery"].append(
            (
                case_id,
                when,
                kind,
                self.w["service_mode"].draw(rng) if kind != "ACCOMPAGN" else "PRESENZA",
                max(5, min(600, int(rng.gauss(minutes, minutes / 4)))),
                desk,
                role,
                beneficiary,
                None,
                self.notes.service(),
            )
        )

    def _referrals(self, case_id: int, opened: date, until: date, children: int) -> None:
        rng = self.rng
        for _ in range(rng.choice((0, 0, 1, 1, 1, 2, 3))):
            destination = self.w["referral"].draw(rng)
            when = self.day(opened, until)
            outcome = rng.choice(
                ("ACCOLTO", "ACCOLTO", "ACCOLTO", "IN_ATTESA", "NON_ACCOLTO", "RIFIUTATO_DONNA")
            )
            kids = rng.randint(0, children) if destination in ("CASA_RIFUGIO", "PRONTA_ACCOGL") else 0
            self.rows["referral"].append(
                (
                    case_id,
                    when,
                    destination,
                    outcome,
                    None if outcome == "IN_ATTESA" else when,
                    False,
                    kids,
                    self.notes.referral(),
                    None,
                )
            )

    def flush(self) -> None:
        connection = self.session.connection()
        for table, sql in SQL.items():
            rows = self.rows[table]
            if rows:
                connection.exec_driver_sql(sql, rows)
                self.counts[table] += len(rows)
                self.rows[table] = []


def _case_table() -> Any:
    return Case.__table__


# Each generator row is a tuple in the order of these columns; the INSERT is written from the model's
# table, so a renamed or new required column fails here (at import) instead of writing a wrong database.
COLUMNS: dict[str, tuple[type[Base], tuple[str, ...]]] = {
    "case": (
        Case,
        (
            "id", "code", "year", "seq", "help_desk_id", "status", "opened_on", "taken_in_charge_on",
            "closed_on", "processing_consent", "contact_allowed", "statistics_allowed", "identity_erased_on",
            "birth_year", "country", "education", "employment", "marital_status", "cohabitation",
            "has_children", "children_count", "minors_count", "minors_witnessed", "minors_suffered", "pregnant",
        ),
    ),
    "identity": (
        Identity,
        (
            "case_id", "first_name", "last_name", "birth_date", "tax_code", "phone", "email", "address",
            "safe_contact_channel", "safe_contact_times", "safe_contact_notes", "notes",
        ),
    ),
    "name_token": (NameToken, ("token", "case_id")),
    "consent_event": (
        ConsentEvent, ("case_id", "scope", "granted", "partner", "notice_version", "date", "operator_id")
    ),
    "contact": (
        Contact, ("date", "help_desk_id", "access_channel", "first_contact_mode", "reason", "case_id", "operator_id")
    ),
    "intake": (
        Intake,
        (
            "case_id", "date", "help_desk_id", "operator_id", "access_channel", "first_contact_mode",
            "violence_forms", "relationship_code", "violence_duration", "police_report", "complaint_withdrawn",
            "measures_requested", "measures_obtained", "emergency", "notes", "help_sought", "perpetrators_count",
            "perpetrator_sex", "perpetrator_age", "perpetrator_citizenship", "perpetrator_weapons",
            "perpetrator_alcohol", "perpetrator_drugs", "perpetrator_prior_violence",
        ),
    ),
    "police_report_event": (PoliceReportEvent, ("case_id", "date", "stage", "operator_id")),
    "risk_assessment": (RiskAssessment, ("case_id", "date", "level", "tool", "notes", "operator_id")),
    "pathway": (
        Pathway, ("case_id", "agreed_on", "closed_on", "outcome", "notes", "operator_id", "next_review_on")
    ),
    "service_delivery": (
        ServiceDelivery,
        (
            "case_id", "date", "service_type", "mode", "minutes", "help_desk_id", "operator_role",
            "beneficiary", "operator_id", "notes",
        ),
    ),
    "appointment": (
        Appointment,
        ("case_id", "help_desk_id", "date", "time", "operator_id", "status", "purpose", "created_by"),
    ),
    "referral": (
        Referral,
        (
            "case_id", "date", "destination", "outcome", "outcome_on", "shares_data", "children_count", "notes",
            "operator_id",
        ),
    ),
}  # fmt: skip

# What SQLite fills in for every row: timestamps, a fresh record key, and a service's copy of her key
# (?1 is the row's first value, the case id).
GENERATED = {
    "created_at": "datetime('now')",
    "updated_at": "datetime('now')",
    "record_key": "(random() & 4095)",
    "woman_key": "(SELECT record_key FROM case_file WHERE id = ?1)",
}


def insert_sql(model: type[Base], columns: Sequence[str]) -> str:
    """The INSERT for rows of `columns`, checked against the model's table."""
    table = cast(Table, model.__table__)
    unknown = [name for name in columns if name not in table.c]
    if unknown:
        raise ValueError(f"{table.name} has no column {unknown}")
    generated = [name for name in GENERATED if name in table.c and name not in columns]
    if "woman_key" in generated and columns[0] != "case_id":
        raise ValueError(f"{table.name}: woman_key needs case_id first")
    names = [*columns, *generated]
    missing = [
        c.name
        for c in table.c
        if c.name not in names
        and not c.nullable
        and c.default is None
        and c.server_default is None
        and not (c.primary_key and c.autoincrement in (True, "auto"))
    ]
    if missing:
        raise ValueError(f"{table.name}: the demo does not fill the required columns {missing}")
    values = ["?"] * len(columns) + [GENERATED[name] for name in generated]
    verb = "INSERT OR IGNORE" if model is NameToken else "INSERT"  # a token shared by two cases is kept once
    return f"{verb} INTO {table.name} ({', '.join(names)}) VALUES ({', '.join(values)})"


SQL = {name: insert_sql(model, columns) for name, (model, columns) in COLUMNS.items()}
