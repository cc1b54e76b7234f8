#!/usr/bin/env python3
"""Two commands on a fresh machine, on Linux, macOS or Windows, with nothing but Python 3.11+:

    python3 dev.py run     install Ascolto into ./.venv and launch it
    python3 dev.py test    install the test dependencies into ./.venv and run the whole suite

Extra arguments after `run` go to the application (e.g. `--data-dir D`), after `test` to pytest.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
# Shared libraries the Qt wheels need on a bare Debian/Ubuntu machine (they are present on desktops).
QT_SYSTEM_PACKAGES = [
    "libegl1",
    "libgl1",
    "libxkbcommon0",
    "libfontconfig1",
    "libdbus-1-3",
    "libglib2.0-0",
    "libxkbcommon-x11-0",
    "libxcb-cursor0",
    "libxcb-icccm4",
    "libxcb-keysyms1",
    "libxcb-shape0",
]


def venv_python() -> Path:
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def ensure_venv(extras: str = "") -> Path:
    if sys.version_info < (3, 11):  # noqa: UP036 - dev.py may be run by an older python3
        sys.exit(f"Ascolto needs Python 3.11 or newer; this is {sys.version.split()[0]}.")
    python = venv_python()
    if not python.exists():
        print("Creating the virtual environment in .venv ...", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    target = f".[{extras}]" if extras else "."
    subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "-e", target],
        cwd=ROOT,
        check=True,
    )
    return python


def ensure_qt_libraries(python: Path) -> None:
    """On Linux, install the few system libraries Qt needs if they are missing and we may (root + apt)."""
    if not sys.platform.startswith("linux"):
        return
    probe = subprocess.run(
        [str(python), "-c", "from PySide6 import QtGui"], capture_output=True, text=True, cwd=ROOT
    )
    if probe.returncode == 0:
        return
    if os.geteuid() == 0 and shutil.which("apt-get"):
        print("Installing the system libraries Qt needs ...", flush=True)
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
        subprocess.run(["apt-get", "install", "-y", "-qq", *QT_SYSTEM_PACKAGES], check=True, env=env)
    else:
        sys.exit(
            "Qt cannot load a system library:\n"
            + probe.stderr.strip().splitlines()[-1]
            + "\nInstall: sudo apt-get install "
            + " ".join(QT_SYSTEM_PACKAGES)
        )


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in {"run", "test"}:
        print(__doc__)
        return 2
    command, rest = argv[0], argv[1:]
    if command == "run":
        python = ensure_venv()
        ensure_qt_libraries(python)
        return subprocess.call([str(python), "-m", "app.cli", *rest], cwd=ROOT)
    python = ensure_venv("test")
    ensure_qt_libraries(python)
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    return subprocess.call([str(python), "-m", "pytest", *rest], cwd=ROOT, env=env)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
