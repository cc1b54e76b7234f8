"""dev.py, the two-command set-up: it installs only when something changed, and on bare Linux it names (or,
as root, installs) exactly the system libraries the Qt platform plugin in use cannot load. Nothing here
runs pip or apt-get: the calls are recorded instead."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent

# `ldd libqxcb.so` on a bare Debian 12 with the PySide6 6.12 wheel (abridged): what the issue met.
LDD_BARE = """\
\tlinux-vdso.so.1 (0x00007ffd4b5e9000)
\tlibQt6XcbQpa.so.6 => /venv/PySide6/Qt/plugins/platforms/../../lib/libQt6XcbQpa.so.6 (0x00007f51ad000000)
\tlibxkbcommon-x11.so.0 => /lib/x86_64-linux-gnu/libxkbcommon-x11.so.0 (0x00007f51acf98000)
\tlibxcb-cursor.so.0 => /lib/x86_64-linux-gnu/libxcb-cursor.so.0 (0x00007f51acf91000)
\tlibxcb-icccm.so.4 => not found
\tlibxcb-util.so.1 => /lib/x86_64-linux-gnu/libxcb-util.so.1 (0x00007f51acf89000)
\tlibxcb-keysyms.so.1 => not found
\tlibEGL.so.1 => /lib/x86_64-linux-gnu/libEGL.so.1 (0x00007f51ac39b000)
\tlibxcb-icccm.so.4 => not found
\tlibxcb-keysyms.so.1 => not found
\t/lib64/ld-linux-x86-64.so.2 (0x00007f51ad2a1000)
"""
# QT_DEBUG_PLUGINS output when a library loaded at run time is missing.
QT_DEBUG = """\
qt.core.plugin.factoryloader: checking directory path "/venv/PySide6/Qt/plugins/platforms" ...
qt.core.library: "/venv/PySide6/Qt/plugins/platforms/libqxcb.so" cannot load: Cannot load library \
/venv/PySide6/Qt/plugins/platforms/libqxcb.so: (libxcb-cursor.so.0: cannot open shared object file: \
No such file or directory)
qt.qpa.plugin: From 6.5.0, xcb-cursor0 or libxcb-cursor0 is needed to load the Qt xcb platform plugin.
qt.qpa.plugin: Could not load the Qt platform plugin "xcb" in "" even though it was found.
"""


@pytest.fixture
def dev(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    """dev.py imported from the repository root, pointed at a project copy in tmp_path with a fake .venv."""
    spec = importlib.util.spec_from_file_location("dev_under_test", ROOT / "dev.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "ascolto"\n')
    venv = tmp_path / ".venv"
    python = venv / ("Scripts/python.exe" if sys.platform == "win32" else "bin/python")
    python.parent.mkdir(parents=True)
    python.write_text("")  # exists: no venv is created
    (venv / "pyvenv.cfg").write_text("version = 3.11.2\n")
    monkeypatch.setattr(module, "ROOT", tmp_path)
    monkeypatch.setattr(module, "VENV", venv)
    return module


class Calls:
    """Stands in for subprocess.run: records each command and answers with success."""

    def __init__(self) -> None:
        self.commands: list[list[str]] = []

    def __call__(self, command: Sequence[str], *args: Any, **kwargs: Any) -> subprocess.CompletedProcess[str]:
        self.commands.append(list(command))
        return subprocess.CompletedProcess(list(command), 0, "", "")

    def pip_installs(self) -> list[str]:
        return [c[-1] for c in self.commands if c[1:4] == ["-m", "pip", "install"]]


# --- install only when something changed -------------------------------------------------------------
def test_pip_runs_once_until_pyproject_or_python_changes(
    dev: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = Calls()
    monkeypatch.setattr(dev.subprocess, "run", calls)
    dev.ensure_venv()
    assert calls.pip_installs() == ["."]
    dev.ensure_venv()  # the next launch: nothing changed
    assert calls.pip_installs() == ["."]
    dev.ensure_venv("test")  # the test extras are not there yet
    assert calls.pip_installs() == [".", ".[test]"]
    dev.ensure_venv()  # what `test` installed covers `run`
    dev.ensure_venv("test")
    assert calls.pip_installs() == [".", ".[test]"]

    (tmp_path / "pyproject.toml").write_text('[project]\nname = "ascolto"\ndependencies = ["x"]\n')
    dev.ensure_venv("test")
    assert calls.pip_installs() == [".", ".[test]", ".[test]"]
    (tmp_path / ".venv" / "pyvenv.cfg").write_text("version = 3.12.1\n")  # a new Python under .venv
    dev.ensure_venv("test")
    assert calls.pip_installs() == [".", ".[test]", ".[test]", ".[test]"]


def test_a_failed_install_is_tried_again(dev: ModuleType, monkeypatch: pytest.MonkeyPatch) -> None:
    def failing(command: Sequence[str], *args: Any, **kwargs: Any) -> None:
        raise subprocess.CalledProcessError(1, list(command))

    monkeypatch.setattr(dev.subprocess, "run", failing)
    with pytest.raises(subprocess.CalledProcessError):
        dev.ensure_venv()
    calls = Calls()
    monkeypatch.setattr(dev.subprocess, "run", calls)
    dev.ensure_venv()
    assert calls.pip_installs() == ["."]


# --- which libraries, which packages -------------------------------------------------------------------
def test_ldd_output_gives_the_missing_libraries_and_their_packages(dev: ModuleType) -> None:
    missing = dev.missing_sonames(LDD_BARE)
    assert missing == ["libxcb-icccm.so.4", "libxcb-keysyms.so.1"]
    assert dev.debian_packages(missing) == (["libxcb-icccm4", "libxcb-keysyms1"], [])
    assert dev.missing_sonames("\tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x1)\n") == []
    packages, unknown = dev.debian_packages(["libGL.so.1", "libEGL.so.1", "libfoo.so.3", "libglib-2.0.so.0"])
    assert packages == ["libgl1", "libegl1", "libglib2.0-0"] and unknown == ["libfoo.so.3"]
    message = dev.missing_message("xcb", missing)
    assert "sudo apt-get install libxcb-icccm4 libxcb-keysyms1" in message
    assert "xcb-cursor" not in message  # what Qt itself blamed


def test_qt_debug_output_names_a_library_loaded_at_run_time(dev: ModuleType) -> None:
    assert dev.dlopen_failures(QT_DEBUG) == ["libxcb-cursor.so.0"]


def test_the_platform_probed_is_the_one_qt_will_load(dev: ModuleType) -> None:
    assert dev.qt_platform({}) == "xcb"
    assert dev.qt_platform({"QT_QPA_PLATFORM": "offscreen"}) == "offscreen"
    assert dev.qt_platform({"QT_QPA_PLATFORM": "wayland;xcb"}) == "wayland"
    assert dev.qt_platform({"QT_QPA_PLATFORM": "vnc:size=800x600"}) == "vnc"
    assert dev.qt_platform({"XDG_SESSION_TYPE": "wayland", "WAYLAND_DISPLAY": "wayland-0"}) == "wayland"
    offscreen = dev.qt_files(Path("/p"), "offscreen", {})
    assert Path("/p/Qt/plugins/platforms/libqoffscreen.so") in offscreen
    assert not any("Xcb" in f.name or "libqxcb" in f.name for f in offscreen)
    xcb = dev.qt_files(Path("/p"), "xcb", {})
    assert {Path("/p/Qt/plugins/platforms/libqxcb.so"), Path("/p/Qt/lib/libQt6XcbQpa.so.6")} <= set(xcb)
    assert Path("/p/QtWidgets.abi3.so") in xcb


def test_the_probed_files_exist_in_the_installed_pyside6(dev: ModuleType) -> None:
    """The wheel's layout is what dev.py expects (else the probe would check nothing)."""
    if not sys.platform.startswith("linux"):
        pytest.skip("the probe runs on Linux only")
    import PySide6

    pyside = Path(PySide6.__file__).parent
    for platform in ("xcb", "offscreen"):
        for path in dev.qt_files(pyside, platform, {}):
            assert path.is_file(), path


