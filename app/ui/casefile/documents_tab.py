"""Documents: the papers attached to her file (PDF, PNG, JPEG), kept encrypted inside the database.

The list shows names, kinds, dates, sizes and who added them; adding reads the chosen file into memory
(app.services.cases.documents checks and stores it); viewing and printing happen inside the program, in
`DocumentDialog`, with no file written anywhere. Every view, print and removal is audited by the service.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from app.services.cases import CaseFile
from app.services.cases import documents as docs
from app.ui.casefile.base import CaseContext, CaseTab, selected_key, table_view
from app.ui.kit import files, messages, operations
from app.ui.kit.document_viewer import DocumentViewer
from app.ui.kit.fields import hint
from app.ui.models.rows import RowsModel
from app.ui.pages.operators import local_time

NAME_FILTER = "*.pdf *.png *.jpg *.jpeg *.PDF *.PNG *.JPG *.JPEG"


def size_text(size: int) -> str:
    if size >= docs.MIB:
        return f"{size / docs.MIB:.1f} MB"
    return f"{max(1, round(size / 1024))} kB"


class DocumentDialog(QDialog):
    """One of her documents in the viewer; a print is audited before anything reaches the printer."""

    def __init__(
        self, context: CaseContext, opened: docs.OpenedDocument, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.document_id = opened.id
        self.setWindowTitle(opened.name)
        self.setModal(True)
        self.viewer = DocumentViewer(opened.content, self)
        self.viewer.print_gate = self._audit_then
        self.viewer.printed.connect(lambda: context.toast(self.tr("Document sent to the printer")))
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.viewer, 1)
        layout.addWidget(close)
        self.resize(1100, 700)
        self.finished.connect(lambda _: self.viewer.close_document())

    def _audit_then(self, proceed: object) -> None:
        ws, document_id = self.context.workspace, self.document_id
        assert callable(proceed)
        operations.run(self, lambda: docs.record_print(ws, document_id), lambda _: proceed())


class DocumentsTab(CaseTab):
    def __init__(self, context: CaseContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.model = RowsModel(
            [self.tr("Name"), self.tr("Kind"), self.tr("Added"), self.tr("Size"), self.tr("Added by")]
        )
        self.table = table_view(self.model, self.tr("Documents"), stretch=0)
        self.table.doubleClicked.connect(self._double_clicked)
        self.add_button = QPushButton(self.tr("&Add…"))
        self.add_button.setToolTip(self.tr("Attach a PDF, PNG or JPEG file to her file (kept encrypted)"))
        self.view_button = QPushButton(self.tr("Vie&w"))
        self.print_button = QPushButton(self.tr("Print &document…"))
        self.remove_button = QPushButton(self.tr("Re&move…"))
        self.add_button.clicked.connect(self.add)
        self.view_button.clicked.connect(self.view)
        self.print_button.clicked.connect(self.print_selected)
        self.remove_button.clicked.connect(self.remove)
        enter = QShortcut(QKeySequence(Qt.Key.Key_Return), self.table)
        enter.setContext(Qt.ShortcutContext.WidgetShortcut)
        enter.activated.connect(self.view)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.view_button, self.print_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addLayout(buttons)
        layout.addWidget(
            hint(
                self.tr(
                    "PDF documents and PNG or JPEG images, up to {file} MB each and {case} MB for her file; "
                    "kept encrypted with her file, shown and printed only here."
                ).format(file=docs.MAX_FILE_BYTES // docs.MIB, case=docs.MAX_CASE_BYTES // docs.MIB)
            )
        )
        layout.addWidget(self.table, 1)
        self.removable: set[int] = set()  # the listed documents she may remove
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self._update_buttons()

    def show_case(self, case: CaseFile) -> None:
        super().show_case(case)
        self.reload_list()

    def clear(self) -> None:
        super().clear()
        self.model.clear()
        self.removable = set()
        self._update_buttons()

    def reload_list(self) -> None:
        if self.case is None:
            return
        ws, case_id = self.context.workspace, self.case.id
        operations.run(self, lambda: docs.list_documents(ws, case_id), self._listed, busy=False)

    def _listed(self, listed: list[docs.DocumentView]) -> None:
        self.removable = {d.id for d in listed if d.removable}
        self.model.set_rows(
            [
                (d.id, [d.name, d.kind, local_time(d.added_at), size_text(d.size), d.added_by or "—"])
                for d in listed
            ]
        )
        self._update_buttons()

    @Slot()
    def _update_buttons(self) -> None:
        chosen = selected_key(self.table)
        self.add_button.setEnabled(self.writable)
        for button in (self.view_button, self.print_button):
            button.setEnabled(chosen is not None)
        removable = chosen is not None and int(chosen) in self.removable
        self.remove_button.setEnabled(removable)
        self.remove_button.setToolTip(
            ""
            if removable or chosen is None
            else self.tr("Only whoever attached this document, or an administrator, can remove it")
        )

    @Slot()
    def add(self) -> None:
        if self.case is None:
            return
        path = files.open_file(
            self.window(),
            self.tr("Attach a document"),
            Path.home(),
            self.tr("Documents and images ({patterns});;All files (*)").format(patterns=NAME_FILTER),
        )
        if path is None:
            return
        ws, case_id = self.context.workspace, self.case.id
        operations.run(
            self,
            lambda: docs.add_document(ws, case_id, path),
            lambda _: self._added(),
            busy_text=self.tr("Encrypting the document…"),
        )

    def _added(self) -> None:
        self.context.toast(self.tr("Document attached"))
        self.changed.emit()  # the case reloads: the history shows the addition

    def _double_clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.view()

    @Slot()
    def view(self) -> None:
        self._open(then_print=False)

    @Slot()
    def print_selected(self) -> None:
        """Print from the list: the document opens in the viewer, with the print dialog over it."""
        self._open(then_print=True)

    def _open(self, then_print: bool) -> None:
        document_id = selected_key(self.table)
        if document_id is None:
            return
        ws = self.context.workspace
        operations.run(
            self,
            lambda: docs.open_document(ws, int(document_id)),
            lambda opened: self._show(opened, then_print),
        )

    def _show(self, opened: docs.OpenedDocument, then_print: bool) -> None:
        dialog = DocumentDialog(self.context, opened, self.window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()
        if then_print:
            dialog.viewer.print_document()

    @Slot()
    def remove(self) -> None:
        document_id = selected_key(self.table)
        if document_id is None:
            return
        name = next(values[0] for key, values in self.model.rows if key == document_id)
        answer = messages.ask(
            self.window(),
            self.tr("Remove the document"),
            self.tr(
                "Remove “{name}” from her file? It is erased for good: only a backup made before holds it."
            ).format(name=name),
        )
        if answer != messages.Button.Yes:
            return
        ws = self.context.workspace
        operations.run(
            self,
            lambda: docs.remove_document(ws, int(document_id)),
            lambda _: self._removed(),
            busy_text=self.tr("Removing the document…"),
        )

    def _removed(self) -> None:
        self.context.toast(self.tr("Document removed"))
        self.changed.emit()
