"""Entry script of the frozen bundle (PyInstaller): the same `ascolto` as `app.cli:main`.

The smoke test hook (`ASCOLTO_SMOKE_QUIT_MS=N`: print which screen is shown when it is painted and again
once the data folder is open, then quit N ms later) lives in `app.ui.main.run`, so it works the same from source, from the bundle and for `ascolto bench`.
"""

from __future__ import annotations

import os
import sys


def _ensure_streams() -> None:
    """A windowed Windows executable has no stdout/stderr; argparse and logging must not crash on None."""
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115 - lives as long as we do


def main(argv: list[str] | None = None) -> int:
    _ensure_streams()
    args = sys.argv[1:] if argv is None else argv
    from app.cli import main as cli_main

    return cli_main(args)


if __name__ == "__main__":
    sys.exit(main())
