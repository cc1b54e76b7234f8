"""The case file of one woman: header, banners, actions and the tabs. One case at a time."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QPushButton, QTabWidget, QVBoxLayout, QWidget

from app.services import cases
from app.services.cases import CaseFile
from app.ui.casefile.actions import CaseActions
from app.ui.casefile.base import CaseContext, CaseTab
from app.ui.casefile.consents_tab import ConsentsTab
from app.ui.casefile.documents_tab import DocumentsTab
from app.ui.casefile.header import CaseHeader
from app.ui.casefile.history_tab import HistoryTab
from app.ui.casefile.interviews_tab import InterviewsTab
from app.ui.casefile.pathway_tab import PathwayTab
from app.ui.casefile.profile_tab import ProfileTab
from app.ui.casefile.referrals_tab import ReferralsTab
from app.ui.casefile.risk_tab import RiskTab
from app.ui.casefile.services_tab import ServicesTab
from app.ui.kit import operations


class CaseFileView(QWidget):
    """Emits `back_requested` when she goes back to the list (button or Escape)."""

    back_requested = Signal()

    def __init__(self, context: CaseContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.case: CaseFile | None = None
        self.header = CaseHeader()
        self.back_button = QPushButton(self.tr("← &Cases"))
        self.back_button.setToolTip(self.tr("Back to the case list (Esc)"))
        self.back_button.clicked.connect(self.back_requested)
        self.header.lead.addWidget(
            self.back_button
        )  # before the actions: Tab follows the header left to right
        self.copy_button = QPushButton(self.tr("Copy for &her…"))
        self.copy_button.setToolTip(
            self.tr("A PDF of everything held on her, to hand to her (right of access)")
        )
        self.case_actions = CaseActions(context, self)
        self.copy_button.clicked.connect(self.case_actions.copy_for_her)
        self.case_actions.changed.connect(self.reload)
        self.header.action_row.addWidget(self.copy_button)
        self.header.action_row.addWidget(self.case_actions.button)
        self.profile = ProfileTab(context)
        self.consents = ConsentsTab(context)
        self.interviews = InterviewsTab(context)
        self.risk = RiskTab(context)
        self.pathway = PathwayTab(context)
        self.services = ServicesTab(context)
        self.referrals = ReferralsTab(context)
        self.documents = DocumentsTab(context)
        self.history = HistoryTab(context)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(False)
        self.tab_list: list[CaseTab] = [
            self.profile,
            self.consents,
            self.interviews,
            self.risk,
            self.pathway,
            self.services,
            self.referrals,
            self.documents,
            self.history,
        ]
        titles = [
            self.tr("&Profile"),
            self.tr("C&onsents"),
            self.tr("&Interviews"),
            self.tr("&Risk"),
            self.tr("Pa&thway"),
            self.tr("Ser&vices"),
            self.tr("Re&ferrals"),
            self.tr("Docume&nts"),
            self.tr("Histor&y"),
        ]
        for tab, title in zip(self.tab_list, titles, strict=True):
            self.tabs.addTab(tab, title)
            tab.changed.connect(self.reload)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 12)
        layout.setSpacing(10)
        layout.addWidget(self.header)
        layout.addWidget(self.tabs, 1)
        fast = QShortcut(QKeySequence("Ctrl+N"), self)
        fast.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        fast.activated.connect(self.focus_fast_service)
        back = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        back.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        back.activated.connect(self.back_requested)

    def show_case(self, case: CaseFile) -> None:
        self.case = case
        self.header.show_case(case)
        self.case_actions.set_case(case)
        self.copy_button.setEnabled(case.identity is not None or bool(case.intakes))
        for tab in self.tab_list:
            tab.show_case(case)

    def show_tab(self, key: str) -> None:
        """Show the tab named by `key` (the attribute name: "pathway", "consents"...); unknown: no change."""
        tab = getattr(self, key, None) if key else None
        if isinstance(tab, CaseTab) and tab in self.tab_list:
            self.tabs.setCurrentWidget(tab)

    @Slot()
    def reload(self) -> None:
        if self.case is None:
            return
        ws, case_id = self.context.workspace, self.case.id
        operations.run(self, lambda: cases.get_case(ws, case_id), self._reloaded)

    def _reloaded(self, case: CaseFile) -> None:
        if self.case is not None and case.id == self.case.id:
            self.show_case(case)

    @Slot()
    def focus_fast_service(self) -> None:
        if self.case is None:
            return
        self.tabs.setCurrentWidget(self.services)
        self.services.bar.focus()

    def clear(self) -> None:
        self.case = None
        self.header.clear()
        self.case_actions.clear()
        for tab in self.tab_list:
            tab.clear()
        self.tabs.setCurrentIndex(0)
