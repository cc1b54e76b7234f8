"""Code lists: the shipped data and the derivations that build the reporting grids."""

from __future__ import annotations

import itertools
import json
import re
from datetime import date
from importlib import resources

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.models import codelists as cl

ON = date(2026, 6, 30)

EXPECTED_LISTS = {
    "age_istat", "age_lombardy", "citizenship", "citizenship_binary", "education", "employment",
    "marital_status", "cohabitation", "has_children", "violence_form", "violence_macro",
    "violence_duration", "relationship", "relationship_macro", "access_channel", "first_contact_mode",
    "police_report", "protective_measure", "service_type", "service_mode", "operator_role",
    "referral_destination", "referral_outcome", "case_status", "risk_level", "risk_tool", "goal_area",
    "goal_status", "consent_scope", "beneficiary", "safe_contact_channel", "contact_reason", "country",
    "help_sought", "perpetrator_sex", "yes_no", "police_report_stage", "weekday", "language",
    "staff_profession", "appointment_purpose",
}  # fmt: skip

LAW_53_2022_ART2 = {
    "01": "coniuge/convivente",
    "02": "fidanzato",
    "03": "ex coniuge/ex convivente",
    "04": "ex fidanzato",
    "05": "altro parente",
    "06": "collega/datore di lavoro",
    "07": "conoscente/amico",
    "08": "cliente",
    "09": "vicino di casa",
    "10": "compagno di scuola",
    "11": "insegnante o persona che esercita attività di cura e/o custodia",
    "12": "medico o operatore sanitario",
    "13": "persona sconosciuta alla vittima",
    "14": "altro",
    "15": "autore non identificato",
}


def _raw() -> dict[str, object]:
    text = resources.files("app.resources").joinpath("codelists.json").read_text(encoding="utf-8")
    data: dict[str, object] = json.loads(text)
    return data


# --- the data ------------------------------------------------------------------------------------


def test_all_lists_present_and_versioned() -> None:
    assert set(cl.list_names()) == EXPECTED_LISTS
    assert cl.codelist_version() == "2026.1"


@pytest.mark.parametrize("name", sorted(EXPECTED_LISTS))
def test_codes_unique_and_labels_filled(name: str) -> None:
    items = cl.entries(name)
    assert items
    assert len({e.code for e in items}) == len(items)
    for e in items:
        assert e.code and e.code == e.code.strip()
        assert e.it.strip() and e.en.strip()
        assert len(e.it) <= 64 and len(e.en) <= 64, "labels must fit a combo box"


def test_english_labels_are_translations() -> None:
    all_entries = [e for name in cl.list_names() for e in cl.entries(name)]
    same = [e for e in all_entries if e.it == e.en]
    # proper names (Malta, Kenya...), acronyms and "No" may coincide; most must not
    assert len(same) < 0.5 * len(all_entries)
    for name in cl.list_names():
        if name in {"country", "risk_tool"}:
            continue
        items = cl.entries(name)
        assert sum(e.it != e.en for e in items) >= len(items) / 2, name


def test_italian_labels_use_real_accents() -> None:
    labels = [e.it for name in cl.list_names() for e in cl.entries(name)]
    fake_accents = [s for s in labels if re.search(r"[aeiouAEIOU]'(?=\s|$|[,.)/])", s)]
    assert fake_accents == [], "write 'più', not \"piu'\""
    assert cl.label("police_report", "SI_PIU_VOLTE") == "Sì, più volte"
    assert cl.label("country", "PE") == "Perù"
    assert cl.label("country", "VA") == "Città del Vaticano"


def test_relationship_is_the_law() -> None:
    assert cl.codes("relationship") == tuple(f"{n:02d}" for n in range(1, 16))
    assert {e.code: e.it for e in cl.entries("relationship")} == LAW_53_2022_ART2
    assert not cl.is_multi("relationship")


def test_domain_codes_exact() -> None:
    assert cl.codes("age_istat") == ("<18", "18-29", "30-39", "40-49", "50-59", "60-69", "70+", "ND")
    assert cl.codes("age_lombardy") == ("<=17", "18-24", "25-34", "35-44", "45-54", "55-64", "65+", "ND")
    assert cl.codes("citizenship") == ("ITA", "UE", "EXTRAUE", "APOL", "ND")
    assert cl.codes("citizenship_binary") == ("ITALIANA", "STRANIERA", "ND")
    assert cl.codes("violence_duration") == ("LT6M", "6_12M", "1_5Y", "GT5Y", "ND")
    assert cl.label("violence_duration", "LT6M") == "<6 mesi"
    macros = ("PARTNER", "EX_PARTNER", "FAMILIARE", "EXTRA_FAMILIARE", "ALTRO_ND")
    assert cl.codes("relationship_macro") == macros
    assert set(cl.codes("violence_form")) == {
        "FISICA", "MINACCE", "PSICOLOGICA", "ECONOMICA", "STALKING", "STUPRO", "SESS_ALTRA", "MOLESTIE",
        "DIGITALE", "ASSISTITA", "MATR_FORZATO", "MGF", "ABORTO_FORZ", "TRATTA", "ALTRO",
    }  # fmt: skip
    assert len(cl.codes("service_type")) == 19
    assert len(cl.codes("case_status")) == 13


