"""Resident memory of one Ascolto process doing the heaviest work: python -m app.bench.memory FOLDER YEAR.

The bench process holds the encrypted and the plain database open side by side, each with its pool of
connections and their page caches, which no Ascolto ever does: its own peak says little about the
application. This child opens the encrypted folder alone, as the application does, and runs what a
coordinator's session holds at its largest: searching, opening cases, a year of indicators, the report
PDF and every export profile of that year (nothing is released: nothing is written to the folder but
the audit trail). Prints one JSON line with its own peak (VmHWM).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from app.bench import END, PASSWORD, SURNAME, USER, keystrokes
from app.bench.merge import peak_mb


def main(folder: Path, year: int) -> dict[str, float]:
    from app.bench import profiles as bench_profiles
    from app.reports import profiles
    from app.reports.periods import Period
    from app.services import cases, releases, reports, today
    from app.services.workspace import Workspace

    ws = Workspace.open(folder)
    try:
        ws.unlock(USER, PASSWORD)
        for prefix in keystrokes(SURNAME):
            page = cases.search_cases(ws, prefix)
        for item in page.items[:10]:
            cases.get_case(ws, item.id)
        today.overview(ws, END)
        period = Period.year(year)
        data = reports.prepare(ws, period, None)
        releases.render(releases.document(data))
        for name in profiles.available():
            bench_profiles.export_bytes(ws, profiles.load(name), period)
    finally:
        ws.close()
    return {"peak_mb": round(peak_mb(), 1)}


if __name__ == "__main__":
    print(json.dumps(main(Path(sys.argv[1]), int(sys.argv[2]))))
