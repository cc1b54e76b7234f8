"""The network merge timed in a process of its own: python -m app.bench.merge FOLDER.

A coordinator merges packages in her own Ascolto, not beside two 100k-women databases; a child process
keeps the bench's memory figure about the databases and gives the merge's own peak. Prints one JSON line.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from app.reports import package


def main(folder: Path) -> dict[str, float]:
    files = sorted(folder.glob("*.json"))
    started = time.perf_counter()
    with package.collector_paused():  # as the network report reads and merges (services.network)
        package.merge_packages([package.load_package(f) for f in files])
    elapsed = (time.perf_counter() - started) * 1000
    return {"ms": round(elapsed, 3), "peak_mb": round(peak_mb(), 1), "packages": len(files)}


def peak_mb() -> float:
    """This process's own peak (VmHWM): ru_maxrss of a child started by fork may carry its parent's."""
    try:
        for line in Path("/proc/self/status").read_text(encoding="ascii", errors="replace").splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    if sys.platform == "win32":
        return 0.0
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


if __name__ == "__main__":
    print(json.dumps(main(Path(sys.argv[1]))))
