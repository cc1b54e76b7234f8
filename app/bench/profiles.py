"""The export profiles timed for `ascolto bench`: a year laid out by each shipped profile.

What is timed is what a coordinator waits for, minus recording the release (the benchmark must not
freeze periods in its cached databases): the indicators of the year (`reports.prepare`, or
`reports.prepare_by_desk` for a profile laid out by desk), the signed package (signed with a throwaway
key), read back and verified, laid out by the profile, then the XLSX and the PDF preview.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from app import __version__
from app.crypto import signing
from app.reports import package, profile_files, profiles
from app.reports.periods import Period
from app.services import accounts, exports, releases, reports

_KEY = signing.generate_signing_key()


def workload_name(profile: str) -> str:
    return f"profile {profile} (year: XLSX + PDF)"


def export_bytes(ws: Any, profile: profiles.Profile, period: Period) -> tuple[bytes, bytes]:
    """The XLSX and the PDF preview of `profile` for `period`, as `exports.export_profile` builds them."""
    if profile.by_desk:
        prepared = reports.prepare_by_desk(ws, period, [d.id for d in accounts.list_help_desks(ws)])
    else:
        prepared = [reports.prepare(ws, period, None)]
    released = [
        releases.Release(
            package.package_bytes(
                package.build_package(
                    data.tables, centre=data.centre, desks=data.desk_names, period_start=period.start,
                    period_end=period.end, disclosure=dict(data.rule), software=f"Ascolto {__version__}",
                    signing_key=_KEY, generated_at=datetime.now(UTC).replace(microsecond=0),
                )
            ),
            b"", "", datetime.now(UTC), True,
        )
        for data in prepared
    ]  # fmt: skip
    export = exports.build_export(profile, prepared, released)
    return profile_files.to_xlsx(export), exports.preview_pdf(export)
