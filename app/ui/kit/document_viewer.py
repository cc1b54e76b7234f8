"""A viewer for a PDF or an image held in memory, with page navigation, zoom and printing.

Built from bytes (`DocumentViewer(data)`), never from a file: her documents are decrypted into memory
and shown from there, with no temporary file for an outside viewer. PDF pages are rendered by PDFium
(app.services.pdf_pages, under its process-wide lock) one page at a time, when shown; PNG and JPEG
images by Qt (`QImage.fromData`). A document that cannot be read shows one clear sentence, never a
traceback. Printing goes through Qt's print dialog and paints the rendered pages onto the printer.

Reusable: any PDF Ascolto makes can be previewed with it. A caller that must record a print first (her
documents are audited) sets `print_gate`: it receives the continuation and calls it once allowed.

Keyboard: Page Down / Page Up (next, previous page), Home / End (first, last), Ctrl++ / Ctrl+- (zoom),
Ctrl+0 (fit the width), Ctrl+P (print).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QRectF, QSize, Qt, Signal, Slot
from PySide6.QtGui import QImage, QKeySequence, QPainter, QPixmap, QResizeEvent, QShortcut, QShowEvent
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.services.errors import UserError
from app.services.pdf_pages import ClosedDocument, PdfPages, Pixels, bounded_scale
from app.ui.i18n import error_text
from app.ui.kit import operations

ZOOM_STEPS = (0.25, 0.33, 0.5, 0.67, 0.75, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0, 4.0)
PRINT_DPI = 300  # enough for any office printer; a page rendered finer only costs memory
POINTS_PER_INCH = 72.0

PrintGate = Callable[[Callable[[], None]], None]


def exec_print_dialog(printer: QPrinter, parent: QWidget | None) -> bool:
    """The one place the viewer's print dialog blocks; tests replace it (to print into a PDF file)."""
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(QCoreApplication.translate("DocumentViewer", "Print the document"))
    return dialog.exec() == QDialog.DialogCode.Accepted


def _image(pixels: Pixels) -> QImage:
    image = QImage(pixels.data, pixels.width, pixels.height, pixels.stride, QImage.Format.Format_RGBX8888)
    return image.copy()  # its own pixels: the bytes above may go


class _Source:
    """The pages of the document, whatever its kind: their size in points and a rendering at a scale."""

    def __init__(self, data: bytes) -> None:
        self.pdf: PdfPages | None = None
        self.image: QImage | None = None
        if data.startswith(b"%PDF-"):
            self.pdf = PdfPages(data)  # UnreadablePdf (a UserError) when PDFium cannot open it
            return
        image = QImage.fromData(data)
        if image.isNull():
            raise UserError(
                QCoreApplication.translate(
                    "DocumentViewer", "This image cannot be shown: it is damaged or not a PNG or JPEG image."
                )
            )
        self.image = image

    def __len__(self) -> int:
        return len(self.pdf) if self.pdf is not None else 1

    def size(self, index: int) -> tuple[float, float]:
        """The page in points (an image: one point a pixel, as at 100 %)."""
        if self.pdf is not None:
            return self.pdf.page_size(index)
        assert self.image is not None
        return float(self.image.width()), float(self.image.height())

    def render(self, index: int, scale: float) -> QImage:
        if self.pdf is not None:
            return _image(self.pdf.render(index, scale))
        assert self.image is not None
        scale = bounded_scale(self.image.width(), self.image.height(), scale)  # as a PDF page is bounded
        if abs(scale - 1.0) < 0.01:
            return self.image
        return self.image.scaled(
            max(1, round(self.image.width() * scale)),
            max(1, round(self.image.height() * scale)),
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )

    def close(self) -> None:
        if self.pdf is not None:
            self.pdf.close()


def _rendered_or_none(source: _Source, index: int, scale: float) -> QImage | None:
    """On the worker thread: the page, or None when the viewer closed the document meanwhile."""
    try:
        return source.render(index, scale)
    except ClosedDocument:
        return None


