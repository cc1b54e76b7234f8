"""The printed report: right texts on the page, suppression respected, contributors never printed."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest

from app.reports.pdf import ReportDocument, ReportSection, format_number, render_report
from app.reports.tables import AggregateTable, Unit

SECRET = 987654321  # appears only in contributors: must never reach the page


def _contrib(rows: int, cols: int) -> list[list[int]]:
    return [[SECRET] * cols for _ in range(rows)]


def women_by_age() -> AggregateTable:
    rows = ["<18", "18-29", "30-39", "40-49", "50-59", "60-69", "70+", "ND"]
    vals = [None, 31, 58, 47, 22, 9, None, 6]
    return AggregateTable(
        id="age",
        title="Donne prese in carico per classe di età",
        unit=Unit.WOMEN,
        rows=rows,
        cols=["N"],
        cells=[[v] for v in vals],
        row_totals=vals,
        col_totals=[177],
        total=177,
        contributors=_contrib(len(rows), 1),
        row_labels={"<18": "Meno di 18 anni", "70+": "70 anni e più"},
        col_labels={"N": "Donne"},
    )


def citizenship() -> AggregateTable:
    rows = ["ITA", "UE", "EXTRAUE", "ND"]
    vals = [1204, 87, 431, 12]
    return AggregateTable(
        id="cit",
        title="Donne per cittadinanza",
        unit=Unit.WOMEN,
        rows=rows,
        cols=["N"],
        cells=[[v] for v in vals],
        row_totals=list(vals),
        col_totals=[sum(vals)],
        total=sum(vals),
        contributors=_contrib(4, 1),
        row_labels={
            "ITA": "Italiana",
            "UE": "Straniera UE",
            "EXTRAUE": "Straniera extra-UE",
            "ND": "Non disponibile",
        },
    )


def services_hours() -> AggregateTable:
    rows = ["ACCOGLIENZA", "PSICO_IND", "LEGALE_CIV", "LEGALE_PEN", "ACCOMPAGN", "ABITATIVA"]
    cols = ["PRESENZA", "TELEFONO", "VIDEO"]
    cells: list[list[float | int | None]] = [
        [312.5, 88.0, 14.5],
        [540.0, 12.5, 96.0],
        [120.0, 35.5, None],
        [98.5, 20.0, None],
        [61.0, 7.5, 6.0],
        [44.5, 18.0, 9.5],
    ]
    row_totals = [415.0, 648.5, 161.5, 124.0, 74.5, 72.0]
    return AggregateTable(
        id="svc",
        title="Ore di servizio per tipo di prestazione e modalità di erogazione",
        unit=Unit.HOURS,
        rows=rows,
        cols=cols,
        cells=cells,
        row_totals=row_totals,
        col_totals=[1176.5, 181.5, 137.5],
        total=1495.5,
        contributors=_contrib(6, 3),
        row_labels={
            "ACCOGLIENZA": "Colloqui di accoglienza",
            "PSICO_IND": "Sostegno psicologico individuale",
            "LEGALE_CIV": "Consulenza legale civile",
            "LEGALE_PEN": "Consulenza legale penale",
            "ACCOMPAGN": "Accompagnamento ai servizi della rete",
            "ABITATIVA": "Attività di orientamento all'autonomia abitativa",
        },
        col_labels={"PRESENZA": "In presenza", "TELEFONO": "Telefono", "VIDEO": "Video"},
    )


def violence_forms() -> AggregateTable:
    rows = ["FISICA", "PSICOLOGICA", "ECONOMICA", "STALKING", "SESSUALE", "ASSISTITA"]
    vals = [96, 161, 72, 34, 28, 55]
    return AggregateTable(
        id="forms",
        title="Forme di violenza subita (risposta multipla)",
        unit=Unit.WOMEN,
        rows=rows,
        cols=["N"],
        cells=[[v] for v in vals],
        row_totals=list(vals),
        col_totals=[177],
        total=177,
        additive=False,
        contributors=_contrib(6, 1),
        row_labels={
            "FISICA": "Fisica",
            "PSICOLOGICA": "Psicologica",
            "ECONOMICA": "Economica",
            "STALKING": "Atti persecutori (stalking)",
            "SESSUALE": "Sessuale",
            "ASSISTITA": "Violenza assistita (in presenza dei figli)",
        },
    )


def referrals_merged() -> AggregateTable:
    rows = ["CASA_RIFUGIO", "SERV_SOC", "FFOO", "AVVOCATA"]
    cols = ["CAV_A", "CAV_B"]
    return AggregateTable(
        id="ref",
        title="Invii per destinazione e centro (dati di rete)",
        unit=Unit.REFERRALS,
        rows=rows,
        cols=cols,
        cells=[[12, 7], [45, 33], [19, 6], [8, None]],
        row_totals=[19, 78, 25, 15],
        col_totals=[84, 53],
        total=137,
        contributors=_contrib(4, 2),
        lower_bound=[[False, False], [False, True], [False, False], [False, False]],
        row_labels={
            "CASA_RIFUGIO": "Casa rifugio",
            "SERV_SOC": "Servizi sociali (Città di Bergamo)",
            "FFOO": "Forze dell'ordine",
            "AVVOCATA": "Avvocata",
        },
        col_labels={"CAV_A": "Aiuto Donna", "CAV_B": "Sirio"},
    )


def monthly_contacts() -> AggregateTable:
    months = ["gen", "feb", "mar", "apr", "mag", "giu", "lug", "ago", "set", "ott", "nov", "dic"]
    rows = ["TELEFONO", "PRESENZA", "EMAIL", "TERZI"]
    cells: list[list[int | float | None]] = [
        [120 + 7 * j for j in range(12)],
        [40 + j for j in range(12)],
        [9 + (j % 4) for j in range(12)],
        [3 + (j % 2) * 4 for j in range(12)],
    ]
    cells[3] = [None if v < 5 else v for v in cells[3]]
    row_totals: list[int | float | None] = [sum(v for v in r if v is not None) for r in cells]
    row_totals[3] = None
    col_totals: list[int | float | None] = [None] * 12
    return AggregateTable(
        id="monthly",
        title="Contatti per mese e modalità di primo contatto",
        unit=Unit.CONTACTS,
        rows=rows,
        cols=months,
        cells=cells,
        row_totals=row_totals,
        col_totals=col_totals,
        total=2543,
        contributors=_contrib(4, 12),
        row_labels={
            "TELEFONO": "Telefono",
            "PRESENZA": "Di persona",
            "EMAIL": "E-mail, messaggi, social",
            "TERZI": "Tramite terze persone",
        },
        col_labels={m: m.capitalize() for m in months},
    )


def sample_document(lang: str = "it") -> ReportDocument:
    return ReportDocument(
        title="Relazione annuale sull'attività dei centri antiviolenza"
        if lang == "it"
        else "Annual activity report",
        centre="Centro antiviolenza «Aiuto Donna» – Città di Bergamo",
        desks=["Bergamo", "Dalmine", "Seriate", "Treviglio", "Romano di Lombardia", "Sant'Omobono Terme"],
        period_label="Anno 2024" if lang == "it" else "Year 2024",
        period_start=date(2024, 1, 1),
        period_end=date(2024, 12, 31),
        generated_on=date(2025, 2, 3),
        threshold=5,
        method_note=(
            "I dati sono estratti dall'archivio cifrato del centro e aggregati "
            "al momento dell'esportazione.\n\n"
            "Le celle con meno di 5 donne sono soppresse; una soppressione secondaria impedisce di ricavarle "
            "dai totali. Le forme di violenza sono a risposta multipla: l'unità è la donna."
        ),
        sections=[
            ReportSection(
                "Profilo delle donne prese in carico",
                [women_by_age(), citizenship()],
                chart="bar",
                note="Donne con almeno un colloquio di accoglienza nel periodo.",
            ),
            ReportSection("Forme di violenza", [violence_forms()], chart="hbar"),
            ReportSection("Prestazioni erogate", [services_hours()], chart="hbar"),
            ReportSection("Cittadinanza", [citizenship()], chart="pie"),
            ReportSection("Invii alla rete", [referrals_merged()], chart="pie"),
            ReportSection("Andamento mensile dei contatti", [monthly_contacts()]),
        ],
        lang=lang,
        subtitle="Rete interistituzionale antiviolenza – ambito di Bergamo",
        footer_note="Documento a uso interno della rete e degli enti finanziatori.",
    )


def _text(path: Path) -> tuple[int, str]:
    from pypdf import PdfReader

    reader = PdfReader(str(path))
    return len(reader.pages), "\n".join(page.extract_text() for page in reader.pages)


def test_italian_report(tmp_path: Path) -> None:
    out = tmp_path / "report.pdf"
    render_report(sample_document(), out)
    pages, text = _text(out)
    assert pages > 1
    assert "Aiuto Donna" in text
    assert "Anno 2024" in text
    assert "Pagina 1 di" in text
    assert "Città" in text
    assert "Attività di orientamento" in text
    assert "Dati aggregati e anonimizzati" in text
    assert "<5" in text
    assert "≥" in text
    assert "Nota metodologica" in text
    assert "1.176,5" in text  # hours: Italian separators, one decimal
    assert "1.734" in text
    assert str(SECRET) not in text
    assert format_number(SECRET, Unit.WOMEN, "it") not in text


def test_the_pdf_carries_a_real_title_and_its_language_and_is_deterministic(tmp_path: Path) -> None:
    """A reader lists the file by its title (the report, the centre, the period), shown instead of the
    file name, and a screen reader picks its voice from the language."""
    from pypdf import PdfReader

    a, b = io.BytesIO(), io.BytesIO()
    render_report(sample_document(), a, deterministic=True)
    render_report(sample_document(), b, deterministic=True)
    assert a.getvalue() == b.getvalue()
    reader = PdfReader(io.BytesIO(a.getvalue()))
    meta = reader.metadata
    assert meta is not None and meta.author == "Ascolto"
    assert meta.title == (
        "Relazione annuale sull'attività dei centri antiviolenza – "
        "Centro antiviolenza «Aiuto Donna» – Città di Bergamo, Anno 2024"
    )
    catalog = reader.trailer["/Root"]
    assert catalog["/Lang"] == "it-IT"
    assert catalog["/ViewerPreferences"]["/DisplayDocTitle"] == True  # noqa: E712 - a pdf BooleanObject
    english = io.BytesIO()
    render_report(sample_document("en"), english, deterministic=True)
    assert PdfReader(english).trailer["/Root"]["/Lang"] == "en"


def test_the_cover_says_that_related_figures_may_disagree() -> None:
    from pypdf import PdfReader

    out = io.BytesIO()
    render_report(sample_document(), out)
    cover = " ".join(PdfReader(out).pages[0].extract_text().split())
    assert "due cifre collegate possono non tornare" in cover
    assert "qualcuna in più di quelle che hanno contattato" in cover


def test_english_report(tmp_path: Path) -> None:
    out = tmp_path / "report-en.pdf"
    render_report(sample_document("en"), out)
    _, text = _text(out)
    assert "Page 1 of" in text
    assert "Methodological note" in text
    assert "1,176.5" in text
    assert str(SECRET) not in text


@pytest.mark.parametrize(
    ("value", "unit", "lang", "expected"),
    [
        (1234567, Unit.WOMEN, "it", "1.234.567"),
        (1234.5, Unit.HOURS, "it", "1.234,5"),
        (12, Unit.HOURS, "it", "12"),  # hours leave whole since format 2
        (1234.5, Unit.HOURS, "en", "1,234.5"),
        (7, Unit.SERVICES, "en", "7"),
    ],
)
def test_format_number(value: float, unit: Unit, lang: str, expected: str) -> None:
    assert format_number(value, unit, lang) == expected


def test_thirty_tables_render(tmp_path: Path) -> None:
    makers = [women_by_age, citizenship, services_hours, violence_forms, referrals_merged, monthly_contacts]
    sections = [
        ReportSection(
            f"Sezione {i + 1}",
            [makers[(i * 3 + j) % 6]() for j in range(3)],
            chart=("bar", "hbar", "pie", None)[i % 4],
        )
        for i in range(10)
    ]
    doc = sample_document()
    doc.sections = sections
    out = tmp_path / "big.pdf"
    render_report(doc, out)
    pages, text = _text(out)
    assert pages > 10
    assert "Tabella 10.3" in text


def test_very_wide_table_is_split_and_mostly_suppressed_chart_is_omitted(tmp_path: Path) -> None:
    desks = [f"Sportello di Località {i:02d}" for i in range(24)]
    rows = ["A", "B", "C"]
    cells: list[list[int | float | None]] = [[10 + i + j for j in range(24)] for i in range(3)]
    wide = AggregateTable(
        id="wide",
        title="Donne per sportello",
        unit=Unit.WOMEN,
        rows=rows,
        cols=desks,
        cells=cells,
        row_totals=[sum(r) for r in cells],
        col_totals=[sum(c) for c in zip(*cells, strict=True)],
        total=sum(map(sum, cells)),
        contributors=_contrib(3, 24),
    )
    hidden = AggregateTable(
        id="hidden",
        title="Quasi tutto soppresso",
        unit=Unit.WOMEN,
        rows=["X", "Y", "Z"],
        cols=["N"],
        cells=[[None], [None], [40]],
        row_totals=[None, None, 40],
        col_totals=[None],
        total=None,
    )
    doc = sample_document()
    doc.sections = [ReportSection("Sportelli", [wide]), ReportSection("Soppressi", [hidden], chart="pie")]
    out = tmp_path / "wide.pdf"
    render_report(doc, out)
    _, text = _text(out)
    assert "colonne 1–" in text
    assert text.count("Località") == 24  # every column printed once, none lost to clipping
    assert "di 25" in text  # 24 desks + Totale, in more than one part
    assert "Grafico non riprodotto" in text


def test_every_font_is_embedded(tmp_path: Path) -> None:
    from pypdf import PdfReader

    out = tmp_path / "fonts.pdf"
    render_report(sample_document(), out)
    names: set[str] = set()
    for page in PdfReader(str(out)).pages:
        fonts = page["/Resources"].get_object().get("/Font", {})
        for ref in fonts.get_object().values():
            font = ref.get_object()
            names.add(str(font["/BaseFont"]))
            assert "/FontFile2" in font["/FontDescriptor"].get_object() or "/DescendantFonts" in font
    assert names and all("DejaVu" in n or "Vera" in n for n in names)


def test_the_cover_stays_one_page_with_many_desks_and_sections(tmp_path: Path) -> None:
    """Twelve desks and eleven contents lines used to push the end of the contents onto a page of its own."""
    from pypdf import PdfReader

    doc = sample_document()
    doc.desks = [f"Sportello di San Pellegrino Terme {i}" for i in range(12)]
    doc.sections = [ReportSection(f"Sezione numero {i + 1}", [citizenship()]) for i in range(10)]
    out = tmp_path / "cover.pdf"
    render_report(doc, out)
    first, second = (" ".join(page.extract_text().split()) for page in PdfReader(str(out)).pages[:2])
    assert "Nota metodologica" in first and "Sportello di San Pellegrino Terme 11" in first
    assert "Nota metodologica" not in second and "Sezione numero 1" in second


def test_the_first_of_the_month_is_an_ordinal_in_italian() -> None:
    from app.reports.pdf import format_date

    assert format_date(date(2026, 10, 1), "it") == "1° ottobre 2026"
    assert format_date(date(2026, 10, 2), "it") == "2 ottobre 2026"
    assert format_date(date(2026, 10, 1), "en") == "1 October 2026"


def test_a_table_continued_overleaf_repeats_its_title_and_header(tmp_path: Path) -> None:
    from pypdf import PdfReader

    rows = [f"Voce {i:03d}" for i in range(90)]
    vals: list[int | None] = [10 + i for i in range(90)]
    long = AggregateTable(
        id="long",
        title="Tabella lunghissima di prova",
        unit=Unit.WOMEN,
        rows=rows,
        cols=["N"],
        cells=[[v] for v in vals],
        row_totals=vals,
        col_totals=[sum(v or 0 for v in vals)],
        total=sum(v or 0 for v in vals),
        contributors=_contrib(len(rows), 1),
        col_labels={"N": "Donne"},
    )
    document = sample_document()
    document.sections = [ReportSection("Una sezione", [long])]
    out = tmp_path / "long.pdf"
    render_report(document, out)
    pages = [page.extract_text() for page in PdfReader(str(out)).pages]
    holding = [text for text in pages if "Voce 0" in text]
    assert len(holding) >= 2
    assert "Tabella 1.1 – Tabella lunghissima di prova" in holding[0]
    for text in holding[1:]:
        assert "Tabella 1.1 (segue) – Tabella lunghissima di prova" in text
        assert "Donne" in text  # the header row


def test_closed_pathways_in_progress_are_not_printed_and_a_non_sum_is_not_a_total(tmp_path: Path) -> None:
    closures = AggregateTable(
        "closures_outcome", "Percorsi chiusi per esito", Unit.WOMEN,
        ["IN_CORSO", "SOSPESO", "CONCLUSO_OBJ", "INTERR_DONNA"], ["N"], [[0], [0], [41], [17]],
        [0, 0, 41, 17], [58], 58,
        row_labels={"IN_CORSO": "Percorso in corso", "SOSPESO": "Sospeso", "CONCLUSO_OBJ": "Concluso",
                    "INTERR_DONNA": "Interrotto dalla donna"},
    )  # fmt: skip
    languages = AggregateTable(
        "structure_languages", "Sportelli che accolgono in ciascuna lingua", Unit.DESKS,
        ["IT", "EN"], ["N"], [[3], [2]], [3, 2], [3], 3, additive=False,
        row_labels={"IT": "Italiano", "EN": "Inglese"},
    )  # fmt: skip
    document = sample_document()
    document.sections = [ReportSection("Chiusure", [closures]), ReportSection("Struttura", [languages])]
    out = tmp_path / "closures.pdf"
    render_report(document, out)
    _, text = _text(out)
    assert "Concluso" in text and "Percorso in corso" not in text and "Sospeso" not in text
    assert "Complessivo senza doppi conteggi" in " ".join(text.split())  # 3 desks, not 3 + 2
