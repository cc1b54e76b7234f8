"""The life of a case: contact -> consent -> intake -> risk -> pathway -> services -> referrals -> closure.

Every function is one unit of work for one user action. Permissions are checked here, not only in the
UI: an operatrice reaches only the cases of her help desk, a coordinatrice (and an amministratrice)
every case of the centre. Every read and change of a case is audited; audit details hold codes, never
content.

Callers import from `app.services.cases`; the modules of this package are its seams:
records (the values in and out), permissions (who may touch which case, the preamble of every change),
cleaning (input checks before any unit of work), search, intake (contact, opening, interviews, risk),
note_search (the words of her notes), reading, profile, consent, pathway, services_delivered, referrals,
closure, erasure; documents (her attached PDFs and images, kept inside the encrypted database) and transfer
are imported as modules.
"""

from app.services.cases.closure import close_case, reopen_case, set_suspended
from app.services.cases.consent import record_consent, sharing_allowed
from app.services.cases.erasure import erase_case_identity, erase_identity
from app.services.cases.intake import add_intake, add_risk_assessment, open_case, record_contact
from app.services.cases.note_search import NoteHit, NotePage, search_notes
from app.services.cases.pathway import add_goal, add_pathway_review, agree_pathway, edit_goal, update_goal
from app.services.cases.planning import ReviewInterval, add_months
from app.services.cases.police import add_police_report_event
from app.services.cases.profile import save_identity_and_profile, update_identity, update_profile
from app.services.cases.reading import get_case
from app.services.cases.records import (
    CLOSING_STATUSES,
    CURRENT_NOTICE_VERSION,
    MAX_NOTES,
    OPEN_STATUSES,
    CaseFile,
    CasePage,
    CaseRef,
    CaseSummary,
    ConsentInput,
    ConsentView,
    ContactInput,
    GoalVersionView,
    GoalView,
    HistoryEntry,
    IdentityInput,
    IntakeInput,
    IntakeView,
    NextAppointment,
    PathwayView,
    PerpetratorInput,
    PoliceReportView,
    ProfileInput,
    ReferralInput,
    ReferralView,
    ReviewView,
    RiskInput,
    RiskView,
    ServiceInput,
    ServiceView,
)
from app.services.cases.referrals import add_referral, update_referral_outcome
from app.services.cases.search import SORT_KEYS, fold, name_tokens, search_cases
from app.services.cases.services_delivered import add_service

__all__ = [
    "CLOSING_STATUSES",
    "CURRENT_NOTICE_VERSION",
    "MAX_NOTES",
    "OPEN_STATUSES",
    "SORT_KEYS",
    "CaseFile",
    "CasePage",
    "CaseRef",
    "CaseSummary",
    "ConsentInput",
    "ConsentView",
    "ContactInput",
    "GoalVersionView",
    "GoalView",
    "HistoryEntry",
    "IdentityInput",
    "IntakeInput",
    "IntakeView",
    "NextAppointment",
    "NoteHit",
    "NotePage",
    "PathwayView",
    "PerpetratorInput",
    "PoliceReportView",
    "ProfileInput",
    "ReferralInput",
    "ReferralView",
    "ReviewInterval",
    "ReviewView",
    "RiskInput",
    "RiskView",
    "ServiceInput",
    "ServiceView",
    "add_goal",
    "add_intake",
    "add_months",
    "add_pathway_review",
    "add_police_report_event",
    "add_referral",
    "add_risk_assessment",
    "add_service",
    "agree_pathway",
    "close_case",
    "edit_goal",
    "erase_case_identity",
    "erase_identity",
    "fold",
    "get_case",
    "name_tokens",
    "open_case",
    "record_consent",
    "record_contact",
    "reopen_case",
    "save_identity_and_profile",
    "search_cases",
    "search_notes",
    "set_suspended",
    "sharing_allowed",
    "update_goal",
    "update_identity",
    "update_profile",
    "update_referral_outcome",
]
