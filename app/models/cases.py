"""A woman's case: the pseudonymous case, her erasable identity, and the records of her path.

Statistical fields are stored at the finest level (year of birth, ISO country, the codes of
DOMAIN.md); every reporting grid is derived at export time. Multi-valued code fields are stored as
",A,B," text so one scan can count every code (`LIKE '%,A,%'`). Free text (notes, goal descriptions)
is identifying by nature and is erased with the identity.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Connection, ForeignKey, Index, String, Text, UniqueConstraint, event, select, text
from sqlalchemy.orm import Mapped, Mapper, mapped_column, relationship

from app.models.base import Base, new_record_key, utcnow


class Contact(Base):
    """A first contact (call, visit, message). Anonymous: nothing here identifies the woman."""

    __tablename__ = "contact"
    __table_args__ = (Index("ix_contact_date_desk_case", "date", "help_desk_id", "case_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    date: Mapped[dt.date]
    help_desk_id: Mapped[int] = mapped_column(ForeignKey("help_desk.id"))
    access_channel: Mapped[str] = mapped_column(String(20))
    first_contact_mode: Mapped[str] = mapped_column(String(30))
    reason: Mapped[str] = mapped_column(String(30))
    case_id: Mapped[int | None] = mapped_column(ForeignKey("case_file.id", ondelete="SET NULL"))
    operator_id: Mapped[int | None] = mapped_column(ForeignKey("operator.id"))
    record_key: Mapped[int] = mapped_column(default=new_record_key)  # cell key method; never exported
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


_IN_CHARGE_FIELDS = (
    "taken_in_charge_on", "statistics_allowed", "help_desk_id", "record_key",
    "birth_year", "country", "education", "employment", "marital_status", "has_children",
)  # fmt: skip
_FLOW_FIELDS = (
    "help_desk_id", "closed_on", "opened_on", "taken_in_charge_on", "status", "statistics_allowed", "record_key",
)  # fmt: skip


class Case(Base):
    """The pseudonymous case. Its code (e.g. BG-2026-0042) is what appears on screens and paper."""

    __tablename__ = "case_file"
    __table_args__ = (
        UniqueConstraint("year", "seq", name="uq_case_file_year_seq"),
        Index("ix_case_file_desk_status", "help_desk_id", "status"),
        Index("ix_case_file_opened", "opened_on"),
        # The indicators read a case's few statistical fields from indexes that carry them (migration 0021
        # says why): a wide case row read for them is a page decrypted again after every commit.
        # ISTAT's tables count the women taken in charge in the period: a range on this date, not a scan
        Index("ix_case_file_in_charge", *_IN_CHARGE_FIELDS),
        # the flow of one desk (or of every desk) in the stages of its cases: those not closed before the
        # period, two ranges per desk (migration 0025)
        Index("ix_case_file_flow", *_FLOW_FIELDS),
        # the few cases taken in charge after their closing date, which the flow still counts
        Index(
            "ix_case_file_charged_after_closing",
            "taken_in_charge_on",
            "closed_on",
            sqlite_where=text("closed_on < taken_in_charge_on"),
        ),
        # a dated row's case (referrals, linked contacts): its desk and record key by its id
        Index("ix_case_file_key", "id", "help_desk_id", "statistics_allowed", "record_key"),
        Index("ix_case_file_no_statistics", "id", sqlite_where=text("statistics_allowed = 0")),
        # LIKE is case-insensitive in SQLite: only a NOCASE index serves "code LIKE 'BG-2025-0%'", so the
        # case search per keystroke reads a range instead of scanning every case
        Index("ix_case_file_code_nocase", text("code COLLATE NOCASE")),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    year: Mapped[int]
    seq: Mapped[int]
    help_desk_id: Mapped[int] = mapped_column(ForeignKey("help_desk.id"))
    status: Mapped[str] = mapped_column(String(20))
    opened_on: Mapped[dt.date]
    taken_in_charge_on: Mapped[dt.date | None]
    closed_on: Mapped[dt.date | None]
    processing_consent: Mapped[bool] = mapped_column(default=True)
    contact_allowed: Mapped[bool] = mapped_column(default=False)
    statistics_allowed: Mapped[bool] = mapped_column(default=True)
    identity_erased_on: Mapped[dt.date | None]
    # statistical profile (finest level)
    birth_year: Mapped[int | None]
    country: Mapped[str | None] = mapped_column(String(2))
    education: Mapped[str] = mapped_column(String(20), default="ND")
    employment: Mapped[str] = mapped_column(String(20), default="ND")
    marital_status: Mapped[str] = mapped_column(String(20), default="ND")
    cohabitation: Mapped[str] = mapped_column(String(200), default="")
    has_children: Mapped[str] = mapped_column(String(2), default="ND")
    children_count: Mapped[int | None]
    minors_count: Mapped[int | None]
    minors_witnessed: Mapped[int | None]
    minors_suffered: Mapped[int | None]
    pregnant: Mapped[bool | None]
    record_key: Mapped[int] = mapped_column(default=new_record_key)  # cell key method; never exported
    created_by: Mapped[int | None] = mapped_column(ForeignKey("operator.id"))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    identity: Mapped[Identity | None] = relationship(back_populates="case", cascade="all, delete-orphan")


class Identity(Base):
    """Who she is and how to reach her safely. Erasable on its own; never leaves the database."""

    __tablename__ = "identity"

    case_id: Mapped[int] = mapped_column(ForeignKey("case_file.id", ondelete="CASCADE"), primary_key=True)
    first_name: Mapped[str] = mapped_column(String(100))
    last_name: Mapped[str] = mapped_column(String(100))
    birth_date: Mapped[dt.date | None]
    tax_code: Mapped[str] = mapped_column(String(16), default="")
    phone: Mapped[str] = mapped_column(String(50), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    address: Mapped[str] = mapped_column(String(300), default="")
    safe_contact_channel: Mapped[str] = mapped_column(String(20), default="")
    safe_contact_times: Mapped[str] = mapped_column(String(300), default="")
    safe_contact_notes: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")

    case: Mapped[Case] = relationship(back_populates="identity")


class NameToken(Base):
    """Prefix-searchable pieces of her name and code, so search never scans every identity."""

    __tablename__ = "name_token"

    token: Mapped[str] = mapped_column(String(100), primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case_file.id", ondelete="CASCADE"), primary_key=True)


class ConsentEvent(Base):
    """Consent granted or withdrawn, for one scope, under one version of the privacy notice."""

    __tablename__ = "consent_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case_file.id", ondelete="CASCADE"), index=True)
    scope: Mapped[str] = mapped_column(String(30))
    granted: Mapped[bool]
    partner: Mapped[str] = mapped_column(String(30), default="")  # for sharing: the named network service
    notice_version: Mapped[str] = mapped_column(String(30))
    date: Mapped[dt.date]
    operator_id: Mapped[int | None] = mapped_column(ForeignKey("operator.id"))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class Intake(Base):
    """A structured intake interview (colloquio di accoglienza)."""

    __tablename__ = "intake"
    __table_args__ = (
        Index("ix_intake_date_case", "date", "case_id"),
        Index("ix_intake_case_date", "case_id", "date"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case_file.id", ondelete="CASCADE"))
    date: Mapped[dt.date]
    help_desk_id: Mapped[int] = mapped_column(ForeignKey("help_desk.id"))
    operator_id: Mapped[int | None] = mapped_column(ForeignKey("operator.id"))
    access_channel: Mapped[str] = mapped_column(String(20), default="ND")
    first_contact_mode: Mapped[str] = mapped_column(String(30), default="")
    violence_forms: Mapped[str] = mapped_column(String(300), default="")
    relationship_code: Mapped[str] = mapped_column(String(2), default="")
    violence_duration: Mapped[str] = mapped_column(String(10), default="ND")
    police_report: Mapped[str] = mapped_column(String(20), default="ND")
    complaint_withdrawn: Mapped[bool | None]
    measures_requested: Mapped[str] = mapped_column(String(200), default="")
    measures_obtained: Mapped[str] = mapped_column(String(200), default="")
    emergency: Mapped[bool] = mapped_column(default=False)
    # ISTAT's survey of users: where she sought help before the centre (multi, ",A,B,") and the
    # perpetrators (how many; for the main one, whose relationship is `relationship_code`, the rest)
    help_sought: Mapped[str] = mapped_column(String(200), default="")
    perpetrators_count: Mapped[int | None]
    perpetrator_sex: Mapped[str] = mapped_column(String(2), default="ND")
    perpetrator_age: Mapped[str] = mapped_column(String(10), default="ND")  # the ISTAT age grid
    perpetrator_citizenship: Mapped[str] = mapped_column(String(10), default="ND")  # ITALIANA/STRANIERA
    perpetrator_weapons: Mapped[str] = mapped_column(String(2), default="ND")
    perpetrator_alcohol: Mapped[str] = mapped_column(String(2), default="ND")
    perpetrator_drugs: Mapped[str] = mapped_column(String(2), default="ND")
    perpetrator_prior_violence: Mapped[str] = mapped_column(String(2), default="ND")  # against others
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class PoliceReportEvent(Base):
    """A step of her report to the authorities (filed, withdrawn, dismissed, trial, conviction...).

    Appended as the news comes, months apart: the stage reached at a date is the latest step up to it.
    """

    __tablename__ = "police_report_event"
    __table_args__ = (Index("ix_police_report_event_case_date", "case_id", "date"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case_file.id", ondelete="CASCADE"))
    date: Mapped[dt.date]
    stage: Mapped[str] = mapped_column(String(20))
    operator_id: Mapped[int | None] = mapped_column(ForeignKey("operator.id"))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class RiskAssessment(Base):
    """Level, tool and date only: licensed instruments (SARA, DA) are never embedded or scored here."""

    __tablename__ = "risk_assessment"
    __table_args__ = (
        Index("ix_risk_assessment_case_date", "case_id", "date"),
        Index("ix_risk_assessment_level", "id", "level"),  # the profile's risk level (migration 0021)
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case_file.id", ondelete="CASCADE"))
    date: Mapped[dt.date]
    level: Mapped[str] = mapped_column(String(10))
    tool: Mapped[str] = mapped_column(String(30))
    notes: Mapped[str] = mapped_column(Text, default="")
    operator_id: Mapped[int | None] = mapped_column(ForeignKey("operator.id"))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class Pathway(Base):
    """The personalised pathway agreed with her (presa in carico); at most one per case."""

    __tablename__ = "pathway"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case_file.id", ondelete="CASCADE"), unique=True)
    agreed_on: Mapped[dt.date]
    closed_on: Mapped[dt.date | None]
    outcome: Mapped[str | None] = mapped_column(String(20))
    notes: Mapped[str] = mapped_column(Text, default="")
    operator_id: Mapped[int | None] = mapped_column(ForeignKey("operator.id"))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    # the review planned with her, set when agreeing and at each review; triggers copy it to
    # case_activity.review_due, where "Oggi" and the agenda read it (migration 0015)
    next_review_on: Mapped[dt.date | None]

    goals: Mapped[list[Goal]] = relationship(cascade="all, delete-orphan", order_by="Goal.id")
    reviews: Mapped[list[PathwayReview]] = relationship(
        cascade="all, delete-orphan", order_by="PathwayReview.date"
    )


class Goal(Base):
    __tablename__ = "goal"

    id: Mapped[int] = mapped_column(primary_key=True)
    pathway_id: Mapped[int] = mapped_column(ForeignKey("pathway.id", ondelete="CASCADE"), index=True)
    area: Mapped[str] = mapped_column(String(30))
    description: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(20), default="DA_AVVIARE")
    due_on: Mapped[dt.date | None]
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    versions: Mapped[list[GoalVersion]] = relationship(
        cascade="all, delete-orphan", order_by="GoalVersion.id", passive_deletes=True
    )


class GoalVersion(Base):
    """What a goal said before an edit (text, deadline, status), who replaced it and when.

    One row per edit, holding the values the edit replaced: the goal row is always the current version,
    so a goal never edited has no history and databases made before the history need no backfill.
    """

    __tablename__ = "goal_version"

    id: Mapped[int] = mapped_column(primary_key=True)
    goal_id: Mapped[int] = mapped_column(ForeignKey("goal.id", ondelete="CASCADE"), index=True)
    description: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(20))
    due_on: Mapped[dt.date | None]
    replaced_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    replaced_by: Mapped[int | None] = mapped_column(ForeignKey("operator.id"))


class PathwayReview(Base):
    __tablename__ = "pathway_review"

    id: Mapped[int] = mapped_column(primary_key=True)
    pathway_id: Mapped[int] = mapped_column(ForeignKey("pathway.id", ondelete="CASCADE"), index=True)
    date: Mapped[dt.date]
    notes: Mapped[str] = mapped_column(Text, default="")
    operator_id: Mapped[int | None] = mapped_column(ForeignKey("operator.id"))
    next_review_on: Mapped[dt.date | None]  # the next review planned at this one (None: before 0015)


class ServiceDelivery(Base):
    """One row per service delivered: the unit of the service indicators."""

    __tablename__ = "service_delivery"
    __table_args__ = (
        # The service indicators group a year's services by type, mode and woman: led by the year, this
        # index yields them already in that order, so SQLite streams the GROUP BY instead of sorting
        # ~200k rows (app/reports/indicators/scope.py writes the same expression, `year_of`).
        Index(
            "ix_service_delivery_year",
            text("substr(date, 1, 4)"),
            "service_type",
            "mode",
            "case_id",
            "minutes",
            "help_desk_id",
            "date",
            "record_key",
            "woman_key",
        ),
        # the same, led by the desk: one desk's period reads its own services, and a report laid out by
        # desk streams its GROUP BY too (migration 0022 says why)
        Index(
            "ix_service_delivery_desk_year",
            "help_desk_id",
            text("substr(date, 1, 4)"),
            "service_type",
            "mode",
            "case_id",
            "minutes",
            "date",
            "record_key",
            "woman_key",
        ),
        Index("ix_service_delivery_case", "case_id", "date"),
        Index(  # covering for the services-to-minors section (migration 0020 says why)
            "ix_service_delivery_minors",
            "date",
            "help_desk_id",
            "case_id",
            "record_key",
            "woman_key",
            sqlite_where=text("beneficiary = 'MINORE'"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case_file.id", ondelete="CASCADE"))
    date: Mapped[dt.date]
    service_type: Mapped[str] = mapped_column(String(20))
    mode: Mapped[str] = mapped_column(String(20))
    minutes: Mapped[int]
    help_desk_id: Mapped[int] = mapped_column(ForeignKey("help_desk.id"))
    operator_role: Mapped[str] = mapped_column(String(30))
    beneficiary: Mapped[str] = mapped_column(String(10), default="DONNA")
    record_key: Mapped[int] = mapped_column(default=new_record_key)  # cell key method; never exported
    # her case's record key, copied on insert (`_copy_woman_key`): the service indicators count distinct
    # women per cell from the year index alone, without a lookup in the wide case rows per service group
    woman_key: Mapped[int] = mapped_column(default=0)
    operator_id: Mapped[int | None] = mapped_column(ForeignKey("operator.id"))
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


@event.listens_for(ServiceDelivery, "before_insert")
def _copy_woman_key(
    _mapper: Mapper[ServiceDelivery], connection: Connection, target: ServiceDelivery
) -> None:
    """A service carries its woman's permanent record key (a case's key never changes)."""
    key = connection.scalar(select(Case.record_key).where(Case.id == target.case_id))
    target.woman_key = int(key or 0)


class Referral(Base):
    """A referral (invio) to a network partner, with its outcome."""

    __tablename__ = "referral"
    # covering for the referrals section: a period's referrals are one range (migration 0021)
    __table_args__ = (
        Index(
            "ix_referral_date", "date", "case_id", "destination", "outcome", "children_count", "record_key"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case_file.id", ondelete="CASCADE"), index=True)
    date: Mapped[dt.date]
    destination: Mapped[str] = mapped_column(String(20))
    outcome: Mapped[str] = mapped_column(String(20), default="IN_ATTESA")
    outcome_on: Mapped[dt.date | None]
    shares_data: Mapped[bool] = mapped_column(default=False)
    children_count: Mapped[int] = mapped_column(default=0)  # children placed with her (shelter)
    record_key: Mapped[int] = mapped_column(default=new_record_key)  # cell key method; never exported
    notes: Mapped[str] = mapped_column(Text, default="")
    operator_id: Mapped[int | None] = mapped_column(ForeignKey("operator.id"))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


CASE_PROFILE_DESK_INDEX = (
    "desk_id", "opened_on", "closed_on", "statistics_allowed", "record_key", "birth_year", "country",
    "education", "employment", "marital_status", "cohabitation", "has_children", "minors_count",
    "minors_witnessed", "minors_suffered", "intake_on", "access_channel", "first_contact_mode",
    "violence_forms", "relationship_code", "violence_duration", "police_report", "measures_requested",
    "measures_obtained", "emergency", "risk_on", "risk_level",
)  # fmt: skip
"""`case_profile`'s desk index: one desk's active cases with every column behind the key, so a desk's
period reads its rows together from the index alone, not from nearly every page of the table
(migrations 0021, 0024)."""


class CaseProfile(Base):
    """One short row per case: her profile fields, her latest interview and her latest risk assessment's
    level, kept by SQLite triggers (migrations 0019, 0023) for the indicators' profile.

    The profile of a year reads every active case's row and her latest interview; at full scale the case
    table (17 MB, read whole) and the interviews (46 MB, the latest of 29,000 women scattered over all of
    it) do not fit a connection's 32 MB page cache, so every computation decrypted their pages again.
    Here they are a few MB. Triggers copy the case's fields on its insert and on their change, and set the
    interview fields to those of the case's latest interview (by date, then id) whenever an interview is
    inserted, changed or deleted, and likewise the risk fields to her latest assessment; a deleted case
    takes its row with it. `intake_on` and `risk_on` are their dates: a period ending before one reads the
    interview or assessment of its own end instead (app.reports.indicators).
    No free text is copied: nothing here is erased with her identity.
    """

    __tablename__ = "case_profile"
    __table_args__ = (
        Index("ix_case_profile_desk", *CASE_PROFILE_DESK_INDEX),
        # the cases a past period reads the interviews of: the dates and desk in the index (0021)
        Index("ix_case_profile_intake", "intake_on", "desk_id", "opened_on", "closed_on"),
        Index("ix_case_profile_risk", "risk_on", "desk_id", "opened_on", "closed_on"),  # migration 0023
        # the few cases interviewed after their closing date, which the flow still counts (migration 0025)
        Index(
            "ix_case_profile_interviewed_after_closing",
            "intake_on",
            "closed_on",
            sqlite_where=text("closed_on < intake_on"),
        ),
    )

    case_id: Mapped[int] = mapped_column(ForeignKey("case_file.id", ondelete="CASCADE"), primary_key=True)
    desk_id: Mapped[int]
    statistics_allowed: Mapped[bool]
    opened_on: Mapped[dt.date]
    closed_on: Mapped[dt.date | None]
    record_key: Mapped[int]
    birth_year: Mapped[int | None]
    country: Mapped[str | None] = mapped_column(String(2))
    education: Mapped[str] = mapped_column(String(20))
    employment: Mapped[str] = mapped_column(String(20))
    marital_status: Mapped[str] = mapped_column(String(20))
    cohabitation: Mapped[str] = mapped_column(String(200))
    has_children: Mapped[str] = mapped_column(String(2))
    minors_count: Mapped[int | None]
    minors_witnessed: Mapped[int | None]
    minors_suffered: Mapped[int | None]
    intake_on: Mapped[dt.date | None]  # the latest interview's date; None: no interview yet
    access_channel: Mapped[str | None] = mapped_column(String(20))
    first_contact_mode: Mapped[str | None] = mapped_column(String(30))
    violence_forms: Mapped[str | None] = mapped_column(String(300))
    relationship_code: Mapped[str | None] = mapped_column(String(2))
    violence_duration: Mapped[str | None] = mapped_column(String(10))
    police_report: Mapped[str | None] = mapped_column(String(20))
    measures_requested: Mapped[str | None] = mapped_column(String(200))
    measures_obtained: Mapped[str | None] = mapped_column(String(200))
    emergency: Mapped[bool | None]
    risk_on: Mapped[dt.date | None]  # the latest risk assessment's date; None: never assessed
    risk_level: Mapped[str | None] = mapped_column(String(10))  # that assessment's level


CASE_PROFILE_FIELDS = (
    "statistics_allowed", "opened_on", "closed_on", "record_key", "birth_year", "country", "education",
    "employment", "marital_status", "cohabitation", "has_children", "minors_count", "minors_witnessed",
    "minors_suffered",
)  # fmt: skip
"""The case's columns `case_profile` copies (besides `help_desk_id` as `desk_id`)."""
INTAKE_PROFILE_FIELDS = (
    "access_channel", "first_contact_mode", "violence_forms", "relationship_code", "violence_duration",
    "police_report", "measures_requested", "measures_obtained", "emergency",
)  # fmt: skip
"""The latest interview's columns `case_profile` copies (besides its `date` as `intake_on`)."""
