"""Packaging: templates render with the one version, the .iss asks before deleting data, the .desktop
file is valid, and (slow) the Linux bundle builds and starts with no Python on the path."""

from __future__ import annotations

import ast
import configparser
import os
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

import app
from app.storage import policy
from installer import render

ROOT = Path(__file__).resolve().parents[1]
INSTALLER = ROOT / "installer"
PASSWORD = "lanterna torrente civetta brina"


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("rendered")
    return {path.name: path for path in render.render(out)}


def test_the_version_comes_from_the_package() -> None:
    assert render.read_version() == app.__version__
    assert render.numeric_version("0.1.0") == "0.1.0.0"
    assert render.numeric_version("1.2rc1") == "1.2.0.0"


def test_templates_render_with_the_version_and_no_leftover_placeholder(rendered: dict[str, Path]) -> None:
    assert set(rendered) == {"ascolto.iss", "ascolto.desktop"}
    for path in rendered.values():
        text = path.read_text(encoding="utf-8-sig")
        assert app.__version__ in text
        assert not render.PLACEHOLDER.search(text), path.name
    assert rendered["ascolto.iss"].read_bytes().startswith(b"\xef\xbb\xbf")  # Inno reads UTF-8 with a BOM


def test_an_unknown_placeholder_fails_the_render() -> None:
    with pytest.raises(render.RenderError, match="@NOPE@"):
        render.render_text("AppVersion=@VERSION@ @NOPE@", {"VERSION": "1.0"})


def test_render_command_line(tmp_path: Path) -> None:
    python = sys.executable
    version = subprocess.run(
        [python, str(INSTALLER / "render.py"), "--print-version"], capture_output=True, text=True, check=True
    )
    assert version.stdout.strip() == app.__version__
    subprocess.run(
        [python, str(INSTALLER / "render.py"), "--out", str(tmp_path)], check=True, capture_output=True
    )
    subprocess.run(
        [python, "-m", "installer.render", "--out", str(tmp_path / "m")],
        check=True,
        capture_output=True,
        cwd=ROOT,
    )
    assert (tmp_path / "ascolto.iss").exists() and (tmp_path / "m" / "ascolto.desktop").exists()


def test_the_inno_script_installs_per_machine_and_asks_before_removing_data(
    rendered: dict[str, Path],
) -> None:
    iss = rendered["ascolto.iss"].read_text(encoding="utf-8-sig")
    assert (
        f"AppVersion={app.__version__}" in iss.replace("{#AppVersion}", app.__version__).replace('"', "")
        or f'#define AppVersion "{app.__version__}"' in iss
    )
    for needed in (
        "PrivilegesRequired=admin",
        r"DefaultDirName={autopf}",
        r"{autoprograms}",
        "procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);",
        "usPostUninstall",
        "MsgBox(FmtMessage(CustomMessage('AskRemoveData'), [Folder])",
        "MB_YESNO or MB_DEFBUTTON2",  # No is the default answer
        "if UninstallSilent then",  # a silent uninstall keeps the data
        "DelTree(Folder, True, True, True)",
        "uninsneveruninstall",
        "icacls.exe",
        f'"{policy.WINDOWS_GROUP}"',
        r"{commonappdata}\Ascolto",
        "ASCOLTO_HOME",
    ):
        assert needed in iss, needed
    # the question names the folder, in both languages
    assert iss.count("AskRemoveData=") == 2 and "%1" in iss
    # the data folder is never in [Files] or an [UninstallDelete] section
    assert "[UninstallDelete]" not in iss


def test_windows_installer_upgrades_owns_and_signs(rendered: dict[str, Path]) -> None:
    """Upgrades drop the old bundle's files; Administrators own the data folder before the grants (its
    maker could otherwise re-grant herself); the installing account joins the group; signing is one define."""
    iss = rendered["ascolto.iss"].read_text(encoding="utf-8-sig")
    assert 'Type: filesandordirs; Name: "{app}\\_internal"' in iss
    owner, grants = iss.index("/setowner"), iss.index("/inheritance:r")
    assert owner < grants and "*S-1-5-32-544" in iss[owner : owner + 40]
    assert '""{username}"" /add' in iss
    assert "#ifdef SIGN" in iss and "SignTool=ascolto" in iss and "SignedUninstaller=yes" in iss


