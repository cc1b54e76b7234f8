"""The administration page (amministratrice only; the services refuse the others anyway)."""

from __future__ import annotations

from typing import cast

from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from app.services.workspace import Workspace
from app.ui.kit.first_show import load_on_first_show
from app.ui.pages.backup import BackupTab
from app.ui.pages.centre import CentreTab
from app.ui.pages.desks import HelpDesksTab
from app.ui.pages.operators import OperatorsTab
from app.ui.pages.reports_settings import DisclosureBox
from app.ui.pages.retention import RetentionTab
from app.ui.pages.security import SecurityTab
from app.ui.pages.structure import StructureTab
from app.ui.pages.today_settings import TodaySettingsBox
from app.ui.settings import UiSettings


class AdminPage(QWidget):
    def __init__(
        self,
        workspace: Workspace,
        settings: UiSettings,
        centre_name: str,
        username: str = "",
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        heading = QLabel(self.tr("Administration"))
        heading.setObjectName("title")
        self.tabs = QTabWidget()
        self.operators = OperatorsTab(workspace)
        self.desks = HelpDesksTab(workspace)
        self.security = SecurityTab(workspace, settings, centre_name)
        self.tabs.addTab(self.operators, self.tr("&Operators"))
        self.tabs.addTab(self.desks, self.tr("&Help desks"))
        self.tabs.addTab(self.security, self.tr("&Security and settings"))
        self.backup = BackupTab(workspace, username)
        self.retention = RetentionTab(workspace)
        self.disclosure = DisclosureBox(workspace)
        cast(QVBoxLayout, self.security.body).insertWidget(1, self.disclosure)
        self.today_settings = TodaySettingsBox(workspace)
        cast(QVBoxLayout, self.security.body).insertWidget(2, self.today_settings)
        self.tabs.addTab(self.backup, self.tr("&Backup"))
        self.tabs.addTab(self.retention, self.tr("&Retention"))
        self.structure = StructureTab(workspace)
        self.tabs.addTab(self.structure, self.tr("Str&ucture (ISTAT)"))
        self.centre = CentreTab(workspace)
        self.tabs.addTab(self.centre, self.tr("PCs &in the centre"))
        self.desks.changed.connect(self.operators.refresh)  # the desk combo of 'add operator'
        self.desks.changed.connect(self.structure.refresh)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 24)
        layout.setSpacing(14)
        layout.addWidget(heading)
        layout.addWidget(self.tabs)
        load_on_first_show(self, self.refresh)  # not at unlock: an administrator mostly works on cases

    def refresh(self) -> None:
        self.operators.refresh()
        self.desks.refresh()
        self.structure.refresh()
        self.centre.refresh()

    def clear(self) -> None:
        for tab in (
            self.operators,
            self.desks,
            self.security,
            self.backup,
            self.retention,
            self.disclosure,
            self.structure,
            self.today_settings,
            self.centre,
        ):
            tab.clear()
