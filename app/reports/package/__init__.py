"""Signed aggregate packages: the only thing that leaves a centre's PC, and how coordinators merge them.

A package is one JSON object (format "ascolto-aggregates", version 2) holding already-protected tables,
the period and help desks they cover, the disclosure rule applied, and an Ed25519 signature over the
canonical JSON of everything else. The format is documented for outsiders in docs/aggregate-package.md
and resources/aggregate-package.schema.json; keep the three in step.

Why so strict on import: packages arrive by e-mail or USB stick from many places, so the loader treats
every byte as hostile (size cap, strict UTF-8 and JSON, no unknown keys anywhere, bounded strings and
sizes) and refuses with `PackageError` (one line, said in the reader's language like the services'
errors), never another exception type. Why so strict on export: `build_package` re-checks that nothing
below the disclosure threshold is about to leave, and validates its own output with the same code the
importer uses, so we never sign what we would refuse.

Contributors (how many women stand behind each number) are never exported.

One unit per step, as a file format's reader and writer are kept apart: `document` (the format's
constants, `PackageError`, `VerifiedPackage`, the canonical bytes), `build` (building, signing, writing),
`load` (reading and verifying, with the fast and the strict parser), `validate` (the strict checks both
share), `known` (the same checks at once for tables of a shape found valid before, kept as numbers) and
`merge` (the network's sums, from those numbers when it can). Callers import from here.
"""

from __future__ import annotations

from app.reports.package.build import (
    NOT_AVAILABLE,
    build_package,
    missing_rates,
    package_bytes,
    resign,
    write_package,
)
from app.reports.package.document import (
    COUNT_UNITS,
    FORMAT,
    FORMAT_VERSION,
    MAX_BYTES,
    MAX_CODE,
    MAX_CODES,
    MAX_DESKS,
    MAX_SUCCESSIONS,
    MAX_TABLES,
    MAX_TEXT,
    MAX_THRESHOLD,
    MAX_VALUE,
    MIN_THRESHOLD,
    READABLE_VERSIONS,
    SIGNATURE_ALGORITHM,
    KeyChange,
    PackageError,
    TableCodes,
    VerifiedPackage,
    canonical_bytes,
    filled,
    resolved_lower_bounds,
    signed_bytes,
)
from app.reports.package.load import collector_paused, load_package
from app.reports.package.merge import (
    EVENT_ROWS,
    ONCE_PER_PATHWAY,
    MergedTable,
    adds_over_time,
    merge_packages,
    merge_position,
    mixes_periods,
    over_time,
    sources,
    time_parts,
)
from app.reports.package.validate import (
    MAX_HOURS_WEEK,
    MAX_STAFF,
    STRUCTURE_CENTRE_KEYS,
    STRUCTURE_DESK_KEYS,
    STRUCTURE_KEYS,
)

__all__ = [
    "COUNT_UNITS",
    "EVENT_ROWS",
    "FORMAT",
    "FORMAT_VERSION",
    "MAX_BYTES",
    "MAX_CODE",
    "MAX_CODES",
    "MAX_DESKS",
    "MAX_HOURS_WEEK",
    "MAX_STAFF",
    "MAX_SUCCESSIONS",
    "MAX_TABLES",
    "MAX_TEXT",
    "MAX_THRESHOLD",
    "MAX_VALUE",
    "MIN_THRESHOLD",
    "NOT_AVAILABLE",
    "ONCE_PER_PATHWAY",
    "READABLE_VERSIONS",
    "SIGNATURE_ALGORITHM",
    "STRUCTURE_CENTRE_KEYS",
    "STRUCTURE_DESK_KEYS",
    "STRUCTURE_KEYS",
    "KeyChange",
    "MergedTable",
    "PackageError",
    "TableCodes",
    "VerifiedPackage",
    "adds_over_time",
    "build_package",
    "canonical_bytes",
    "collector_paused",
    "filled",
    "load_package",
    "merge_packages",
    "merge_position",
    "missing_rates",
    "mixes_periods",
    "over_time",
    "package_bytes",
    "resign",
    "resolved_lower_bounds",
    "signed_bytes",
    "sources",
    "time_parts",
    "write_package",
]
