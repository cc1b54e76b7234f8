"""The demo's agenda: two weeks of appointments around today (this week and the next), at opening hours.

The centre's first desk (its main office) sees women every weekday morning and afternoon; the other desks
on the half-days their opening hours say (Monday morning, Thursday afternoon). About half of the hours are
booked, each with an open case of the desk, a purpose and often a named operator; now and then a woman of
another desk is booked at one (a free room, a safer town), which her desk shows as an hour taken.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.demo.distributions import Weighted
from app.models.accounts import Operator
from app.models.cases import Case

PURPOSES = Weighted(
    [
        ("ACCOGLIENZA", 45),
        ("PSICO_IND", 15),
        ("LEGALE", 12),
        ("ACCOMPAGN", 7),
        ("LAVORO", 7),
        ("PSICO_GRUPPO", 5),
        ("ABITATIVA", 5),
        ("ALTRO", 4),
    ]
)
MORNING = ("09:00", "10:00", "11:00", "12:00")
AFTERNOON = ("14:00", "15:00", "16:00", "17:00")
MAIN_OFFICE = {weekday: MORNING + AFTERNOON for weekday in range(5)}
BRANCH = {0: MORNING, 3: AFTERNOON}  # "lun 9-13, gio 14-18"
BOOKED = 0.55
ELSEWHERE = 0.03
WITH_SOMEONE = 0.7


def appointment_rows(
    rng: random.Random, session: Session, first_case: int, today: date, created_by: int
) -> list[tuple[Any, ...]]:
    """Rows (case, desk, date, time, operator, status, purpose, created by) for this week and the next,
    for the open cases the demo has just made (ids from `first_case`: never a real archive's)."""
    open_cases: dict[int, list[int]] = {}
    for case_id, desk_id in session.execute(
        select(Case.id, Case.help_desk_id)
        .where(Case.id >= first_case, Case.status.in_(("IN_ACCOGLIENZA", "IN_CORSO")))
        .order_by(Case.id)
    ):
        open_cases.setdefault(int(desk_id), []).append(int(case_id))
    operators = [
        (int(i), d)
        for i, d in session.execute(select(Operator.id, Operator.help_desk_id).where(Operator.active))
    ]
    monday = today - timedelta(days=today.weekday())
    desks = sorted(open_cases)
    rows: list[tuple[Any, ...]] = []
    busy: set[tuple[int, date, str]] = set()  # nobody is in two rooms at once
    for index, desk in enumerate(desks):
        hours = MAIN_OFFICE if index == 0 else BRANCH
        # a desk's own operators; those of no desk (coordinators) see women at the main office
        staff = [op for op, op_desk in operators if op_desk == desk or (op_desk is None and index == 0)]
        waiting = list(open_cases[desk])
        rng.shuffle(waiting)  # each woman at most once in the two weeks
        for offset in range(14):
            day = monday + timedelta(days=offset)
            for time in hours.get(day.weekday(), ()):
                if rng.random() >= BOOKED or not waiting:
                    continue
                case_id = waiting.pop()
                if rng.random() < ELSEWHERE and len(desks) > 1:
                    case_id = rng.choice(open_cases[rng.choice([d for d in desks if d != desk])] or [case_id])
                free = [op for op in staff if (op, day, time) not in busy]
                person = rng.choice(free) if free and rng.random() < WITH_SOMEONE else None
                if person is not None:
                    busy.add((person, day, time))
                rows.append((case_id, desk, day, time, person, "PROGRAMMATO", PURPOSES.draw(rng), created_by))
    return rows
