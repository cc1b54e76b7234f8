"""Intake, page 1: consent. Without consent to processing the wizard records an anonymous contact only."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from app.services.cases import CURRENT_NOTICE_VERSION, ConsentInput
from app.ui.kit.fields import CodeChecks, DateEdit, FieldErrors, error_label, hint, notice_box

CONSENT, CONTACT, IDENTITY, PROFILE, INTERVIEW, RISK, SUMMARY = range(7)


class ConsentPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Consent"))
        self.setSubTitle(
            self.tr("Ask first, before writing anything about her. Each consent can be withdrawn later.")
        )
        notice = notice_box(
            self.tr(
                "Privacy notice version <b>{version}</b>. Read it with her, or give her the printed copy, "
                "before she decides."
            ).format(version=CURRENT_NOTICE_VERSION)
        )
        self.date = DateEdit()
        self.date.setAccessibleName(self.tr("Date of consent"))
        self.processing = QCheckBox(
            self.tr("She consents to the &processing of her data (needed to open a case)")
        )
        self.processing.setObjectName("consentProcessing")
        self.without = hint(
            self.tr(
                "Without this consent no case is opened and nothing identifying is stored: you can record an "
                "anonymous contact instead (next page)."
            )
        )
        keep = self.without.sizePolicy()
        keep.setRetainSizeWhenHidden(True)  # ticking the consent must not move the boxes under the mouse
        self.without.setSizePolicy(keep)
        self.contact = QCheckBox(
            self.tr("She agrees to be &contacted by the centre (safe channel and times next)")
        )
        self.sharing = QCheckBox(self.tr("She agrees to &share her data with these network services:"))
        self.partners = CodeChecks("referral_destination", columns=2, wide_columns=3)
        self.partners.setAccessibleName(self.tr("Network services she allows"))
        self.partners.setEnabled(False)
        # unticked like every other consent: a pre-ticked box is not a valid consent (GDPR recital 32)
        self.statistics = QCheckBox(self.tr("She agrees to &anonymous statistical use"))
        self.error = error_label()
        self.errors = FieldErrors(self.error)
        self.errors.bind("consent", self.processing)
        self.errors.bind("consent_date", self.date)
        self.errors.bind("partners", self.partners)
        # compact, so that Next stays in sight at 1366x768 with a banner shown: the date beside the notice,
        # the services in three columns when the page is wide enough, their rows close together
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.addRow(self.tr("&Date:"), self.date)
        top = QHBoxLayout()
        top.setSpacing(16)
        top.addWidget(notice, 1)
        top.addLayout(form)
        self.partners.grid.setVerticalSpacing(2)
        layout = QVBoxLayout(self)
        layout.setSpacing(6)
        layout.addLayout(top)
        layout.addWidget(self.processing)
        layout.addWidget(self.without)
        layout.addWidget(self.contact)
        layout.addWidget(self.sharing)
        layout.addWidget(self.partners)
        layout.addWidget(self.statistics)
        layout.addWidget(self.error)
        layout.addStretch(1)
        self.sharing.toggled.connect(self.partners.setEnabled)
        self.processing.toggled.connect(self._processing_changed)
        self._processing_changed(False)

    @Slot(bool)
    def _processing_changed(self, given: bool) -> None:
        for widget in (self.contact, self.sharing, self.statistics):
            widget.setEnabled(given)
        self.partners.setEnabled(given and self.sharing.isChecked())
        self.without.setVisible(not given)

    def nextId(self) -> int:
        return IDENTITY if self.processing.isChecked() else CONTACT

    def value(self) -> ConsentInput:
        scopes = ["TRATTAMENTO"] if self.processing.isChecked() else []
        if self.contact.isChecked():
            scopes.append("CONTATTO_SICURO")
        if self.sharing.isChecked():
            scopes.append("CONDIVISIONE_RETE")
        if self.statistics.isChecked():
            scopes.append("STATISTICHE")
        partners = self.partners.codes() if self.sharing.isChecked() else ()
        return ConsentInput(scopes=tuple(scopes), date=self.date.day(), partners=partners)

    def validatePage(self) -> bool:
        if self.sharing.isChecked() and not self.partners.codes():
            self.errors.show(self.tr("Tick the network services she agrees to share her data with."))
            return False
        self.errors.clear()
        return True

    def clear(self) -> None:
        for box in (self.processing, self.contact, self.sharing, self.statistics):
            box.setChecked(False)
        self.partners.set_codes(())
        self.errors.clear()