def test_the_desktop_file_is_valid(rendered: dict[str, Path]) -> None:
    desktop = rendered["ascolto.desktop"]
    validator = shutil.which("desktop-file-validate")
    if validator:
        result = subprocess.run([validator, str(desktop)], capture_output=True, text=True, check=False)
        assert result.returncode == 0 and "error" not in result.stdout.lower(), result.stdout
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read_string(desktop.read_text(encoding="utf-8"))
    entry = parser["Desktop Entry"]
    assert parser.sections() == ["Desktop Entry"]
    assert entry["Type"] == "Application" and entry["Name"] == "Ascolto"
    assert entry["Exec"] == f"{render.LINUX_INSTALL_DIR}/ascolto" and entry["Icon"] == "ascolto"
    assert entry["Terminal"] == "false"
    assert entry["Categories"].endswith(";") and entry["Keywords"].endswith(";")
    assert entry["X-AppVersion"] == app.__version__
    assert not desktop.read_bytes().startswith(b"\xef\xbb\xbf")


def test_the_spec_collects_what_the_app_reads_from_files() -> None:
    spec = (INSTALLER / "ascolto.spec").read_text(encoding="utf-8")
    ast.parse(spec)
    assert "read_version()" in spec and "ascolto_entry.py" in spec
    assert 'tree(APP / "storage" / "migrations", ("*.py", "*.mako"))' in spec
    assert 'into="app/resources"' in spec  # resources/ is the package app.resources
    assert "_(it|en)\\.qm$" in spec  # Qt's own Italian (qtbase_it.qm: file dialogs, standard buttons)
    for excluded in ("QtWebEngineCore", "Qt3DCore", "QtQuick", "QtQml", "QtMultimedia", "QtNetwork"):
        assert f'"{excluded}"' in spec
    migrations = ROOT / "app" / "storage" / "migrations"
    assert (migrations / "env.py").is_file() and (migrations / "script.py.mako").is_file()
    assert list((migrations / "versions").glob("0001_*.py"))
    assert list((ROOT / "resources" / "translations").glob("*.qm"))
    assert list((ROOT / "resources").glob("*.json"))
    assert list((ROOT / "resources" / "fonts").glob("*.ttf"))


def test_the_group_names_agree() -> None:
    assert render.WINDOWS_GROUP == policy.WINDOWS_GROUP
    assert render.LINUX_GROUP == policy.LINUX_GROUP


def test_shell_scripts_parse() -> None:
    bash = shutil.which("bash")
    if bash is None:
        pytest.skip("no bash on this system")
    for script in ("build.sh", "install.sh"):
        subprocess.run([bash, "-n", str(INSTALLER / "linux" / script)], check=True)
        assert os.access(INSTALLER / "linux" / script, os.X_OK), script


