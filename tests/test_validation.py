"""Property-based tests of every input check in app/services/validation.py, and of add_service through it."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from app.models import codelists
from app.models.cases import ServiceDelivery
from app.services import cases as c
from app.services import validation as v
from app.services.errors import ValidationError
from app.services.workspace import Workspace
from tests.case_fixtures import D0, count_rows, open_case

pytest_plugins = ["tests.case_fixtures"]

FAST = settings(max_examples=50, deadline=None)
DB = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

TODAY = date.today()
NOT_NUMBERS = st.one_of(
    st.none(),
    st.booleans(),
    st.floats(),
    st.text(max_size=5),
    st.decimals(allow_nan=False),
    st.lists(st.integers()),
)
NOT_INTS = st.one_of(st.booleans(), st.floats(), st.text(max_size=5), st.decimals(allow_nan=False))

SINGLE_LISTS = [n for n in codelists.list_names() if not codelists.is_multi(n)]
MULTI_LISTS = [n for n in codelists.list_names() if codelists.is_multi(n)]


# --- dates ----------------------------------------------------------------------------------------------
@FAST
@given(st.dates(min_value=v.EARLIEST_DATE, max_value=TODAY))
def test_check_date_accepts_past_dates_since_1990(value: date) -> None:
    assert v.check_date(value, "date") == value


@FAST
@given(st.dates(min_value=TODAY + timedelta(days=1)))
def test_check_date_refuses_the_future(value: date) -> None:
    with pytest.raises(ValidationError) as err:
        v.check_date(value, "opened_on")
    assert err.value.field == "opened_on"


@FAST
@given(st.dates(max_value=v.EARLIEST_DATE - timedelta(days=1)))
def test_check_date_refuses_the_far_past(value: date) -> None:
    with pytest.raises(ValidationError) as err:
        v.check_date(value, "date")
    assert err.value.field == "date"


@FAST
@given(st.one_of(st.text(max_size=10), st.integers(), st.floats(), st.booleans()))
def test_check_date_refuses_what_is_not_a_date(value: object) -> None:
    with pytest.raises(ValidationError) as err:
        v.check_date(value, "date")  # type: ignore[arg-type]
    assert err.value.field == "date"


def test_check_date_required_and_optional() -> None:
    with pytest.raises(ValidationError) as err:
        v.check_date(None, "closed_on")
    assert err.value.field == "closed_on"
    assert v.check_date(None, "closed_on", required=False) is None


@FAST
@given(st.datetimes(min_value=datetime(1990, 1, 2), max_value=datetime(2100, 1, 1)))
def test_check_date_handles_datetimes_as_a_user_error(value: datetime) -> None:
    """A datetime is a date subclass: it must be refused or reduced to its date, never crash with TypeError."""
    try:
        result = v.check_date(value, "date")
    except ValidationError as err:
        assert err.field == "date"
    else:
        assert type(result) is date
        assert result <= TODAY


@FAST
@given(st.dates(min_value=v.EARLIEST_DATE, max_value=date(TODAY.year + 20, 12, 31)))
def test_check_future_ok_accepts_plausible_due_dates(value: date) -> None:
    assert v.check_future_ok(value, "due_on") == value


@FAST
@given(
    st.one_of(
        st.dates(max_value=v.EARLIEST_DATE - timedelta(days=1)),
        st.dates(min_value=date(TODAY.year + 21, 1, 1)),
    )
)
def test_check_future_ok_refuses_implausible_due_dates(value: date) -> None:
    assert v.check_future_ok(None, "due_on") is None
    with pytest.raises(ValidationError) as err:
        v.check_future_ok(value, "due_on")
    assert err.value.field == "due_on"


@FAST
@given(st.dates(), st.dates())
def test_check_not_before(later: date, earlier: date) -> None:
    if later < earlier:
        with pytest.raises(ValidationError) as err:
            v.check_not_before(later, earlier, "date")
        assert err.value.field == "date"
    else:
        assert v.check_not_before(later, earlier, "date") is None


# --- numbers -----------------------------------------------------------------------------------------------
@FAST
@given(st.integers(min_value=1, max_value=600))
def test_check_minutes_accepts_1_to_600(minutes: int) -> None:
    assert v.check_minutes(minutes) == minutes


@FAST
@given(st.one_of(st.integers(max_value=0), st.integers(min_value=601), NOT_NUMBERS))
def test_check_minutes_refuses_everything_else(minutes: object) -> None:
    with pytest.raises(ValidationError) as err:
        v.check_minutes(minutes)  # type: ignore[arg-type]
    assert err.value.field == "minutes"


@pytest.mark.parametrize("minutes", [0, 601, -1, True, False, 60.0, 1.5, "60", None])
def test_check_minutes_edges(minutes: object) -> None:
    with pytest.raises(ValidationError) as err:
        v.check_minutes(minutes)  # type: ignore[arg-type]
    assert err.value.field == "minutes"


@FAST
@given(st.integers(min_value=TODAY.year - 110, max_value=TODAY.year - 10))
def test_check_birth_year_accepts_plausible_years(year: int) -> None:
    assert v.check_birth_year(year) == year


@FAST
@given(st.one_of(st.integers(max_value=TODAY.year - 111), st.integers(min_value=TODAY.year - 9), NOT_INTS))
def test_check_birth_year_refuses_the_rest(year: object) -> None:
    with pytest.raises(ValidationError) as err:
        v.check_birth_year(year)  # type: ignore[arg-type]
    assert err.value.field == "birth_year"


def test_check_birth_year_none_and_edges() -> None:
    assert v.check_birth_year(None) is None
    assert v.check_birth_year(TODAY.year - 10) == TODAY.year - 10
    assert v.check_birth_year(TODAY.year - 110) == TODAY.year - 110
    for year in (TODAY.year - 9, TODAY.year - 111, True):
        with pytest.raises(ValidationError):
            v.check_birth_year(year)


@FAST
@given(st.integers(min_value=0, max_value=100), st.data())
def test_check_count_accepts_0_to_maximum(maximum: int, data: st.DataObject) -> None:
    value = data.draw(st.integers(min_value=0, max_value=maximum))
    assert v.check_count(value, "children_count", maximum) == value
    assert v.check_count(None, "children_count", maximum) is None


@FAST
@given(st.one_of(st.integers(max_value=-1), st.integers(min_value=31), NOT_INTS))
def test_check_count_refuses_the_rest(value: object) -> None:
    with pytest.raises(ValidationError) as err:
        v.check_count(value, "minors_count")  # type: ignore[arg-type]
    assert err.value.field == "minors_count"


# --- codes ---------------------------------------------------------------------------------------------------
@FAST
@given(st.sampled_from(SINGLE_LISTS), st.data())
def test_check_code_accepts_every_code_of_its_list(list_name: str, data: st.DataObject) -> None:
    code = data.draw(st.sampled_from(codelists.codes(list_name)))
    assert v.check_code(list_name, code, "field") == code


@FAST
@given(st.sampled_from(SINGLE_LISTS), st.text(max_size=30))
def test_check_code_refuses_random_strings(list_name: str, text: str) -> None:
    assume(text not in codelists.codes(list_name))
    with pytest.raises(ValidationError) as err:
        v.check_code(list_name, text, "education", allow_empty=bool(text))
    assert err.value.field == "education"


@pytest.mark.parametrize("value", [None, 1, ("ND",), b"ND", "nd", " ND", "ND "])
def test_check_code_refuses_non_codes(value: object) -> None:
    with pytest.raises(ValidationError):
        v.check_code("education", value, "education")  # type: ignore[arg-type]


def test_check_code_allow_empty() -> None:
    assert v.check_code("safe_contact_channel", "", "x", allow_empty=True) == ""
    assert v.check_code("safe_contact_channel", None, "x", allow_empty=True) == ""
    with pytest.raises(ValidationError):
        v.check_code("safe_contact_channel", "", "x")


@FAST
@given(st.sampled_from(MULTI_LISTS), st.data())
def test_check_codes_round_trips_in_list_order(list_name: str, data: st.DataObject) -> None:
    all_codes = codelists.codes(list_name)
    chosen = data.draw(st.lists(st.sampled_from(all_codes), unique=True))
    shuffled = data.draw(st.permutations(chosen))
    stored = v.check_codes(list_name, chosen, "violence_forms")
    assert v.check_codes(list_name, shuffled, "violence_forms") == stored  # equal sets, equal storage
    decoded = v.decode_codes(stored)
    assert set(decoded) == set(chosen)
    assert list(decoded) == [code for code in all_codes if code in chosen]
    if chosen:
        assert stored.startswith(",") and stored.endswith(",")
        for code in chosen:
            assert f",{code}," in stored  # what the reports count with LIKE '%,A,%'
    else:
        assert stored == ""


@FAST
@given(st.sampled_from(MULTI_LISTS), st.data())
def test_check_codes_refuses_duplicates(list_name: str, data: st.DataObject) -> None:
    chosen = data.draw(st.lists(st.sampled_from(codelists.codes(list_name)), min_size=1, unique=True))
    repeated = data.draw(st.sampled_from(chosen))
    items = data.draw(st.permutations([*chosen, repeated]))
    with pytest.raises(ValidationError) as err:
        v.check_codes(list_name, items, "cohabitation")
    assert err.value.field == "cohabitation"


@FAST
@given(st.sampled_from(MULTI_LISTS), st.data())
def test_check_codes_refuses_random_strings(list_name: str, data: st.DataObject) -> None:
    valid = data.draw(st.lists(st.sampled_from(codelists.codes(list_name)), unique=True))
    junk = data.draw(st.text(max_size=20).filter(lambda t: t not in codelists.codes(list_name)))
    position = data.draw(st.integers(min_value=0, max_value=len(valid)))
    with pytest.raises(ValidationError) as err:
        v.check_codes(list_name, [*valid[:position], junk, *valid[position:]], "measures_requested")
    assert err.value.field == "measures_requested"


def test_check_codes_refuses_a_bare_string() -> None:
    with pytest.raises(ValidationError):
        v.check_codes("cohabitation", "SOLA", "cohabitation")


@FAST
@given(st.lists(st.text(alphabet=st.characters(blacklist_characters=","), min_size=1), max_size=8))
def test_encode_decode_codes_round_trip(items: list[str]) -> None:
    assert v.decode_codes(v.encode_codes(items)) == tuple(items)


@FAST
@given(st.sampled_from(codelists.codes("country")))
def test_check_country_accepts_iso_codes_in_any_case(code: str) -> None:
    assert v.check_country(code) == code
    assert v.check_country(code.lower()) == code


@FAST
@given(st.text(max_size=4))
def test_check_country_refuses_random_strings(text: str) -> None:
    assume(text and text.upper() not in codelists.codes("country"))
    with pytest.raises(ValidationError) as err:
        v.check_country(text)
    assert err.value.field == "country"


def test_check_country_empty_is_missing() -> None:
    assert v.check_country(None) is None
    assert v.check_country("") is None
    with pytest.raises(ValidationError):
        v.check_country(39)  # type: ignore[arg-type]


# --- text ----------------------------------------------------------------------------------------------------
@FAST
@given(st.integers(min_value=0, max_value=200), st.data())
def test_check_text_accepts_and_strips_text_within_the_limit(maximum: int, data: st.DataObject) -> None:
    # valid text: no NUL, no lone surrogate (both refused, see test_hostile_forms)
    alphabet = st.characters(blacklist_characters="\x00", blacklist_categories=["Cs"])
    text = data.draw(st.text(alphabet=alphabet, max_size=maximum + 5))
    assume(len(text.strip()) <= maximum)
    assert v.check_text(text, "notes", maximum) == text.strip()


@FAST
@given(st.integers(min_value=0, max_value=100), st.data())
def test_check_text_refuses_text_over_the_limit(maximum: int, data: st.DataObject) -> None:
    text = data.draw(st.text(min_size=maximum + 1, max_size=maximum + 50))
    assume(len(text.strip()) > maximum)
    with pytest.raises(ValidationError) as err:
        v.check_text(text, "first_name", maximum)
    assert err.value.field == "first_name"
    assert err.value.params["maximum"] == maximum


@FAST
@given(st.text(max_size=50), st.text(max_size=50))
def test_check_text_refuses_nul(before: str, after: str) -> None:
    with pytest.raises(ValidationError) as err:
        v.check_text(before + "\x00" + after, "notes", 200)
    assert err.value.field == "notes"


@pytest.mark.parametrize("value", [None, 5, b"text", ["a"]])
def test_check_text_refuses_non_text(value: object) -> None:
    with pytest.raises(ValidationError):
        v.check_text(value, "notes", 100)  # type: ignore[arg-type]


# --- through the services -----------------------------------------------------------------------------------
@DB
@given(st.one_of(st.integers(max_value=0), st.integers(min_value=601), NOT_NUMBERS))
def test_add_service_with_bad_minutes_writes_nothing(case_ws: Workspace, minutes: object) -> None:
    case_id = _case_for(case_ws)
    before = count_rows(case_ws, ServiceDelivery)
    with pytest.raises(ValidationError) as err:
        c.add_service(case_ws, case_id, c.ServiceInput(D0, "ASCOLTO", "TELEFONO", minutes, "ACCOGLIENZA"))  # type: ignore[arg-type]
    assert err.value.field == "minutes"
    assert count_rows(case_ws, ServiceDelivery) == before


@settings(DB, max_examples=15)
@given(st.integers(min_value=1, max_value=600))
def test_add_service_with_good_minutes_stores_them(case_ws: Workspace, minutes: int) -> None:
    case_id = _case_for(case_ws)
    before = count_rows(case_ws, ServiceDelivery)
    service_id = c.add_service(
        case_ws, case_id, c.ServiceInput(D0, "ASCOLTO", "TELEFONO", minutes, "ACCOGLIENZA")
    )
    assert count_rows(case_ws, ServiceDelivery) == before + 1
    assert count_rows(case_ws, ServiceDelivery, id=service_id, minutes=minutes) == 1


@settings(DB, max_examples=25)
@given(
    st.one_of(
        st.builds(lambda b: ("birth_year", {"birth_year": b}), st.integers(min_value=TODAY.year - 9)),
        st.builds(lambda n: ("children_count", {"children_count": n}), st.integers(min_value=31)),
        st.builds(lambda t: ("country", {"country": t}), st.text(min_size=1, max_size=3)),
        st.builds(lambda t: ("education", {"education": t}), st.text(max_size=10)),
        st.builds(lambda t: ("cohabitation", {"cohabitation": ("SOLA", t)}), st.text(max_size=10)),
    )
)
def test_update_profile_with_bad_values_changes_nothing(
    case_ws: Workspace, bad: tuple[str, dict[str, object]]
) -> None:
    field, values = bad
    if field == "country":
        assume(values["country"].upper() not in codelists.codes("country"))  # type: ignore[union-attr]
    if field == "education":
        assume(values["education"] not in codelists.codes("education"))
    if field == "cohabitation":
        assume(values["cohabitation"][1] not in codelists.codes("cohabitation"))  # type: ignore[index]
    case_id = _case_for(case_ws)
    before = c.get_case(case_ws, case_id).profile
    with pytest.raises(ValidationError) as err:
        c.update_profile(case_ws, case_id, c.ProfileInput(**values))  # type: ignore[arg-type]
    assert err.value.field == field
    assert c.get_case(case_ws, case_id).profile == before


_CASES: dict[int, int] = {}


def _case_for(ws: Workspace) -> int:
    """One case per workspace, reused across the examples hypothesis runs against the same fixture."""
    key = id(ws)
    if key not in _CASES:
        _CASES[key] = open_case(ws).id
    return _CASES[key]


def test_an_early_date_names_what_it_may_not_precede(case_ws: Workspace) -> None:
    """A review or a referral outcome too early is not 'before the case was opened'."""
    from tests.case_fixtures import full_case

    case = full_case(case_ws)
    with pytest.raises(ValidationError) as opened:
        c.add_service(
            case_ws, case.id, c.ServiceInput(D0 - timedelta(days=1), "PSICO_IND", "PRESENZA", 30, "PSICOLOGA")
        )
    assert "case was opened" in opened.value.text()
    referral = next(r for r in c.get_case(case_ws, case.id).referrals if r.id == case.referral_id)
    with pytest.raises(ValidationError) as outcome:
        c.update_referral_outcome(case_ws, case.referral_id, "ACCOLTO", referral.date - timedelta(days=1))
    assert "before the referral" in outcome.value.text()
    pathway = c.get_case(case_ws, case.id).pathway
    assert pathway is not None
    with pytest.raises(ValidationError) as review:
        c.add_pathway_review(case_ws, case.id, pathway.agreed_on - timedelta(days=1))
    assert "pathway was agreed" in review.value.text()


def test_a_lock_the_trail_could_not_record_is_logged(
    case_ws: Workspace, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    from app.services import audit

    def broken(*_args: object, **_kwargs: object) -> None:
        raise OSError("disk gone")

    monkeypatch.setattr(audit, "record", broken)
    case_ws.lock()  # still locks
    assert not case_ws.is_unlocked
    assert "could not be written to the audit trail (OSError)" in caplog.text
