"""The note search workload: typical words, prefixes and a phrase, as the administrator (every desk, every
status: the widest scope), one search per query as she presses Enter. The words come from the demo's
notes (app.demo.notes), from rare to common: a common word reads the most notes (up to the search's cap).
"""

from __future__ import annotations

import statistics
from typing import Any, Protocol

QUERIES = (
    "avvocata",  # a word in a few notes of one kind
    "denuncia",  # several kinds of note
    "separaz",  # a prefix: separazione, separata...
    "sicur",  # a common prefix: sicurezza, sicuro
    "perche",  # typed without its accent (perché)
    "casa rifugio",  # two words
    '"piano di sicurezza"',  # a phrase
    "colloquio lavoro",  # two common words
)
NAME = "search in notes (per query)"
SLOWEST = "search in notes, slowest query"


class _Runner(Protocol):
    samples: dict[str, dict[str, list[float]]]

    def add(self, name: str, variant: str, ms: float) -> None: ...


def run(runner: _Runner, spaces: dict[str, Any], repeat: int, timed: Any) -> None:
    """Time each query `repeat` times on each variant, alternating; record the median query and the
    slowest query's samples."""
    from app.services import cases

    per_query: dict[str, dict[str, list[float]]] = {}
    for _ in range(repeat):
        for query in QUERIES:
            for variant, ws in spaces.items():
                ms = timed(cases.search_notes, ws, query)
                runner.add(NAME, variant, ms)
                per_query.setdefault(query, {}).setdefault(variant, []).append(ms)
    encrypted = next(iter(spaces))
    runner.samples[SLOWEST] = max(per_query.values(), key=lambda s: statistics.median(s[encrypted]))