def test_multi_flags() -> None:
    multi = {name for name in cl.list_names() if cl.is_multi(name)}
    assert multi == {
        "cohabitation",
        "violence_form",
        "protective_measure",
        "help_sought",
        "weekday",
        "language",
    }


def test_countries() -> None:
    codes = cl.codes("country")
    assert 249 <= len(codes) <= 251
    assert all(len(c) == 2 and c.isalpha() and c.isupper() for c in codes)
    assert cl.label("country", "XX") == "Apolide"
    assert cl.label("country", "XX", "en") == "Stateless"
    assert cl.label("country", "DE", "en") == "Germany"
    assert cl.label("country", "DE") == "Germania"
    assert len(cl.EU_COUNTRIES) == 27
    assert "IT" in cl.EU_COUNTRIES and "GB" not in cl.EU_COUNTRIES
    raw = _raw()["lists"]
    assert isinstance(raw, dict)
    flagged = {e["code"] for e in raw["country"]["entries"] if e["eu"] is True}
    assert flagged == cl.EU_COUNTRIES


def test_mappings_cover_their_lists() -> None:
    assert set(cl.VIOLENCE_MACRO) == set(cl.codes("violence_form"))
    assert set(cl.VIOLENCE_MACRO.values()) == set(cl.codes("violence_macro"))
    assert set(cl.RELATIONSHIP_MACRO) == set(cl.codes("relationship"))
    assert set(cl.RELATIONSHIP_MACRO.values()) == set(cl.codes("relationship_macro"))
    assert [b[0] for b in cl.AGE_ISTAT_BOUNDS] == list(cl.codes("age_istat")[:-1])
    assert [b[0] for b in cl.AGE_LOMBARDY_BOUNDS] == list(cl.codes("age_lombardy")[:-1])
    with pytest.raises(TypeError):
        cl.VIOLENCE_MACRO["FISICA"] = "X"  # type: ignore[index]


@pytest.mark.parametrize("bounds", [cl.AGE_ISTAT_BOUNDS, cl.AGE_LOMBARDY_BOUNDS])
def test_age_bounds_are_contiguous(bounds: tuple[tuple[str, int, int | None], ...]) -> None:
    assert bounds[0][1] == 0 and bounds[-1][2] is None
    for (_, _, high), (_, low, _) in itertools.pairwise(bounds):
        assert high is not None and low == high + 1


# --- labels and validation -------------------------------------------------------------------------


def test_label_and_entry_lang() -> None:
    assert cl.label("risk_level", "ELEVATO") == "Elevato"
    assert cl.label("risk_level", "ELEVATO", "en") == "High"
    assert cl.label("risk_level", "ELEVATO", "en_GB") == "High"
    assert cl.label("risk_level", "ELEVATO", "fr") == "Elevato"
    assert cl.label("risk_level", "OLD_CODE") == "OLD_CODE"
    assert cl.label("relationship", "ND") == "Non disponibile"
    assert cl.label("relationship", "ND", "en") == "Not available"
    entry = cl.entries("relationship")[0]
    assert entry.label() == "coniuge/convivente" and entry.label("en") == "spouse/cohabiting partner"
    with pytest.raises(KeyError):
        cl.entries("no_such_list")


def test_is_valid() -> None:
    assert cl.is_valid("relationship", "01")
    assert not cl.is_valid("relationship", "1")
    assert not cl.is_valid("relationship", None)
    assert cl.is_valid("country", "XX")
    assert not cl.is_valid("country", "it")


def test_validate_single() -> None:
    assert cl.validate("risk_level", "MEDIO") == "MEDIO"
    with pytest.raises(cl.UnknownCode):
        cl.validate("risk_level", "ALTISSIMO")
    with pytest.raises(ValueError):  # UnknownCode is a ValueError
        cl.validate("relationship", "16")
    with pytest.raises(TypeError):
        cl.validate("risk_level", ["MEDIO"])


def test_validate_multi() -> None:
    assert cl.validate("violence_form", ["STALKING", "FISICA"]) == ("FISICA", "STALKING")
    assert cl.validate("violence_form", []) == ()
    assert cl.validate("cohabitation", iter(["SOLA"])) == ("SOLA",)
    with pytest.raises(cl.UnknownCode):
        cl.validate("violence_form", ["FISICA", "FISICA"])
    with pytest.raises(cl.UnknownCode):
        cl.validate("violence_form", ["FISICA", "PUGNI"])
    with pytest.raises(TypeError):
        cl.validate("violence_form", "FISICA")


