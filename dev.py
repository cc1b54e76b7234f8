#!/usr/bin/env python3
"""Two commands on a fresh machine, on Linux, macOS or Windows, with nothing but Python 3.11+:

    python3 dev.py run     install Ascolto into ./.venv and launch it
    python3 dev.py test    install the test dependencies into ./.venv and run the whole suite

Extra arguments after `run` go to the application (e.g. `--data-dir D`), after `test` to pytest.
Packages are installed again only when pyproject.toml (or the Python of .venv) changed; delete
.venv/ascolto-install.json to force it. On Linux, before the application window opens, the Qt platform
plugin that will be used is checked for missing system libraries: as root they are installed with
apt-get, otherwise the exact `sudo apt-get install ...` line is printed.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import venv
from collections.abc import Mapping
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
STAMP_NAME = "ascolto-install.json"  # inside .venv, so deleting .venv forgets it too

# Debian/Ubuntu package of each shared library the Qt wheels load from the system (desktops have them all;
# a bare server or container lacks some). Used only to name packages for the libraries ldd cannot find.
DEBIAN_PACKAGES = {
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libGLX.so.0": "libglx0",
    "libGLdispatch.so.0": "libglvnd0",
    "libOpenGL.so.0": "libopengl0",
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libXau.so.6": "libxau6",
    "libXdmcp.so.6": "libxdmcp6",
    "libICE.so.6": "libice6",
    "libSM.so.6": "libsm6",
    "libxcb.so.1": "libxcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-glx.so.0": "libxcb-glx0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xinerama.so.0": "libxcb-xinerama0",
    "libxcb-xinput.so.0": "libxcb-xinput0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libwayland-client.so.0": "libwayland-client0",
    "libwayland-cursor.so.0": "libwayland-cursor0",
    "libwayland-egl.so.1": "libwayland-egl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libpng16.so.16": "libpng16-16",
    "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libgobject-2.0.so.0": "libglib2.0-0",
    "libgio-2.0.so.0": "libglib2.0-0",
    "libexpat.so.1": "libexpat1",
    "libz.so.1": "zlib1g",
    "libzstd.so.1": "libzstd1",
    "libbrotlidec.so.1": "libbrotli1",
    "libbrotlicommon.so.1": "libbrotli1",
    "libcups.so.2": "libcups2",
}
# The PySide6 modules the application imports, and the extra Qt library each platform plugin needs.
PYSIDE_MODULES = ("QtCore", "QtGui", "QtWidgets", "QtPrintSupport")
PLATFORM_LIBRARIES = {"xcb": ("libQt6XcbQpa.so.6",), "wayland": ("libQt6WaylandClient.so.6",)}
# Platforms a child process may try to start, and the variable that says a display is there (None: no
# display needed). Others (eglfs, linuxfb, vnc...) take the screen or a port: they are not tried.
TRIABLE: dict[str, str | None] = {
    "xcb": "DISPLAY",
    "wayland": "WAYLAND_DISPLAY",
    "offscreen": None,
    "minimal": None,
}
QT_MESSAGE = re.compile(r"qt\.qpa\.|Cannot load|failed to start")
# Qt prints this whenever the xcb plugin fails, whatever the cause; ldd has already found libxcb-cursor.
QT_CURSOR_HINT = "xcb-cursor0 or libxcb-cursor0 is needed"
NOT_FOUND = re.compile(r"^\s*(\S+)\s+=>\s+not found\s*$", re.MULTILINE)
DLOPEN_FAILED = re.compile(r"([\w.+-]+\.so(?:\.\d+)*): cannot open shared object file")
GUI_OPTIONS_WITH_VALUE = {"--data-dir", "--language"}  # top-level options of `ascolto` taking a value


def venv_python() -> Path:
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


# --- installing into .venv only when something changed --------------------------------------------------
def install_fingerprint() -> str:
    """What an install depends on besides the code (editable: code changes need no reinstall)."""
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes())
    config = VENV / "pyvenv.cfg"  # the venv's Python version and base interpreter
    digest.update(config.read_bytes() if config.exists() else b"")
    return digest.hexdigest()


def read_stamp() -> dict[str, object]:
    try:
        stamp = json.loads((VENV / STAMP_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return stamp if isinstance(stamp, dict) else {}


def write_stamp(stamp: dict[str, object]) -> None:
    (VENV / STAMP_NAME).write_text(json.dumps(stamp, indent=1, sort_keys=True), encoding="utf-8")


def needs_install(extras: str) -> bool:
    """True unless the stamp says this pyproject.toml is installed with (at least) these extras."""
    stamp = read_stamp()
    installed = stamp.get("extras")
    wanted = {e for e in extras.split(",") if e}
    return not (
        stamp.get("fingerprint") == install_fingerprint()
        and isinstance(installed, list)
        and wanted <= set(installed)
    )


def ensure_venv(extras: str = "") -> Path:
    if sys.version_info < (3, 11):  # noqa: UP036 - dev.py may be run by an older python3
        sys.exit(f"Ascolto needs Python 3.11 or newer; this is {sys.version.split()[0]}.")
    python = venv_python()
    if not python.exists():
        print("Creating the virtual environment in .venv ...", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    if not needs_install(extras):
        return python
    print("Installing Ascolto and its dependencies into .venv ...", flush=True)
    target = f".[{extras}]" if extras else "."
    subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "-e", target],
        cwd=ROOT,
        check=True,
    )
    write_stamp({"fingerprint": install_fingerprint(), "extras": sorted(e for e in extras.split(",") if e)})
    return python


# --- the Qt platform plugin and the system libraries it needs (Linux) ----------------------------------
def missing_sonames(ldd_output: str) -> list[str]:
    """The libraries `ldd` reports as "not found", each once, in order."""
    return list(dict.fromkeys(NOT_FOUND.findall(ldd_output)))


def dlopen_failures(qt_output: str) -> list[str]:
    """Libraries Qt tried to load at run time and could not (QT_DEBUG_PLUGINS output), each once."""
    return list(dict.fromkeys(DLOPEN_FAILED.findall(qt_output)))


def debian_packages(sonames: list[str]) -> tuple[list[str], list[str]]:
    """(packages to install, libraries no package is known for), each once, in order."""
    packages = [DEBIAN_PACKAGES[s] for s in sonames if s in DEBIAN_PACKAGES]
    unknown = [s for s in sonames if s not in DEBIAN_PACKAGES]
    return list(dict.fromkeys(packages)), unknown


def qt_platform(environ: Mapping[str, str]) -> str:
    """The platform plugin Qt will load first: QT_QPA_PLATFORM ("wayland;xcb", "offscreen:opt"), else
    wayland in a Wayland session, else xcb."""
    chosen = environ.get("QT_QPA_PLATFORM", "").split(";")[0].split(":")[0].strip()
    if chosen:
        return chosen
    if environ.get("XDG_SESSION_TYPE") == "wayland" and environ.get("WAYLAND_DISPLAY"):
        return "wayland"
    return "xcb"


def starts_gui(app_args: list[str]) -> bool:
    """Whether `ascolto ARGS` opens the window (no command, no --help/--version), so needs a platform."""
    args = iter(app_args)
    for arg in args:
        if arg in ("-h", "--help", "--version"):
            return False
        if arg in GUI_OPTIONS_WITH_VALUE:
            next(args, None)
        elif not arg.startswith("-"):
            return False  # a command: init, verify, demo ...
    return True


def pyside_dir() -> Path | None:
    found = sorted(VENV.glob("lib/python3*/site-packages/PySide6"))
    return found[-1] if found else None


def qt_files(pyside: Path, platform: str, environ: Mapping[str, str]) -> list[Path]:
    """The modules the application imports, the platform plugin Qt will load and its Qt library."""
    plugins = Path(environ.get("QT_QPA_PLATFORM_PLUGIN_PATH") or pyside / "Qt" / "plugins" / "platforms")
    files = [pyside / f"{module}.abi3.so" for module in PYSIDE_MODULES]
    files.append(plugins / f"libq{platform}.so")
    files.extend(pyside / "Qt" / "lib" / name for name in PLATFORM_LIBRARIES.get(platform, ()))
    return files


def ldd_missing(files: list[Path]) -> list[str]:
    """One ldd for all the files (it lists each one's libraries, and theirs): about 50 ms."""
    existing = [str(path) for path in files if path.exists()]
    result = subprocess.run(["ldd", *existing], capture_output=True, text=True, check=False)
    return missing_sonames(result.stdout)


def try_platform(python: Path, environ: dict[str, str]) -> subprocess.CompletedProcess[str] | None:
    """Open a QApplication in a child process, as the application will, with the plugin's debug output
    (it names a library loaded at run time that is missing). None if it hangs: let the application try."""
    code = "import sys\nfrom PySide6.QtWidgets import QApplication\nQApplication(sys.argv[:1])\n"
    env = dict(environ, QT_DEBUG_PLUGINS="1")
    try:
        return subprocess.run(
            [str(python), "-c", code],
            capture_output=True,
            text=True,
            env=env,
            cwd=ROOT,
            timeout=60,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return None


def install_system_packages(packages: list[str], purpose: str = "the system libraries Qt needs") -> bool:
    """apt-get install as root; False if we may not or it failed (the caller then names the packages)."""
    if not packages or not hasattr(os, "geteuid") or os.geteuid() != 0 or not shutil.which("apt-get"):
        return False
    print(f"Installing {purpose}: {' '.join(packages)} ...", flush=True)
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    for command in (["apt-get", "update", "-qq"], ["apt-get", "install", "-y", "-qq", *packages]):
        if subprocess.run(command, env=env, check=False).returncode != 0:
            return False
    return True


def missing_message(platform: str, sonames: list[str]) -> str:
    packages, unknown = debian_packages(sonames)
    lines = [f"Qt's {platform} platform cannot load: {', '.join(sonames)}."]
    if packages:
        lines.append(f"Install them with:  sudo apt-get install {' '.join(packages)}")
    if unknown:
        lines.append(f"Install the packages of your system that provide: {', '.join(unknown)}")
    return "\n".join(lines)


def ensure_qt_libraries(python: Path, environ: dict[str, str]) -> None:
    """On Linux, make sure the platform plugin Qt will load can load: ldd finds every library it links
    (a missing one is installed as root with apt-get, else named), then one real start of a QApplication,
    remembered in the stamp so that later launches only pay for ldd."""
    if not sys.platform.startswith("linux"):
        return
    platform = qt_platform(environ)
    pyside = pyside_dir()
    if pyside is None or not shutil.which("ldd"):
        return
    files = qt_files(pyside, platform, environ)
    plugin = files[len(PYSIDE_MODULES)]
    if not plugin.exists():
        sys.exit(f"Qt has no {platform} platform plugin ({plugin}): check QT_QPA_PLATFORM.")
    missing = ldd_missing(files)
    if missing:
        if install_system_packages(debian_packages(missing)[0]):
            missing = ldd_missing(files)
        if missing:
            sys.exit(missing_message(platform, missing))
    stamp = read_stamp()
    seen = stamp.get("qt_ok")
    seen_working = seen if isinstance(seen, list) else []
    if platform in seen_working or platform not in TRIABLE:
        return
    display = TRIABLE[platform]
    if display and not environ.get(display):
        return  # no display to try it on: the application will say so itself
    result = try_platform(python, environ)
    if result is not None and result.returncode != 0:
        failed = dlopen_failures(result.stderr)
        if failed and install_system_packages(debian_packages(failed)[0]):
            result = try_platform(python, environ)
    if result is None:
        return
    if result.returncode != 0:
        failed = dlopen_failures(result.stderr)
        if failed:
            sys.exit(missing_message(platform, failed))
        said = [
            line
            for line in result.stderr.splitlines()
            if QT_MESSAGE.search(line) and QT_CURSOR_HINT not in line
        ]
        sys.exit(f"Qt could not start the {platform} platform:\n" + "\n".join(said[-8:] or ["(no message)"]))
    write_stamp(dict(stamp, qt_ok=[*seen_working, platform]))


def ensure_test_servers() -> None:
    """The outbox and inbox tests talk to a real IMAP server (Dovecot) on the loopback; as root on
    Debian/Ubuntu it is installed, otherwise the line to install it is printed and those tests skip."""
    if shutil.which("dovecot") or Path("/usr/sbin/dovecot").exists() or sys.platform != "linux":
        return
    if not install_system_packages(["dovecot-imapd"], "the IMAP server the inbox tests use"):
        print("The IMAP tests will be skipped. Install the server with:  sudo apt-get install dovecot-imapd")


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in {"run", "test"}:
        print(__doc__)
        return 2
    command, rest = argv[0], argv[1:]
    if command == "run":
        python = ensure_venv()
        if starts_gui(rest):
            ensure_qt_libraries(python, dict(os.environ))
        return subprocess.call([str(python), "-m", "app.cli", *rest], cwd=ROOT)
    python = ensure_venv("test")
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    ensure_qt_libraries(python, env)
    ensure_test_servers()
    return subprocess.call([str(python), "-m", "pytest", *rest], cwd=ROOT, env=env)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