def test_the_entry_script_renders_a_pdf_from_source(tmp_path: Path) -> None:
    """The PDF hook the bundle test relies on (PDFium's native library is there and renders)."""
    env = dict(os.environ, ASCOLTO_SMOKE_PDF="1", HOME=str(tmp_path))
    result = subprocess.run(
        [sys.executable, str(INSTALLER / "ascolto_entry.py")],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=False,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "pdf-rendered 596x842"


def test_the_entry_script_smoke_hook_shows_the_wizard_from_source(tmp_path: Path) -> None:
    """The hook the bundle test relies on, checked quickly from the source tree."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", ASCOLTO_SMOKE_QUIT_MS="300", HOME=str(tmp_path))
    env.pop("ASCOLTO_HOME", None)
    result = subprocess.run(
        [sys.executable, str(INSTALLER / "ascolto_entry.py"), "--data-dir", str(tmp_path / "data")],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=False,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "setup-wizard-shown"


# --- the real build --------------------------------------------------------------------------------------
def _bundle_env(home: Path, **extra: str) -> dict[str, str]:
    """No virtual environment, no PYTHONPATH: only the system's /usr/bin and /bin."""
    return {
        "PATH": "/usr/bin:/bin",
        "HOME": str(home),
        "LANG": "C.UTF-8",
        "QT_QPA_PLATFORM": "offscreen",
        **extra,
    }


@pytest.mark.slow
@pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="the Linux build script (Windows: Inno Setup)"
)
def test_linux_bundle_builds_and_starts(tmp_path: Path) -> None:
    pytest.importorskip("PyInstaller", reason="PyInstaller is not installed: pip install -e '.[build]'")
    dist, build, home = tmp_path / "dist", tmp_path / "build", tmp_path / "home"
    home.mkdir()
    env = dict(
        os.environ,
        PYTHON=sys.executable,
        ASCOLTO_DIST=str(dist),
        ASCOLTO_BUILD=str(build),
        ASCOLTO_GZIP_LEVEL="1",
    )
    result = subprocess.run(
        ["bash", str(INSTALLER / "linux" / "build.sh")],
        capture_output=True,
        text=True,
        timeout=1200,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    version = app.__version__
    tarball = dist / f"ascolto-{version}-linux-x86_64.tar.gz"
    with tarfile.open(tarball) as archive:
        names = set(archive.getnames())
    top = f"ascolto-{version}-linux-x86_64"
    for member in ("ascolto/ascolto", "ascolto.desktop", "ascolto.svg", "install.sh"):
        assert f"{top}/{member}" in names, member

    bundle = dist / "ascolto"
    internal = bundle / "_internal"
    for data in (
        "app/storage/migrations/env.py",
        "app/storage/migrations/script.py.mako",
        "app/resources/__init__.py",
        "app/resources/translations/ascolto_it.qm",
        "app/resources/translations/messages_it.json",
        "app/resources/icons/lock.svg",
        "PySide6/Qt/translations/qtbase_it.qm",
        "app/resources/codelists.json",
        "app/resources/aggregate-package.schema.json",
        "app/resources/printed-texts.toml",
        "app/resources/fonts/DejaVuSans.ttf",
        "PySide6/Qt/plugins/platforms/libqoffscreen.so",
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "PySide6/Qt/plugins/imageformats/libqsvg.so",
        "PySide6/Qt/plugins/printsupport",
        "pypdfium2_raw/libpdfium.so",  # her documents' PDFs are rendered by PDFium's native library
        "pypdfium2_raw/version.json",
    ):
        assert (internal / data).exists(), data
    assert list((internal / "app/storage/migrations/versions").glob("0001_*.py"))
    assert (
        not list(internal.rglob("*WebEngine*")) and not (internal / "PySide6" / "QtNetwork.abi3.so").exists()
    )

    exe = str(bundle / "ascolto")
    rendered = subprocess.run(
        [exe], capture_output=True, text=True, env=_bundle_env(home, ASCOLTO_SMOKE_PDF="1"), timeout=60
    )
    assert rendered.returncode == 0 and rendered.stdout.strip() == "pdf-rendered 596x842", rendered.stderr
    shown = subprocess.run(
        [exe, "--version"], capture_output=True, text=True, env=_bundle_env(home), timeout=60
    )
    assert shown.returncode == 0 and shown.stdout.strip() == f"Ascolto {version}", shown.stderr

    smoke = _bundle_env(home, ASCOLTO_SMOKE_QUIT_MS="1500")
    first = subprocess.run(
        [exe, "--data-dir", str(tmp_path / "new")], capture_output=True, text=True, env=smoke, timeout=120
    )
    assert first.returncode == 0, first.stderr
    assert first.stdout.strip().splitlines()[-1] == "setup-wizard-shown"  # first run: the wizard

    folder = str(tmp_path / "data")
    init = subprocess.run(  # runs the bundled Alembic migrations
        [
            exe,
            "init",
            "--data-dir",
            folder,
            "--centre",
            "Centro",
            "--code",
            "BG",
            "--desk",
            "Bergamo",
            "--user",
            "anna",
            "--password-stdin",
            "--kdf-memory-kib",
            "65536",
            "--kdf-iterations",
            "3",
            "--kdf-lanes",
            "4",
        ],
        input=PASSWORD + "\n",
        capture_output=True,
        text=True,
        env=_bundle_env(home),
        timeout=120,
    )
    assert init.returncode == 0, init.stderr
    verify = subprocess.run(
        [exe, "verify", "--data-dir", folder, "--user", "anna", "--password-stdin"],
        input=PASSWORD + "\n",
        capture_output=True,
        text=True,
        env=_bundle_env(home),
        timeout=120,
    )
    assert verify.returncode == 0, verify.stdout + verify.stderr
    unlock = subprocess.run(
        [exe, "--data-dir", folder], capture_output=True, text=True, env=smoke, timeout=120
    )
    assert unlock.returncode == 0, unlock.stderr
    assert unlock.stdout.strip().splitlines()[-1] == "unlock-screen-shown"
