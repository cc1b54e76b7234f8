"""Entry script of the frozen bundle (PyInstaller): the same `ascolto` as `app.cli:main`.

The smoke test hook (`ASCOLTO_SMOKE_QUIT_MS=N`: print which screen is shown when it is painted and again
once the data folder is open, then quit N ms later) lives in `app.ui.main.run`, so it works the same from source, from the bundle and for `ascolto bench`.
A second hook checks what the bundle must carry beside Python: with `ASCOLTO_SMOKE_PDF=1` a one-page PDF is
drawn in memory (reportlab) and rendered by PDFium (pypdfium2's native library, which PyInstaller collects
through its hooks), the line `pdf-rendered WIDTHxHEIGHT` is printed and nothing else runs.

A windowed Windows executable has no console: an error printed on the way out would be lost and a
double-click would seem to do nothing. So when it started without streams, a start that fails (an error
line, or an exception that escaped everything) ends in a message box, and one line goes to
`%LOCALAPPDATA%\\Ascolto\\ascolto-start.log` with the time, the exit code and the exception type only: no
message, no path, no name (the PC is shared).
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

FALLBACK_TEXT = "Ascolto could not start. Tell whoever looks after Ascolto for your centre."
START_LOG = "ascolto-start.log"


def _ensure_streams() -> bool:
    """A windowed Windows executable has no stdout/stderr; argparse and logging must not crash on None.
    True when a stream was missing (no console to say anything on)."""
    windowed = False
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            windowed = True
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115 - lives as long as we do
    return windowed


def log_folder() -> Path:
    """Per-account, outside the data folder (which she may be unable to open: that is often the error)."""
    base = (
        os.environ.get("LOCALAPPDATA")
        or os.environ.get("XDG_STATE_HOME")
        or str(Path.home() / ".local/state")
    )
    return Path(base) / "Ascolto"


def show_message_box(text: str) -> None:
    """The native box on Windows (no Qt needed: Qt may be what failed); Qt's elsewhere, if it loads."""
    if sys.platform == "win32":
        import ctypes

        ctypes.windll.user32.MessageBoxW(None, text, "Ascolto", 0x10)  # MB_ICONERROR
        return
    with contextlib.suppress(Exception):
        from PySide6.QtWidgets import QApplication, QMessageBox

        _app = QApplication.instance() or QApplication(sys.argv[:1])
        QMessageBox.critical(None, "Ascolto", text)


def report_fatal(text: str, code: int, kind: str, folder: Path, show: Callable[[str], None]) -> None:
    """Show `text` to her; log the time, exit code and exception type (never `text`: it may hold a path)."""
    with contextlib.suppress(OSError):
        folder.mkdir(parents=True, exist_ok=True)
        with open(folder / START_LOG, "a", encoding="utf-8") as log:
            log.write(f"{time.strftime('%Y-%m-%dT%H:%M:%S')} start failed: exit code {code}, {kind}\n")
    with contextlib.suppress(Exception):
        show(text.strip() or FALLBACK_TEXT)


PDF_SMOKE_ENV = "ASCOLTO_SMOKE_PDF"


def pdf_smoke() -> str:
    """Draw a one-page A4 PDF in memory and render it at 72 dpi through the program's own PDFium door."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    from app.services.pdf_pages import PdfPages

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4)
    page.drawString(72, 760, "Ascolto")
    page.save()
    with PdfPages(buffer.getvalue()) as pdf:
        shown = pdf.render(0, 1.0)
    return f"pdf-rendered {shown.width}x{shown.height}"


def main(argv: list[str] | None = None, show: Callable[[str], None] = show_message_box) -> int:
    windowed = _ensure_streams()
    if os.environ.get(PDF_SMOKE_ENV) == "1":
        print(pdf_smoke(), flush=True)
        return 0
    args = sys.argv[1:] if argv is None else argv
    if not windowed:
        from app.cli import main as cli_main

        return cli_main(args)
    said = io.StringIO()  # the one-line error the command line would have printed
    real_stderr, sys.stderr = sys.stderr, said
    kind = "-"
    try:
        from app.cli import main as cli_main

        code = cli_main(args)
    except SystemExit as exc:  # argparse: usage errors, --help
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)
    except BaseException as exc:
        code, kind = 1, type(exc).__name__
    finally:
        sys.stderr = real_stderr
    if code != 0:
        lines = [line for line in said.getvalue().splitlines() if line.strip()]
        report_fatal(lines[-1] if lines else "", code, kind, log_folder(), show)
    return code


if __name__ == "__main__":
    sys.exit(main())
