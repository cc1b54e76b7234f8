"""Outbox (coordinatrice and amministratrice): what waits to leave, what failed and why, "send now", the
PEC receipts kept as proof, and what arrived in the inbox. An administrator sets the routes here too.

Everything shown comes from the services as plain data; names and reasons from outside (file names of
attachments) are table items, i.e. plain text.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QSize, Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services import inbox, outbox
from app.services.errors import UserError
from app.services.routes import (
    DESTINATIONS,
    EmailRoute,
    FolderRoute,
    Route,
    RouteView,
    editable_route,
    host_and_port,
    routes,
    set_route,
)
from app.services.workspace import Workspace
from app.ui.i18n import error_text
from app.ui.kit import files, messages, operations
from app.ui.kit.first_show import load_on_first_show
from app.ui.kit.form_dialog import FormDialog
from app.ui.kit.styles import PAGE_STYLE, moment_text


class _Table(QTableWidget):
    """Asks for two rows, not Qt's 192 px: the page must fit 768 px without scrolling as a whole, and the
    tables still take the height there is (as on the Network page)."""

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), 2 * self.verticalHeader().defaultSectionSize() + 30)


def _table(headers: list[str], name: str, stretch: int) -> QTableWidget:
    table = _Table(0, len(headers))
    table.setTabKeyNavigation(False)
    table.setHorizontalHeaderLabels(headers)
    table.setAccessibleName(name)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    table.setAlternatingRowColors(True)
    return table


def _fill(table: QTableWidget, rows: list[list[str]], data: list[Any]) -> None:
    table.setRowCount(len(rows))
    for r, (row, value) in enumerate(zip(rows, data, strict=True)):
        for c, text in enumerate(row):
            item = QTableWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, value)
            table.setItem(r, c, item)


class OutboxPage(QWidget):
    def __init__(self, workspace: Workspace, administrator: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet(PAGE_STYLE)
        self.workspace = workspace
        self.views: list[outbox.ItemView] = []
        heading = QLabel(self.tr("Outbox"))
        heading.setObjectName("title")
        intro = QLabel(
            self.tr(
                "Releases for the network and bundles for the main office wait here until they are delivered. "
                "Failed items are tried again by themselves; Send now tries everything at once."
            )
        )
        intro.setObjectName("subtitle")
        intro.setWordWrap(True)
        self.routes_label = QLabel()
        self.routes_label.setWordWrap(True)
        self.routes_label.setTextFormat(Qt.TextFormat.PlainText)
        self.send_button = QPushButton(self.tr("Send &now"))
        self.send_button.setObjectName("primary")
        self.receipt_button = QPushButton(self.tr("Save the &receipt…"))
        self.inbox_button = QPushButton(self.tr("Check the &inbox"))
        self.route_button = QPushButton(self.tr("Set a ro&ute…"))
        self.route_button.setVisible(administrator)
        self.send_button.clicked.connect(self.send_now)
        self.receipt_button.clicked.connect(self.save_receipt)
        self.inbox_button.clicked.connect(self.check_inbox)
        self.route_button.clicked.connect(self.edit_route)
        buttons = QGridLayout()
        for index, button in enumerate(
            (self.send_button, self.inbox_button, self.receipt_button, self.route_button)
        ):
            buttons.addWidget(button, index // 2, index % 2)
        buttons.setColumnStretch(2, 1)
        self.items = _table(
            [self.tr("State"), self.tr("What"), self.tr("To"), self.tr("Since"), self.tr("Why")],
            self.tr("Outbox"),
            4,  # the reason takes what is left: the subject (centre, period, kind) is read whole
        )
        self.arrived = _table(
            [self.tr("File"), self.tr("Outcome"), self.tr("Reason"), self.tr("Received")], self.tr("Inbox"), 2
        )
        inbox_heading = QLabel(self.tr("Inbox"))
        inbox_heading.setObjectName("section")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 24)
        layout.setSpacing(12)
        for widget in (heading, intro, self.routes_label):
            layout.addWidget(widget)
        layout.addLayout(buttons)
        layout.addWidget(self.items, 2)
        layout.addWidget(inbox_heading)
        layout.addWidget(self.arrived, 1)
        load_on_first_show(self, self.refresh)

    # --- reading ----------------------------------------------------------------------------------------
    def refresh(self) -> None:
        ws = self.workspace
        operations.run(
            self, lambda: (outbox.items(ws), routes(ws), inbox.entries(ws)), self._show, busy=False
        )

    def _show(self, found: tuple[list[outbox.ItemView], list[RouteView], list[inbox.EntryView]]) -> None:
        views, routed, entries = found
        self.views = views
        self.routes_label.setText(
            "\n".join(f"{self._destination(v.destination)}: {v.summary}" for v in routed)
            or self.tr("No route is set: releases are carried by hand, as files.")
        )
        _fill(
            self.items,
            [
                [
                    self._state(v.state),
                    v.subject,
                    self._destination(v.destination),
                    moment_text(v.changed_at),
                    self._reason(v.reason),
                ]
                for v in views
            ],
            views,
        )
        _fill(
            self.arrived,
            [[e.name, self._outcome(e.state), e.reason, moment_text(e.received_at)] for e in entries],
            entries,
        )

    def _state(self, state: str) -> str:
        return QCoreApplication.translate("Outbox", outbox.STATE_LABELS.get(state, state))

    def _reason(self, reason: str) -> str:
        return (
            QCoreApplication.translate("Outbox", outbox.REASONS[reason]) if reason in outbox.REASONS else ""
        )

    def _destination(self, destination: str) -> str:
        labels = {
            "network": self.tr("network"),
            "centre": self.tr("main office"),
            "inbox": self.tr("inbox"),
        }
        return labels.get(destination, destination)

    def _outcome(self, state: str) -> str:
        labels = {
            inbox.ACCEPTED: self.tr("accepted"),
            inbox.UNTRUSTED: self.tr("key to check"),
            inbox.REFUSED: self.tr("refused"),
            inbox.WAITING: self.tr("to receive"),
        }
        return labels.get(state, state)

    # --- actions ----------------------------------------------------------------------------------------
    @Slot()
    def send_now(self) -> None:
        ws = self.workspace

        def work() -> tuple[outbox.SendResult, int]:
            result = outbox.send(ws, everything=True)
            return result, outbox.check_receipts(ws)

        operations.run(self, work, self._sent, on_finished=self.refresh, busy_text=self.tr("Sending…"))

    def _sent(self, done: tuple[outbox.SendResult, int]) -> None:
        result, receipts = done
        messages.inform(
            self,
            self.tr("Outbox"),
            self.tr("Sent: %1; failed: %2; still waiting: %3; delivery receipts: %4.")
            .replace("%1", str(result.delivered))
            .replace("%2", str(result.failed))
            .replace("%3", str(result.waiting))
            .replace("%4", str(receipts)),
        )

    @Slot()
    def check_inbox(self) -> None:
        ws = self.workspace
        operations.run(
            self,
            lambda: inbox.fetch_inbox(ws),
            lambda found: messages.inform(
                self, self.tr("Inbox"), self.tr("New attachments: %n.", "", len(found))
            ),
            on_finished=self.refresh,
            busy_text=self.tr("Reading the inbox…"),
        )

    @Slot()
    def save_receipt(self) -> None:
        row = self.items.currentRow()
        view = self.views[row] if 0 <= row < len(self.views) else None
        if view is None or not view.receipts:
            messages.inform(self, self.tr("Outbox"), self.tr("Choose an item with a delivery receipt first."))
            return
        index = len(view.receipts) - 1  # the latest: the delivery receipt once it came
        path = files.save_file(
            self,
            self.tr("Save the receipt"),
            Path.home() / f"ricevuta-{view.id}.eml",
            self.tr("E-mail (*.eml)"),
        )
        if path is not None:
            ws = self.workspace
            operations.run(self, lambda: outbox.save_receipt(ws, view.id, index, path), lambda _none: None)

    @Slot()
    def edit_route(self) -> None:
        dialog = RouteDialog(self.workspace, self)
        dialog.accepted.connect(self.refresh)
        dialog.open()


class RouteDialog(FormDialog):
    """One destination's route: e-mail (SMTP, and IMAP for PEC receipts or the inbox) or a folder."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Route"), parent)
        self.workspace = workspace
        self.destination = QComboBox()
        for code, label in zip(
            DESTINATIONS,
            (self.tr("Network (releases)"), self.tr("Main office (bundles)"), self.tr("Inbox")),
            strict=True,
        ):
            self.destination.addItem(label, code)
        self.kind = QComboBox()
        self.kind.addItem(self.tr("E-mail (PEC)"), "email")
        self.kind.addItem(self.tr("Folder (USB stick, share)"), "folder")
        self.address = QLineEdit()
        self.smtp = QLineEdit()
        self.smtp.setPlaceholderText("smtps.pec.example.it:465")
        self.starttls = QCheckBox(self.tr("STARTTLS (port 587) instead of TLS"))
        self.recipients = QLineEdit()
        self.recipients.setPlaceholderText(self.tr("addresses separated by commas"))
        self.imap = QLineEdit()
        self.imap.setPlaceholderText("imaps.pec.example.it:993")
        self.login = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.folder = QLineEdit()
        email = QWidget()
        email_form = QGridLayout(email)
        email_form.setContentsMargins(0, 0, 0, 0)
        rows = (
            (self.tr("Addr&ess:"), self.address),
            (self.tr("Outgoing server:"), self.smtp),
            ("", self.starttls),
            (self.tr("Rec&ipients:"), self.recipients),
            (self.tr("Incoming server:"), self.imap),
            (self.tr("User &name:"), self.login),
            (self.tr("Pass&word:"), self.password),
        )
        for r, (text, field) in enumerate(rows):
            caption = QLabel(text)
            caption.setBuddy(field)
            email_form.addWidget(caption, r, 0)
            email_form.addWidget(field, r, 1)
        folder = QWidget()
        folder_form = QGridLayout(folder)
        folder_form.setContentsMargins(0, 0, 0, 0)
        folder_caption = QLabel(self.tr("&Folder:"))
        folder_caption.setBuddy(self.folder)
        folder_form.addWidget(folder_caption, 0, 0)
        folder_form.addWidget(self.folder, 0, 1)
        self.stack = QStackedWidget()
        self.stack.addWidget(email)
        self.stack.addWidget(folder)
        self.kind.currentIndexChanged.connect(self.stack.setCurrentIndex)
        self.form.addRow(self.tr("&Destination:"), self.destination)
        self.form.addRow(self.tr("&How:"), self.kind)
        self.form.addRow(self.stack)
        self.password_stored = False  # the route being edited has a password: an empty field keeps it
        self.loaded = EmailRoute(
            "", "", ""
        )  # what the fields do not show (a certificate, the IMAP folder) stays
        self.destination.currentIndexChanged.connect(self._load)
        self._load()

    @Slot()
    def _load(self) -> None:
        """The route already set for the destination chosen, to edit rather than type again; the fields wait
        for it, so that nothing she types is overwritten."""
        ws, destination = self.workspace, str(self.destination.currentData())
        self._editable(False)
        operations.run(
            self,
            lambda: editable_route(ws, destination),
            lambda found: self._show(destination, found),
            on_finished=lambda: self._editable(True),
            busy=False,
        )

    def _editable(self, enabled: bool) -> None:
        self.kind.setEnabled(enabled)
        self.stack.setEnabled(enabled)

    def _show(self, destination: str, route: Route | None) -> None:
        if destination != self.destination.currentData():
            return  # she chose another destination meanwhile
        email = route if isinstance(route, EmailRoute) else EmailRoute("", "", "")
        self.kind.setCurrentIndex(1 if isinstance(route, FolderRoute) else 0)
        self.folder.setText(route.path if isinstance(route, FolderRoute) else "")
        self.address.setText(email.address)
        self.smtp.setText(f"{email.smtp_host}:{email.smtp_port}" if email.smtp_host else "")
        self.starttls.setChecked(email.security == "starttls")
        self.recipients.setText(", ".join(email.recipients))
        self.imap.setText(f"{email.imap_host}:{email.imap_port}" if email.imap_host else "")
        self.login.setText(email.username if email.username != email.address else "")
        self.password.clear()
        self.loaded = email
        self.password_stored = isinstance(route, EmailRoute)
        self.password.setPlaceholderText(
            self.tr("unchanged (type to replace it)") if self.password_stored else ""
        )

    def route(self) -> Route:
        if self.kind.currentData() == "folder":
            return FolderRoute(str(Path(self.folder.text().strip()).expanduser()))
        smtp_host, smtp_port = host_and_port(self.smtp.text(), 465)
        imap_host, imap_port = host_and_port(self.imap.text(), 993)
        address = self.address.text().strip()
        return replace(
            self.loaded,
            address=address,
            username=self.login.text().strip() or address,
            password=self.password.text(),
            smtp_host=smtp_host,
            smtp_port=smtp_port,
            security="starttls" if self.starttls.isChecked() else "tls",
            recipients=tuple(r.strip() for r in self.recipients.text().split(",") if r.strip()),
            imap_host=imap_host,
            imap_port=imap_port,
        )

    def problem(self) -> str | None:
        """Checked on the GUI thread before any work: the password typed, the ports numbers."""
        if self.kind.currentData() == "email":
            if not self.password.text() and not self.password_stored:
                return self.tr("Type the mailbox password.")
            try:
                host_and_port(self.smtp.text(), 465)
                host_and_port(self.imap.text(), 993)
            except UserError as exc:
                return error_text(exc)
        return None

    def work(self) -> Any:
        ws, destination, route = self.workspace, str(self.destination.currentData()), self.route()
        return lambda: set_route(ws, destination, route, keep_password=True)
