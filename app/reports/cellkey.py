"""The cell key method: the noise a published count receives, from its records' keys and its true value.

Every woman (case), contact, service and referral carries a random, permanent record key in
``0 .. KEY_RANGE - 1`` (drawn when the row is created, never derived from anything, never exported).
The cell key of a published value is the sum of the record keys of the records behind it, modulo
``KEY_RANGE``; the indicator queries compute it in SQL beside each count. The noise is then looked up in
the versioned perturbation table (``resources/ptable-<version>.json``) by the cell key and the true count.

Why this shape: the same set of records always gets the same cell key, hence the same published value,
in every release, table and desk set (re-asking gives nothing new to average away), while two cells that
differ by even one record get unrelated keys, so subtracting them leaves noise, not a woman. Cell keys
add up (the key of a total is the sum of its parts' keys), so from version 2026.2 the noise is looked up
through a fixed random permutation of the keys: with intervals of consecutive keys, "a total equals the
sum of its two parts" happened only when all three were exact, and said so. The layout follows the ONS
implementation (integer record keys, ``pcv``, ``ckey`` and ``pvalue``; `PTable.ons_rows`) so that the ONS
``cell-key-perturbation`` package can check our figures (tests/test_cellkey_oracle.py).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from app.models.base import RECORD_KEY_RANGE as KEY_RANGE
from app.models.base import new_record_key

__all__ = [
    "CURRENT_VERSION",
    "KEY_RANGE",
    "PACK",
    "VERSIONS",
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
VERSIONS: dict[str, str] = {"2026.1": "ptable.json", "2026.2": "ptable-2026.2.json"}
"""Every perturbation table ever shipped, by version, and its file in app.resources.

Older tables stay readable (and their files unchanged) so that what a frozen release used can be
described and checked; new releases use `CURRENT_VERSION`."""
CURRENT_VERSION = "2026.2"


def unpack(packed: int | None) -> tuple[int, int]:
    """(count, cell key) from a packed SUM (see `PACK`); None (no rows) is (0, 0)."""
    value = int(packed or 0)
    return value // PACK, (value % PACK) % KEY_RANGE


@dataclass(frozen=True)
class PTable:
    """The perturbation table: for each class of true count, the noise by interval of slots."""

    version: str
    key_range: int
    max_deviation: int
    classes: dict[int, tuple[tuple[int, int, int], ...]]
    """count class -> ((from, to, noise), ...) covering the slots 0 .. key_range - 1 in order."""
    slots: tuple[int, ...]
    """cell key -> slot: a permutation of the keys (the identity in the ordered layout of 2026.1)."""
    magnitude_factors: tuple[float, ...]
    """cell key -> the multiple of the largest contribution added to a magnitude (never 0)."""

    def count_class(self, count: int) -> int:
        return min(count, max(self.classes))

    def noise(self, count: int, cell_key: int) -> int:
        """The noise for a true `count` > 0 whose cell key is `cell_key` (0 for a count of 0)."""
        if count <= 0:
            return 0
        slot = self.slots[cell_key % self.key_range]
        for low, high, noise in self.classes[self.count_class(count)]:
            if low <= slot < high:
                return noise
        raise AssertionError("the perturbation table does not cover every slot")  # checked on load

    def probabilities(self, count: int) -> dict[int, float]:
        """The distribution of the noise for a true count (documentation and tests)."""
        if count <= 0:
            return {0: 1.0}
        return {n: (hi - lo) / self.key_range for lo, hi, n in self.classes[self.count_class(count)]}

    def magnitude_factor(self, cell_key: int) -> float:
        """The multiple of the largest single contribution added to a magnitude (never 0)."""
        return self.magnitude_factors[cell_key % self.key_range]

    def ons_rows(self, max_pcv: int = 750) -> list[tuple[int, int, int]]:
        """The table in the ONS layout, (pcv, ckey, pvalue) for pcv 1..max_pcv (non-zero pvalues only).

        ONS looks the noise up by the cell key itself: the permutation is folded into the rows."""
        rows: list[tuple[int, int, int]] = []
        for pcv in range(1, max_pcv + 1):
            rows.extend((pcv, key, d) for key in range(self.key_range) if (d := self.noise(pcv, key)))
        return rows


def _permutation(values: Any, key_range: int, what: str) -> tuple[int, ...]:
    out = tuple(int(v) for v in values)
    if sorted(out) != list(range(key_range)):
        raise ValueError(f"ptable: the {what} permutation must hold every key exactly once")
    return out


def _magnitudes(raw: dict[str, Any], key_range: int) -> tuple[float, ...]:
    """Factor by cell key: equal slices of listed factors (2026.1), or a log-even spread (2026.2 on)."""
    if "factors" in raw:  # 2026.1: eight factors, the key scrambled as key * multiplier mod key_range
        factors = tuple(float(f) for f in raw["factors"])
        multiplier = int(raw["multiplier"])
        if math.gcd(multiplier, key_range) != 1 or key_range % len(factors) or 0 in factors:
            raise ValueError("ptable: the magnitude slices must be a bijection of the keys, factors non-zero")
        return tuple(
            factors[(k * multiplier) % key_range * len(factors) // key_range] for k in range(key_range)
        )
    low, high = float(raw["min"]), float(raw["max"])
    if not 0 < low < high:
        raise ValueError("ptable: the magnitude factors need 0 < min < max")
    half = key_range // 2
    out = []
    for slot in _permutation(raw["permutation"], key_range, "magnitude"):
        q = (slot % half + 0.5) / half
        size = (1 + low) * ((1 + high) / (1 + low)) ** q - 1
        out.append(-size if slot < half else size)
    return tuple(out)


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
    slots = (
        _permutation(raw["permutation"], key_range, "key")
        if "permutation" in raw
        else tuple(range(key_range))
    )
    factors = _magnitudes(raw["magnitude"], key_range)
    if abs(sum(factors)) > 1e-6 * key_range:
        raise ValueError("ptable: the magnitude factors must have mean 0")
    return PTable(str(raw["version"]), key_range, max_dev, classes, slots, factors)


@cache
def ptable(version: str = CURRENT_VERSION) -> PTable:
    """The perturbation table of `version` (by default the one new releases use)."""
    if version not in VERSIONS:
        raise ValueError(f"ptable: unknown version {version!r}")
    text = resources.files("app.resources").joinpath(VERSIONS[version]).read_text(encoding="utf-8")
    table = _load(text)
    if table.key_range != KEY_RANGE or table.version != version:
        raise ValueError(f"ptable: {VERSIONS[version]} is not version {version} over the record keys' range")
    return table


def perturb_count(count: int, cell_key: int, table: PTable | None = None) -> int:
    """The published (perturbed) value of a true count, before the threshold is applied."""
    return count + (table or ptable()).noise(count, cell_key)


def perturb_magnitude(value: float, top: float, cell_key: int, table: PTable | None = None) -> int:
    """A sum (hours) plus a multiple of its largest single contribution, rounded to a whole number.

    The noise is never zero (at least 0.1 times the largest share of one woman; 0.4 in 2026.1),
    and spread so widely that knowing every other contribution leaves the largest one uncertain by far
    more than a fifth; large totals still move by a few per cent.
    """
    noisy = value + (table or ptable()).magnitude_factor(cell_key) * top
    return max(0, round(noisy))
