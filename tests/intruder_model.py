"""An exact Bayesian intruder over the public perturbation table, for the lattice of one year's releases.

The intruder knows the method, the p-table (layout and permutation included: it is public), the
threshold and the floor, and every published value of every calendar period of a year (12 months, 4
quarters, 2 semesters, the year) for the whole centre and for every desk. She does not know the record
keys: each non-empty set of records has a cell key uniform on 0..4095, independent of the keys of
disjoint sets, and the key of a union is the sum of its parts' keys modulo 4096.

What the model combines, exactly:
- a cell's own observation: P(published v | true c) = share of keys giving noise v - c (or, for a hidden
  count, the share of keys that hide it; a count of 1 or 2 is always hidden; zero has key 0);
- each *relation* parent = sum of parts (a year = its 12 months = its 4 quarters = its 2 semesters, a
  semester = its 6 months = its 2 quarters, a quarter = its 3 months, the whole centre = the sum of its
  desks), with the parts' keys independent and the parent's key their sum: the likelihood of all the
  relation's published values is summed over every assignment of true counts and keys (a dynamic
  programme over the running count, with the key distribution carried in Fourier space), so "a parent
  equals the sum of its parts" weighs exactly as much as the p-table makes it weigh.

What it does not combine: relations are taken as independent evidence about the cell (the cell's own
key, shared by the relations, and the other members' own relations are not propagated: one round of
belief propagation, which tends to overstate the intruder's certainty rather than understate it); the
margins inside one table and the linked tables of one release (the same women in two grids get the same
value, so they add no new observation); hidden amounts (`n.p.`, hidden because few women stand behind
them) are taken as saying nothing, and a relation with such a member is left out. The prior over true
counts is the empirical distribution of the lattice's own true counts: the intruder is given the true
shape of the data.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np

from app.reports import disclosure
from app.reports.cellkey import PTable
from app.reports.tables import AggregateTable, Position, Unit, is_intensity

R = 4096
Cell = tuple[str, str, str, Position]
"""(desk set, period code, table id, position)."""


@dataclass(frozen=True)
class Observed:
    true: int
    key: int
    published: int | None
    uninformative: bool  # a hidden amount: hidden for its women, not for this count


@dataclass
class Candidates:
    """The true counts a cell can have given its own observation, with prior weight and key set."""

    counts: list[int]
    weights: list[float]  # prior(c) * P(own observation | c)
    keysets: list[np.ndarray]  # boolean over keys: the keys that give this observation for count c
    fourier: list[np.ndarray]  # fft of the part's key distribution restricted to the key set


class Model:
    """The intruder's arithmetic for one perturbation table and threshold."""

    def __init__(self, table: PTable, k: int, prior: dict[int, float]) -> None:
        self.table, self.k = table, k
        classes = max(table.classes)
        self.noise = np.array([[table.noise(c, key) for key in range(R)] for c in range(1, classes + 1)])
        self.prior = prior
        self.delta0 = np.zeros(R, dtype=bool)
        self.delta0[0] = True
        self._cache: dict[tuple[int | None, int], tuple[np.ndarray, np.ndarray] | None] = {}

    def _keys(self, published: int | None, c: int) -> tuple[np.ndarray, np.ndarray] | None:
        """(key set, fft of the key distribution of a part with count c) given the observation."""
        memo = self._cache.get((published, c), False)
        if memo is not False:
            return memo  # type: ignore[return-value]
        noise = self.noise[min(c, len(self.noise)) - 1] if c > 0 else None
        if c == 0:
            keys = self.delta0 if published is None else None
        elif published is None:
            keys = np.ones(R, bool) if c < disclosure.MIN_RECORDS else (c + noise < self.k)  # type: ignore[operator]
        elif c < disclosure.MIN_RECORDS or published < self.k:
            keys = None
        else:
            keys = noise == published - c
        out = None
        if keys is not None and keys.any():
            dist = keys * (self.prior.get(c, 0.0) / (1.0 if c == 0 else R))
            out = (keys, np.fft.fft(dist))
        self._cache[(published, c)] = out
        return out

    def candidates(self, obs: Observed) -> Candidates:
        v = obs.published
        span = range(0, self.k + 3) if v is None else range(max(0, v - 3), v + 4)
        out = Candidates([], [], [], [])
        for c in span:
            found = self._keys(v, c)
            if found is None or self.prior.get(c, 0.0) <= 0:
                continue
            keys, fourier = found
            out.counts.append(c)
            out.weights.append(self.prior[c] * (1.0 if c == 0 else keys.sum() / R))
            out.keysets.append(keys)
            out.fourier.append(fourier)  # shared by every cell with this observation and count
        return out

    @staticmethod
    def _convolve(parts: Sequence[Candidates], top: int, bottom: int = 0) -> tuple[int, np.ndarray]:
        """(base, A): A[t] is the Fourier transform of the weight of (sum of counts = base + t, key).

        Only sums that can still end between `bottom` and `top` are carried."""
        base, states = 0, np.ones((1, R), dtype=complex)
        rest = sum(max(p.counts) for p in parts)
        for part in parts:
            low = min(part.counts)
            rest -= max(part.counts)
            width = states.shape[0] + max(part.counts) - low
            new = np.zeros((width, R), dtype=complex)
            for c, fourier in zip(part.counts, part.fourier, strict=True):
                new[c - low : c - low + states.shape[0]] += states * fourier
            base += low
            states = new[: max(0, top - base + 1)]
            skip = max(0, bottom - rest - base)
            states, base = states[skip:], base + skip
            if not len(states):
                return base, states
        return base, states

    @staticmethod
    def _at(states: np.ndarray, base: int, count: int, keys: np.ndarray, weight: float) -> float:
        t = count - base
        if t < 0 or t >= len(states):
            return 0.0
        return weight * float(np.real(np.fft.ifft(states[t]))[keys].sum())

    def relation(
        self, parent: Candidates, parts: Sequence[Candidates], wanted: Iterable[int]
    ) -> dict[int, np.ndarray]:
        """For each wanted member (-1 the parent, i a part), J(c) = P(c and every observation of the
        relation) over its candidates: the exact joint under the p-table and the sum of keys."""
        top = max(parent.counts)
        out: dict[int, np.ndarray] = {}
        prior_p = [self.prior[c] for c in parent.counts]
        for member in wanted:
            if member == -1:
                base, states = self._convolve(parts, top, min(parent.counts))
                out[-1] = np.array(
                    [
                        self._at(states, base, c, keys, w)
                        for c, keys, w in zip(parent.counts, parent.keysets, prior_p, strict=True)
                    ]
                )
                continue
            base, states = self._convolve([p for i, p in enumerate(parts) if i != member], top)
            target = parts[member]
            values = []
            for c, fourier in zip(target.counts, target.fourier, strict=True):
                if not len(states):
                    values.append(0.0)
                    continue
                shifted = states * fourier
                values.append(
                    sum(
                        self._at(shifted, base + c, cp, keys, w)
                        for cp, keys, w in zip(parent.counts, parent.keysets, prior_p, strict=True)
                    )
                )
            out[member] = np.array(values)
        return out

    def relation_counts(
        self, parent: Candidates, parts: Sequence[Candidates], wanted: Iterable[int]
    ) -> dict[int, np.ndarray]:
        """`relation` with the keys of the members taken as independent (each member's own observation
        likelihood, the counts tied by the sum, the key sum ignored): fast enough for every cell of a
        lattice, and checked against the exact `relation` on a sample (the permutation makes them close)."""

        def dense(c: Candidates) -> tuple[int, np.ndarray]:
            low = min(c.counts)
            out = np.zeros(max(c.counts) - low + 1)
            out[np.array(c.counts) - low] = c.weights
            return low, out

        def convolve(members: Sequence[Candidates]) -> tuple[int, np.ndarray]:
            base, acc = 0, np.ones(1)
            for member in members:
                low, vec = dense(member)
                base, acc = base + low, np.convolve(acc, vec)
            return base, acc

        out: dict[int, np.ndarray] = {}
        for member in wanted:
            if member == -1:
                base, acc = convolve(parts)
                out[-1] = np.array(
                    [acc[c - base] if 0 <= c - base < len(acc) else 0.0 for c in parent.counts]
                )
                out[-1] = out[-1] * np.array(parent.weights)
                continue
            base, acc = convolve([p for i, p in enumerate(parts) if i != member])
            target = parts[member]
            values = []
            for c, w in zip(target.counts, target.weights, strict=True):
                total = 0.0
                for cp, wp in zip(parent.counts, parent.weights, strict=True):
                    t = cp - c - base
                    if 0 <= t < len(acc):
                        total += acc[t] * wp
                values.append(w * total)
            out[member] = np.array(values)
        return out

    def all_exact(self, parent: Candidates, parts: Sequence[Candidates], observed: Sequence[int]) -> float:
        """P(every member of the relation is exact | its observations): the 'sum certifies' question."""
        parent_v, part_vs = observed[0], observed[1:]
        top = max(parent.counts)
        base, states = self._convolve(parts, top, min(parent.counts))
        total = sum(
            self._at(states, base, c, keys, self.prior[c])
            for c, keys in zip(parent.counts, parent.keysets, strict=True)
        )
        exact = []
        for part, v in zip(parts, part_vs, strict=True):
            if v not in part.counts:
                return 0.0
            i = part.counts.index(v)
            exact.append(Candidates([v], [part.weights[i]], [part.keysets[i]], [part.fourier[i]]))
        if parent_v not in parent.counts:
            return 0.0
        b2, s2 = self._convolve(exact, top)
        i = parent.counts.index(parent_v)
        hit = self._at(s2, b2, parent_v, parent.keysets[i], self.prior[parent_v])
        return hit / total if total > 0 else 0.0


