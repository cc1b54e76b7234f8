"""What a piece of code asks SQLite, and the plans SQLite states for it (tests of index use)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import event
from sqlalchemy.orm import Session


def executed(session: Session, run: Callable[[], object]) -> list[tuple[str, Any]]:
    """The statements and parameters `run` sends through `session`'s connection, in order."""
    statements: list[tuple[str, Any]] = []

    def capture(
        _conn: Any, _cursor: Any, statement: str, parameters: Any, _context: Any, _many: bool
    ) -> None:
        statements.append((statement, parameters))

    connection = session.connection()
    event.listen(connection, "before_cursor_execute", capture)
    try:
        run()
    finally:
        event.remove(connection, "before_cursor_execute", capture)
    return statements


def plan_rows(session: Session, statement: str, parameters: Any) -> list[Any]:
    """SQLite's EXPLAIN QUERY PLAN rows (id, parent, notused, detail) of one statement."""
    return list(session.connection().exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters).all())


def plans_of(session: Session, run: Callable[[], object]) -> str:
    """Every plan detail of every statement `run` sends, in one string to search."""
    return " ".join(
        str(row[3])
        for statement, parameters in executed(session, run)
        for row in plan_rows(session, statement, parameters)
    )
