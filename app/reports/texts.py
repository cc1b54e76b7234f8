"""The one catalogue of the texts printed in reports and in her copy of the data, Italian and English.

A document is printed in the language chosen for it, not necessarily the interface's, so these texts
are looked up by stable keys in plain dictionaries, one per document part, both languages side by side.
The texts are data: `resources/printed-texts.toml`, where a reviewer or translator reads what is printed
without reading code; this module reads that file once and names its catalogues.
`tests/test_report_texts.py` checks that both languages have the same keys and the same `{placeholders}`.
`texts(catalogue, lang)` is the one way to pick a language (through `app.i18n.language_code`). The
interface's own strings and the refusals it shows are in the Qt Linguist catalogue instead
(docs/architecture.md says why).
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources

from app.i18n import language_code

RESOURCE = "printed-texts.toml"  # inside app.resources
LANGUAGES = ("it", "en")

Catalogue = dict[str, dict[str, str]]
"""{"it": {key: text}, "en": {key: text}}"""


@cache
def catalogues() -> dict[str, Catalogue]:
    """Every catalogue of the resource by name, read and checked once; a malformed file fails loudly."""
    raw = tomllib.loads(resources.files("app.resources").joinpath(RESOURCE).read_text(encoding="utf-8"))
    for name, catalogue in raw.items():
        if not isinstance(catalogue, dict) or tuple(catalogue) != LANGUAGES:
            raise ValueError(f"{RESOURCE}: {name} must have the languages {', '.join(LANGUAGES)}, in order")
        for lang, entries in catalogue.items():
            if not all(isinstance(text, str) for text in entries.values()):
                raise ValueError(f"{RESOURCE}: {name}.{lang} holds a value that is not text")
    return raw


def _catalogue(name: str) -> Catalogue:
    return catalogues()[name]


# The printed report's fixed texts (cover, notes, units, month names); the rest arrives translated.
REPORT = _catalogue("REPORT")
# Table titles, by table id, in the order `compute_indicators` returns them.
TABLE_TITLES = _catalogue("TABLE_TITLES")
# Row labels of our own (those not from a code list).
ROW_LABELS = _catalogue("ROW_LABELS")
# The centre's stated structure (app.reports.stated): table titles and labels of its own rows and columns.
STRUCTURE_TEXTS = _catalogue("STRUCTURE_TEXTS")
# Chapter titles of the report, by section id.
SECTION_TITLES = _catalogue("SECTION_TITLES")
# Titles and method notes of the centre's and the network's report.
REPORT_TEXTS = _catalogue("REPORT_TEXTS")
# Her copy of the data (GDPR art. 15): headings, labels and the notice on her rights.
SUBJECT_ACCESS = _catalogue("SUBJECT_ACCESS")
# The case summary for the team or a lawyer: its own texts, over her copy's labels.
CASE_SUMMARY = _catalogue("CASE_SUMMARY")
# What each audited action means to her; unknown actions print their code.
AUDIT_ACTIONS = _catalogue("AUDIT_ACTIONS")

CATALOGUES: dict[str, Catalogue] = catalogues()
"""Every catalogue of the resource, for the parity test."""


def texts(catalogue: Catalogue, lang: str) -> dict[str, str]:
    """The texts of `catalogue` in `lang` ("it" unless it names English)."""
    return catalogue[language_code(lang)]
