"""The process the kill -9 tests shoot: it saves interviews and services through app.services.cases.

Two ways to start it (the password is always the first line of standard input, never an argument):

    python -m tests.reliability.writer child FOLDER RUN SEED
        one writer in a fresh interpreter (the whole start-up path: imports, open, unlock, writes)
    python -m tests.reliability.writer serve FOLDER
        a fork server: imports once, then for every line "RUN <run> <seed>" on standard input forks a
        writer (a real separate process with its own file descriptors and SQLite connections; the server
        itself never opens the database) and, once the writer has died, reports how it died

Lines on standard output, each written with one os.write so that lines of the server and of its
children never interleave:

    FORKED <run> <pid>              (server) a writer was forked
    START <run> <case_id>           the writer unlocked and opened its first case (acknowledged below)
    ACK <kind> <tag> <id> <case_id> the service call returned: the commit is acknowledged
    ERROR <run> <text>              an unexpected exception; the writer then waits to be killed
    REAPED <run> <wait status>      (server) the writer is dead and reaped

Every row a writer saves carries its tag "rel-<run>-<seq>" at the start of its notes (identity notes for
a case), followed by "|" and some padding so that transactions span one to several pages.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import sys
import time
import traceback
from pathlib import Path

from app.services import cases as c
from app.services.workspace import Workspace

USER = "anna"
FIRST_NAME = "Relia"
SCOPES = ("TRATTAMENTO", "CONTATTO_SICURO", "STATISTICHE")
PADDING = (0, 0, 0, 40, 200, 1500, 4000, 12000)  # bytes of notes after the tag: 0 to 3 pages


def emit(line: str) -> None:
    os.write(1, (line + "\n").encode())


def write_loop(folder: str, password: str, run: int, seed: int) -> None:
    """Open, unlock, then save forever, acknowledging every returned call. Never returns normally."""
    rng = random.Random(seed)
    ws = Workspace.open(Path(folder))
    ws.unlock(USER, password)
    seq = 0

    def tag() -> str:
        nonlocal seq
        seq += 1
        return f"rel-{run}-{seq}"

    def notes(label: str) -> str:
        return f"{label}|{'x' * rng.choice(PADDING)}"

    def new_case() -> int:
        label = tag()
        ref = c.open_case(
            ws,
            c.IdentityInput(FIRST_NAME, f"K{run}s{seq}", notes=notes(label)),
            c.ProfileInput(birth_year=1980 + rng.randrange(20), country="IT"),
            c.ConsentInput(SCOPES, dt.date.today()),
        )
        emit(f"ACK case {label} {ref.id} {ref.id}")
        return ref.id

    case_id = new_case()
    emit(f"START {run} {case_id}")
    while True:
        draw = rng.random()
        if draw < 0.08:
            case_id = new_case()
        elif draw < 0.4:
            label = tag()
            intake_id = c.add_intake(
                ws,
                case_id,
                c.IntakeInput(
                    dt.date.today(),
                    "N1522",
                    "TELEFONO",
                    ("PSICOLOGICA",),
                    "01",
                    "1_5Y",
                    notes=notes(label),
                ),
            )
            emit(f"ACK intake {label} {intake_id} {case_id}")
        else:
            label = tag()
            service_id = c.add_service(
                ws,
                case_id,
                c.ServiceInput(
                    dt.date.today(),
                    "PSICO_IND",
                    "PRESENZA",
                    rng.randint(1, 600),
                    "PSICOLOGA",
                    notes=notes(label),
                ),
            )
            emit(f"ACK service {label} {service_id} {case_id}")


def child(folder: str, password: str, run: int, seed: int) -> None:
    try:
        write_loop(folder, password, run, seed)
    except BaseException as exc:
        text = "".join(traceback.format_exception_only(type(exc), exc)).strip().replace("\n", " ")
        emit(f"ERROR {run} {text[:500]}")
        traceback.print_exc()
        while True:  # wait for the SIGKILL: a writer never exits by itself, so its pid is never reused
            time.sleep(60)


def serve(folder: str, password: str) -> None:
    for line in sys.stdin:
        parts = line.split()
        if not parts or parts[0] != "RUN":
            continue
        run, seed = int(parts[1]), int(parts[2])
        pid = os.fork()
        if pid == 0:
            try:
                child(folder, password, run, seed)
            finally:
                os._exit(3)
        emit(f"FORKED {run} {pid}")
        _, status = os.waitpid(pid, 0)
        emit(f"REAPED {run} {status}")


def main(argv: list[str]) -> None:
    password = sys.stdin.readline().rstrip("\n")
    if argv[0] == "child":
        child(argv[1], password, int(argv[2]), int(argv[3]))
    elif argv[0] == "serve":
        serve(argv[1], password)
    else:
        raise SystemExit(f"unknown mode {argv[0]!r}")


if __name__ == "__main__":
    main(sys.argv[1:])
