"""Every PDF Ascolto prints, drawn with reportlab (no Qt), each from data already read and permitted.

- `render_report`: the statistical report of a centre, and the network report (the same document built
  from merged packages, see `app.services.network.network_report`);
- `render_subject_access`: her copy of the data (GDPR art. 15), from a `SubjectAccessView`;
- `render_case_summary`: the summary of a case for the team or a lawyer, from a `CaseSummaryView`.

The recovery-key sheet is not here: it is a Qt text document printed by the interface
(`app/ui/pages/recovery.py`), because it is produced before any workspace exists.
`base` is the drawing kit they share; the services decide what to print and who may, never how.
"""

from app.reports.formatting import format_date, format_number
from app.reports.pdf.case_summary import render_case_summary
from app.reports.pdf.report import STRINGS, ReportDocument, ReportSection, render_report
from app.reports.pdf.subject_access import render_subject_access

__all__ = [
    "STRINGS",
    "ReportDocument",
    "ReportSection",
    "format_date",
    "format_number",
    "render_case_summary",
    "render_report",
    "render_subject_access",
]