# --- the lattice ------------------------------------------------------------------------------------------------
def observations(
    lattice: dict[tuple[str, str], list[AggregateTable]],
    published: dict[tuple[str, str], list[AggregateTable]],
    table_ids: set[str] | None = None,
) -> dict[Cell, Observed]:
    """Every count position of every table of the lattice: true value, cell key, published value."""
    out: dict[Cell, Observed] = {}
    for (desks, period), tables in lattice.items():
        shown = {t.id: t for t in published[(desks, period)]}
        for table in tables:
            if table.unit is Unit.HOURS or (table_ids is not None and table.id not in table_ids):
                continue
            for pos in disclosure.positions(table):
                true = disclosure.value_at(table, pos)
                if true is None:
                    continue
                keys = table.keys.get(pos)
                value = disclosure.value_at(shown[table.id], pos)
                out[(desks, period, table.id, pos)] = Observed(
                    int(true),
                    0 if keys is None else keys.key,
                    None if value is None else int(value),
                    value is None and is_intensity(table.unit),
                )
    return out


Relation = tuple[Cell, tuple[Cell, ...]]


def relations(
    cells: dict[Cell, Observed], desk_sets: Sequence[str], periods: dict[str, list[list[str]]]
) -> tuple[list[Relation], int]:
    """Parent = sum of parts relations, kept where they hold in truth (count and key) in every instance
    of their kind: the intruder knows which tables add up over time and over desks. `periods` maps a
    period code to the ways it splits into smaller calendar periods. Returns the relations and how many
    candidate instances were left out because their kind does not always add up."""
    centre, desks = desk_sets[0], list(desk_sets[1:])
    kinds: dict[tuple[str, str, Position, str], list[Relation]] = defaultdict(list)
    positions = {(c[2], c[3]) for c in cells}
    period_codes = sorted({c[1] for c in cells})
    for table_id, pos in positions:
        for period in period_codes:
            parent = (centre, period, table_id, pos)
            parts = tuple((d, period, table_id, pos) for d in desks)
            if parent in cells and all(p in cells for p in parts):
                kinds[(table_id, "desks", pos, "")].append((parent, parts))
        for big, splits in periods.items():
            for split in splits:
                name = f"{len(split)}"
                for desk_set in desk_sets:
                    parent = (desk_set, big, table_id, pos)
                    parts = tuple((desk_set, small, table_id, pos) for small in split)
                    if parent in cells and all(p in cells for p in parts):
                        kinds[(table_id, "time", pos, f"{big[4:]}/{name}")].append((parent, parts))
    kept: list[Relation] = []
    dropped = 0
    for instances in kinds.values():
        holds = all(
            cells[parent].true == sum(cells[p].true for p in parts)
            and cells[parent].key == sum(cells[p].key for p in parts) % R
            for parent, parts in instances
        )
        if holds:
            kept.extend(instances)
        else:
            dropped += len(instances)
    return kept, dropped