class DocumentViewer(QWidget):
    """One document from bytes; `error` holds the sentence shown when it cannot be read."""

    printed = Signal()  # after the pages were painted onto the printer

    def __init__(self, data: bytes, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.print_gate: PrintGate = lambda proceed: proceed()
        self.page = 0
        self.zoom = 1.0
        self.fit_width = True
        self.error: str | None = None
        self.source: _Source | None = None
        self._renders = operations.Latest(self)
        try:
            self.source = _Source(data)
        except UserError as exc:
            self.error = error_text(exc)
        self.canvas = QLabel()
        self.canvas.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.canvas.setAccessibleName(self.tr("Document page"))
        self.area = QScrollArea()
        self.area.setWidget(self.canvas)
        self.area.setWidgetResizable(True)
        self.area.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        # always there: a page taller than the window would otherwise bring the bar in after the first fit,
        # and "fit the width" would give the next page another zoom (133 % then 131 %)
        self.area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.area.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.previous_button = QPushButton(self.tr("◀ Pre&vious"))
        self.next_button = QPushButton(self.tr("Ne&xt ▶"))
        self.page_label = QLabel()
        self.zoom_out_button = QPushButton("−")
        self.zoom_in_button = QPushButton("+")
        self.fit_button = QPushButton(self.tr("Fit &width"))
        self.zoom_label = QLabel()
        self.print_button = QPushButton(self.tr("&Print…"))
        self.zoom_out_button.setAccessibleName(self.tr("Zoom out"))
        self.zoom_in_button.setAccessibleName(self.tr("Zoom in"))
        self.zoom_out_button.setToolTip(self.tr("Zoom out (Ctrl+-)"))
        self.zoom_in_button.setToolTip(self.tr("Zoom in (Ctrl++)"))
        self.previous_button.setToolTip(self.tr("Previous page (Page Up)"))
        self.next_button.setToolTip(self.tr("Next page (Page Down)"))
        self.fit_button.setToolTip(self.tr("Fit the page to the width of the window (Ctrl+0)"))
        self.print_button.setToolTip(self.tr("Print the document (Ctrl+P)"))
        for button in (self.zoom_out_button, self.zoom_in_button):
            button.setFixedWidth(36)
        self.previous_button.clicked.connect(self.previous_page)
        self.next_button.clicked.connect(self.next_page)
        self.zoom_out_button.clicked.connect(self.zoom_out)
        self.zoom_in_button.clicked.connect(self.zoom_in)
        self.fit_button.clicked.connect(self.fit)
        self.print_button.clicked.connect(self.print_document)
        bar = QHBoxLayout()
        for widget in (self.previous_button, self.page_label, self.next_button):
            bar.addWidget(widget)
        bar.addStretch(1)
        for widget in (self.zoom_out_button, self.zoom_label, self.zoom_in_button, self.fit_button):
            bar.addWidget(widget)
        bar.addSpacing(16)
        bar.addWidget(self.print_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.area, 1)
        self._shortcuts()
        if self.error is not None:
            self.canvas.setText(self.error)
            self.canvas.setWordWrap(True)
            self.canvas.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
            for button in (self.previous_button, self.next_button, self.zoom_out_button, self.zoom_in_button):
                button.setEnabled(False)
            self.fit_button.setEnabled(False)
            self.print_button.setEnabled(False)
        self._update_controls()

    def _shortcuts(self) -> None:
        keys: list[tuple[QKeySequence | QKeySequence.StandardKey | str, Callable[[], None]]] = [
            (QKeySequence(Qt.Key.Key_PageDown), self.next_page),
            (QKeySequence(Qt.Key.Key_PageUp), self.previous_page),
            (QKeySequence(Qt.Key.Key_Home), self.first_page),
            (QKeySequence(Qt.Key.Key_End), self.last_page),
            (QKeySequence.StandardKey.ZoomIn, self.zoom_in),
            ("Ctrl+=", self.zoom_in),
            (QKeySequence.StandardKey.ZoomOut, self.zoom_out),
            ("Ctrl+0", self.fit),
            (QKeySequence.StandardKey.Print, self.print_document),
        ]
        for key, slot in keys:
            shortcut = QShortcut(key, self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

    # --- state ---------------------------------------------------------------------------------------------
    @property
    def page_count(self) -> int:
        return len(self.source) if self.source is not None else 0

    def _update_controls(self) -> None:
        count = self.page_count
        self.page_label.setText(self.tr("Page {n} of {m}").format(n=self.page + 1, m=count) if count else "")
        self.previous_button.setEnabled(count > 0 and self.page > 0)
        self.next_button.setEnabled(count > 0 and self.page < count - 1)
        self.zoom_label.setText(f"{round(self.zoom * 100)} %" if count else "")

    def _screen_scale(self) -> float:
        """Pixels per point at 100 %: the screen's logical resolution."""
        return self.logicalDpiX() / POINTS_PER_INCH

    def _fit_zoom(self) -> float:
        assert self.source is not None
        width, _ = self.source.size(self.page)
        room = self.area.viewport().width() - 24
        return max(ZOOM_STEPS[0], min(ZOOM_STEPS[-1], room / max(width * self._screen_scale(), 1.0)))

    def show_page(self) -> None:
        """Render the current page at the current zoom (for the screen's pixel ratio) and show it.

        PDFium draws on the worker thread (app.services.pdf_pages serialises it): a page that takes
        seconds (a scanned A3 at 400 %) leaves the window painting and answering; of pages asked for in a
        row (Page Down held), only the newest is shown."""
        if self.source is None:
            return
        if self.fit_width:
            self.zoom = self._fit_zoom()
        self._update_controls()
        source, page, ratio = self.source, self.page, self.devicePixelRatioF()
        scale = self.zoom * self._screen_scale() * ratio
        self._renders.start()
        self._renders.run(
            lambda: _rendered_or_none(source, page, scale),
            lambda image: self._show_image(image, ratio),
            on_user_error=self._page_failed,
            busy_text=self.tr("Drawing the page…"),
        )

    def _show_image(self, image: QImage | None, ratio: float) -> None:
        if image is None or self.source is None:
            return  # closed meanwhile
        pixmap = QPixmap.fromImage(image)
        pixmap.setDevicePixelRatio(ratio)
        self.canvas.setPixmap(pixmap)

    def _page_failed(self, error: UserError) -> None:
        """One damaged page: said in its place; the other pages may still be shown."""
        self.canvas.setText(error_text(error))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.show_page()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.fit_width and self.isVisible():
            self.show_page()

    def sizeHint(self) -> QSize:
        return QSize(900, 640)

    # --- navigation and zoom ------------------------------------------------------------------------------
    def go_to(self, index: int) -> None:
        if self.page_count == 0:
            return
        index = max(0, min(self.page_count - 1, index))
        if index != self.page:
            self.page = index
            self.show_page()
            self.area.verticalScrollBar().setValue(0)

    @Slot()
    def next_page(self) -> None:
        self.go_to(self.page + 1)

    @Slot()
    def previous_page(self) -> None:
        self.go_to(self.page - 1)

    @Slot()
    def first_page(self) -> None:
        self.go_to(0)

    @Slot()
    def last_page(self) -> None:
        self.go_to(self.page_count - 1)

    def set_zoom(self, zoom: float) -> None:
        self.fit_width = False
        self.zoom = max(ZOOM_STEPS[0], min(ZOOM_STEPS[-1], zoom))
        self.show_page()

    @Slot()
    def zoom_in(self) -> None:
        self.set_zoom(next((z for z in ZOOM_STEPS if z > self.zoom + 0.001), ZOOM_STEPS[-1]))

    @Slot()
    def zoom_out(self) -> None:
        self.set_zoom(next((z for z in reversed(ZOOM_STEPS) if z < self.zoom - 0.001), ZOOM_STEPS[0]))

    @Slot()
    def fit(self) -> None:
        self.fit_width = True
        self.show_page()

    # --- printing -----------------------------------------------------------------------------------------
    @Slot()
    def print_document(self) -> None:
        """Qt's print dialog; once a printer is chosen, the gate (an audit), then every page painted."""
        if self.source is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setFromTo(1, self.page_count)
        if not exec_print_dialog(printer, self):
            return
        self.print_gate(lambda: self.print_to(printer))

    def print_to(self, printer: QPrinter) -> None:
        """Paint the pages (those chosen in the dialog, else all) onto `printer`, each fitted to the page."""
        if self.source is None:
            return
        first, last = printer.fromPage(), printer.toPage()
        pages = range(first - 1, last) if first > 0 and last >= first else range(self.page_count)
        pages = range(max(0, pages.start), min(self.page_count, pages.stop))
        scale = min(printer.resolution(), PRINT_DPI) / POINTS_PER_INCH
        painter = QPainter()
        if not painter.begin(printer):
            raise UserError(QCoreApplication.translate("DocumentViewer", "The printer could not be started."))
        try:
            for n, index in enumerate(pages):
                if n:
                    printer.newPage()
                width, height = self.source.size(index)
                image = self.source.render(index, scale if self.source.pdf is not None else 1.0)
                area = QRectF(painter.viewport())
                fitted = min(area.width() / max(width, 1.0), area.height() / max(height, 1.0))
                target = QRectF(0, 0, width * fitted, height * fitted)
                target.moveCenter(QRectF(0, 0, area.width(), area.height()).center())
                target.moveTop(0)
                painter.drawImage(target, image)
        finally:
            painter.end()
        self.printed.emit()

    def close_document(self) -> None:
        """Release the document's pages (PDFium's memory); the viewer shows nothing more."""
        self._renders.cancel()
        if self.source is not None:
            self.source.close()
            self.source = None
        self.canvas.clear()
