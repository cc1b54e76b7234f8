"""Refresh the Italian translation: `python tools/update_translations.py` (then translate in Linguist).

Runs pyside6-lupdate over every app/**/*.py and pyside6-lrelease on the result, and writes the same
finished messages as JSON (resources/translations/messages_it.json) for the code that runs without a Qt
application (the command line, reports); the .ts itself is not installed. The layers below the
UI mark their strings with `QT_TRANSLATE_NOOP(CONTEXT, "...")`, where CONTEXT is a module constant;
lupdate only understands a literal context, so the sources are staged in a temporary copy with such
constants replaced by their values. The staged tree mirrors app/, so file names stay right.
`--check` compiles to a temporary file and fails if the checked-in .qm differs (for CI).
"""

from __future__ import annotations

import argparse
import ast
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
APP_DIR = ROOT / "app"
TRANSLATIONS_DIR = ROOT / "resources" / "translations"
TS_FILE = TRANSLATIONS_DIR / "ascolto_it.ts"
QM_FILE = TRANSLATIONS_DIR / "ascolto_it.qm"
# English is the source language; its catalogue holds only the plural forms of the "%n" messages (Qt's way:
# "%n case(s)" reads "1 case", "2 cases"), made with lupdate -pluralonly.
EN_TS_FILE = TRANSLATIONS_DIR / "ascolto_en.ts"
EN_QM_FILE = TRANSLATIONS_DIR / "ascolto_en.qm"
MESSAGES_FILE = TRANSLATIONS_DIR / "messages_it.json"
NOOP_WITH_NAME = re.compile(r"QT_TRANSLATE_NOOP\(\s*([A-Za-z_][A-Za-z0-9_]*)\s*,")


def tool(name: str) -> str:
    """The PySide6 tool next to this interpreter (the venv), else on PATH."""
    beside = Path(sys.executable).with_name(name)
    if beside.exists():
        return str(beside)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: install PySide6 in this environment")
    return found


def string_constants(sources: list[Path]) -> dict[str, str]:
    """Module-level `NAME = "text"` assignments anywhere in app/ (e.g. errors.CONTEXT = "Errors")."""
    constants: dict[str, str] = {}
    for path in sources:
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if (
                isinstance(node, ast.Assign)
                and len(node.targets) == 1
                and isinstance(node.targets[0], ast.Name)
                and isinstance(node.value, ast.Constant)
                and isinstance(node.value.value, str)
            ):
                constants[node.targets[0].id] = node.value.value
    return constants


