"""The Documents tab of the case file: attach a real PDF and a PNG, view them inside the program, print to a
PDF file, remove with confirmation; a damaged document shows a sentence, never a traceback."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QWidget

from app.services.cases import documents as docs
from app.ui.casefile.documents_tab import DocumentDialog
from app.ui.controller import AppController
from app.ui.kit import document_viewer, files, messages
from app.ui.kit.document_viewer import DocumentViewer
from tests.case_fixtures import audit_events
from tests.conftest import ADMIN, OPERATOR
from tests.document_fixtures import make_pdf
from tests.ui.helpers import click, wait_idle
from tests.ui.test_cases_file import new_case, open_case, session

pytestmark = pytest.mark.usefixtures("ui_env")


def _qt_png(path: Path) -> Path:
    image = QImage(120, 80, QImage.Format.Format_RGB32)
    image.fill(QColor(30, 120, 200))
    assert image.save(str(path), "PNG")
    return path


def _select(qtbot: Any, tab: Any, row: int) -> None:
    tab.table.selectRow(row)
    qtbot.waitUntil(lambda: tab.view_button.isEnabled())


def test_attach_view_print_and_remove_through_the_tab(
    qtbot: Any, controller: AppController, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = session(qtbot, controller, ADMIN)
    ws = controller.workspace
    assert ws is not None
    ref = new_case(ws, "Anna", "Colombo")
    open_case(qtbot, window.cases_page, ref.id)
    view = window.cases_page.case_view
    view.tabs.setCurrentWidget(view.documents)
    tab = view.documents
    pdf_path = tmp_path / "ordinanza.pdf"
    pdf_path.write_bytes(make_pdf("Ordinanza di protezione", pages=2))
    for path in (pdf_path, _qt_png(tmp_path / "referto.png")):
        files.set_next(path)
        click(qtbot, tab.add_button)
        wait_idle(qtbot)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 2)
    assert [tab.model.rows[r][1][:2] for r in range(2)] == [["referto.png", "PNG"], ["ordinanza.pdf", "PDF"]]
    assert tab.model.rows[0][1][4] == ADMIN["full_name"]  # who added it

    # a text file named .png is refused with a sentence, nothing added
    fake = tmp_path / "foto.png"
    fake.write_text("non sono un'immagine")
    files.set_next(fake)
    messages.set_next_answer(messages.Button.Ok)
    click(qtbot, tab.add_button)
    wait_idle(qtbot)
    assert any("Only PDF documents and PNG or JPEG images" in text for text in messages.answered)
    assert tab.model.rowCount() == 2

    # the PDF in the viewer: two pages rendered in memory, keyboard navigation and zoom
    _select(qtbot, tab, 1)
    click(qtbot, tab.view_button)
    wait_idle(qtbot)
    qtbot.waitUntil(lambda: isinstance(tab.dialog, DocumentDialog) and tab.dialog.isVisible())
    dialog = tab.dialog
    assert isinstance(dialog, DocumentDialog)
    viewer = dialog.viewer
    wait_idle(qtbot)  # the page is drawn on the worker thread
    assert viewer.error is None and viewer.page_count == 2 and viewer.page == 0
    assert not viewer.canvas.pixmap().isNull()
    viewer.area.setFocus()
    qtbot.keyClick(viewer.area, Qt.Key.Key_PageDown)
    assert viewer.page == 1 and viewer.page_label.text() in ("Page 2 of 2", "Pagina 2 di 2")
    qtbot.keyClick(viewer.area, Qt.Key.Key_Home)
    assert viewer.page == 0
    before = viewer.canvas.pixmap().width()
    qtbot.keyClick(viewer.area, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    wait_idle(qtbot)
    assert not viewer.fit_width and viewer.canvas.pixmap().width() > before

    # print to a PDF file: the print is audited first, then every page is painted
    out = tmp_path / "stampa.pdf"

    def to_file(printer: QPrinter, parent: QWidget | None) -> bool:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        return True

    monkeypatch.setattr(document_viewer, "exec_print_dialog", to_file)
    with qtbot.waitSignal(viewer.printed, timeout=10_000):
        click(qtbot, viewer.print_button)
    from pypdf import PdfReader

    assert len(PdfReader(io.BytesIO(out.read_bytes())).pages) == 2
    events = [e for e in audit_events(ws) if e.action.startswith("document.")]
    assert [e.action for e in events][-2:] == ["document.viewed", "document.printed"]
    assert all("ordinanza" not in (e.detail or "") for e in events)
    dialog.reject()
    qtbot.waitUntil(lambda: viewer.source is None)

    # the PNG, from Qt: shown as an image
    _select(qtbot, tab, 0)
    click(qtbot, tab.view_button)
    wait_idle(qtbot)
    qtbot.waitUntil(lambda: isinstance(tab.dialog, DocumentDialog) and tab.dialog is not dialog)
    image_dialog = tab.dialog
    assert isinstance(image_dialog, DocumentDialog)
    assert image_dialog.viewer.error is None and image_dialog.viewer.page_count == 1
    image_dialog.reject()

    # remove, after a confirmation
    _select(qtbot, tab, 0)
    messages.set_next_answer(messages.Button.Yes)
    click(qtbot, tab.remove_button)
    wait_idle(qtbot)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1)
    assert [d.name for d in docs.list_documents(ws, ref.id)] == ["ordinanza.pdf"]
    assert audit_events(ws, "document.removed")


def test_she_may_remove_what_she_attached_not_a_colleagues_document(
    qtbot: Any, controller: AppController, tmp_path: Path
) -> None:
    window = session(qtbot, controller, ADMIN)
    ws = controller.workspace
    assert ws is not None
    ref = new_case(ws, "Anna", "Colombo")
    docs.add_document_bytes(ws, ref.id, "ordinanza.pdf", make_pdf("Ordinanza"))
    controller.lock()
    window = session(qtbot, controller, OPERATOR)
    open_case(qtbot, window.cases_page, ref.id)
    view = window.cases_page.case_view
    view.tabs.setCurrentWidget(view.documents)
    tab = view.documents
    files.set_next(_qt_png(tmp_path / "mio.png"))
    click(qtbot, tab.add_button)
    wait_idle(qtbot)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 2)
    _select(qtbot, tab, 1)  # the administrator's
    assert tab.view_button.isEnabled() and not tab.remove_button.isEnabled()
    assert "administrator" in tab.remove_button.toolTip()
    _select(qtbot, tab, 0)  # hers
    assert tab.remove_button.isEnabled() and tab.remove_button.toolTip() == ""


@pytest.mark.parametrize(
    "data", [b"%PDF-1.7\n" + b"\x00garbage" * 50, b"\x89PNG\r\n\x1a\n" + b"not an image", b"plain text"]
)
def test_a_damaged_document_shows_a_sentence_not_a_traceback(qtbot: Any, data: bytes) -> None:
    viewer = DocumentViewer(data)
    qtbot.addWidget(viewer)
    viewer.show()
    assert viewer.error and "cannot be shown" in viewer.error
    assert viewer.canvas.text() == viewer.error and not viewer.print_button.isEnabled()
    viewer.print_document()  # nothing to print: nothing happens


def test_pages_are_drawn_off_the_window_thread_the_newest_shown_and_closing_meanwhile_is_safe(
    qtbot: Any, ui_env: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A page that takes PDFium long must not freeze the window: it is drawn on the worker thread; pages
    asked for in a row show the last one asked; closing while a page is being drawn raises nothing."""
    import threading
    import time

    drawn: list[tuple[int, bool]] = []
    render = document_viewer._Source.render

    def slow(self: Any, index: int, scale: float) -> Any:
        drawn.append((index, threading.current_thread() is threading.main_thread()))
        time.sleep(0.05)
        return render(self, index, 0.2 + index * 0.1)  # each page its own width, to tell them apart

    monkeypatch.setattr(document_viewer._Source, "render", slow)
    viewer = DocumentViewer(make_pdf("pagine", pages=5))
    qtbot.addWidget(viewer)
    viewer.show()
    for _ in range(4):
        viewer.next_page()  # returns at once: nothing is drawn on the window's thread
    assert viewer.page == 4 and viewer.page_label.text() == "Page 5 of 5"
    wait_idle(qtbot)
    assert drawn and not any(on_main for _, on_main in drawn)
    expected = render(viewer.source, 4, 0.2 + 4 * 0.1).width()  # type: ignore[arg-type]
    assert viewer.canvas.pixmap().width() == expected  # the last page asked for, whatever finished first
    viewer.first_page()
    viewer.close_document()  # while page 1 is on its way
    wait_idle(qtbot)
    assert viewer.canvas.pixmap().isNull() and viewer.source is None


