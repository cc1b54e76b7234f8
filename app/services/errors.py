"""Errors a person can act on. Each carries an English source text (translated by the UI) and values."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from app.i18n import QT_TRANSLATE_NOOP

CONTEXT = "Errors"


class UserError(Exception):
    """A refusal or failure explained in one sentence; never a traceback for the user."""

    def __init__(self, message: str, **params: Any) -> None:
        super().__init__(message.format(**params) if params else message)
        self.message = message
        self.params = params

    def text(self, translate: Callable[[str, str], str] | None = None) -> str:
        source = translate(CONTEXT, self.message) if translate else self.message
        try:
            return source.format(**self.params) if self.params else source
        except (KeyError, IndexError, ValueError):  # a broken translation must not hide the message
            return self.message.format(**self.params) if self.params else self.message


class PermissionDenied(UserError):
    """A refusal by role or help desk. `audit_event` (entity, id, detail), if set, is written to the
    audit trail by the unit of work after it rolls back, so refusals are on record too."""

    audit_event: tuple[str, str | int, dict[str, Any]] | None = None


class NotFound(UserError):
    pass


FIELDS = "Fields"
FIELD_LABELS: dict[str, str] = {
    name: QT_TRANSLATE_NOOP(FIELDS, label)
    for name, label in {
        "access_channel": "access channel",
        "address": "address",
        "agreed_on": "date the pathway was agreed",
        "area": "area",
        "beneficiary": "beneficiary",
        "birth_date": "date of birth",
        "birth_year": "year of birth",
        "centre": "centre",
        "children_count": "number of children",
        "closed_on": "closing date",
        "code": "centre code",
        "cohabitation": "living with",
        "consent": "consent",
        "consent_date": "date of consent",
        "country": "country of citizenship",
        "date": "date",
        "description": "description",
        "destination": "destination",
        "due_on": "due date",
        "education": "education",
        "email": "e-mail",
        "employment": "employment",
        "first_contact_mode": "first contact mode",
        "first_name": "first name",
        "has_children": "children",
        "help_desk": "help desk",
        "last_name": "last name",
        "level": "risk level",
        "marital_status": "marital status",
        "measures_obtained": "protective measures obtained",
        "measures_requested": "protective measures requested",
        "minors_count": "number of minor children",
        "minors_suffered": "minors who suffered violence",
        "minors_witnessed": "minors who witnessed violence",
        "minutes": "minutes",
        "mode": "mode",
        "name": "name",
        "notes": "notes",
        "notice_version": "privacy notice version",
        "opened_on": "opening date",
        "operator_role": "operator role",
        "outcome": "outcome",
        "partner": "network service",
        "partners": "network services",
        "password": "password",
        "phone": "phone",
        "police_report": "report to the authorities",
        "reason": "reason",
        "recovery_key": "recovery key",
        "relationship": "relationship with the perpetrator",
        "role": "role",
        "safe_contact_channel": "safe contact channel",
        "safe_contact_notes": "safe contact notes",
        "safe_contact_times": "safe contact times",
        "scope": "consent scope",
        "service_type": "service",
        "shares_data": "data sharing",
        "status": "status",
        "tax_code": "tax code",
        "tool": "assessment tool",
        "username": "user name",
        "violence_duration": "duration of the violence",
        "violence_forms": "forms of violence",
    }.items()
}


class ValidationError(UserError):
    """Bad input in a form or argument; `field` names the input so the UI can point at it.

    A `{field}` placeholder in the message is filled with the field's label, translated in context
    "Fields".
    """

    def __init__(self, message: str, field: str | None = None, **params: Any) -> None:
        super().__init__(message, field=FIELD_LABELS.get(field or "", field or ""), **params)
        self.field = field

    def text(self, translate: Callable[[str, str], str] | None = None) -> str:
        if translate and self.field in FIELD_LABELS:
            self.params = {**self.params, "field": translate(FIELDS, FIELD_LABELS[self.field])}
        return super().text(translate)


class WrongCredentials(UserError):
    def __init__(self) -> None:
        super().__init__(QT_TRANSLATE_NOOP(CONTEXT, "Wrong user name or password."))


class LoginDelayed(UserError):
    def __init__(self, seconds: int) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                CONTEXT, "Too many failed attempts for this account. Wait {seconds} seconds and try again."
            ),
            seconds=seconds,
        )
        self.seconds = seconds


class WorkspaceLocked(UserError):
    def __init__(self) -> None:
        super().__init__(QT_TRANSLATE_NOOP(CONTEXT, "The workspace is locked. Unlock it to continue."))
