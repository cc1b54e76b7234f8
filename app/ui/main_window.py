"""The unlocked session: navigation, pages, toolbar, status bar. Destroyed as a whole on every lock."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import cast

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence, QMouseEvent, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.services.accounts import Role
from app.services.workspace import Workspace
from app.ui.dialogs.password import ChangePasswordDialog
from app.ui.i18n import role_label
from app.ui.kit.banner import Banner
from app.ui.kit.icons import icon
from app.ui.pages.admin import AdminPage
from app.ui.pages.agenda import AgendaPage
from app.ui.pages.backup_banner import BackupReminderBanner
from app.ui.pages.cases import CasesPage
from app.ui.pages.contact import QuickContactPage
from app.ui.pages.network import NetworkPage
from app.ui.pages.outbox import OutboxPage
from app.ui.pages.reports import ReportsPage
from app.ui.pages.today import TodayPage
from app.ui.session import SessionInfo
from app.ui.settings import UiSettings

NAVIGATION_WIDTH = 204


class FailedAttemptsBanner(Banner):
    """Non-modal notice after unlock: someone may have tried her account."""

    def __init__(self, failures: int, parent: QWidget | None = None, administrator: bool = False) -> None:
        super().__init__("", parent, selectable=True)
        if administrator:  # "tell your administrator" would send her to herself
            advice = self.tr("If it was not you, change your password now.")
        else:
            advice = self.tr("If it was not you, tell your administrator.")
        text = self.tr("%n failed login attempt(s) on your account since your last login.", "", failures)
        self.text.setText(f"{text} {advice}")


@dataclass
class _LazyPage:
    key: str
    build: Callable[[], QWidget]
    scroll: QScrollArea
    page: QWidget | None = None


class MainWindow(QMainWindow):
    """Lives inside the shell window; the lock and quick-hide actions belong to the controller."""

    # The administration page's, forwarded: the page is built only when first shown.
    idle_minutes_changed = Signal(int)
    restored = Signal(object)
    session_lost = Signal()

    def __init__(
        self,
        workspace: Workspace,
        info: SessionInfo,
        settings: UiSettings,
        quick_hide: QAction,
        lock: QAction,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowFlags(Qt.WindowType.Widget)
        self.workspace = workspace
        self.info = info
        self.dialog: ChangePasswordDialog | None = None
        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setAccessibleName(self.tr("Sections"))
        self.navigation.setIconSize(QSize(20, 20))
        self.navigation.setFixedWidth(NAVIGATION_WIDTH)
        self.navigation.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.pages = QStackedWidget()
        self._lazy: list[_LazyPage] = []
        self.today_page = TodayPage(workspace, info)
        self._add_page("today", self.tr("Today"), lambda: self.today_page)
        self.today_page.open_case.connect(self.open_case_at)
        self.today_page.count_changed.connect(self.show_today_count)
        self._add_page("agenda", self.tr("Agenda"), self._build_agenda)
        self.navigation.item(1).setToolTip(
            self.tr("The week's appointments, reviews and deadlines (Ctrl+Shift+A)")
        )
        self._add_page("cases", self.tr("Cases"), lambda: CasesPage(workspace, info))
        self._add_page("contact", self.tr("Quick contact"), lambda: QuickContactPage(workspace, info))
        if info.actor.at_least(Role.COORDINATRICE):
            self._add_page("reports", self.tr("Reports"), self._build_reports)
            self._add_page("network", self.tr("Network"), lambda: NetworkPage(workspace))
            administrator = info.actor.role is Role.AMMINISTRATRICE
            self._add_page(
                "outbox", self.tr("Outbox"), lambda: OutboxPage(workspace, administrator=administrator)
            )
        if info.actor.role is Role.AMMINISTRATRICE:
            self._add_page(
                "admin",
                self.tr("Administration"),
                lambda: self._build_admin(settings),
            )
        self._built(0)
        self.navigation.currentRowChanged.connect(self._show_row)
        self.navigation.setCurrentRow(0)
        viewport = self.navigation.viewport()
        if viewport is not None:
            viewport.installEventFilter(self)  # "Cases" clicked again from a case file: back to the list

        self.banner: FailedAttemptsBanner | None = None
        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        if info.failed_attempts:
            self.banner = FailedAttemptsBanner(
                info.failed_attempts, administrator=info.actor.role is Role.AMMINISTRATRICE
            )
            holder = QHBoxLayout()
            holder.setContentsMargins(16, 12, 16, 0)
            holder.addWidget(self.banner)
            column.addLayout(holder)
        self.notice: Banner | None = None
        if info.notice:
            self.notice = Banner(info.notice, selectable=True)
            self.notice.setObjectName("success")
            holder = QHBoxLayout()
            holder.setContentsMargins(16, 12, 16, 0)
            holder.addWidget(self.notice)
            column.addLayout(holder)
        self.backup_banner: BackupReminderBanner | None = None
        if "admin" in self.page_keys():
            self.backup_banner = BackupReminderBanner(workspace)
            self.backup_banner.open_backup.connect(self.open_backup_tab)
            holder = QHBoxLayout()
            holder.setContentsMargins(16, 12, 16, 0)
            holder.addWidget(self.backup_banner)
            column.addLayout(holder)
        column.addWidget(self.pages, 1)
        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.navigation)
        row.addWidget(content, 1)
        self._build_toolbar(quick_hide, lock)  # first in the focus chain, as it is first on screen
        self.setCentralWidget(central)
        self._build_status_bar()
        self._bind_shortcuts()

    def _add_page(self, key: str, title: str, build: Callable[[], QWidget]) -> None:
        """Each page scrolls when the window is lower than it (1280x720 at 125% leaves about 500 px).

        A page is built the first time it is shown or asked for, not at unlock: building every page
        of an administrator's window took about two seconds, most of it Qt re-styling each widget
        tree as it is moved into the window, for pages she may not open in the session."""
        item = QListWidgetItem(icon(key), title)
        item.setData(Qt.ItemDataRole.UserRole, key)
        self.navigation.addItem(item)
        scroll = QScrollArea()
        scroll.setObjectName("pageScroll")
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidgetResizable(True)
        self.pages.addWidget(scroll)
        self._lazy.append(_LazyPage(key, build, scroll))

    def _built(self, index: int) -> QWidget:
        lazy = self._lazy[index]
        if lazy.page is None:
            lazy.page = lazy.build()
            lazy.scroll.setWidget(lazy.page)
        return lazy.page

    def _page_of(self, key: str) -> QWidget | None:
        """The page `key`, built if it was not yet; None when her role has no such page."""
        index = next((i for i, lazy in enumerate(self._lazy) if lazy.key == key), None)
        return None if index is None else self._built(index)

    @Slot(int)
    def _show_row(self, row: int) -> None:
        if row >= 0:
            self._built(row)
        self.pages.setCurrentIndex(row)

    def _build_agenda(self) -> AgendaPage:
        page = AgendaPage(self.workspace, self.info)
        page.open_case.connect(self.open_case_at)
        return page

    def _build_reports(self) -> ReportsPage:
        page = ReportsPage(self.workspace)
        page.open_cases.connect(self.show_cases)
        return page

    def _build_admin(self, settings: UiSettings) -> AdminPage:
        page = AdminPage(self.workspace, settings, self.info.centre_name, self.info.actor.username)
        page.security.idle_minutes_changed.connect(self.idle_minutes_changed)
        page.backup.restored.connect(self.restored)
        page.backup.session_lost.connect(self.session_lost)
        if self.backup_banner is not None:
            page.backup.backed_up.connect(self.backup_banner.hide)
        return page

    @property
    def agenda_page(self) -> AgendaPage:
        return cast(AgendaPage, self._page_of("agenda"))

    @property
    def cases_page(self) -> CasesPage:
        return cast(CasesPage, self._page_of("cases"))

    @property
    def contact_page(self) -> QuickContactPage:
        return cast(QuickContactPage, self._page_of("contact"))

    @property
    def reports_page(self) -> ReportsPage | None:
        return cast("ReportsPage | None", self._page_of("reports"))

    @property
    def network_page(self) -> NetworkPage | None:
        return cast("NetworkPage | None", self._page_of("network"))

    @property
    def outbox_page(self) -> OutboxPage | None:
        return cast("OutboxPage | None", self._page_of("outbox"))

    @property
    def admin_page(self) -> AdminPage | None:
        return cast("AdminPage | None", self._page_of("admin"))

    def page(self, index: int) -> QWidget:
        """The page at `index` of the navigation (built if it was not yet)."""
        return self._built(index)

    def page_keys(self) -> list[str]:
        """The pages in navigation order (what the sections list shows)."""
        return [lazy.key for lazy in self._lazy]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """A click on the section already shown goes back to its start: "Cases" from an open case file
        shows the list, as the sidebar of any program does."""
        if event.type() == QEvent.Type.MouseButtonPress and isinstance(event, QMouseEvent):
            row = self.navigation.indexAt(event.position().toPoint()).row()
            if row == self.navigation.currentRow() and row >= 0 and self.page_keys()[row] == "cases":
                self.cases_page.show_list()
        return super().eventFilter(watched, event)

    def show_page(self, key: str) -> None:
        self.navigation.setCurrentRow(self.page_keys().index(key))

    def show_cases(self, codes: list[str]) -> None:
        """The case list narrowed to these codes (the data-quality check's), to work through."""
        self.show_page("cases")
        self.cases_page.show_list()
        self.cases_page.list.show_codes(
            codes, self.tr("%n case(s) found by the data-quality check.", "", len(codes))
        )

    @Slot(int, str)
    def open_case_at(self, case_id: int, tab: str) -> None:
        """A line of "Oggi": her case, at the tab where the work is done."""
        self.show_page("cases")
        self.cases_page.open_case(case_id, tab)

    def _bind_shortcuts(self) -> None:
        """Ctrl+F and Ctrl+Shift+N from anywhere in the window, the sections list included: bound to the
        window, not to a page (a page's shortcut only works while the focus is inside it)."""
        for keys, slot in (
            (QKeySequence.StandardKey.Find, self.find_case),
            ("Ctrl+Shift+N", self.new_case),
            ("Ctrl+Shift+A", self.show_agenda),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(slot)

    @Slot()
    def new_case(self) -> None:
        self.show_page("cases")
        self.cases_page.start_intake()

    @Slot()
    def show_agenda(self) -> None:
        self.show_page("agenda")
        self.agenda_page.focus_start()

    @Slot()
    def find_case(self) -> None:
        self.show_page("cases")
        self.cases_page.show_list()
        self.cases_page.list.focus_search()

    def focus_start(self) -> None:
        """At unlock: the first page's list (Ctrl+F reaches the case search from there)."""
        self.today_page.focus_start()

    @Slot(int)
    def show_today_count(self, count: int) -> None:
        item = self.navigation.item(self.page_keys().index("today"))
        title = self.tr("Today")
        item.setText(f"{title} ({count})" if count else title)
        item.setToolTip(self.tr("%n thing(s) due today", "", count) if count else "")

    @Slot()
    def open_backup_tab(self) -> None:
        admin_page = self.admin_page
        if admin_page is not None:
            self.show_page("admin")
            admin_page.tabs.setCurrentWidget(admin_page.backup)

    def _build_toolbar(self, quick_hide: QAction, lock: QAction) -> None:
        toolbar = QToolBar(self.tr("Main toolbar"))
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.setIconSize(QSize(20, 20))
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        centre = QLabel(self.info.centre_name)
        centre.setObjectName("subtitle")
        centre.setContentsMargins(8, 0, 8, 0)
        toolbar.addWidget(centre)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        toolbar.addWidget(spacer)
        toolbar.addAction(quick_hide)
        toolbar.addAction(lock)
        self.user_menu = QMenu(self)
        self.change_password_action = self.user_menu.addAction(self.tr("Change &password…"))
        self.change_password_action.triggered.connect(self.change_password)
        self.user_menu.addSeparator()
        self.user_menu.addAction(lock)
        user = QToolButton()
        user.setObjectName("userButton")
        user.setIcon(icon("user"))
        user.setText(self.info.actor.full_name)
        user.setAccessibleName(self.tr("User menu"))
        user.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        user.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        user.setMenu(self.user_menu)
        toolbar.addWidget(user)
        self.addToolBar(toolbar)

    def _build_status_bar(self) -> None:
        actor = self.info.actor
        parts = [actor.full_name, role_label(actor.role)]
        parts.append(self.info.desk_name or self.tr("all help desks"))
        self.who = QLabel("  ·  ".join(parts))
        self.who.setObjectName("statusUser")
        self.statusBar().addWidget(self.who)
        self.statusBar().setSizeGripEnabled(False)

    @Slot()
    def change_password(self) -> None:
        dialog = ChangePasswordDialog(self.workspace, self.window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()

    def clear(self) -> None:
        """Called on lock before the window is destroyed: drop every model and text it shows."""
        for lazy in self._lazy:
            clear = getattr(lazy.page, "clear", None)  # pages never shown hold nothing
            if callable(clear):
                clear()
        self.navigation.clear()
        self.who.clear()