@dataclass
class Findings:
    """What the intruder gets from a lattice."""

    small: int = 0  # true cells of 1..4
    pinned: int = 0  # ... whose true value has posterior > 0.9
    wrong_confident: int = 0  # cells with posterior > 0.9 on a value of 1..4 that is not the truth
    equal_sums: int = 0  # relations fully published whose parent equals the sum of the parts
    certified: int = 0  # ... where P(all exact | observations) > 1 - 1e-9
    max_exact: float = 0.0  # the highest P(all exact) among them
    relations: int = 0
    dropped: int = 0
    exact_checked: int = 0  # cells whose posterior was also computed with the exact key-sum model
    exact_gap: float = 0.0  # the largest difference of a posterior probability between the two
    exact_pinned: int = 0  # sampled true 1..4 cells pinned (> 0.9 on the truth) by the exact model
    exact_wrong: int = 0  # ... and those with > 0.9 on a wrong value
    exact_top: float = 0.0  # the highest exact posterior of the true value among them
    exact_wrong_zero: int = 0  # sampled true 1..4 cells the exact model calls 0 with > 0.9
    wrong_zero: int = 0  # true 1..4 cells the model calls 0 with > 0.9 (misled, not disclosed)
    examples: list[str] = field(default_factory=list)
    exact_shares: list[float] = field(default_factory=list)  # P(all exact) of each equal sum
    kept: dict[Cell, dict[int, float]] = field(default_factory=dict)

    @property
    def pinned_share(self) -> float:
        return self.pinned / self.small if self.small else 0.0