def test_only_the_window_needs_a_platform(dev: ModuleType) -> None:
    assert dev.starts_gui([])
    assert dev.starts_gui(["--data-dir", "/tmp/x", "--language", "en"])
    assert dev.starts_gui(["--data-dir", "demo"])  # a folder named like a command
    assert dev.starts_gui(["--data-dir=/tmp/x"])
    assert not dev.starts_gui(["--data-dir", "/tmp/x", "demo", "--cases", "3"])
    assert not dev.starts_gui(["verify"])
    assert not dev.starts_gui(["--help"])


# --- the probe end to end, with ldd, apt-get and Qt replaced --------------------------------------------
@pytest.fixture
def qt(dev: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """A PySide6 tree under the fake .venv; ldd reports the bare machine's result until apt-get ran."""
    if not sys.platform.startswith("linux"):
        pytest.skip("the probe runs on Linux only")
    pyside = tmp_path / ".venv/lib/python3.11/site-packages/PySide6"
    for name in ("libqxcb.so", "libqoffscreen.so"):
        (pyside / "Qt/plugins/platforms").mkdir(parents=True, exist_ok=True)
        (pyside / "Qt/plugins/platforms" / name).write_bytes(b"")
    state: dict[str, Any] = {
        "missing": ["libxcb-icccm.so.4", "libxcb-keysyms.so.1"],  # what ldd reports
        "installed": [],
        "ldd": [],
        "tried": 0,
        "root": True,
    }

    def ldd_missing(files: list[Path]) -> list[str]:
        state["ldd"].append([f.name for f in files])
        return list(state["missing"])

    def install(packages: list[str]) -> bool:
        if not state["root"]:
            return False
        state["installed"].append(packages)
        state["missing"] = []
        return True

    def try_platform(python: Path, environ: dict[str, str]) -> subprocess.CompletedProcess[str]:
        state["tried"] += 1
        return subprocess.CompletedProcess([], 0, "", "")

    monkeypatch.setattr(dev, "ldd_missing", ldd_missing)
    monkeypatch.setattr(dev, "install_system_packages", install)
    monkeypatch.setattr(dev, "try_platform", try_platform)
    monkeypatch.setattr(dev.shutil, "which", lambda name: f"/usr/bin/{name}")
    return state


def test_as_root_exactly_the_missing_libraries_are_installed(dev: ModuleType, qt: dict[str, Any]) -> None:
    dev.ensure_qt_libraries(dev.venv_python(), {"DISPLAY": ":0"})
    assert qt["installed"] == [["libxcb-icccm4", "libxcb-keysyms1"]]
    assert "libqxcb.so" in qt["ldd"][0] and "libQt6XcbQpa.so.6" in qt["ldd"][0]
    assert len(qt["ldd"]) == 2  # checked again after installing
    assert qt["tried"] == 1
    dev.ensure_qt_libraries(dev.venv_python(), {"DISPLAY": ":0"})
    assert qt["tried"] == 1  # seen working once: later launches pay only for ldd


def test_without_root_the_exact_command_is_printed(dev: ModuleType, qt: dict[str, Any]) -> None:
    qt["root"] = False
    with pytest.raises(SystemExit) as exit_:
        dev.ensure_qt_libraries(dev.venv_python(), {"DISPLAY": ":0"})
    message = str(exit_.value.code)
    assert "libxcb-icccm.so.4, libxcb-keysyms.so.1" in message
    assert "sudo apt-get install libxcb-icccm4 libxcb-keysyms1" in message
    assert qt["tried"] == 0


def test_offscreen_probes_the_offscreen_plugin(dev: ModuleType, qt: dict[str, Any]) -> None:
    qt["missing"] = []
    dev.ensure_qt_libraries(dev.venv_python(), {"QT_QPA_PLATFORM": "offscreen"})
    assert "libqoffscreen.so" in qt["ldd"][0] and "libqxcb.so" not in qt["ldd"][0]
    assert qt["tried"] == 1  # no display needed to try it


def test_xcb_is_not_tried_without_a_display(dev: ModuleType, qt: dict[str, Any]) -> None:
    qt["missing"] = []
    dev.ensure_qt_libraries(dev.venv_python(), {})
    assert qt["tried"] == 0


def test_a_library_qt_loads_at_run_time_is_installed(
    dev: ModuleType, qt: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    """ldd finds everything, Qt still fails on a library it opens itself: that one is installed."""
    qt["missing"] = []
    answers = [subprocess.CompletedProcess([], -6, "", QT_DEBUG), subprocess.CompletedProcess([], 0, "", "")]
    monkeypatch.setattr(dev, "try_platform", lambda python, environ: answers.pop(0))
    dev.ensure_qt_libraries(dev.venv_python(), {"DISPLAY": ":0"})
    assert qt["installed"] == [["libxcb-cursor0"]] and answers == []


def test_another_qt_failure_is_reported_in_qt_words(
    dev: ModuleType, qt: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    qt["missing"] = []
    said = "qt.qpa.xcb: could not connect to display :0\nqt.qpa.plugin: From 6.5.0, xcb-cursor0 or libxcb-cursor0 is needed to load the Qt xcb platform plugin.\n"
    monkeypatch.setattr(
        dev, "try_platform", lambda python, environ: subprocess.CompletedProcess([], -6, "", said)
    )
    with pytest.raises(SystemExit) as exit_:
        dev.ensure_qt_libraries(dev.venv_python(), {"DISPLAY": ":0"})
    message = str(exit_.value.code)
    assert "could not connect to display :0" in message and "xcb-cursor0" not in message


def test_apt_get_updates_then_installs_exactly_the_packages(
    dev: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = Calls()
    monkeypatch.setattr(dev.subprocess, "run", calls)
    monkeypatch.setattr(dev.shutil, "which", lambda name: f"/usr/bin/{name}")
    monkeypatch.setattr(dev.os, "geteuid", lambda: 1000, raising=False)
    assert not dev.install_system_packages(["libxcb-icccm4"])
    assert calls.commands == []
    monkeypatch.setattr(dev.os, "geteuid", lambda: 0, raising=False)
    assert dev.install_system_packages(["libxcb-icccm4", "libxcb-keysyms1"])
    assert calls.commands == [
        ["apt-get", "update", "-qq"],
        ["apt-get", "install", "-y", "-qq", "libxcb-icccm4", "libxcb-keysyms1"],
    ]
