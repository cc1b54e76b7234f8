"""The cell key method: the noise a published count receives, from its records' keys and its true value.

Every woman (case), contact, service and referral carries a random, permanent record key in
``0 .. KEY_RANGE - 1`` (drawn when the row is created, never derived from anything, never exported).
The cell key of a published value is the sum of the record keys of the records behind it, modulo
``KEY_RANGE``; the indicator queries compute it in SQL beside each count. The noise is then looked up in
the versioned perturbation table (``resources/ptable.json``) by the cell key and the true count.

Why this shape: the same set of records always gets the same cell key, hence the same published value,
in every release, table and desk set (re-asking gives nothing new to average away), while two cells that
differ by even one record get unrelated keys, so subtracting them leaves noise, not a woman. The layout
follows the ONS implementation (integer record keys, ``pcv`` and ``ckey`` columns) so that the ONS
``cell-key-perturbation`` package can check our figures (tests/test_cellkey_oracle.py).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from importlib import resources

from app.models.base import RECORD_KEY_RANGE as KEY_RANGE
from app.models.base import new_record_key

__all__ = [
    "KEY_RANGE",
    "PACK",
    "PTable",
    "new_record_key",
    "perturb_count",
    "perturb_magnitude",
    "ptable",
    "unpack",
]
PACK = 1 << 32
"""One SQL aggregate carries a count and its key sum: SUM(PACK + key) = count * PACK + sum of keys.

Sums of keys stay below PACK for fewer than a million records per cell, far above any centre's size.
"""


def unpack(packed: int | None) -> tuple[int, int]:
    """(count, cell key) from a packed SUM (see `PACK`); None (no rows) is (0, 0)."""
    value = int(packed or 0)
    return value // PACK, (value % PACK) % KEY_RANGE


@dataclass(frozen=True)
class PTable:
    """The perturbation table: for each class of true count, the noise by interval of cell keys."""

    version: str
    key_range: int
    max_deviation: int
    classes: dict[int, tuple[tuple[int, int, int], ...]]
    """count class -> ((from, to, noise), ...) covering 0 .. key_range - 1 in order."""
    magnitude_factors: tuple[float, ...]
    magnitude_multiplier: int

    def count_class(self, count: int) -> int:
        return min(count, max(self.classes))

    def noise(self, count: int, cell_key: int) -> int:
        """The noise for a true `count` > 0 whose cell key is `cell_key` (0 for a count of 0)."""
        if count <= 0:
            return 0
        key = cell_key % self.key_range
        for low, high, noise in self.classes[self.count_class(count)]:
            if low <= key < high:
                return noise
        raise AssertionError("the perturbation table does not cover every cell key")  # checked on load

    def probabilities(self, count: int) -> dict[int, float]:
        """The distribution of the noise for a true count (documentation and tests)."""
        if count <= 0:
            return {0: 1.0}
        return {n: (hi - lo) / self.key_range for lo, hi, n in self.classes[self.count_class(count)]}

    def magnitude_factor(self, cell_key: int) -> float:
        """The multiple of the largest single contribution added to a magnitude (never 0)."""
        scrambled = (cell_key * self.magnitude_multiplier) % self.key_range
        return self.magnitude_factors[scrambled * len(self.magnitude_factors) // self.key_range]

    def ons_rows(self, max_pcv: int = 750) -> list[tuple[int, int, int]]:
        """The table in the ONS layout, (pcv, ckey, pvalue) for pcv 1..max_pcv (non-zero pvalues only)."""
        rows: list[tuple[int, int, int]] = []
        for pcv in range(1, max_pcv + 1):
            for low, high, noise in self.classes[self.count_class(pcv)]:
                if noise:
                    rows.extend((pcv, key, noise) for key in range(low, high))
        return rows


def _load(text: str) -> PTable:
    raw = json.loads(text)
    key_range = int(raw["key_range"])
    max_dev = int(raw["max_deviation"])
    classes: dict[int, tuple[tuple[int, int, int], ...]] = {}
    for entry in raw["classes"]:
        count = int(entry["count"])
        low = 0
        slices = []
        mean = 0.0
        for noise_text, width in sorted(entry["noise"].items(), key=lambda item: int(item[0])):
            noise = int(noise_text)
            if abs(noise) > max_dev or count + noise < 0 or width <= 0:
                raise ValueError(f"ptable: noise {noise} for count {count} is out of bounds")
            slices.append((low, low + int(width), noise))
            mean += noise * int(width)
            low += int(width)
        if low != key_range or abs(mean) > 1e-9:
            raise ValueError(f"ptable: class {count} must cover {key_range} keys with mean noise 0")
        classes[count] = tuple(slices)
    if sorted(classes) != list(range(1, len(classes) + 1)):
        raise ValueError("ptable: classes must be the counts 1, 2, ... n (n meaning n or more)")
    factors = tuple(float(f) for f in raw["magnitude"]["factors"])
    multiplier = int(raw["magnitude"]["multiplier"])
    if math.gcd(multiplier, key_range) != 1 or key_range % len(factors) or any(f == 0 for f in factors):
        raise ValueError("ptable: the magnitude slices must be a bijection of the keys with non-zero factors")
    return PTable(str(raw["version"]), key_range, max_dev, classes, factors, multiplier)


@cache
def ptable() -> PTable:
    """The perturbation table shipped with this version of Ascolto."""
    text = resources.files("app.resources").joinpath("ptable.json").read_text(encoding="utf-8")
    table = _load(text)
    if table.key_range != KEY_RANGE:
        raise ValueError("ptable: key range differs from the record keys'")
    return table


def perturb_count(count: int, cell_key: int) -> int:
    """The published (perturbed) value of a true count, before the threshold is applied."""
    return count + ptable().noise(count, cell_key)


def perturb_magnitude(value: float, top: float, cell_key: int) -> int:
    """A sum (hours) plus a multiple of its largest single contribution, rounded to a whole number.

    The noise is never zero and at least 0.4 times the largest share of one woman, so no published sum
    places one woman's contribution closer than that, while large totals move by a few per cent.
    """
    noisy = value + ptable().magnitude_factor(cell_key) * top
    return max(0, round(noisy))