def stage(target: Path) -> None:
    sources = sorted(APP_DIR.rglob("*.py"))
    constants = string_constants(sources)

    def literal(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in constants:
            return match.group(0)
        return f'QT_TRANSLATE_NOOP("{constants[name]}",'

    for path in sources:
        staged = target / "app" / path.relative_to(APP_DIR)
        staged.parent.mkdir(parents=True, exist_ok=True)
        staged.write_text(NOOP_WITH_NAME.sub(literal, path.read_text(encoding="utf-8")), encoding="utf-8")


def lupdate(ts_file: Path, plural_only: bool = False) -> None:
    """Refresh `ts_file` from the code; `plural_only`: only the "%n" messages, for the English catalogue."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        stage(root)
        staged_ts = root / ts_file.name
        if ts_file.exists():
            shutil.copyfile(ts_file, staged_ts)
        english = ["-pluralonly", "-target-language", "en_GB"] if plural_only else []
        subprocess.run(
            [
                tool("pyside6-lupdate"),
                "-silent",
                "-no-obsolete",
                "-locations",
                "none",
                "-extensions",
                "py",
                *english,
                str(root / "app"),
                "-ts",
                str(staged_ts),
            ],
            check=True,
        )
        shutil.copyfile(staged_ts, ts_file)


def lrelease(ts_file: Path, qm_file: Path) -> None:
    subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts_file), "-qm", str(qm_file)], check=True)


def finished_messages(ts_file: Path) -> dict[str, dict[str, str]]:
    """{context: {source: Italian}} for every finished message (first plural form), as app.i18n reads it."""
    import xml.etree.ElementTree as ET

    entries: dict[str, dict[str, str]] = {}
    for context in ET.parse(ts_file).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") in ("unfinished", "vanished", "obsolete"):
                continue
            forms = translation.findall("numerusform")
            text = (forms[0].text if forms else translation.text) or ""
            if text:
                entries.setdefault(name, {})[message.findtext("source", "")] = text
    return entries


def messages_json(ts_file: Path) -> bytes:
    import json

    text = json.dumps(finished_messages(ts_file), ensure_ascii=False, indent=0, sort_keys=True)
    return (text + "\n").encode("utf-8")


def apply_translations(ts_file: Path, mapping: dict[str, dict[str, str | list[str]]]) -> int:
    """Fill unfinished entries from {context: {source: translation}}; returns how many were filled.

    Lets translators work on a plain JSON file (several in parallel) and merge here. A "%n" message takes
    a list of its forms, singular then plural (one text: the same for both).
    """
    import xml.etree.ElementTree as ET

    tree = ET.parse(ts_file)
    filled = 0
    for context in tree.getroot().iter("context"):
        texts = mapping.get(context.findtext("name", ""), {})
        for message in context.iter("message"):
            translation = message.find("translation")
            source = message.findtext("source", "")
            if translation is None or translation.get("type") != "unfinished" or source not in texts:
                continue
            given = texts[source]
            if message.get("numerus") == "yes":  # Italian and English have two plural forms
                forms = [given, given] if isinstance(given, str) else list(given)
                for form in list(translation):
                    translation.remove(form)
                translation.text = None
                for text in forms:
                    ET.SubElement(translation, "numerusform").text = text
            elif isinstance(given, str):
                translation.text = given
            else:
                continue
            del translation.attrib["type"]
            filled += 1
    tree.write(ts_file, encoding="utf-8", xml_declaration=True)
    return filled


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--check", action="store_true", help="only check that the .qm matches the .ts")
    parser.add_argument("--no-lupdate", action="store_true", help="only compile the .ts")
    parser.add_argument(
        "--apply",
        nargs="*",
        type=Path,
        default=[],
        help="JSON files {context: {source: translation}} to merge",
    )
    parser.add_argument(
        "--apply-en",
        nargs="*",
        type=Path,
        default=[],
        help='JSON files {context: {source: ["singular", "plural"]}} for the English "%%n" messages',
    )
    args = parser.parse_args(argv)
    import json

    for ts_file, paths in ((TS_FILE, args.apply), (EN_TS_FILE, args.apply_en)):
        for path in paths:
            filled = apply_translations(ts_file, json.loads(path.read_text(encoding="utf-8")))
            print(f"{path}: {filled} filled")
    if args.check:
        with tempfile.TemporaryDirectory() as tmp:
            fresh = Path(tmp) / QM_FILE.name
            lrelease(TS_FILE, fresh)
            stale = not QM_FILE.exists() or fresh.read_bytes() != QM_FILE.read_bytes()
            fresh_en = Path(tmp) / EN_QM_FILE.name
            lrelease(EN_TS_FILE, fresh_en)
            stale = stale or not EN_QM_FILE.exists() or fresh_en.read_bytes() != EN_QM_FILE.read_bytes()
            stale = (
                stale or not MESSAGES_FILE.exists() or MESSAGES_FILE.read_bytes() != messages_json(TS_FILE)
            )
            if stale:
                print(
                    "compiled translations out of date: run python tools/update_translations.py",
                    file=sys.stderr,
                )
                return 1
        return 0
    if not args.no_lupdate:
        lupdate(TS_FILE)
        lupdate(EN_TS_FILE, plural_only=True)
    lrelease(TS_FILE, QM_FILE)
    lrelease(EN_TS_FILE, EN_QM_FILE)
    MESSAGES_FILE.write_bytes(messages_json(TS_FILE))
    return 0


if __name__ == "__main__":
    sys.exit(main())
