"""The one catalogue of printed texts: both languages say the same things with the same placeholders."""

from __future__ import annotations

import string
from pathlib import Path

import pytest

from app.i18n import language_code
from app.reports import indicators, pdf, texts
from app.reports.pdf import subject_access as subject_access_pdf
from app.reports.periods import parse_period
from app.services import accounts, releases, subject_access
from tests.foundation_fixtures import initialise


def placeholders(text: str) -> set[str]:
    """The `{names}` of `text` as str.format reads them (a missing one would raise when printed)."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


@pytest.mark.parametrize("name", sorted(texts.CATALOGUES))
def test_both_languages_have_the_same_keys_and_placeholders(name: str) -> None:
    catalogue = texts.CATALOGUES[name]
    assert set(catalogue) == {"it", "en"}
    assert set(catalogue["it"]) == set(catalogue["en"]), "keys missing in one language"
    differing = {
        key: (placeholders(catalogue["it"][key]), placeholders(catalogue["en"][key]))
        for key in catalogue["it"]
        if placeholders(catalogue["it"][key]) != placeholders(catalogue["en"][key])
    }
    assert not differing, f"placeholders differ between Italian and English: {differing}"
    assert all(text.strip() for lang in catalogue.values() for text in lang.values()), "an empty text"


def test_placeholders_are_read_as_str_format_reads_them() -> None:
    assert placeholders("dal {start} al {end}") == {"start", "end"}
    assert placeholders("<{k}: meno di {k}") == {"k"}
    assert placeholders("Pagina {n} di {m}") != placeholders("Page {n}")


def test_the_month_names_are_twelve_in_each_language() -> None:
    for lang in ("it", "en"):
        assert len(texts.texts(texts.REPORT, lang)["months"].split()) == 12


def test_every_module_prints_from_the_one_catalogue() -> None:
    """The old names are the catalogue itself, not copies that could drift apart."""
    assert pdf.STRINGS is texts.REPORT
    assert subject_access.STRINGS is subject_access_pdf.STRINGS is texts.SUBJECT_ACCESS
    assert subject_access.ACTIONS is texts.AUDIT_ACTIONS
    assert releases.TEXTS is texts.REPORT_TEXTS
    assert releases.SECTION_TITLES is texts.SECTION_TITLES
    assert tuple(texts.TABLE_TITLES["it"]) == indicators.TABLE_IDS


@pytest.mark.parametrize(
    ("given", "code"),
    [("it", "it"), ("en", "en"), ("EN", "en"), ("en_GB", "en"), ("English", "en"), ("de", "it"), ("", "it")],
)
def test_one_language_helper(given: str, code: str) -> None:
    assert language_code(given) == code
    assert texts.texts(texts.SECTION_TITLES, given) is texts.SECTION_TITLES[code]


def test_every_table_the_indicators_produce_has_its_title_in_both_languages(tmp_path: Path) -> None:
    """Tables computed from an archive (the whole centre and one desk), not the catalogue's own list: a
    table id without its title would print as its code."""
    ws, _ = initialise(tmp_path / "data")
    try:
        desk = accounts.list_help_desks(ws)[0].id
        with ws.transaction(write=False) as session:
            produced = {
                lang: [
                    *indicators.compute_indicators(session, parse_period("2025"), None, lang),
                    *indicators.compute_indicators_by_desk(session, parse_period("2025"), [desk], lang)[desk],
                ]
                for lang in ("it", "en")
            }
    finally:
        ws.close()
    assert {t.id for t in produced["it"]} == {t.id for t in produced["en"]} != set()
    for lang, tables in produced.items():
        titles = texts.texts(texts.TABLE_TITLES, lang)
        assert [t.id for t in tables if not titles.get(t.id, "").strip()] == [], f"no {lang} title"
        assert [t.id for t in tables if t.title != titles[t.id]] == [], f"not printed from the {lang} titles"
