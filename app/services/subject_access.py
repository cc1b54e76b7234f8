"""Her right of access (GDPR art. 15): a PDF of everything the centre holds on one woman, for her.

Printed in the office and handed to her, so it is written only where the operator chooses (a path or an
open binary stream) and never through a temporary file. Built on `cases.get_case`, which enforces who
may open the case (a coordinatrice, or the operatrice of the case's help desk) and audits the read; the
document itself is audited as "case.subject_access". It also lists who read or changed her file, with
the operators' names, because who accessed her data is part of what she has a right to know.

The layout is `app.reports.pdf.render_subject_access`; this module is the use case: who may, what is
read, where it is written, what is audited.

Rectification is ordinary editing, erasure on request is `cases.erase_identity`, withdrawal of consent
is `cases.record_consent`: this module only shows.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from app.i18n import language_code
from app.models.accounts import Centre, HelpDesk, Operator
from app.reports.pdf import render_subject_access
from app.reports.pdf.subject_access import ACTIONS, STRINGS
from app.services import audit, files, retention
from app.services import validation as v
from app.services.cases import CaseFile, get_case
from app.services.workspace import Workspace

__all__ = ["ACTIONS", "STRINGS", "render", "subject_access_pdf"]


def subject_access_pdf(ws: Workspace, case_id: int, out: files.Destination, lang: str = "it") -> None:
    """Write the PDF of everything held on her into `out` (a path or a binary stream the caller opened).

    Permission and the read audit come from `get_case`; the PDF is rendered in memory and written inside
    the transaction that records "case.subject_access", so a failed write leaves no audit event and an
    audit failure leaves no document behind on a path we created.
    """
    lang = language_code(lang)
    case_file = get_case(ws, case_id)
    actor = ws.require_actor()
    with ws.transaction() as session:
        operator_ids = {h.operator_id for h in case_file.history if h.operator_id is not None}
        names = {
            o.id: o.full_name for o in session.scalars(select(Operator).where(Operator.id.in_(operator_ids)))
        }
        desks = {d.id: d.name for d in session.scalars(select(HelpDesk))}
        centre = session.get_one(Centre, 1).name
        policy = retention.policy_in(session)
        pdf = render(case_file, centre, names, desks, lang, issued=v.today(), policy=policy)
        created = files.write_document(pdf, out)
        try:
            audit.record(session, actor.operator_id, "case.subject_access", "case", case_file.id)
            session.flush()
        except BaseException:
            if created is not None:
                created.unlink(missing_ok=True)
            raise


def render(
    case_file: CaseFile,
    centre: str,
    operator_names: dict[int, str],
    desk_names: dict[int, str],
    lang: str = "it",
    issued: dt.date | None = None,
    policy: retention.RetentionPolicy | None = None,
    tz: dt.tzinfo | None = None,
) -> bytes:
    """Her copy as bytes from data already read and permitted; the centre's default periods unless given."""
    return render_subject_access(
        case_file,
        centre,
        operator_names,
        desk_names,
        lang,
        policy=policy or retention.RetentionPolicy(),
        issued=issued,
        tz=tz,
    )
