"""The intake wizard, shown inside the Cases page (never a separate window, so a lock clears it).

Consent first. Without consent to processing it records an anonymous contact and stops: no identity is
ever stored. Otherwise: identity, profile, first interview, optional risk, summary; Finish opens the case
(open_case), then records the interview (add_intake) and the risk (add_risk_assessment). A refusal from
a service sends her back to the page and field it names.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QPushButton, QWidget, QWizard

from app.services import accounts, cases
from app.services.accounts import HelpDeskInfo, Role
from app.services.cases import CaseRef, ContactInput, IdentityInput, IntakeInput, ProfileInput
from app.services.errors import UserError, ValidationError
from app.services.workspace import Actor, Workspace
from app.ui.intake.consent_page import (
    CONSENT,
    CONTACT,
    IDENTITY,
    INTERVIEW,
    PROFILE,
    RISK,
    SUMMARY,
    ConsentPage,
)
from app.ui.intake.contact_page import AnonymousContactPage
from app.ui.intake.pages import FormPage, IdentityPage, InterviewPage, ProfilePage, RiskPage, SummaryPage
from app.ui.kit import messages, operations
from app.ui.kit.date_field import refuse_invalid_date
from app.ui.kit.fields import FieldErrors
from app.ui.kit.qt_compat import emit
from app.ui.models.codes import code_label, code_labels, date_text

IDENTITY_FIELDS = {
    "first_name",
    "last_name",
    "birth_date",
    "tax_code",
    "phone",
    "email",
    "address",
    "safe_contact_channel",
    "safe_contact_times",
    "safe_contact_notes",
    "notes",
}
PROFILE_FIELDS = {
    "birth_year",
    "country",
    "education",
    "employment",
    "marital_status",
    "cohabitation",
    "has_children",
    "children_count",
    "minors_count",
    "minors_witnessed",
    "minors_suffered",
}
CONSENT_FIELDS = {"consent", "consent_date", "partners", "notice_version", "opened_on"}
INTERVIEW_FIELDS = {
    "access_channel",
    "first_contact_mode",
    "violence_forms",
    "relationship",
    "violence_duration",
    "police_report",
    "measures_requested",
    "measures_obtained",
    "help_sought",
    "perpetrators_count",
    "perpetrator_sex",
    "perpetrator_age",
    "perpetrator_citizenship",
    "perpetrator_weapons",
    "perpetrator_alcohol",
    "perpetrator_drugs",
    "perpetrator_prior_violence",
}


@dataclass(frozen=True)
class IntakeResult:
    """The case opened with its first interview (and risk assessment): one transaction, all or nothing."""

    ref: CaseRef


class IntakeWizard(QWizard):
    """Emits `case_opened(case_id, code)`, `contact_recorded()` or `cancelled()`."""

    case_opened = Signal(int, str)
    contact_recorded = Signal()
    cancelled = Signal()

    def __init__(self, workspace: Workspace, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowFlags(Qt.WindowType.Widget)
        self.setObjectName("intakeWizard")
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.HaveFinishButtonOnEarlyPages, False)
        self.workspace = workspace
        self.actor = actor
        self.busy = False
        self.consent = ConsentPage()
        self.contact = AnonymousContactPage()
        self.identity = IdentityPage()
        self.profile = ProfilePage()
        self.interview = InterviewPage()
        self.risk = RiskPage()
        self.summary = SummaryPage()
        for page_id, page in (
            (CONSENT, self.consent),
            (CONTACT, self.contact),
            (IDENTITY, self.identity),
            (PROFILE, self.profile),
            (INTERVIEW, self.interview),
            (RISK, self.risk),
            (SUMMARY, self.summary),
        ):
            self.setPage(page_id, page)
        # QWizard makes its buttons in its constructor, before the pages join the focus chain, so Tab met
        # Next before a step's fields. Buttons made now come after every page: fields first, then buttons.
        for which in (
            QWizard.WizardButton.BackButton,
            QWizard.WizardButton.NextButton,
            QWizard.WizardButton.CommitButton,
            QWizard.WizardButton.FinishButton,
            QWizard.WizardButton.CancelButton,
        ):
            self.setButton(which, QPushButton(self))
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("&Next >"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< &Back"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Cancel"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Finish"))
        self.currentIdChanged.connect(self._entered)
        self.summary.desk_row.setVisible(actor.at_least(Role.COORDINATRICE))
        self.summary.desk.addItem(self.tr("Her own help desk"), None)
        if actor.at_least(Role.COORDINATRICE):
            operations.run(self, lambda: accounts.list_help_desks(workspace), self._desks)

    def _desks(self, desks: list[HelpDeskInfo]) -> None:
        self.summary.desk.clear()
        for desk in desks:
            self.summary.desk.addItem(desk.name, desk.id)
        index = self.summary.desk.findData(self.actor.help_desk_id)
        self.summary.desk.setCurrentIndex(max(0, index))

    # --- page flow ---------------------------------------------------------------------------------------
    def _entered(self, page_id: int) -> None:
        if page_id == IDENTITY:
            self.identity.no_contact.setVisible(not self.consent.contact.isChecked())
        elif page_id == PROFILE:
            self.profile.form.follow_birth_date(self.identity.form.birth_date.day_or_none())
        elif page_id == RISK:
            interview_day = self.interview.form.date.day_or_none()
            if interview_day is not None:
                self.risk.form.follow_interview_date(interview_day)
        elif page_id == SUMMARY:
            self.summary.text.setText(self.summary_html())
        elif page_id == CONTACT:
            self.button(QWizard.WizardButton.FinishButton).setText(self.tr("&Record anonymous contact"))
        if page_id == SUMMARY:
            self.button(QWizard.WizardButton.FinishButton).setText(self.tr("&Open the case"))

    def validateCurrentPage(self) -> bool:
        """The last pages save through the operation helper; Finish completes when the save succeeds."""
        page = self.currentPage()
        errors: FieldErrors = page.errors  # type: ignore[attr-defined]  # every page of this wizard has them
        if refuse_invalid_date(page, errors.show, errors.clear):  # never saved, dropped or guessed
            return False
        if not super().validateCurrentPage():
            return False
        if self.currentId() == CONTACT:
            self._record_contact()
            return False
        if self.currentId() == SUMMARY:
            self._open_case()
            return False
        return True

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        for which in (QWizard.WizardButton.FinishButton, QWizard.WizardButton.BackButton):
            self.button(which).setEnabled(not busy)

    # --- without consent: an anonymous contact ----------------------------------------------------------------
    def _record_contact(self) -> None:
        if self.busy:
            return
        ws, contact = self.workspace, self.contact.value()
        self.contact.errors.clear()
        self._set_busy(True)
        operations.run(
            self,
            lambda: cases.record_contact(ws, contact),
            lambda _id: emit(self.contact_recorded),
            on_user_error=lambda error: self._contact_refused(error),
            on_finished=lambda: self._set_busy(False),
        )

    def _contact_refused(self, error: UserError) -> None:
        self.contact.errors.show(error)

    # --- with consent: the case ---------------------------------------------------------------------------------
    def _open_case(self) -> None:
        if self.busy:
            return
        ws = self.workspace
        consent = self.consent.value()
        identity: IdentityInput = self.identity.form.value()
        profile: ProfileInput = self.profile.form.value()
        intake: IntakeInput = self.interview.form.value()
        risk_day, level, tool, notes = self.risk.form.value()
        desk = self.summary.desk.currentData()
        opened_on = min(intake.date, consent.date)
        first_contact = ContactInput(
            date=intake.date,
            access_channel=intake.access_channel,
            first_contact_mode=intake.first_contact_mode,
            help_desk_id=desk,
        )

        def work() -> IntakeResult:
            risk = cases.RiskInput(risk_day, level, tool, notes) if level else None
            ref = cases.open_case(
                ws,
                identity,
                profile,
                consent,
                opened_on=opened_on,
                help_desk_id=desk,
                contact=first_contact,
                intake=intake,
                risk=risk,
            )
            return IntakeResult(ref)

        self.summary.errors.clear()
        self._set_busy(True)
        operations.run(
            self, work, self._opened, on_user_error=self._refused, on_finished=lambda: self._set_busy(False)
        )

    def _opened(self, result: IntakeResult) -> None:
        emit(self.case_opened, result.ref.id, result.ref.code)

    def _refused(self, error: UserError) -> None:
        """Go back to the page holding the field the service named, and point at it."""
        field = error.field if isinstance(error, ValidationError) else None
        target: int = SUMMARY
        page: FormPage | ConsentPage = self.summary
        if field in IDENTITY_FIELDS:
            target, page = IDENTITY, self.identity
        elif field in PROFILE_FIELDS:
            target, page = PROFILE, self.profile
        elif field in CONSENT_FIELDS:
            target, page = CONSENT, self.consent
        elif field in INTERVIEW_FIELDS:
            target, page = INTERVIEW, self.interview
        elif field in {"level", "tool"}:
            target, page = RISK, self.risk
        while self.currentId() != target and self.currentId() != CONSENT:
            self.back()
        page.errors.show(error)

    # --- leaving -------------------------------------------------------------------------------------------------
    def reject(self) -> None:
        if self.currentId() != CONSENT or self.consent.processing.isChecked():
            answer = messages.ask(
                self, self.tr("New case"), self.tr("Stop this intake? Nothing you typed will be kept.")
            )
            if answer != messages.Button.Yes:
                return
        emit(self.cancelled)

    def summary_html(self) -> str:
        consent = self.consent.value()
        identity = self.identity.form.value()
        profile = self.profile.form.value()
        intake = self.interview.form.value()
        _day, level, tool, _notes = self.risk.form.value()
        name = html.escape(f"{identity.first_name} {identity.last_name}".strip())
        rows = [
            (self.tr("Name"), name),
            (self.tr("Consents"), html.escape(code_labels("consent_scope", consent.scopes))),
            *(
                [(self.tr("Shared with"), html.escape(code_labels("referral_destination", consent.partners)))]
                if consent.partners
                else []
            ),
            (self.tr("Year of birth"), str(profile.birth_year or "—")),
            (
                self.tr("Country"),
                html.escape(code_label("country", profile.country if profile.country != "?" else "")),
            ),
            (self.tr("Interview"), html.escape(date_text(intake.date))),
            (self.tr("Access channel"), html.escape(code_label("access_channel", intake.access_channel))),
            (self.tr("Forms of violence"), html.escape(code_labels("violence_form", intake.violence_forms))),
            (self.tr("Relationship"), html.escape(code_label("relationship", intake.relationship))),
            (self.tr("Emergency"), self.tr("yes") if intake.emergency else self.tr("no")),
            (
                self.tr("Risk"),
                html.escape(f"{code_label('risk_level', level)} ({code_label('risk_tool', tool)})")
                if level
                else self.tr("not assessed now"),
            ),
        ]
        cells = "".join(
            f"<tr><td style='padding:3px 18px 3px 0; color:#5f6675'>{html.escape(k)}</td><td>{v}</td></tr>"
            for k, v in rows
        )
        return f"<table>{cells}</table>"

    def clear(self) -> None:
        """On lock: forget every answer typed so far."""
        self.consent.clear()
        self.contact.clear()
        self.identity.form.clear()
        self.profile.form.clear()
        self.interview.form.clear()
        self.risk.form.clear()
        self.summary.text.clear()
