"""Size rules of the code (issue 27): no module over 900 lines, no class over 350, no function over 120.

A unit past these sizes has stopped being one thing: split it along its seams rather than raise a limit.
Two kinds are exempt: the constructor of an interface class (app/ui), which lays out a screen's widgets
one after another, and a migration (app/storage/migrations/versions), which is history and never edited.
"""

from __future__ import annotations

import ast
from pathlib import Path

APP = Path(__file__).resolve().parent.parent / "app"
MIGRATIONS = APP / "storage" / "migrations" / "versions"
MAX_MODULE, MAX_CLASS, MAX_FUNCTION = 900, 350, 120


def _length(node: ast.AST) -> int:
    return int(getattr(node, "end_lineno", 0)) - int(getattr(node, "lineno", 0)) + 1


def _offenders(name: str, text: str, *, ui: bool = False, migration: bool = False) -> list[str]:
    """What in one module's text is over its size (`ui`: constructors are exempt; `migration`: all but
    the module's own length)."""
    out = []
    if (lines := len(text.splitlines())) > MAX_MODULE:
        out.append(f"{name}: {lines} lines")
    if migration:
        return out

    def visit(node: ast.AST, owner: ast.ClassDef | None) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.ClassDef):
                if _length(child) > MAX_CLASS:
                    out.append(f"{name}: class {child.name} {_length(child)} lines")
                visit(child, child)
            elif isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
                constructor = ui and owner is not None and child.name == "__init__"
                if _length(child) > MAX_FUNCTION and not constructor:
                    out.append(f"{name}: {child.name} {_length(child)} lines")
                visit(child, None)
            else:
                visit(child, owner)

    visit(ast.parse(text), None)
    return out


def _all_offenders() -> list[str]:
    return [
        offender
        for path in sorted(APP.rglob("*.py"))
        for offender in _offenders(
            str(path.relative_to(APP.parent)),
            path.read_text(encoding="utf-8"),
            ui=APP / "ui" in path.parents,
            migration=MIGRATIONS in path.parents,
        )
    ]


def test_no_module_class_or_function_is_over_its_size() -> None:
    offenders = _all_offenders()
    assert offenders == [], "split along their seams:\n" + "\n".join(offenders)


def _function(lines: int, indent: str = "") -> str:
    body = "".join(f"{indent}    x{i} = {i}\n" for i in range(lines - 1))
    return f"{indent}def __init__(self) -> None:\n{body}"


def test_the_measure_counts_what_it_says() -> None:
    """A function of 121 lines is one too many, a class of 351 too; a UI constructor may be longer."""
    assert _offenders("m.py", _function(120)) == []
    assert _offenders("m.py", _function(121)) == ["m.py: __init__ 121 lines"]
    in_class = "class C:\n" + _function(121, "    ")
    assert _offenders("m.py", in_class) == ["m.py: __init__ 121 lines"]
    assert _offenders("m.py", in_class, ui=True) == []
    big = "class C:\n" + "".join(f"    x{i} = {i}\n" for i in range(350))
    assert _offenders("m.py", big) == ["m.py: class C 351 lines"]
    assert _offenders("m.py", "x = 1\n" * 901, migration=True) == ["m.py: 901 lines"]
