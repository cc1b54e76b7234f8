"""The plain values that cross the service boundary: what the UI sends in, what it gets back."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from app.services.cases.planning import ReviewInterval

OPEN_STATUSES = ("IN_ACCOGLIENZA", "IN_CORSO", "SOSPESO")
CLOSING_STATUSES = (
    "CONCLUSO_OBJ",
    "CONCLUSO_PARZ",
    "INTERR_DONNA",
    "INTERR_CAV",
    "TRASFERITA",
    "TRASFERIM_TERR",
    "RIENTRO_AUTORE",
    "DECESSO",
)
CURRENT_NOTICE_VERSION = "2026.1"
MAX_NOTES = 20000


# --- inputs -------------------------------------------------------------------------------------------
@dataclass
class IdentityInput:
    first_name: str
    last_name: str
    birth_date: dt.date | None = None
    tax_code: str = ""
    phone: str = ""
    email: str = ""
    address: str = ""
    safe_contact_channel: str = ""
    safe_contact_times: str = ""
    safe_contact_notes: str = ""
    notes: str = ""


@dataclass
class ProfileInput:
    birth_year: int | None = None
    country: str | None = None
    education: str = "ND"
    employment: str = "ND"
    marital_status: str = "ND"
    cohabitation: tuple[str, ...] = ()
    has_children: str = "ND"
    children_count: int | None = None
    minors_count: int | None = None
    minors_witnessed: int | None = None
    minors_suffered: int | None = None
    pregnant: bool | None = None


@dataclass
class ConsentInput:
    """What she agreed to at intake. Processing consent is required to open a case."""

    scopes: tuple[str, ...]
    date: dt.date
    notice_version: str = CURRENT_NOTICE_VERSION
    partners: tuple[str, ...] = ()  # network services she allows data to be shared with


@dataclass
class ContactInput:
    date: dt.date
    access_channel: str
    first_contact_mode: str
    reason: str = "RICHIESTA_AIUTO"
    help_desk_id: int | None = None


@dataclass(frozen=True)
class PerpetratorInput:
    """The perpetrators as ISTAT asks: how many, and for the main one (the intake's relationship) the rest.

    Every code answer defaults to ND (not available): an interview that did not ask is not a "no".
    """

    count: int | None = None
    sex: str = "ND"
    age: str = "ND"  # the ISTAT age grid (code list age_istat)
    citizenship: str = "ND"  # ITALIANA / STRANIERA / ND (code list citizenship_binary)
    weapons: str = "ND"
    alcohol: str = "ND"
    drugs: str = "ND"
    prior_violence: str = "ND"  # earlier violence against other people


@dataclass
class IntakeInput:
    date: dt.date
    access_channel: str = "ND"
    first_contact_mode: str = ""
    violence_forms: tuple[str, ...] = ()
    relationship: str = ""
    violence_duration: str = "ND"
    police_report: str = "ND"
    complaint_withdrawn: bool | None = None
    measures_requested: tuple[str, ...] = ()
    measures_obtained: tuple[str, ...] = ()
    emergency: bool = False
    notes: str = ""
    help_desk_id: int | None = None
    perpetrator: PerpetratorInput = field(default_factory=PerpetratorInput)
    help_sought: tuple[str, ...] = ()  # where she sought help before the centre (ISTAT)


@dataclass
class ServiceInput:
    date: dt.date
    service_type: str
    mode: str
    minutes: int
    operator_role: str
    beneficiary: str = "DONNA"
    help_desk_id: int | None = None
    notes: str = ""


@dataclass
class ReferralInput:
    date: dt.date
    destination: str
    outcome: str = "IN_ATTESA"
    shares_data: bool = False
    children_count: int = 0
    notes: str = ""
    outcome_on: dt.date | None = None  # when the outcome was known; the referral's date if not given


@dataclass
class RiskInput:
    """Level, tool, date and notes only: never an item of a licensed instrument."""

    date: dt.date
    level: str
    tool: str
    notes: str = ""


# --- outputs ------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class CaseRef:
    id: int
    code: str


@dataclass(frozen=True)
class CaseSummary:
    id: int
    code: str
    display_name: str
    status: str
    help_desk_id: int
    help_desk_name: str
    opened_on: dt.date


@dataclass(frozen=True)
class CasePage:
    items: list[CaseSummary]
    total: int


@dataclass(frozen=True)
class ConsentView:
    scope: str
    granted: bool
    partner: str
    notice_version: str
    date: dt.date


@dataclass(frozen=True)
class IntakeView:
    id: int
    date: dt.date
    access_channel: str
    first_contact_mode: str
    violence_forms: tuple[str, ...]
    relationship: str
    violence_duration: str
    police_report: str
    complaint_withdrawn: bool | None
    measures_requested: tuple[str, ...]
    measures_obtained: tuple[str, ...]
    emergency: bool
    notes: str
    help_sought: tuple[str, ...] = ()
    perpetrator: PerpetratorInput = PerpetratorInput()


@dataclass(frozen=True)
class PoliceReportView:
    """One step of her report to the authorities."""

    id: int
    date: dt.date
    stage: str


@dataclass(frozen=True)
class RiskView:
    id: int
    date: dt.date
    level: str
    tool: str
    notes: str


@dataclass(frozen=True)
class GoalVersionView:
    """What a goal said until an edit replaced it, and who replaced it."""

    description: str
    status: str
    due_on: dt.date | None
    replaced_at: dt.datetime
    replaced_by: str


@dataclass(frozen=True)
class GoalView:
    id: int
    area: str
    description: str
    status: str
    due_on: dt.date | None
    history: tuple[GoalVersionView, ...] = ()  # older versions, oldest first


@dataclass(frozen=True)
class ReviewView:
    id: int
    date: dt.date
    notes: str
    next_review_on: dt.date | None = None  # the review planned at this one


@dataclass(frozen=True)
class PathwayView:
    id: int
    agreed_on: dt.date
    closed_on: dt.date | None
    outcome: str | None
    notes: str
    goals: list[GoalView]
    reviews: list[ReviewView]
    next_review_on: dt.date | None = None


@dataclass(frozen=True)
class ServiceView:
    id: int
    date: dt.date
    service_type: str
    mode: str
    minutes: int
    operator_role: str
    beneficiary: str
    help_desk_id: int
    notes: str


@dataclass(frozen=True)
class ReferralView:
    id: int
    date: dt.date
    destination: str
    outcome: str
    outcome_on: dt.date | None
    shares_data: bool
    children_count: int
    notes: str


@dataclass(frozen=True)
class HistoryEntry:
    at: str
    operator_id: int | None
    action: str
    operator_name: str = ""


@dataclass(frozen=True)
class NextAppointment:
    """Her next appointment, for the case header."""

    date: dt.date
    time: str
    purpose: str | None  # a code of appointment_purpose; None: set before purposes were asked
    desk_name: str


@dataclass(frozen=True)
class CaseFile:
    """Everything an authorised operator sees when she opens a case."""

    id: int
    code: str
    status: str
    help_desk_id: int
    help_desk_name: str
    opened_on: dt.date
    taken_in_charge_on: dt.date | None
    closed_on: dt.date | None
    contact_allowed: bool
    processing_consent: bool
    statistics_allowed: bool
    identity: IdentityInput | None
    profile: ProfileInput
    consents: list[ConsentView]
    intakes: list[IntakeView]
    risks: list[RiskView]
    pathway: PathwayView | None
    services: list[ServiceView]
    referrals: list[ReferralView]
    history: list[HistoryEntry] = field(default_factory=list)
    police_report_events: list[PoliceReportView] = field(default_factory=list)
    next_appointment: NextAppointment | None = None
    review_interval: ReviewInterval = field(default_factory=ReviewInterval)  # the next review offered
