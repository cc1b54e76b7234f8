"""Profile & identity: who she is (erasable) and the statistical profile (anonymous), edit and save."""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QPushButton, QScrollArea, QVBoxLayout, QWidget

from app.services import cases
from app.services.cases import CaseFile
from app.services.errors import UserError
from app.ui.casefile.base import CaseContext, CaseTab
from app.ui.casefile.forms import IdentityForm, ProfileForm
from app.ui.kit import operations
from app.ui.kit.date_field import refuse_invalid_date
from app.ui.kit.fields import FieldErrors, error_label, hint
from app.ui.kit.qt_compat import emit
from app.ui.kit.reflow import ReflowColumns


class ProfileTab(CaseTab):
    def __init__(self, context: CaseContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.identity = IdentityForm()
        self.profile = ProfileForm()
        self.erased = hint(
            self.tr(
                "Her identity was erased: only the anonymous profile is kept. To enter who she is again, first "
                "record her new consent to processing."
            )
        )
        self.erased.hide()
        identity_box = QGroupBox(self.tr("Identity (kept only here, erasable)"))
        identity_layout = QVBoxLayout(identity_box)
        identity_layout.addWidget(self.erased)
        identity_layout.addWidget(self.identity)
        identity_layout.addStretch(1)
        profile_box = QGroupBox(self.tr("Profile (anonymous, used for statistics)"))
        profile_layout = QVBoxLayout(profile_box)
        profile_layout.addWidget(self.profile)
        profile_layout.addStretch(1)
        body = ReflowColumns(identity_box, profile_box)  # one under the other on a small screen
        body.setObjectName("scrollBody")
        body.box.setContentsMargins(0, 0, 8, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(body)
        self.error = error_label()
        self.errors = FieldErrors(self.error)
        self.identity.bind(self.errors)
        self.profile.bind(self.errors)
        self.save_button = QPushButton(self.tr("Save chan&ges"))
        self.save_button.setObjectName("primary")
        self.save_button.setToolTip(self.tr("Save identity and profile (Ctrl+S)"))
        self.save_button.clicked.connect(self.save)
        self.identity.birth_date.changed.connect(self._birth_date_changed)
        save = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self)
        save.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save.activated.connect(self.save)
        bottom = QHBoxLayout()
        bottom.addWidget(self.error, 1)
        bottom.addStretch(1)
        bottom.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addWidget(scroll, 1)
        layout.addLayout(bottom)

    def show_case(self, case: CaseFile) -> None:
        super().show_case(case)
        self.errors.clear()
        self.identity.set_value(case.identity)
        self.profile.set_value(case.profile)
        erased = case.identity is None
        self.erased.setVisible(erased)
        self.identity.setEnabled(case.processing_consent)
        self.profile.setEnabled(case.processing_consent)
        self.save_button.setEnabled(case.processing_consent)

    @Slot()
    def save(self) -> None:
        if self.case is None or not self.writable:
            return
        if refuse_invalid_date(self.identity, self.errors.show, self.errors.clear):
            return
        problem = self.profile.problem()
        if problem:
            self.errors.show(problem[1], problem[0])
            return
        ws, case_id = self.context.workspace, self.case.id
        identity = self.identity.value()
        had_identity = self.case.identity is not None
        profile = self.profile.value()

        def work() -> None:
            keep = had_identity or identity.first_name or identity.last_name
            cases.save_identity_and_profile(ws, case_id, identity if keep else None, profile)

        self.errors.clear()
        self.save_button.setEnabled(False)
        operations.run(self, work, self._saved, on_user_error=self._refused, on_finished=self._finished)

    @Slot()
    def _birth_date_changed(self) -> None:
        if self.identity.birth_date.is_valid():
            self.profile.follow_birth_date(self.identity.birth_date.day_or_none())

    def _saved(self, _result: None) -> None:
        self.context.toast(self.tr("Changes saved"))
        emit(self.changed)

    def _refused(self, error: UserError) -> None:
        self.errors.show(error)

    def _finished(self) -> None:
        self.save_button.setEnabled(self.writable)

    def clear(self) -> None:
        super().clear()
        self.errors.clear()
        self.identity.clear()
        self.profile.clear()
