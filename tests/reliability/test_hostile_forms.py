"""Hostile values in every form: a ValidationError (or another UserError) naming the problem, never a
crash, and nothing written when the call is refused.

Field values are drawn from the declared types with hostile contents (huge and negative numbers, far
dates, control characters, very long text, codes from other lists, repeated codes) mixed with valid
values so that calls also get past the first check. Lone surrogates (text a broken paste can carry)
are tested separately, because SQLite cannot store them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from app.models import codelists
from app.models.base import Base
from app.models.cases import Case
from app.services import cases as c
from app.services import validation as v
from app.services.errors import UserError, ValidationError
from app.services.workspace import Workspace
from tests.case_fixtures import FAST_KDF
from tests.reliability import figures

EXAMPLES = figures.scaled(60, 600)
VALIDATOR_EXAMPLES = figures.scaled(150, 3000)
SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.function_scoped_fixture,
    ],
)
TODAY = dt.date.today()

# --- strategies -------------------------------------------------------------------------------------------
hostile_text = st.one_of(
    st.text(max_size=40),
    st.text(st.characters(codec="utf-8"), min_size=0, max_size=300),
    st.sampled_from(
        ["", " ", "\x00", "a\x00b", "\u202e", "'; DROP TABLE case_file; --", "%s{0}{field}", "\ufeff"]
    ),
    st.integers(1, 25000).map(lambda n: "x" * n),
)
any_int = st.one_of(st.integers(-5, 40), st.integers(), st.sampled_from([0, 1, 600, 601, 10**20, -(10**20)]))
any_date = st.one_of(
    st.dates(),
    st.dates(TODAY - dt.timedelta(days=400), TODAY + dt.timedelta(days=2)),
    st.sampled_from([dt.date.min, dt.date.max, TODAY, dt.date(1989, 12, 31), dt.date(1990, 1, 1)]),
)
any_id = st.one_of(st.integers(-5, 40), st.integers(-(2**63), 2**63 - 1))  # row ids come from lists, not keys
ALL_CODES = sorted({code for name in codelists.list_names() for code in codelists.codes(name)})


def code_of(list_name: str) -> st.SearchStrategy[str]:
    return st.one_of(st.sampled_from(codelists.codes(list_name)), st.sampled_from(ALL_CODES), hostile_text)


def codes_of(list_name: str) -> st.SearchStrategy[tuple[str, ...]]:
    return st.lists(code_of(list_name), max_size=6).map(tuple)


identities = st.builds(
    c.IdentityInput,
    first_name=st.one_of(st.just("Maria"), hostile_text),
    last_name=hostile_text,
    birth_date=st.one_of(st.none(), any_date),
    tax_code=hostile_text,
    phone=hostile_text,
    email=hostile_text,
    address=hostile_text,
    safe_contact_channel=st.one_of(st.just(""), code_of("safe_contact_channel")),
    safe_contact_times=hostile_text,
    safe_contact_notes=hostile_text,
    notes=hostile_text,
)
profiles = st.builds(
    c.ProfileInput,
    birth_year=st.one_of(st.none(), any_int, st.integers(1900, 2030)),
    country=st.one_of(st.none(), st.just("IT"), st.just("ma"), hostile_text),
    education=code_of("education"),
    employment=code_of("employment"),
    marital_status=code_of("marital_status"),
    cohabitation=codes_of("cohabitation"),
    has_children=code_of("has_children"),
    children_count=st.one_of(st.none(), any_int),
    minors_count=st.one_of(st.none(), any_int),
    minors_witnessed=st.one_of(st.none(), any_int),
    minors_suffered=st.one_of(st.none(), any_int),
    pregnant=st.one_of(st.none(), st.booleans()),
)
consents = st.builds(
    c.ConsentInput,
    scopes=st.one_of(st.just(("TRATTAMENTO",)), codes_of("consent_scope")),
    date=any_date,
    notice_version=hostile_text,
    partners=codes_of("referral_destination"),
)
intakes = st.builds(
    c.IntakeInput,
    date=any_date,
    access_channel=code_of("access_channel"),
    first_contact_mode=st.one_of(st.just(""), code_of("first_contact_mode")),
    violence_forms=codes_of("violence_form"),
    relationship=st.one_of(st.just(""), code_of("relationship")),
    violence_duration=code_of("violence_duration"),
    police_report=code_of("police_report"),
    complaint_withdrawn=st.one_of(st.none(), st.booleans()),
    measures_requested=codes_of("protective_measure"),
    measures_obtained=codes_of("protective_measure"),
    emergency=st.booleans(),
    notes=hostile_text,
    help_desk_id=st.one_of(st.none(), any_id),
)
services = st.builds(
    c.ServiceInput,
    date=any_date,
    service_type=code_of("service_type"),
    mode=code_of("service_mode"),
    minutes=any_int,
    operator_role=code_of("operator_role"),
    beneficiary=code_of("beneficiary"),
    help_desk_id=st.one_of(st.none(), any_id),
    notes=hostile_text,
)
referrals = st.builds(
    c.ReferralInput,
    date=any_date,
    destination=code_of("referral_destination"),
    outcome=code_of("referral_outcome"),
    shares_data=st.booleans(),
    children_count=any_int,
    notes=hostile_text,
)


# --- a workspace shared by the examples ----------------------------------------------------------------------
@pytest.fixture(scope="module")
def ws(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    workspace, _ = Workspace.initialise(
        tmp_path_factory.mktemp("forms") / "data",
        centre_name="Centro",
        centre_code="HF",
        desk_name="Sportello",
        username="anna",
        full_name="Anna",
        password="lanterna torrente civetta brina",
        kdf=FAST_KDF,
    )
    try:
        yield workspace
    finally:
        workspace.close()


@pytest.fixture(scope="module")
def case_id(ws: Workspace) -> int:
    return c.open_case(
        ws,
        c.IdentityInput("Maria", "Rossi"),
        c.ProfileInput(),
        c.ConsentInput(("TRATTAMENTO",), TODAY - dt.timedelta(days=30)),
        opened_on=TODAY - dt.timedelta(days=30),
    ).id


def _counts(ws: Workspace) -> dict[str, int]:
    with ws.transaction(write=False) as session:
        return {
            t.name: session.scalar(select(func.count()).select_from(t)) or 0
            for t in Base.metadata.sorted_tables
        }


def _call(ws: Workspace, action: Callable[[], Any]) -> str:
    """Run one service call; a refusal must be a UserError and must leave every table as it was."""
    before = _counts(ws)
    try:
        action()
    except UserError as exc:
        assert exc.text(), "an empty message"
        assert _counts(ws) == before, f"a refused call wrote something: {exc.text()}"
        return "refused"
    return "saved"


# --- service calls -----------------------------------------------------------------------------------------------
@SETTINGS
@given(identity=identities, profile=profiles, consent=consents, opened=st.one_of(st.none(), any_date))
def test_open_case_with_hostile_fields(
    ws: Workspace,
    identity: c.IdentityInput,
    profile: c.ProfileInput,
    consent: c.ConsentInput,
    opened: dt.date | None,
) -> None:
    figures.add("hypothesis examples: forms")
    _call(ws, lambda: c.open_case(ws, identity, profile, consent, opened_on=opened))


@SETTINGS
@given(intake=intakes)
def test_add_intake_with_hostile_fields(ws: Workspace, case_id: int, intake: c.IntakeInput) -> None:
    figures.add("hypothesis examples: forms")
    _call(ws, lambda: c.add_intake(ws, case_id, intake))


@SETTINGS
@given(service=services)
def test_add_service_with_hostile_fields(ws: Workspace, case_id: int, service: c.ServiceInput) -> None:
    figures.add("hypothesis examples: forms")
    _call(ws, lambda: c.add_service(ws, case_id, service))


@SETTINGS
@given(referral=referrals)
def test_add_referral_with_hostile_fields(ws: Workspace, case_id: int, referral: c.ReferralInput) -> None:
    figures.add("hypothesis examples: forms")
    _call(ws, lambda: c.add_referral(ws, case_id, referral))


@SETTINGS
@given(other=any_id)
def test_unknown_case_ids_are_refused(ws: Workspace, case_id: int, other: int) -> None:
    """Every id that names no case is refused, positive ids too; the ids of existing cases are accepted."""
    figures.add("hypothesis examples: forms")
    with ws.transaction(write=False) as session:
        existing = set(session.scalars(select(Case.id)))
    assert case_id in existing
    service = c.ServiceInput(TODAY, "PSICO_IND", "PRESENZA", 60, "PSICOLOGA")
    outcome = _call(ws, lambda: c.add_service(ws, other, service))
    assert outcome == ("saved" if other in existing else "refused"), other


surrogate_text = st.builds(
    lambda before, lone, after: before + lone + after,
    st.text(max_size=10),
    st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF),
    st.text(max_size=10),
)
"""Text holding at least one lone surrogate, built rather than filtered (a filter rarely found one)."""


@settings(
    max_examples=figures.scaled(10, 100),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.filter_too_much],
)
@given(text=surrogate_text)
def test_lone_surrogates_in_text_fields_are_refused_clearly(ws: Workspace, case_id: int, text: str) -> None:
    """Qt can hand over a QString with a lone surrogate (a broken paste); SQLite cannot store it."""
    figures.add("hypothesis examples: forms")
    outcome = _call(
        ws,
        lambda: c.add_service(
            ws, case_id, c.ServiceInput(TODAY, "PSICO_IND", "PRESENZA", 60, "PSICOLOGA", notes=text)
        ),
    )
    assert outcome == "refused"


# --- the validators themselves -------------------------------------------------------------------------------------
anything = st.one_of(
    st.none(),
    st.booleans(),
    any_int,
    st.floats(allow_nan=True),
    hostile_text,
    st.binary(max_size=10),
    any_date,
    st.datetimes(),
    st.lists(hostile_text, max_size=3),
    st.lists(st.sampled_from(ALL_CODES), max_size=4).map(tuple),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
)
VALIDATORS: dict[str, Callable[[Any, Any], Any]] = {
    "check_date": lambda x, _: v.check_date(x, "date"),
    "check_date optional": lambda x, _: v.check_date(x, "date", required=False),
    "check_minutes": lambda x, _: v.check_minutes(x),
    "check_birth_year": lambda x, _: v.check_birth_year(x),
    "check_count": lambda x, _: v.check_count(x, "children_count"),
    "check_code": lambda x, _: v.check_code("service_type", x, "service_type"),
    "check_code empty": lambda x, _: v.check_code("relationship", x, "relationship", allow_empty=True),
    "check_codes": lambda x, _: v.check_codes("violence_form", x, "violence_forms"),
    "check_text": lambda x, _: v.check_text(x, "notes", 100),
    "check_country": lambda x, _: v.check_country(x),
}


@settings(max_examples=VALIDATOR_EXAMPLES, deadline=None)
@given(due=st.one_of(st.none(), any_date, st.datetimes()), later=any_date, earlier=any_date)
def test_date_validators_take_any_date(due: dt.date | None, later: dt.date, earlier: dt.date) -> None:
    """Typed date inputs (a date widget can hand over a date or a datetime): no TypeError."""
    figures.add("hypothesis examples: validators")
    for check in (
        lambda: v.check_future_ok(due, "due_on"),
        lambda: v.check_not_before(later, earlier, "date"),
    ):
        try:
            check()
        except ValidationError as exc:
            assert exc.text()


@pytest.mark.parametrize("name", sorted(VALIDATORS))
@settings(max_examples=VALIDATOR_EXAMPLES, deadline=None)
@given(value=anything, other=anything)
def test_validators_accept_or_raise_validation_error(name: str, value: Any, other: Any) -> None:
    figures.add("hypothesis examples: validators")
    try:
        VALIDATORS[name](value, other)
    except ValidationError as exc:
        assert exc.text() and exc.field is not None
