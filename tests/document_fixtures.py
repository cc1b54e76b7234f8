"""Small real documents for the tests: a PDF drawn with reportlab, a PNG and a JPEG, all made in memory."""

from __future__ import annotations

import io
import struct
import zlib


def make_pdf(*lines: str, pages: int = 1, compress: bool = False) -> bytes:
    """A real PDF of `pages` A4 pages, each showing `lines` (uncompressed by default, so a marker in the
    text is in the file's bytes as written: the plaintext scans can look for it)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4, pageCompression=1 if compress else 0)
    for n in range(pages):
        y = 800
        for line in (*lines, f"Pagina {n + 1}"):
            pdf.drawString(72, y, line)
            y -= 18
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def make_png(
    width: int = 8, height: int = 6, rgb: tuple[int, int, int] = (200, 30, 30), text: str = ""
) -> bytes:
    """A real PNG (8-bit RGB), with `text` in a tEXt chunk when given (stored as written)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    extra = chunk(b"tEXt", b"Comment\x00" + text.encode("latin-1")) if text else b""
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + extra
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def make_jpeg(width: int = 16, height: int = 12) -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (30, 120, 200)).save(buffer, format="JPEG")
    return buffer.getvalue()
