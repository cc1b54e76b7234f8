"""The one door to PDFium (through pypdfium2): a PDF opened from bytes in memory, its pages counted,
measured and rendered to pixels. No file is ever written: the document is read from the bytes given.

PDFium is not thread-safe, not even for different documents: every call made here holds one lock for the
whole process, so a document checked on the worker thread (app.services.cases.documents) and pages shown
on the GUI thread (app.ui.kit.document_viewer) never meet inside PDFium. Pages and bitmaps are closed
here, under the lock, rather than by pypdfium2's finalizers (which would run on whichever thread collects
them). No Qt here: the interface turns `Pixels` into an image.
"""

from __future__ import annotations

import math
import threading
from dataclasses import dataclass

import pypdfium2 as pdfium

from app.i18n import QT_TRANSLATE_NOOP
from app.services.errors import UserError

_LOCK = threading.RLock()
MAX_PIXELS = 40_000_000  # one rendered page at most (a page of A0 at print resolution is refused, not drawn)


class UnreadablePdf(UserError):
    """PDFium cannot open the document: it is damaged, not a PDF, or locked with a password."""

    def __init__(self) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP("Errors", "This PDF cannot be shown: it is damaged or protected by a password.")
        )


class ClosedDocument(ValueError):
    """The document was closed before this call reached PDFium (a page asked for just before closing)."""


@dataclass(frozen=True)
class Pixels:
    """A rendered page: rows of `stride` bytes, 4 bytes a pixel in R, G, B, unused order (RGBX)."""

    width: int
    height: int
    stride: int
    data: bytes


class PdfPages:
    """An open PDF; `close()` when done (a `with` block does it)."""

    def __init__(self, data: bytes) -> None:
        self._data = bytes(data)  # PDFium reads from this buffer for as long as the document is open
        with _LOCK:
            try:
                self._pdf: pdfium.PdfDocument | None = pdfium.PdfDocument(self._data)
                self._count = len(self._pdf)
            except pdfium.PdfiumError as exc:
                raise UnreadablePdf() from exc
        if self._count == 0:
            self.close()
            raise UnreadablePdf()

    def __enter__(self) -> PdfPages:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def __len__(self) -> int:
        return self._count

    def _document(self) -> pdfium.PdfDocument:
        if self._pdf is None:
            raise ClosedDocument("the document is closed")
        return self._pdf

    def page_size(self, index: int) -> tuple[float, float]:
        """Width and height of the page in points (1/72 inch)."""
        with _LOCK:
            page = self._document()[index]
            try:
                width, height = page.get_size()
                return float(width), float(height)
            finally:
                page.close()

    def render(self, index: int, scale: float) -> Pixels:
        """The page at `scale` pixels per point, on white, annotations drawn; refused when huge."""
        scale = bounded_scale(*self.page_size(index), scale)
        with _LOCK:
            page = self._document()[index]
            try:
                bitmap = page.render(scale=scale, rev_byteorder=True, prefer_bgrx=True, draw_annots=True)
                try:
                    return Pixels(bitmap.width, bitmap.height, bitmap.stride, bytes(bitmap.buffer))
                finally:
                    bitmap.close()
            except pdfium.PdfiumError as exc:
                raise UnreadablePdf() from exc
            finally:
                page.close()

    def close(self) -> None:
        with _LOCK:
            if self._pdf is not None:
                self._pdf.close()
                self._pdf = None


def bounded_scale(width: float, height: float, scale: float) -> float:
    """`scale`, or less when the page's bitmap would hold more than MAX_PIXELS. pypdfium2 rounds each side
    up, so the bound is kept on (width·s + 1)·(height·s + 1): the largest such s solves a quadratic."""
    area, sides = max(width * height, 1e-6), width + height
    largest = (math.sqrt(sides * sides + 4 * area * (MAX_PIXELS - 1)) - sides) / (2 * area)
    return min(scale, largest)


def page_count(data: bytes) -> int | None:
    """How many pages PDFium finds, or None when it cannot open the document or finds none."""
    try:
        with PdfPages(data) as pdf:
            return len(pdf)
    except UnreadablePdf:
        return None
