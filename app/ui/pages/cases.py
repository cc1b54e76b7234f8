"""The Cases page: the list, one case file at a time, and the intake wizard, in one stack.

Everything lives inside the main window, so locking (which clears then destroys the main window)
clears them too: `clear()` empties the list model, the case file and the wizard before that.
"""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget

from app.services import cases
from app.services.cases import CaseFile
from app.services.workspace import Workspace
from app.ui.casefile.base import CaseContext
from app.ui.casefile.style import CASES_STYLE
from app.ui.casefile.view import CaseFileView
from app.ui.intake.panel import IntakePanel
from app.ui.intake.wizard import IntakeWizard
from app.ui.kit import operations
from app.ui.kit.fields import Toast
from app.ui.kit.first_show import load_on_first_show
from app.ui.pages.cases_list import CaseListView
from app.ui.session import SessionInfo


class CasesPage(QWidget):
    def __init__(self, workspace: Workspace, info: SessionInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("casesPage")
        self.setStyleSheet(CASES_STYLE)
        self.workspace = workspace
        self.info = info
        self.toast = Toast(self)
        self.context = CaseContext(workspace, info.actor, self.toast.show_text)
        self.stack = QStackedWidget()
        self.list = CaseListView(workspace, info.actor)
        self.case_view = CaseFileView(self.context)
        self.wizard: IntakeWizard | None = None
        self.wizard_panel: IntakePanel | None = None
        self.stack.addWidget(self.list)
        self.stack.addWidget(self.case_view)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self.list.open_requested.connect(self.open_case)
        self.list.open_at_requested.connect(self.open_case)
        self.list.new_requested.connect(self.new_case)
        self.case_view.back_requested.connect(self.show_list)
        load_on_first_show(self, self.list.refresh)

    def heightForWidth(self, width: int) -> int:
        """The main window's page scroll area asks this to size the page. The list, the case file and
        the intake scroll inside (the table, the profile, each step), so the page needs only its minimum:
        the preferred height (Qt's answer here, as a wrapping label makes the page height-for-width) would
        add a second scroll bar beside the profile's own."""
        return self.minimumSizeHint().height()

    # --- the list ------------------------------------------------------------------------------------
    @Slot()
    def show_list(self) -> None:
        self.case_view.clear()  # what is not on screen is not kept
        self.stack.setCurrentWidget(self.list)
        self.list.focus_results()

    # --- one case ------------------------------------------------------------------------------------
    @Slot(int)
    def open_case(self, case_id: int, tab: str = "") -> None:
        """Load and show a case, at `tab` if named ("pathway", "services"...); a refusal (another help
        desk's case) is shown and nothing opens."""
        ws = self.workspace
        operations.run(self, lambda: cases.get_case(ws, case_id), lambda case: self._show_case(case, tab))

    def _show_case(self, case: CaseFile, tab: str = "") -> None:
        self.case_view.clear()
        self.case_view.show_case(case)
        self.stack.setCurrentWidget(self.case_view)
        self.case_view.show_tab(tab)
        self.case_view.tabs.setFocus()

    # --- intake --------------------------------------------------------------------------------------
    @Slot()
    def start_intake(self) -> None:
        """Ctrl+Shift+N: a new intake, or back to the one she is filling in (never thrown away by a key)."""
        if self.wizard_panel is not None:
            self.stack.setCurrentWidget(self.wizard_panel)
            return
        self.new_case()

    @Slot()
    def new_case(self) -> None:
        self._drop_wizard()
        wizard = IntakeWizard(self.workspace, self.info.actor)
        wizard.case_opened.connect(self._case_opened)
        wizard.contact_recorded.connect(self._contact_recorded)
        wizard.cancelled.connect(self._wizard_cancelled)
        self.wizard = wizard
        self.wizard_panel = IntakePanel(wizard)
        self.stack.addWidget(self.wizard_panel)
        self.stack.setCurrentWidget(self.wizard_panel)
        wizard.restart()
        wizard.consent.processing.setFocus()

    def _drop_wizard(self) -> None:
        panel, self.wizard_panel, self.wizard = self.wizard_panel, None, None
        if panel is not None:
            panel.clear()
            self.stack.removeWidget(panel)
            panel.deleteLater()

    @Slot(int, str)
    def _case_opened(self, case_id: int, code: str) -> None:
        self._drop_wizard()
        self.toast.show_text(self.tr("Case {code} opened").format(code=code))
        self.open_case(case_id)

    @Slot()
    def _contact_recorded(self) -> None:
        self._drop_wizard()
        self.show_list()
        self.toast.show_text(self.tr("Anonymous contact recorded: no personal data stored"))

    @Slot()
    def _wizard_cancelled(self) -> None:
        self._drop_wizard()
        self.show_list()

    def clear(self) -> None:
        """On lock: empty every view and model that could show a name or a case code."""
        self._drop_wizard()
        self.list.clear()
        self.case_view.clear()
        self.context.clear()
        self.toast.clear()
        self.stack.setCurrentWidget(self.list)
