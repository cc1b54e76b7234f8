"""Checking what the UI sends before any unit of work starts: a refusal never leaves half a change."""

from __future__ import annotations

import datetime as dt
from datetime import date

from app.i18n import QT_TRANSLATE_NOOP
from app.services import validation as v
from app.services.cases.records import (
    MAX_NOTES,
    IdentityInput,
    IntakeInput,
    PerpetratorInput,
    ProfileInput,
    RiskInput,
)
from app.services.errors import ValidationError


def clean_identity(identity: IdentityInput) -> IdentityInput:
    first = v.check_text(identity.first_name, "first_name", 100)
    last = v.check_text(identity.last_name, "last_name", 100)
    if not first and not last:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "Enter at least her first name or last name (a nickname will do)."),
            field="first_name",
        )
    return IdentityInput(
        first_name=first,
        last_name=last,
        birth_date=_check_birth_date(identity.birth_date),
        tax_code=v.check_text(identity.tax_code, "tax_code", 16).upper(),
        phone=v.check_text(identity.phone, "phone", 50),
        email=v.check_text(identity.email, "email", 200),
        address=v.check_text(identity.address, "address", 300),
        safe_contact_channel=v.check_code(
            "safe_contact_channel", identity.safe_contact_channel, "safe_contact_channel", allow_empty=True
        ),
        safe_contact_times=v.check_text(identity.safe_contact_times, "safe_contact_times", 300),
        safe_contact_notes=v.check_text(identity.safe_contact_notes, "safe_contact_notes", 2000),
        notes=v.check_text(identity.notes, "notes", MAX_NOTES),
    )


def _check_birth_date(value: date | None) -> date | None:
    if value is None:
        return None
    if not isinstance(value, date):
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Not a date ({field})."), field="birth_date")
    v.check_birth_year(value.year)
    return value


def clean_profile(profile: ProfileInput) -> dict[str, object]:
    return {
        "birth_year": v.check_birth_year(profile.birth_year),
        "country": v.check_country(profile.country),
        "education": v.check_code("education", profile.education, "education"),
        "employment": v.check_code("employment", profile.employment, "employment"),
        "marital_status": v.check_code("marital_status", profile.marital_status, "marital_status"),
        "cohabitation": v.check_codes("cohabitation", profile.cohabitation, "cohabitation"),
        "has_children": v.check_code("has_children", profile.has_children, "has_children"),
        "children_count": v.check_count(profile.children_count, "children_count"),
        "minors_count": v.check_count(profile.minors_count, "minors_count"),
        "minors_witnessed": v.check_count(profile.minors_witnessed, "minors_witnessed"),
        "minors_suffered": v.check_count(profile.minors_suffered, "minors_suffered"),
        "pregnant": profile.pregnant,
    } | _check_children(profile)


def _check_children(profile: ProfileInput) -> dict[str, object]:
    total, minors = profile.children_count, profile.minors_count
    if total is not None and minors is not None and minors > total:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "There cannot be more minor children than children."),
            field="minors_count",
        )
    for name in ("minors_witnessed", "minors_suffered"):
        value = getattr(profile, name)
        if value is not None and minors is not None and value > minors:
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "Errors", "This number cannot exceed the number of minor children ({field})."
                ),
                field=name,
            )
    return {}


def intake_values(intake: IntakeInput) -> tuple[dt.date, dict[str, object]]:
    when = v.check_date(intake.date, "date")
    assert when is not None
    return when, {
        "access_channel": v.check_code("access_channel", intake.access_channel, "access_channel"),
        "first_contact_mode": v.check_code(
            "first_contact_mode", intake.first_contact_mode, "first_contact_mode", allow_empty=True
        ),
        "violence_forms": v.check_codes("violence_form", intake.violence_forms, "violence_forms"),
        "relationship_code": v.check_code(
            "relationship", intake.relationship, "relationship", allow_empty=True
        ),
        "violence_duration": v.check_code("violence_duration", intake.violence_duration, "violence_duration"),
        "police_report": v.check_code("police_report", intake.police_report, "police_report"),
        "complaint_withdrawn": intake.complaint_withdrawn,
        "measures_requested": v.check_codes(
            "protective_measure", intake.measures_requested, "measures_requested"
        ),
        "measures_obtained": v.check_codes(
            "protective_measure", intake.measures_obtained, "measures_obtained"
        ),
        "emergency": bool(intake.emergency),
        "notes": v.check_text(intake.notes, "notes", MAX_NOTES),
        "help_sought": v.check_help_sought(intake.help_sought),
    } | perpetrator_values(intake.perpetrator)


def perpetrator_values(p: PerpetratorInput) -> dict[str, object]:
    """The perpetrators' columns of an intake, each answer checked against its code list."""
    return {
        "perpetrators_count": v.check_perpetrators(p.count),
        "perpetrator_sex": v.check_code("perpetrator_sex", p.sex, "perpetrator_sex"),
        "perpetrator_age": v.check_code("age_istat", p.age, "perpetrator_age"),
        "perpetrator_citizenship": v.check_code(
            "citizenship_binary", p.citizenship, "perpetrator_citizenship"
        ),
        "perpetrator_weapons": v.check_code("yes_no", p.weapons, "perpetrator_weapons"),
        "perpetrator_alcohol": v.check_code("yes_no", p.alcohol, "perpetrator_alcohol"),
        "perpetrator_drugs": v.check_code("yes_no", p.drugs, "perpetrator_drugs"),
        "perpetrator_prior_violence": v.check_code("yes_no", p.prior_violence, "perpetrator_prior_violence"),
    }


def risk_values(risk: RiskInput) -> RiskInput:
    when = v.check_date(risk.date, "date")
    assert when is not None
    return RiskInput(
        when,
        v.check_code("risk_level", risk.level, "level"),
        v.check_code("risk_tool", risk.tool, "tool"),
        v.check_text(risk.notes, "notes", MAX_NOTES),
    )
