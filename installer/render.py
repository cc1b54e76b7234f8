"""Render the installer templates with the one version source, `app.__version__`.

    python -m installer.render                 # into build/installer/
    python installer/render.py --out DIR
    python installer/render.py --print-version

Templates use `@NAME@` placeholders (Inno Setup already uses braces); rendering fails if one is left.
The version is read from app/__init__.py without importing the package, so this runs on any Python 3.11
with nothing installed (the Windows build machine, CI).
"""

from __future__ import annotations

import argparse
import ast
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
VERSION_FILE = ROOT / "app" / "__init__.py"
DEFAULT_OUT = ROOT / "build" / "installer"

APP_NAME = "Ascolto"
WINDOWS_GROUP = "Ascolto Users"  # keep equal to app.storage.policy.WINDOWS_GROUP (a test checks)
LINUX_GROUP = "ascolto"
LINUX_INSTALL_DIR = "/opt/ascolto"
# template (relative to installer/) -> rendered file name
TEMPLATES = {
    "windows/ascolto.iss.in": "ascolto.iss",
    "linux/ascolto.desktop.in": "ascolto.desktop",
}
PLACEHOLDER = re.compile(r"@[A-Z][A-Z0-9_]*@")


class RenderError(Exception):
    pass


def read_version(path: Path = VERSION_FILE) -> str:
    """`__version__ = "..."` from app/__init__.py, parsed, not imported."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    for node in tree.body:
        if (
            isinstance(node, ast.Assign)
            and any(isinstance(t, ast.Name) and t.id == "__version__" for t in node.targets)
            and isinstance(node.value, ast.Constant)
            and isinstance(node.value.value, str)
        ):
            return node.value.value
    raise RenderError(f"no __version__ = '...' in {path}")


def numeric_version(version: str) -> str:
    """Windows wants four numbers: 0.1.0 -> 0.1.0.0, 1.2rc1 -> 1.2.0.0."""
    match = re.match(r"^(\d+(?:\.\d+){0,3})", version)
    if not match:
        raise RenderError(f"version {version!r} does not start with a number")
    parts = match.group(1).split(".")
    return ".".join(parts + ["0"] * (4 - len(parts)))


def values(version: str, bundle_dir: str, output_dir: str) -> dict[str, str]:
    return {
        "APP_NAME": APP_NAME,
        "VERSION": version,
        "VERSION_NUMERIC": numeric_version(version),
        "BUNDLE_DIR": bundle_dir,
        "OUTPUT_DIR": output_dir,
        "WINDOWS_GROUP": WINDOWS_GROUP,
        "LINUX_GROUP": LINUX_GROUP,
        "LINUX_INSTALL_DIR": LINUX_INSTALL_DIR,
    }


def render_text(template: str, mapping: dict[str, str], name: str = "template") -> str:
    text = template
    for key, value in mapping.items():
        text = text.replace(f"@{key}@", value)
    leftover = sorted(set(PLACEHOLDER.findall(text)))
    if leftover:
        raise RenderError(f"{name}: unknown placeholders {', '.join(leftover)}")
    return text


def render(out: Path, version: str | None = None, bundle_dir: Path | None = None) -> list[Path]:
    """Write every rendered template into `out`; return the written files."""
    version = version or read_version()
    bundle = bundle_dir or ROOT / "dist" / "ascolto"
    mapping = values(version, str(bundle), str(ROOT / "dist"))
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for template, target in TEMPLATES.items():
        source = HERE / template
        text = render_text(source.read_text(encoding="utf-8"), mapping, template)
        path = out / target
        # Inno Setup reads a UTF-8 script only with a BOM; the .desktop file must not have one.
        encoding = "utf-8-sig" if target.endswith(".iss") else "utf-8"
        newline = "\r\n" if target.endswith(".iss") else "\n"
        with open(path, "w", encoding=encoding, newline=newline) as handle:
            handle.write(text)
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder (default build/installer)")
    parser.add_argument("--bundle", type=Path, help="the PyInstaller one-folder bundle (default dist/ascolto)")
    parser.add_argument("--print-version", action="store_true", help="print the version and exit")
    args = parser.parse_args(argv)
    if args.print_version:
        print(read_version())
        return 0
    try:
        bundle = args.bundle.resolve() if args.bundle else None
        for path in render(args.out, bundle_dir=bundle):
            print(path)
    except (OSError, RenderError) as exc:
        print(f"render: error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