def test_fit_to_width_gives_every_page_the_same_zoom(qtbot: Any, ui_env: None) -> None:
    """A page taller than the window brings the vertical bar in; if it came only after the first page was
    fitted, the next page got another zoom (133 % then 131 %): the bar is always there."""
    viewer = DocumentViewer(make_pdf("pagine", pages=2))
    qtbot.addWidget(viewer)
    viewer.resize(900, 400)
    viewer.show()
    qtbot.waitExposed(viewer)
    wait_idle(qtbot)
    qtbot.waitUntil(
        lambda: not viewer.canvas.pixmap().isNull() and viewer.area.verticalScrollBar().isVisible()
    )
    qtbot.wait(50)  # the layout settled, as it has long before she turns the page
    fitted = viewer.zoom
    viewer.next_page()
    wait_idle(qtbot)
    assert viewer.fit_width and viewer.zoom == fitted


def test_an_image_zoomed_in_is_never_drawn_beyond_the_pdf_pages_pixel_bound(qtbot: Any) -> None:
    """A PNG of 2000 x 2000 pixels (a few kB) zoomed in: at 4x the screen's scale it would take 256 MB.
    Images are bounded like PDF pages (app.services.pdf_pages.MAX_PIXELS): a crafted image must not make
    the viewer allocate what the size bound of a document meant to prevent."""
    from app.services.pdf_pages import MAX_PIXELS
    from tests.document_fixtures import make_png

    source = document_viewer._Source(make_png(2000, 2000))
    image = source.render(0, 4.0)
    assert not image.isNull() and image.width() * image.height() <= MAX_PIXELS
    assert source.render(0, 0.5).width() == 1000  # smaller scales are as asked


def test_an_image_bomb_within_the_size_bound_shows_a_sentence(qtbot: Any, qtlog: Any) -> None:
    """A PNG of 9000 x 9000 pixels compresses to a few hundred kB (far within the document's size bound) but
    takes 324 MB once decoded: Qt refuses it (its 256 MB allocation limit) and the viewer says so."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    side = 9000
    packer = zlib.compressobj(9)
    row = bytes(1 + 3 * side)
    idat = b"".join(packer.compress(row) for _ in range(side)) + packer.flush()
    header = struct.pack(">IIBBBBB", side, side, 8, 2, 0, 0, 0)
    bomb = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")
    assert docs.check_content(bomb) == docs.PNG and len(bomb) < docs.MIB
    with qtlog.disabled():  # Qt's own warning of the refusal
        viewer = DocumentViewer(bomb)
    qtbot.addWidget(viewer)
    viewer.show()
    assert viewer.error and "cannot be shown" in viewer.error