def attack(
    model: Model,
    cells: dict[Cell, Observed],
    rels: Sequence[Relation],
    dropped: int,
    *,
    posteriors: bool = True,
    exact_sample: int = 0,
    keep: set[Cell] | None = None,
) -> Findings:
    """Run the intruder over the lattice: certification on every relation fully published with a parent
    equal to the sum of its parts; posteriors for every cell that could be 1..4 (those in `keep` are
    kept in `Findings.kept`); the exact key-sum model on `exact_sample` of them."""
    found = Findings(relations=len(rels), dropped=dropped)
    memo: dict[tuple[int | None, bool], Candidates] = {}
    cand = {
        cell: memo.setdefault((obs.published, obs.uninformative), model.candidates(obs))
        for cell, obs in cells.items()
    }
    by_member: dict[Cell, list[tuple[int, int]]] = defaultdict(list)  # cell -> (relation, member)
    for r, (parent, parts) in enumerate(rels):
        by_member[parent].append((r, -1))
        for i, part in enumerate(parts):
            by_member[part].append((r, i))
    # "parent = sum of parts", all published
    for parent, parts in rels:
        values = [cells[parent].published, *(cells[p].published for p in parts)]
        if any(v is None for v in values):
            continue
        assert all(v is not None for v in values)
        if values[0] != sum(v for v in values[1:] if v is not None):
            continue
        found.equal_sums += 1
        p_exact = model.all_exact(cand[parent], [cand[p] for p in parts], [int(v or 0) for v in values])
        found.max_exact = max(found.max_exact, p_exact)
        found.exact_shares.append(p_exact)
        if p_exact > 1 - 1e-9:
            found.certified += 1
            if len(found.examples) < 5:
                found.examples.append(f"{parent} = {values}")
    if not posteriors:
        return found
    # posteriors of the cells that could be 1..4
    targets = {c for c, obs in cells.items() if not obs.uninformative and set(cand[c].counts) & {1, 2, 3, 4}}
    wanted: dict[int, set[int]] = defaultdict(set)
    for cell in targets:
        for r, member in by_member.get(cell, []):
            wanted[r].add(member)
    messages: dict[Cell, list[np.ndarray]] = defaultdict(list)
    for r, members in wanted.items():
        parent, parts = rels[r]
        if any(cells[m].uninformative for m in (parent, *parts)):
            continue
        joint = model.relation_counts(cand[parent], [cand[p] for p in parts], sorted(members))
        for member, values in joint.items():
            cell = parent if member == -1 else parts[member]
            messages[cell].append(_message(values, cand[cell]))
    small = sorted(c for c in targets if 1 <= cells[c].true <= 4)
    sample = small[:: max(1, len(small) // exact_sample)][:exact_sample] if exact_sample else []
    for cell in sample:  # the exact key-sum model on a sample: how far the fast one is from it
        exact: list[np.ndarray] = []
        for r, member in by_member.get(cell, []):
            parent, parts = rels[r]
            if not any(cells[m].uninformative for m in (parent, *parts)):
                values = model.relation(cand[parent], [cand[p] for p in parts], [member])[member]
                exact.append(_message(values, cand[cell]))
        fast, slow = _posterior(cand[cell], messages.get(cell, [])), _posterior(cand[cell], exact)
        if fast is not None and slow is not None:
            found.exact_checked += 1
            found.exact_gap = max(found.exact_gap, float(np.abs(fast - slow).max()))
            counts = cand[cell].counts
            found.exact_pinned += bool(slow[counts.index(cells[cell].true)] > 0.9)
            best = int(np.argmax(slow))
            found.exact_wrong += bool(
                slow[best] > 0.9 and 1 <= counts[best] <= 4 and counts[best] != cells[cell].true
            )
            found.exact_wrong_zero += bool(slow[best] > 0.9 and counts[best] == 0)
            found.exact_top = max(found.exact_top, float(slow[counts.index(cells[cell].true)]))
    for cell in targets:
        obs, c = cells[cell], cand[cell]
        post = _posterior(c, messages.get(cell, []))
        if post is None:
            continue
        if keep is not None and cell in keep:
            found.kept[cell] = dict(zip(c.counts, post.tolist(), strict=True))
        best = int(np.argmax(post))
        if 1 <= obs.true <= 4:
            found.small += 1
            if obs.true in c.counts and post[c.counts.index(obs.true)] > 0.9:
                found.pinned += 1
        if post[best] > 0.9 and 1 <= c.counts[best] <= 4 and c.counts[best] != obs.true:
            found.wrong_confident += 1
        if post[best] > 0.9 and c.counts[best] == 0 and 1 <= obs.true <= 4:
            found.wrong_zero += 1
    return found


def _message(values: np.ndarray, cand: Candidates) -> np.ndarray:
    """A relation's joint J(c) divided by the cell's own prior and likelihood (counted once, apart)."""
    own = np.array(cand.weights)
    return np.where(own > 0, values / np.where(own > 0, own, 1), 0.0)


def _posterior(cand: Candidates, messages: Sequence[np.ndarray]) -> np.ndarray | None:
    post = np.array(cand.weights)
    for message in messages:
        scale = message.max()
        post = post * (message / scale if scale > 0 else message)
    return post / post.sum() if post.sum() > 0 else None


def alone_in_month(
    lattice: dict[tuple[str, str], list[AggregateTable]],
    published: dict[tuple[str, str], list[AggregateTable]],
    desks: Sequence[str],
    months: Sequence[str],
    centre: str,
    year: str,
) -> list[tuple[Cell, ...]]:
    """For each woman alone at her desk in a month, each one-way partition table about women: the row
    cells of her desk and month (the true one holds 1). The baseline guess is the category most often
    published for the whole centre's year."""
    out: list[tuple[Cell, ...]] = []
    for desk in desks:
        for month in months:
            for table in lattice[(desk, month)]:
                if (
                    table.unit is not Unit.WOMEN
                    or not table.additive
                    or len(table.cols) != 1
                    or table.total != 1
                ):
                    continue
                out.append(tuple((desk, month, table.id, (i, 0)) for i in range(len(table.rows))))
    return out


# --- hours ------------------------------------------------------------------------------------------------------
@dataclass
class HoursFindings:
    targets: int = 0
    hits: int = 0  # best guesses within 20% of her true hours
    best_mass: float = 0.0  # sum over targets of the posterior mass of the best guess's +-20% window
    detail: list[tuple[float, float, float]] = field(default_factory=list)  # (mass, her hours, largest other)

    @property
    def hit_rate(self) -> float:
        return self.hits / self.targets if self.targets else 0.0

    @property
    def mean_best_mass(self) -> float:
        return self.best_mass / self.targets if self.targets else 0.0


def hours_attack(table: PTable, cells: Sequence[Sequence[tuple[float, int]]], k: int) -> HoursFindings:
    """The intruder knows every other woman's hours in a published cell (their sum and the largest), the
    cell's published hours and the method. Each cell key would make her hours a different value (one
    or two: as the largest contribution or not); the keys are equally likely, so she guesses the value
    whose +-20% window holds the most keys. `best_mass` is that share (the issue's "one value in five"
    asks it to be at most 0.2); a hit is her true hours inside the window. Rounding to whole hours only
    blurs this further and is left out of the inversion."""
    from app.reports import cellkey

    factors = np.array(table.magnitude_factors)
    found = HoursFindings()
    for cell in cells:
        if len(cell) < k:
            continue  # n.p.: fewer than k women behind it
        hours = [h for h, _ in cell]
        key = sum(kk for _, kk in cell) % R
        published = cellkey.perturb_magnitude(round(sum(hours), 1), max(hours), key, table)
        for j, x in enumerate(hours):
            others = hours[:j] + hours[j + 1 :]
            rest, top = sum(others), max(others)
            with np.errstate(divide="ignore", invalid="ignore"):
                as_top = (published - rest) / (1 + factors)
            ok_top = (as_top >= top) & (as_top > 0)
            not_top = published - rest - factors * top
            ok_not = (not_top < top) & (not_top > 0)
            ways = ok_top.astype(float) + ok_not
            if not ways.any():
                continue
            share = np.where(ways > 0, 1 / np.maximum(ways, 1), 0.0)
            values = np.concatenate([as_top[ok_top], not_top[ok_not]])
            weights = np.concatenate([share[ok_top], share[ok_not]])
            order = np.argsort(values)
            values, weights = values[order], weights[order] / weights.sum()
            cum = np.concatenate([[0.0], np.cumsum(weights)])
            ends = np.searchsorted(values, values * 1.5, side="right")
            masses = cum[ends] - cum[np.arange(len(values))]
            best = int(np.argmax(masses))
            found.targets += 1
            found.best_mass += float(masses[best])
            found.detail.append((float(masses[best]), x, top))
            found.hits += bool(values[best] <= x <= values[best] * 1.5)
    return found