@given(st.lists(st.sampled_from(["FISICA", "MINACCE", "STUPRO", "ASSISTITA", "ALTRO"]), unique=True))
def test_validate_multi_is_order_insensitive(forms: list[str]) -> None:
    assert cl.validate("violence_form", forms) == cl.validate("violence_form", list(reversed(forms)))


# --- derivations -----------------------------------------------------------------------------------


def test_age_at() -> None:
    assert cl.age_at(1990, ON) == 36
    assert cl.age_at(None, ON) is None
    assert cl.age_at(2027, ON) is None
    assert cl.age_at(2026, ON) == 0


@pytest.mark.parametrize(
    ("age", "istat", "lombardy"),
    [
        (0, "<18", "<=17"),
        (17, "<18", "<=17"),
        (18, "18-29", "18-24"),
        (24, "18-29", "18-24"),
        (25, "18-29", "25-34"),
        (29, "18-29", "25-34"),
        (30, "30-39", "25-34"),
        (34, "30-39", "25-34"),
        (35, "30-39", "35-44"),
        (39, "30-39", "35-44"),
        (40, "40-49", "35-44"),
        (44, "40-49", "35-44"),
        (45, "40-49", "45-54"),
        (49, "40-49", "45-54"),
        (50, "50-59", "45-54"),
        (54, "50-59", "45-54"),
        (55, "50-59", "55-64"),
        (59, "50-59", "55-64"),
        (60, "60-69", "55-64"),
        (64, "60-69", "55-64"),
        (65, "60-69", "65+"),
        (69, "60-69", "65+"),
        (70, "70+", "65+"),
        (110, "70+", "65+"),
    ],
)
def test_age_grid_boundaries(age: int, istat: str, lombardy: str) -> None:
    year = ON.year - age
    assert cl.age_group_istat(year, ON) == istat
    assert cl.age_group_lombardy(year, ON) == lombardy


def test_age_grid_missing() -> None:
    assert cl.age_group_istat(None, ON) == "ND"
    assert cl.age_group_lombardy(None, ON) == "ND"
    assert cl.age_group_istat(2030, ON) == "ND"


@given(st.integers(min_value=1900, max_value=2026), st.dates(min_value=date(2000, 1, 1)))
def test_age_grids_always_return_a_code(birth_year: int, on: date) -> None:
    assert cl.is_valid("age_istat", cl.age_group_istat(birth_year, on))
    assert cl.is_valid("age_lombardy", cl.age_group_lombardy(birth_year, on))


@pytest.mark.parametrize(
    ("country", "group", "binary"),
    [
        ("IT", "ITA", "ITALIANA"),
        ("FR", "UE", "STRANIERA"),
        ("RO", "UE", "STRANIERA"),
        ("MA", "EXTRAUE", "STRANIERA"),
        ("GB", "EXTRAUE", "STRANIERA"),
        ("CH", "EXTRAUE", "STRANIERA"),
        ("XX", "APOL", "STRANIERA"),
        (None, "ND", "ND"),
        ("", "ND", "ND"),
    ],
)
def test_citizenship(country: str | None, group: str, binary: str) -> None:
    assert cl.citizenship_group(country) == group
    assert cl.citizenship_binary(country) == binary


def test_citizenship_rejects_bad_country() -> None:
    with pytest.raises(cl.UnknownCode):
        cl.citizenship_group("ZZ")
    with pytest.raises(cl.UnknownCode):
        cl.citizenship_binary("ita")


@given(st.sampled_from(cl.codes("country")))
def test_every_country_has_valid_groups(country: str) -> None:
    assert cl.is_valid("citizenship", cl.citizenship_group(country))
    assert cl.is_valid("citizenship_binary", cl.citizenship_binary(country))


def test_relationship_macro() -> None:
    assert cl.relationship_macro("01") == "PARTNER"
    assert cl.relationship_macro("04") == "EX_PARTNER"
    assert cl.relationship_macro("05") == "FAMILIARE"
    assert cl.relationship_macro("06") == "EXTRA_FAMILIARE"
    assert cl.relationship_macro("13") == "EXTRA_FAMILIARE"
    assert cl.relationship_macro("15") == "ALTRO_ND"
    assert cl.relationship_macro(None) == "ND"
    with pytest.raises(cl.UnknownCode):
        cl.relationship_macro("16")


def test_violence_macro() -> None:
    for form in ("STUPRO", "SESS_ALTRA", "MOLESTIE", "DIGITALE"):
        assert cl.violence_macro(form) == "SESSUALE"
    for form in ("FISICA", "PSICOLOGICA", "ECONOMICA", "MINACCE", "STALKING"):
        assert cl.violence_macro(form) == form
    assert cl.violence_macro("MGF") == "ALTRO"
    assert cl.violence_macro(None) == "ND"
    with pytest.raises(cl.UnknownCode):
        cl.violence_macro("PUGNI")
    for form in cl.codes("violence_form"):
        assert cl.is_valid("violence_macro", cl.violence_macro(form))
