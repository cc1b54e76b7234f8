"""Errors a person can act on. Each carries an English source text (translated by the UI) and values."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol, runtime_checkable

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
        # a value that explains itself (a package's refusal, say) is said in the same language
        params = {k: v.text(translate) if isinstance(v, Explained) else v for k, v in self.params.items()}
        try:
            return source.format(**params) if params else source
        except (KeyError, IndexError, ValueError):  # a broken translation must not hide the message
            return self.message.format(**params) if params else self.message


@runtime_checkable
class Explained(Protocol):
    """A refusal from below the services (e.g. `package.PackageError`) that can say itself in a language."""

    def text(self, translate: Callable[[str, str], str] | None = None) -> str: ...


class PermissionDenied(UserError):
    """A refusal by role or help desk. `audit_event` (entity, id, detail), if set, is written to the
    audit trail by the unit of work after it rolls back, so refusals are on record too."""

    audit_event: tuple[str, str | int, dict[str, Any]] | None = None


class NotFound(UserError):
    pass


FIELDS = "Fields"
FIELD_LABELS: dict[str, str] = {
    "access_channel": QT_TRANSLATE_NOOP("Fields", "access channel"),
    "address": QT_TRANSLATE_NOOP("Fields", "address"),
    "adheres_1522": QT_TRANSLATE_NOOP("Fields", "adherence to the 1522 number"),
    "agreed_on": QT_TRANSLATE_NOOP("Fields", "date the pathway was agreed"),
    "area": QT_TRANSLATE_NOOP("Fields", "area"),
    "beneficiary": QT_TRANSLATE_NOOP("Fields", "beneficiary"),
    "birth_date": QT_TRANSLATE_NOOP("Fields", "date of birth"),
    "birth_year": QT_TRANSLATE_NOOP("Fields", "year of birth"),
    "centre": QT_TRANSLATE_NOOP("Fields", "centre"),
    "children_count": QT_TRANSLATE_NOOP("Fields", "number of children"),
    "closed_on": QT_TRANSLATE_NOOP("Fields", "closing date"),
    "code": QT_TRANSLATE_NOOP("Fields", "centre code"),
    "cohabitation": QT_TRANSLATE_NOOP("Fields", "living with"),
    "consent": QT_TRANSLATE_NOOP("Fields", "consent"),
    "consent_date": QT_TRANSLATE_NOOP("Fields", "date of consent"),
    "country": QT_TRANSLATE_NOOP("Fields", "country of citizenship"),
    "date": QT_TRANSLATE_NOOP("Fields", "date"),
    "days": QT_TRANSLATE_NOOP("Fields", "opening days"),
    "description": QT_TRANSLATE_NOOP("Fields", "description"),
    "destination": QT_TRANSLATE_NOOP("Fields", "destination"),
    "due_on": QT_TRANSLATE_NOOP("Fields", "due date"),
    "education": QT_TRANSLATE_NOOP("Fields", "education"),
    "email": QT_TRANSLATE_NOOP("Fields", "e-mail"),
    "employment": QT_TRANSLATE_NOOP("Fields", "employment"),
    "first_contact_mode": QT_TRANSLATE_NOOP("Fields", "first contact mode"),
    "first_name": QT_TRANSLATE_NOOP("Fields", "first name"),
    "has_children": QT_TRANSLATE_NOOP("Fields", "children"),
    "help_desk": QT_TRANSLATE_NOOP("Fields", "help desk"),
    "help_sought": QT_TRANSLATE_NOOP("Fields", "help sought before the centre"),
    "hours_week": QT_TRANSLATE_NOOP("Fields", "weekly opening hours"),
    "languages": QT_TRANSLATE_NOOP("Fields", "languages"),
    "last_name": QT_TRANSLATE_NOOP("Fields", "last name"),
    "level": QT_TRANSLATE_NOOP("Fields", "risk level"),
    "marital_status": QT_TRANSLATE_NOOP("Fields", "marital status"),
    "measures_obtained": QT_TRANSLATE_NOOP("Fields", "protective measures obtained"),
    "measures_requested": QT_TRANSLATE_NOOP("Fields", "protective measures requested"),
    "minors_count": QT_TRANSLATE_NOOP("Fields", "number of minor children"),
    "minors_suffered": QT_TRANSLATE_NOOP("Fields", "minors who suffered violence"),
    "minors_witnessed": QT_TRANSLATE_NOOP("Fields", "minors who witnessed violence"),
    "minutes": QT_TRANSLATE_NOOP("Fields", "minutes"),
    "mode": QT_TRANSLATE_NOOP("Fields", "mode"),
    "name": QT_TRANSLATE_NOOP("Fields", "name"),
    "next_review_on": QT_TRANSLATE_NOOP("Fields", "next review"),
    "notes": QT_TRANSLATE_NOOP("Fields", "notes"),
    "notice_version": QT_TRANSLATE_NOOP("Fields", "privacy notice version"),
    "opened_on": QT_TRANSLATE_NOOP("Fields", "opening date"),
    "operator_role": QT_TRANSLATE_NOOP("Fields", "operator role"),
    "outcome": QT_TRANSLATE_NOOP("Fields", "outcome"),
    "partner": QT_TRANSLATE_NOOP("Fields", "network service"),
    "partners": QT_TRANSLATE_NOOP("Fields", "network services"),
    "password": QT_TRANSLATE_NOOP("Fields", "password"),
    "perpetrator_age": QT_TRANSLATE_NOOP("Fields", "age of the perpetrator"),
    "perpetrator_alcohol": QT_TRANSLATE_NOOP("Fields", "alcohol"),
    "perpetrator_citizenship": QT_TRANSLATE_NOOP("Fields", "citizenship of the perpetrator"),
    "perpetrator_drugs": QT_TRANSLATE_NOOP("Fields", "drugs"),
    "perpetrator_prior_violence": QT_TRANSLATE_NOOP("Fields", "earlier violence against others"),
    "perpetrator_sex": QT_TRANSLATE_NOOP("Fields", "sex of the perpetrator"),
    "perpetrator_weapons": QT_TRANSLATE_NOOP("Fields", "weapons"),
    "perpetrators_count": QT_TRANSLATE_NOOP("Fields", "number of perpetrators"),
    "phone": QT_TRANSLATE_NOOP("Fields", "phone"),
    "police_report": QT_TRANSLATE_NOOP("Fields", "report to the authorities"),
    "reason": QT_TRANSLATE_NOOP("Fields", "reason"),
    "recovery_key": QT_TRANSLATE_NOOP("Fields", "recovery key"),
    "relationship": QT_TRANSLATE_NOOP("Fields", "relationship with the perpetrator"),
    "role": QT_TRANSLATE_NOOP("Fields", "role"),
    "safe_contact_channel": QT_TRANSLATE_NOOP("Fields", "safe contact channel"),
    "safe_contact_notes": QT_TRANSLATE_NOOP("Fields", "safe contact notes"),
    "safe_contact_times": QT_TRANSLATE_NOOP("Fields", "safe contact times"),
    "scope": QT_TRANSLATE_NOOP("Fields", "consent scope"),
    "service_type": QT_TRANSLATE_NOOP("Fields", "service"),
    "shares_data": QT_TRANSLATE_NOOP("Fields", "data sharing"),
    "staff": QT_TRANSLATE_NOOP("Fields", "staff"),
    "stage": QT_TRANSLATE_NOOP("Fields", "stage of the report"),
    "status": QT_TRANSLATE_NOOP("Fields", "status"),
    "tax_code": QT_TRANSLATE_NOOP("Fields", "tax code"),
    "tool": QT_TRANSLATE_NOOP("Fields", "assessment tool"),
    "username": QT_TRANSLATE_NOOP("Fields", "user name"),
    "valid_from": QT_TRANSLATE_NOOP("Fields", "valid from"),
    "violence_duration": QT_TRANSLATE_NOOP("Fields", "duration of the violence"),
    "violence_forms": QT_TRANSLATE_NOOP("Fields", "forms of violence"),
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
        super().__init__(QT_TRANSLATE_NOOP("Errors", "Wrong user name or password."))


class LoginDelayed(UserError):
    def __init__(self, seconds: int) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Errors", "Too many failed attempts for this account. Wait {seconds} seconds and try again."
            ),
            seconds=seconds,
        )
        self.seconds = seconds


class DatabaseDamaged(UserError):
    """The database file itself is unusable (damaged, truncated, empty, missing, not ours): offer a restore.

    Distinct from a full or read-only disk, where a restore would throw recent work away.
    """


class WorkspaceLocked(UserError):
    def __init__(self) -> None:
        super().__init__(QT_TRANSLATE_NOOP("Errors", "The workspace is locked. Unlock it to continue."))
