"""The top of the case file: code, status, help desk, dates, and the safety banners."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.services.cases import CaseFile
from app.ui.casefile.appointment import next_appointment_text
from app.ui.casefile.next_review import next_review_text
from app.ui.models.codes import code_label, date_text


def _banner(name: str) -> tuple[QFrame, QLabel]:
    frame = QFrame()
    frame.setObjectName(name)
    label = QLabel()
    label.setWordWrap(True)
    row = QHBoxLayout(frame)
    row.setContentsMargins(12, 8, 12, 8)
    row.addWidget(label, 1)
    frame.hide()
    return frame, label


class CaseHeader(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.code = QLabel()
        self.code.setObjectName("caseCode")
        self.code.setAccessibleName(self.tr("Case code"))
        self.name = QLabel()
        self.name.setObjectName("sectionTitle")
        self.name.setMinimumWidth(60)  # a long name is cut (the profile shows it whole), not the buttons
        self.status = QLabel()
        self.status.setObjectName("caseStatus")
        self.meta = QLabel()
        self.meta.setObjectName("caseMeta")
        self.meta.setWordWrap(True)
        self.do_not_contact, self.do_not_contact_text = _banner("dangerBanner")
        self.frozen, self.frozen_text = _banner("frozenBanner")
        line = QHBoxLayout()
        line.setSpacing(14)
        self.lead = QHBoxLayout()
        line.addLayout(self.lead)
        line.addWidget(self.code)
        line.addWidget(self.name)
        line.addWidget(self.status)
        line.addStretch(1)
        self.action_row = QHBoxLayout()  # beside the dates, not the name: fits 1024 px at 125%
        self.action_row.setSpacing(8)
        second = QHBoxLayout()
        second.addWidget(self.meta, 1)
        second.addLayout(self.action_row)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addLayout(line)
        layout.addLayout(second)
        layout.addWidget(self.do_not_contact)
        layout.addWidget(self.frozen)

    def show_case(self, case: CaseFile) -> None:
        self.code.setText(case.code)
        identity = case.identity
        self.name.setText(
            f"{identity.first_name} {identity.last_name}".strip()
            if identity
            else self.tr("(identity erased)")
        )
        self.status.setText(code_label("case_status", case.status))
        parts = [
            self.tr("Help desk: {desk}").format(desk=case.help_desk_name),
            self.tr("opened on {day}").format(day=date_text(case.opened_on)),
        ]
        if case.taken_in_charge_on:
            parts.append(self.tr("taken in charge on {day}").format(day=date_text(case.taken_in_charge_on)))
        if case.closed_on:
            parts.append(self.tr("closed on {day}").format(day=date_text(case.closed_on)))
        elif case.pathway is not None and case.pathway.next_review_on and not case.pathway.closed_on:
            parts.append(
                self.tr("next review {day}").format(day=next_review_text(case.pathway.next_review_on))
            )
        if case.next_appointment is not None:
            parts.append(next_appointment_text(case.next_appointment))
        self.meta.setText("  ·  ".join(parts))
        on_file = identity is not None and bool(identity.phone or identity.email or identity.address)
        self.do_not_contact_text.setText(
            self.tr(
                "⚠  DO NOT CONTACT HER. She has not agreed to be contacted (or withdrew it): do not call, "
                "text or write, even if a number is on file."
            )
            if on_file  # after her identity was erased there is no number to warn about
            else self.tr(
                "⚠  DO NOT CONTACT HER. She has not agreed to be contacted (or withdrew it): do not call, "
                "text or write."
            )
        )
        self.do_not_contact.setVisible(not case.contact_allowed and case.processing_consent)
        self.frozen_text.setText(
            self.tr(
                "Consent to processing withdrawn — record frozen. Her identity and notes were erased; "
                "nothing more can be recorded."
            )
        )
        self.frozen.setVisible(not case.processing_consent)

    def clear(self) -> None:
        for label in (
            self.code,
            self.name,
            self.status,
            self.meta,
            self.do_not_contact_text,
            self.frozen_text,
        ):
            label.clear()
        self.do_not_contact.hide()
        self.frozen.hide()
