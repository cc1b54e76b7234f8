"""The one catalogue of the texts printed in reports and in her copy of the data, Italian and English.

A document is printed in the language chosen for it, not necessarily the interface's, so these texts
are looked up by stable keys in plain dictionaries, one per document part, both languages side by side:
what a reviewer reads here is what is printed. `tests/test_report_texts.py` checks that both languages
have the same keys and the same `{placeholders}`. `texts(catalogue, lang)` is the one way to pick a
language (through `app.i18n.language_code`). The interface's own strings and the refusals it shows
are in the Qt Linguist catalogue instead (docs/architecture.md says why).
"""

from __future__ import annotations

from app.i18n import language_code

Catalogue = dict[str, dict[str, str]]
"""{"it": {key: text}, "en": {key: text}}"""

# The printed report's fixed texts (cover, notes, units, month names); the rest arrives translated.
REPORT: Catalogue = {
    "it": {
        "report": "Report statistico",
        "centre": "Centro antiviolenza",
        "desks": "Sportelli",
        "no_desks": "—",
        "period": "Periodo",
        "period_range": "dal {start} al {end}",
        "generated": "Data di generazione",
        "not_ended": "Periodo non ancora concluso: dati al {day}",
        "notice_title": "Dati aggregati e anonimizzati",
        "notice_body": (
            "Questo documento contiene solo conteggi aggregati: nessun dato identificativo delle donne "
            "accolte lascia l'archivio cifrato del centro. Per tutela della riservatezza ogni numero è "
            "leggermente modificato (di poche unità), i conteggi sotto {k} sono indicati <{k} e le ore o le "
            "prestazioni che riguardano meno di {k} donne non sono pubblicate (n.p.). Per questo due cifre "
            "collegate possono non tornare: le donne accolte possono risultare qualcuna in più di quelle che "
            "hanno contattato il centro, e un totale può differire di poche unità dalla somma delle sue parti."
        ),
        "contents": "Contenuti",
        "method": "Nota metodologica",
        "total": "Totale",
        "total_distinct": "Complessivo senza doppi conteggi (non è la somma delle righe)",
        "page": "Pagina {n} di {m}",
        "table": "Tabella",
        "unit": "Unità di misura",
        "cols_part": "colonne {a}–{b} di {n}",
        "continued": "segue",
        "note_suppressed": "<{k}: meno di {k} (zero compreso); n.p.: non pubblicato, riguarda meno di {k} "
        "donne. I numeri sono leggermente modificati per tutela della riservatezza: i totali possono "
        "differire di poche unità dalla somma delle righe.",
        "note_lower": "≥: valore minimo, alcuni dati di origine non sono pubblicati.",
        "note_stated": "Struttura del centro come inserita in Amministrazione, pubblicata senza perturbazione "
        "(non riguarda le donne); ND: non inserito.",
        "note_lower_stated": "≥: valore minimo, alcuni valori non sono stati inseriti.",
        "note_multi_desks": "Risposta multipla: lo stesso sportello può essere contato in più righe; il totale "
        "conta gli sportelli una volta sola.",
        "note_multi": "Risposta multipla: la stessa donna può essere contata in più righe, "
        "per cui i totali non sono la somma delle righe.",
        "chart_partial": "Il grafico mostra solo i {n} valori pubblicati; {m} valori soppressi non sono "
        "rappresentati.",
        "chart_omitted": "Grafico non riprodotto: troppi valori della tabella sono soppressi per tutela "
        "della riservatezza.",
        "chart_totals": "Grafico dei totali di riga della tabella {t}.",
        "chart_crowded": "Grafico non riprodotto: le categorie sono troppe per una lettura chiara.",
        "unit_women": "donne",
        "unit_contacts": "contatti",
        "unit_services": "prestazioni",
        "unit_hours": "ore",
        "unit_referrals": "invii",
        "unit_minors": "minori",
        "unit_centres": "centri",
        "unit_desks": "sportelli",
        "unit_staff": "persone",
        "unit_opening_days": "giorni a settimana",
        "unit_opening_hours": "ore a settimana",
        "months": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre "
        "novembre dicembre",
    },
    "en": {
        "report": "Statistical report",
        "centre": "Anti-violence centre",
        "desks": "Help desks",
        "no_desks": "—",
        "period": "Period",
        "period_range": "from {start} to {end}",
        "generated": "Generated on",
        "not_ended": "Period not ended yet: data as of {day}",
        "notice_title": "Aggregated, anonymised data",
        "notice_body": (
            "This document contains aggregated counts only: no identifying data about the women "
            "supported leaves the centre's encrypted store. To protect confidentiality every number is "
            "changed slightly (by a few units), counts below {k} are shown as <{k}, and hours or services "
            "concerning fewer than {k} women are not published (n.p.). So two related figures may not "
            "agree: the women received may come out a few more than the women who contacted the centre, and "
            "a total may differ by a few units from the sum of its parts."
        ),
        "contents": "Contents",
        "method": "Methodological note",
        "total": "Total",
        "total_distinct": "Overall, without double counting (not the sum of the rows)",
        "page": "Page {n} of {m}",
        "table": "Table",
        "unit": "Unit",
        "cols_part": "columns {a}–{b} of {n}",
        "continued": "continued",
        "note_suppressed": "<{k}: fewer than {k} (zero included); n.p.: not published, concerns fewer "
        "than {k} women. Numbers are changed slightly to protect confidentiality: totals may differ by a "
        "few units from the sum of their rows.",
        "note_lower": "≥: lower bound, some source data are not published.",
        "note_stated": "The centre's structure as entered in Administration, published without perturbation "
        "(it is not about the women); ND: not entered.",
        "note_lower_stated": "≥: lower bound, some values were not entered.",
        "note_multi_desks": "Multiple responses: the same help desk may be counted in several rows; the total "
        "counts each desk once.",
        "note_multi": "Multiple response: the same woman may be counted in several rows, so totals are "
        "not the sum of the rows.",
        "chart_partial": "The chart shows only the {n} published values; {m} suppressed values are not "
        "shown.",
        "chart_omitted": "Chart not shown: too many values of the table are suppressed to protect "
        "confidentiality.",
        "chart_totals": "Chart of the row totals of table {t}.",
        "chart_crowded": "Chart not shown: too many categories to read clearly.",
        "unit_women": "women",
        "unit_contacts": "contacts",
        "unit_services": "services",
        "unit_hours": "hours",
        "unit_referrals": "referrals",
        "unit_minors": "minors",
        "unit_centres": "centres",
        "unit_desks": "help desks",
        "unit_staff": "people",
        "unit_opening_days": "days a week",
        "unit_opening_hours": "hours a week",
        "months": "January February March April May June July August September October November December",
    },
}


# Table titles, by table id, in the order `compute_indicators` returns them.
TABLE_TITLES: Catalogue = {
    "it": {
        "contacts": "Contatti ricevuti",
        "flow": "Flusso delle donne nel periodo",
        "closures_outcome": "Percorsi chiusi per esito",
        "age_istat": "Donne attive nel periodo, per classe di età (ISTAT)",
        "age_lombardy": "Donne attive nel periodo, per classe di età (Regione Lombardia)",
        "citizenship": "Donne attive nel periodo, per cittadinanza",
        "citizenship_binary": "Donne attive nel periodo, per cittadinanza (italiana/straniera)",
        "education": "Donne attive nel periodo, per titolo di studio",
        "employment": "Donne attive nel periodo, per condizione professionale",
        "marital_status": "Donne attive nel periodo, per stato civile",
        "cohabitation": "Donne attive nel periodo, per convivenza (risposte multiple)",
        "has_children": "Donne attive nel periodo, con figli",
        "minors": "Figli minorenni delle donne attive nel periodo",
        "violence_forms": "Donne attive nel periodo, per forma di violenza subita (risposte multiple)",
        "violence_macro": "Donne attive nel periodo, per gruppo di forme di violenza (risposte multiple)",
        "relationship": "Donne attive nel periodo, per relazione con l'autore della violenza",
        "relationship_macro": "Donne attive nel periodo, per relazione con l'autore (gruppi)",
        "violence_duration": "Donne attive nel periodo, per durata della violenza",
        "access_channel": "Donne attive nel periodo, per canale di accesso",
        "first_contact_mode": "Donne attive nel periodo, per modalità del primo contatto",
        "police_report": "Donne attive nel periodo, per denuncia dell'autore",
        "measures_requested": "Donne attive nel periodo, per misure di protezione richieste (risposte multiple)",
        "measures_obtained": "Donne attive nel periodo, per misure di protezione ottenute (risposte multiple)",
        "emergency": "Donne attive nel periodo in situazione di emergenza all'accesso",
        "risk_level": "Donne attive nel periodo, per livello di rischio (ultima valutazione)",
        "services_type_mode_count": "Prestazioni erogate per tipo e modalità",
        "services_type_mode_hours": "Ore di prestazioni per tipo e modalità",
        "services_women_by_type": "Donne che hanno ricevuto prestazioni, per tipo",
        "services_minors": "Prestazioni rivolte ai figli minorenni",
        "referrals_destination": "Invii ai servizi della rete per destinazione",
        "shelter_women": "Donne accolte in casa rifugio o pronta accoglienza",
        "shelter_children": "Figli accolti con le donne in casa rifugio o pronta accoglienza",
        "in_charge_age_istat": "Donne prese in carico nel periodo, per classe di età (ISTAT)",
        "in_charge_citizenship": "Donne prese in carico nel periodo, per cittadinanza",
        "in_charge_education": "Donne prese in carico nel periodo, per titolo di studio",
        "in_charge_employment": "Donne prese in carico nel periodo, per condizione professionale",
        "in_charge_marital_status": "Donne prese in carico nel periodo, per stato civile",
        "in_charge_has_children": "Donne prese in carico nel periodo, con figli",
        "in_charge_violence_forms": (
            "Donne prese in carico nel periodo, per forma di violenza subita (risposte multiple)"
        ),
        "in_charge_relationship_macro": "Donne prese in carico nel periodo, per relazione con l'autore (gruppi)",
        "help_sought": (
            "Donne prese in carico nel periodo, per aiuto cercato prima del centro (risposte multiple)"
        ),
        "perpetrators_count": "Donne prese in carico nel periodo, per numero di autori della violenza",
        "perpetrator_sex": "Donne prese in carico nel periodo, per sesso dell'autore principale",
        "perpetrator_age": "Donne prese in carico nel periodo, per classe di età dell'autore principale",
        "perpetrator_citizenship": "Donne prese in carico nel periodo, per cittadinanza dell'autore principale",
        "perpetrator_weapons": "Donne prese in carico nel periodo: l'autore principale ha usato armi",
        "perpetrator_alcohol": "Donne prese in carico nel periodo: l'autore principale abusa di alcol",
        "perpetrator_drugs": "Donne prese in carico nel periodo: l'autore principale fa uso di droghe",
        "perpetrator_prior_violence": (
            "Donne prese in carico nel periodo: l'autore principale è stato violento con altre persone"
        ),
        "police_report_outcome": (
            "Donne prese in carico nel periodo, per esito della denuncia alla fine del periodo"
        ),
        "police_report_by_relationship": (
            "Donne prese in carico nel periodo, per denuncia dell'autore e relazione (gruppi)"
        ),
        "violence_by_relationship": (
            "Donne prese in carico nel periodo, per gruppo di forme di violenza e relazione con l'autore "
            "(risposte multiple)"
        ),
        "age_by_citizenship": "Donne prese in carico nel periodo, per classe di età (ISTAT) e cittadinanza",
    },
    "en": {
        "contacts": "Contacts received",
        "flow": "Flow of women in the period",
        "closures_outcome": "Pathways closed, by outcome",
        "age_istat": "Active women in the period, by age group (ISTAT)",
        "age_lombardy": "Active women in the period, by age group (Regione Lombardia)",
        "citizenship": "Active women in the period, by citizenship",
        "citizenship_binary": "Active women in the period, by citizenship (Italian/foreign)",
        "education": "Active women in the period, by education",
        "employment": "Active women in the period, by employment status",
        "marital_status": "Active women in the period, by marital status",
        "cohabitation": "Active women in the period, by household (multiple responses)",
        "has_children": "Active women in the period, with children",
        "minors": "Minor children of the active women in the period",
        "violence_forms": "Active women in the period, by form of violence suffered (multiple responses)",
        "violence_macro": "Active women in the period, by group of forms of violence (multiple responses)",
        "relationship": "Active women in the period, by relationship with the perpetrator",
        "relationship_macro": "Active women in the period, by relationship with the perpetrator (groups)",
        "violence_duration": "Active women in the period, by duration of the violence",
        "access_channel": "Active women in the period, by access channel",
        "first_contact_mode": "Active women in the period, by first-contact mode",
        "police_report": "Active women in the period, by report of the perpetrator to the authorities",
        "measures_requested": "Active women in the period, by protective measures requested (multiple responses)",
        "measures_obtained": "Active women in the period, by protective measures obtained (multiple responses)",
        "emergency": "Active women in the period in an emergency at first access",
        "risk_level": "Active women in the period, by risk level (latest assessment)",
        "services_type_mode_count": "Services delivered by type and mode",
        "services_type_mode_hours": "Hours of services by type and mode",
        "services_women_by_type": "Women who received services, by type",
        "services_minors": "Services to minor children",
        "referrals_destination": "Referrals to network services by destination",
        "shelter_women": "Women placed in a shelter or emergency accommodation",
        "shelter_children": "Children placed with the women in a shelter or emergency accommodation",
        "in_charge_age_istat": "Women taken in charge in the period, by age group (ISTAT)",
        "in_charge_citizenship": "Women taken in charge in the period, by citizenship",
        "in_charge_education": "Women taken in charge in the period, by education",
        "in_charge_employment": "Women taken in charge in the period, by employment status",
        "in_charge_marital_status": "Women taken in charge in the period, by marital status",
        "in_charge_has_children": "Women taken in charge in the period, with children",
        "in_charge_violence_forms": (
            "Women taken in charge in the period, by form of violence suffered (multiple responses)"
        ),
        "in_charge_relationship_macro": (
            "Women taken in charge in the period, by relationship with the perpetrator (groups)"
        ),
        "help_sought": (
            "Women taken in charge in the period, by help sought before the centre (multiple responses)"
        ),
        "perpetrators_count": "Women taken in charge in the period, by number of perpetrators",
        "perpetrator_sex": "Women taken in charge in the period, by sex of the main perpetrator",
        "perpetrator_age": "Women taken in charge in the period, by age group of the main perpetrator",
        "perpetrator_citizenship": "Women taken in charge in the period, by citizenship of the main perpetrator",
        "perpetrator_weapons": "Women taken in charge in the period: the main perpetrator used weapons",
        "perpetrator_alcohol": "Women taken in charge in the period: the main perpetrator abuses alcohol",
        "perpetrator_drugs": "Women taken in charge in the period: the main perpetrator uses drugs",
        "perpetrator_prior_violence": (
            "Women taken in charge in the period: the main perpetrator was violent towards other people"
        ),
        "police_report_outcome": (
            "Women taken in charge in the period, by outcome of the report at the end of the period"
        ),
        "police_report_by_relationship": (
            "Women taken in charge in the period, by report of the perpetrator and relationship (groups)"
        ),
        "violence_by_relationship": (
            "Women taken in charge in the period, by group of forms of violence and relationship with the "
            "perpetrator (multiple responses)"
        ),
        "age_by_citizenship": "Women taken in charge in the period, by age group (ISTAT) and citizenship",
    },
}


# Row labels of our own (those not from a code list).
ROW_LABELS: Catalogue = {
    "it": {
        "CONTACTS": "Contatti",
        "WOMEN_CONTACTED": "Donne che hanno contattato",
        "RECEIVED": "Donne accolte (almeno un colloquio di accoglienza)",
        "IN_CHARGE_NEW": "Prese in carico nel periodo (nuove)",
        "IN_CHARGE_CONTINUING": "Prese in carico in prosecuzione",
        "CLOSED": "Percorsi chiusi nel periodo",
        "ACTIVE": "Donne con percorso attivo nel periodo",
        "MINORS": "Figli minorenni",
        "WITNESSED": "Minorenni testimoni di violenza (assistita)",
        "SUFFERED": "Minorenni che hanno subito violenza",
        "NESSUNA": "Nessuna",  # indicators.NONE_CODE
        "N": "N",
        "PERP_1": "Un autore",
        "PERP_2": "Due autori",
        "PERP_3PLUS": "Tre o più autori",
        "NO_STEP": "Nessuna denuncia registrata",
        "ND": "Non disponibile",  # the not-available row of a table with rows of its own
    },
    "en": {
        "CONTACTS": "Contacts",
        "WOMEN_CONTACTED": "Women who made contact",
        "RECEIVED": "Women received (at least one intake interview)",
        "IN_CHARGE_NEW": "Taken in charge in the period (new)",
        "IN_CHARGE_CONTINUING": "Taken in charge earlier, continuing",
        "CLOSED": "Pathways closed in the period",
        "ACTIVE": "Women with an active pathway in the period",
        "MINORS": "Minor children",
        "WITNESSED": "Minors who witnessed violence",
        "SUFFERED": "Minors who suffered violence",
        "NESSUNA": "None",  # indicators.NONE_CODE
        "N": "N",
        "PERP_1": "One perpetrator",
        "PERP_2": "Two perpetrators",
        "PERP_3PLUS": "Three or more perpetrators",
        "NO_STEP": "No report recorded",
        "ND": "Not available",
    },
}


# The centre's stated structure (app.reports.stated): table titles and labels of its own rows and columns.
STRUCTURE_TEXTS: Catalogue = {
    "it": {
        "structure_desk_days": (
            "Giorni di apertura a settimana per sportello (totale: giorni in cui almeno uno sportello è aperto)"
        ),
        "structure_desk_hours": "Ore di apertura a settimana per sportello",
        "structure_weekdays": "Sportelli aperti in ciascun giorno della settimana",
        "structure_languages": "Sportelli che accolgono in ciascuna lingua",
        "structure_staff": "Personale per professione, retribuito e volontario",
        "structure_1522": "Adesione al numero antiviolenza 1522",
        "structure_h24": "Reperibilità del centro 24 ore su 24",
        "PAID": "Retribuito",
        "VOLUNTEER": "Volontario",
        "ND": "Non inserito",
        "note": (
            "Struttura del centro in vigore al {day}, come inserita in Amministrazione: non riguarda le donne, "
            "si pubblica senza perturbazione; ND: non inserito."
        ),
    },
    "en": {
        "structure_desk_days": "Opening days a week per help desk (total: days on which some desk is open)",
        "structure_desk_hours": "Opening hours a week per help desk",
        "structure_weekdays": "Help desks open on each day of the week",
        "structure_languages": "Help desks receiving women in each language",
        "structure_staff": "Staff by profession, paid and volunteer",
        "structure_1522": "Adherence to the 1522 anti-violence number",
        "structure_h24": "Centre reachable round the clock",
        "PAID": "Paid",
        "VOLUNTEER": "Volunteer",
        "ND": "Not entered",
        "note": (
            "The centre's structure in force on {day}, as entered in Administration: not about the women, "
            "published without perturbation; ND: not entered."
        ),
    },
}


# Chapter titles of the report, by section id.
SECTION_TITLES: Catalogue = {
    "it": {
        "flow": "Flusso delle donne e contatti",
        "age": "Età",
        "citizenship": "Cittadinanza",
        "social": "Condizione sociale e familiare",
        "violence": "Forme e durata della violenza",
        "relationship": "Relazione con l'autore della violenza",
        "access": "Canali di accesso",
        "protection": "Denunce, misure di protezione e rischio",
        "services": "Prestazioni erogate",
        "referrals": "Invii alla rete e accoglienza in protezione",
        "in_charge": "Donne prese in carico nel periodo (base ISTAT)",
        "perpetrators": "Autori della violenza e aiuto cercato prima del centro",
        "police": "Esito delle denunce",
        "crosstabs": "Tabelle incrociate",
    },
    "en": {
        "flow": "Flow of women and contacts",
        "age": "Age",
        "citizenship": "Citizenship",
        "social": "Social and family situation",
        "violence": "Forms and duration of the violence",
        "relationship": "Relationship with the perpetrator",
        "access": "Access channels",
        "protection": "Reports, protective measures and risk",
        "services": "Services delivered",
        "referrals": "Referrals to the network and protected accommodation",
        "in_charge": "Women taken in charge in the period (ISTAT base)",
        "perpetrators": "Perpetrators and help sought before the centre",
        "police": "Outcome of the reports",
        "crosstabs": "Cross-tabulations",
    },
}


# Titles and method notes of the centre's and the network's report.
REPORT_TEXTS: Catalogue = {
    "it": {
        "title": "Relazione sull'attività del centro antiviolenza",
        "network_title": "Relazione della rete antiviolenza",
        "method": (
            "Le tabelle sono calcolate dall'archivio cifrato del centro e contengono solo dati aggregati. "
            "Per proteggere le donne, ogni numero è leggermente modificato, di al massimo {deviation} unità in "
            "più o in meno, sempre allo stesso modo per le stesse persone: per questo un totale può differire "
            "di qualche unità dalla somma delle sue righe, e confrontare due tabelle non rivela nessuna donna. "
            "I conteggi sotto {k} (zero compreso) sono indicati «<{k}». Ore e numero di prestazioni o invii "
            "sono pubblicati solo se riguardano almeno {k} donne, altrimenti «n.p.» (non pubblicato); le ore "
            "sono arrotondate e modificate in proporzione. Le tabelle a risposta multipla contano donne e non "
            "si sommano. Metodo: chiave di cella (cell key), tabella di perturbazione {ptable}, soglia {k}."
        ),
        "network_method": (
            " I valori marcati ≥ sono somme parziali: in almeno uno dei pacchetti ricevuti il valore era sotto "
            "la soglia o non pubblicato; «<{k}» o «n.p.» indicano che lo era in tutti."
        ),
        "network_omitted": (
            " Quando lo stesso centro invia periodi diversi, le tabelle delle donne presenti nel periodo non "
            "sono sommate (una donna seguita in più mesi sarebbe contata più volte): {tables}. Quelle delle "
            "donne prese in carico o dei percorsi chiusi nel periodo sono sommate: ognuna vi compare una volta."
        ),
        "network_partial": " Di {tables} sono sommate solo le righe delle nuove prese in carico e delle chiusure.",
        "footer": "Dati aggregati e anonimizzati. Documento a uso della rete antiviolenza e degli enti finanziatori.",
    },
    "en": {
        "title": "Activity report of the anti-violence centre",
        "network_title": "Anti-violence network report",
        "method": (
            "The tables are computed from the centre's encrypted database and contain aggregates only. To "
            "protect the women, every number is changed slightly, by at most {deviation} either way, always in "
            "the same way for the same people: so a total may differ by a few units from the sum of its rows, "
            "and comparing two tables reveals no woman. Counts below {k} (zero included) are shown as "
            '"<{k}". Hours and numbers of services or referrals are published only where they concern at '
            'least {k} women, otherwise "n.p." (not published); hours are rounded and changed in '
            "proportion. Multiple-response tables count women and do not add up. Method: cell key, "
            "perturbation table {ptable}, threshold {k}."
        ),
        "network_method": (
            " Values marked ≥ are partial sums: at least one of the packages received had the value below the "
            'threshold or not published; "<{k}" or "n.p." mean that all of them had.'
        ),
        "network_omitted": (
            " When one centre sends different periods, the tables of the women present in the period are not "
            "added up (a woman followed over several months would be counted several times): {tables}. Those of "
            "the women taken in charge or of the pathways closed in the period are: each is in them once."
        ),
        "network_partial": " Of {tables} only the rows of new pathways and closures are added up.",
        "footer": "Aggregated, anonymised data. For the anti-violence network and funders.",
    },
}


# Her copy of the data (GDPR art. 15): headings, labels and the notice on her rights.
SUBJECT_ACCESS: Catalogue = {
    "it": {
        "title": "I tuoi dati presso il centro antiviolenza",
        "subtitle": "Copia dei dati personali (art. 15 del Regolamento UE 2016/679)",
        "confidential": "Documento riservato: contiene dati personali. Da consegnare solo all'interessata.",
        "case": "Codice della scheda",
        "centre": "Centro",
        "desk": "Sportello",
        "issued": "Data di rilascio",
        "status": "Stato del percorso",
        "opened": "Apertura",
        "in_charge": "Presa in carico",
        "closed": "Chiusura",
        "identity": "Dati identificativi",
        "no_identity": "Il centro non conserva più dati identificativi né note su di te per questa scheda.",
        "first_name": "Nome",
        "last_name": "Cognome",
        "birth_date": "Data di nascita",
        "tax_code": "Codice fiscale",
        "phone": "Telefono",
        "email": "Posta elettronica",
        "address": "Indirizzo",
        "safe_channel": "Canale di contatto sicuro",
        "safe_times": "Orari di contatto sicuri",
        "safe_notes": "Note sul contatto sicuro",
        "notes": "Note",
        "profile": "Dati statistici",
        "birth_year": "Anno di nascita",
        "country": "Cittadinanza",
        "education": "Titolo di studio",
        "employment": "Condizione professionale",
        "marital_status": "Stato civile",
        "cohabitation": "Convivenza",
        "has_children": "Figli",
        "children_count": "Numero di figli",
        "minors_count": "Figli minorenni",
        "minors_witnessed": "Minori che hanno assistito alla violenza",
        "minors_suffered": "Minori che hanno subito violenza",
        "pregnant": "Gravidanza",
        "consents": "Consensi",
        "date": "Data",
        "scope": "Ambito",
        "choice": "Scelta",
        "partner": "Servizio della rete",
        "notice": "Versione dell'informativa",
        "granted": "concesso",
        "withdrawn": "revocato",
        "intakes": "Colloqui di accoglienza",
        "access_channel": "Canale di accesso",
        "first_contact_mode": "Modalità del primo contatto",
        "violence_forms": "Forme di violenza",
        "relationship": "Relazione con l'autore",
        "violence_duration": "Durata della violenza",
        "police_report": "Denuncia",
        "complaint_withdrawn": "Denuncia ritirata",
        "measures_requested": "Misure di protezione richieste",
        "measures_obtained": "Misure di protezione ottenute",
        "emergency": "Emergenza",
        "help_sought": "Aiuto cercato prima del centro",
        "perpetrators_count": "Numero di autori",
        "perpetrator_sex": "Autore principale: sesso",
        "perpetrator_age": "Autore principale: età",
        "perpetrator_citizenship": "Autore principale: cittadinanza",
        "perpetrator_weapons": "Uso di armi",
        "perpetrator_alcohol": "Abuso di alcol",
        "perpetrator_drugs": "Uso di droghe",
        "perpetrator_prior_violence": "Violenze precedenti su altre persone",
        "police_steps": "Esito della denuncia",
        "stage": "Fase",
        "risks": "Valutazioni del rischio",
        "level": "Livello",
        "tool": "Strumento",
        "pathway": "Percorso personalizzato",
        "agreed": "Concordato il",
        "outcome": "Esito",
        "goals": "Obiettivi",
        "area": "Area",
        "goal_status": "Stato",
        "due": "Scadenza",
        "description": "Descrizione",
        "reviews": "Verifiche del percorso",
        "services": "Prestazioni ricevute",
        "service": "Prestazione",
        "mode": "Modalità",
        "minutes": "Minuti",
        "role": "Figura professionale",
        "beneficiary": "Destinataria",
        "referrals": "Invii ai servizi della rete",
        "destination": "Destinazione",
        "outcome_on": "Data dell'esito",
        "shares_data": "Dati condivisi",
        "children_placed": "Figli accolti con te",
        "history": "Chi ha consultato o modificato la tua scheda",
        "when": "Quando (ora locale)",
        "who": "Chi",
        "what": "Operazione",
        "system": "(sistema)",
        "none": "Nessun dato registrato.",
        "yes": "sì",
        "no": "no",
        "page": "Pagina {n} di {m}",
        "history_limit": "Sono riportate le ultime {n} operazioni; l'elenco completo è disponibile su richiesta.",
        "rights": (
            "Puoi chiedere in qualsiasi momento di correggere questi dati, di cancellarli o di revocare "
            "il consenso: rivolgiti alle operatrici del centro. I dati statistici anonimi restano nei "
            "conteggi già pubblicati, che non permettono di identificarti."
        ),
        "about": "Come il centro tratta i tuoi dati",
        "purposes": "Finalità",
        "purposes_text": (
            "Accoglierti, ascoltarti e accompagnarti nel percorso di uscita dalla violenza; tenere la "
            "continuità tra le operatrici che ti seguono; inviarti ai servizi della rete quando lo chiedi; "
            "produrre statistiche anonime richieste dalla legge e dalla Regione."
        ),
        "legal_basis": "Base giuridica",
        "legal_basis_text": (
            "Il tuo consenso (art. 6, par. 1, lett. a, e art. 9, par. 2, lett. a, del Regolamento), che puoi "
            "revocare in ogni momento; per le rilevazioni statistiche, l'obbligo di legge (art. 6, par. 1, "
            "lett. c), con dati solo aggregati e anonimi."
        ),
        "recipients": "Destinatari",
        "recipients_text": (
            "Le operatrici del centro autorizzate, per la loro parte di lavoro. I servizi della rete "
            "antiviolenza solo con il tuo consenso (vedi «Consensi» e «Invii ai servizi della rete»). "
            "Regione, ISTAT e rete ricevono soltanto conteggi anonimi, mai dati che ti identificano. "
            "I dati non sono trasferiti fuori dall'Unione europea."
        ),
        "retention": "Per quanto tempo",
        "retention_erase": (
            "La scheda resta finché il percorso è aperto. Dopo la chiusura è conservata per {case}; poi "
            "sono cancellati i dati identificativi e le note, e restano solo dati statistici che non ti "
            "identificano. Il registro di chi ha consultato la scheda è conservato per {audit}."
        ),
        "retention_delete": (
            "La scheda resta finché il percorso è aperto. Dopo la chiusura è conservata per {case}; poi è "
            "cancellata per intero. Il registro di chi ha consultato la scheda è conservato per {audit}."
        ),
        "year": "{n} anno",
        "years": "{n} anni",
        "source": "Origine dei dati",
        "source_text": (
            "Da te, durante i colloqui e i contatti con il centro, e dalle operatrici che li hanno "
            "registrati. Nessuna decisione che ti riguarda è presa in modo automatizzato."
        ),
        "your_rights": "I tuoi diritti",
        "your_rights_text": (
            "Puoi chiedere di accedere ai dati, di rettificarli, di cancellarli, di limitarne il "
            "trattamento, di riceverli in un formato leggibile (portabilità) e di opporti al trattamento, "
            "e puoi revocare il consenso senza conseguenze sull'aiuto che ricevi. Se ritieni che i tuoi "
            "dati siano trattati in modo non corretto, puoi proporre reclamo al Garante per la protezione "
            "dei dati personali (www.garanteprivacy.it, Piazza Venezia 11, 00187 Roma)."
        ),
    },
    "en": {
        "title": "Your data held by the anti-violence centre",
        "subtitle": "Copy of personal data (art. 15 of Regulation (EU) 2016/679)",
        "confidential": "Confidential: contains personal data. To be handed only to the person concerned.",
        "case": "Case code",
        "centre": "Centre",
        "desk": "Help desk",
        "issued": "Issued on",
        "status": "Status",
        "opened": "Opened",
        "in_charge": "Taken in charge",
        "closed": "Closed",
        "identity": "Identifying data",
        "no_identity": "The centre no longer holds identifying data or notes about you for this case.",
        "first_name": "First name",
        "last_name": "Last name",
        "birth_date": "Date of birth",
        "tax_code": "Tax code",
        "phone": "Phone",
        "email": "Email",
        "address": "Address",
        "safe_channel": "Safe contact channel",
        "safe_times": "Safe contact times",
        "safe_notes": "Safe contact notes",
        "notes": "Notes",
        "profile": "Statistical data",
        "birth_year": "Year of birth",
        "country": "Citizenship",
        "education": "Education",
        "employment": "Employment",
        "marital_status": "Marital status",
        "cohabitation": "Living with",
        "has_children": "Children",
        "children_count": "Number of children",
        "minors_count": "Minor children",
        "minors_witnessed": "Minors who witnessed violence",
        "minors_suffered": "Minors who suffered violence",
        "pregnant": "Pregnancy",
        "consents": "Consents",
        "date": "Date",
        "scope": "Scope",
        "choice": "Choice",
        "partner": "Network service",
        "notice": "Privacy notice version",
        "granted": "granted",
        "withdrawn": "withdrawn",
        "intakes": "Intake interviews",
        "access_channel": "Access channel",
        "first_contact_mode": "First contact mode",
        "violence_forms": "Forms of violence",
        "relationship": "Relationship with the perpetrator",
        "violence_duration": "Duration of the violence",
        "police_report": "Report to the authorities",
        "complaint_withdrawn": "Complaint withdrawn",
        "measures_requested": "Protective measures requested",
        "measures_obtained": "Protective measures obtained",
        "emergency": "Emergency",
        "help_sought": "Help sought before the centre",
        "perpetrators_count": "Number of perpetrators",
        "perpetrator_sex": "Main perpetrator: sex",
        "perpetrator_age": "Main perpetrator: age",
        "perpetrator_citizenship": "Main perpetrator: citizenship",
        "perpetrator_weapons": "Weapons used",
        "perpetrator_alcohol": "Alcohol abuse",
        "perpetrator_drugs": "Drug use",
        "perpetrator_prior_violence": "Earlier violence against other people",
        "police_steps": "Outcome of the report",
        "stage": "Stage",
        "risks": "Risk assessments",
        "level": "Level",
        "tool": "Tool",
        "pathway": "Personalised pathway",
        "agreed": "Agreed on",
        "outcome": "Outcome",
        "goals": "Goals",
        "area": "Area",
        "goal_status": "Status",
        "due": "Due",
        "description": "Description",
        "reviews": "Pathway reviews",
        "services": "Services received",
        "service": "Service",
        "mode": "Mode",
        "minutes": "Minutes",
        "role": "Professional",
        "beneficiary": "Beneficiary",
        "referrals": "Referrals to network services",
        "destination": "Destination",
        "outcome_on": "Outcome date",
        "shares_data": "Data shared",
        "children_placed": "Children placed with you",
        "history": "Who read or changed your file",
        "when": "When (local time)",
        "who": "Who",
        "what": "Action",
        "system": "(system)",
        "none": "Nothing recorded.",
        "yes": "yes",
        "no": "no",
        "page": "Page {n} of {m}",
        "history_limit": "The latest {n} actions are listed; the full list is available on request.",
        "rights": (
            "You may ask at any time to correct these data, to erase them or to withdraw your consent: "
            "speak to the centre's staff. Anonymous statistical data stay in counts already published, "
            "which cannot identify you."
        ),
        "about": "How the centre processes your data",
        "purposes": "Purposes",
        "purposes_text": (
            "To receive you, listen to you and support you on your way out of violence; to keep continuity "
            "between the staff who support you; to refer you to network services when you ask; to produce "
            "the anonymous statistics required by law and by the Region."
        ),
        "legal_basis": "Legal basis",
        "legal_basis_text": (
            "Your consent (art. 6(1)(a) and art. 9(2)(a) of the Regulation), which you may withdraw at any "
            "time; for statistical surveys, a legal obligation (art. 6(1)(c)), with aggregated, anonymous "
            "data only."
        ),
        "recipients": "Recipients",
        "recipients_text": (
            "The centre's authorised staff, each for her part of the work. Network services only with your "
            "consent (see \u201cConsents\u201d and \u201cReferrals to network services\u201d). The Region, "
            "ISTAT and the network receive anonymous counts only, never data that identify you. The data are "
            "not transferred outside the European Union."
        ),
        "retention": "How long",
        "retention_erase": (
            "The file is kept while your pathway is open. After it is closed it is kept for {case}; then "
            "identifying data and notes are erased, and only statistical data that do not identify you "
            "remain. The record of who read the file is kept for {audit}."
        ),
        "retention_delete": (
            "The file is kept while your pathway is open. After it is closed it is kept for {case}; then "
            "it is deleted entirely. The record of who read the file is kept for {audit}."
        ),
        "year": "{n} year",
        "years": "{n} years",
        "source": "Source of the data",
        "source_text": (
            "You, in the interviews and contacts with the centre, and the staff who recorded them. No "
            "decision about you is taken by automated means."
        ),
        "your_rights": "Your rights",
        "your_rights_text": (
            "You may ask to access the data, to correct them, to erase them, to restrict their processing, "
            "to receive them in a readable format (portability) and to object to the processing, and you "
            "may withdraw your consent without any effect on the help you receive. If you believe your data "
            "are processed unlawfully, you may lodge a complaint with the Italian data protection authority, "
            "the Garante per la protezione dei dati personali (www.garanteprivacy.it, Piazza Venezia 11, "
            "00187 Rome)."
        ),
    },
}


# What each audited action means to her; unknown actions print their code.
AUDIT_ACTIONS: Catalogue = {
    "it": {
        "case.created": "apertura della scheda",
        "case.read": "consultazione della scheda",
        "case.subject_access": "stampa della copia dei dati",
        "case.status": "cambio di stato",
        "case.closed": "chiusura",
        "case.reopened": "riapertura",
        "identity.updated": "modifica dei dati identificativi",
        "identity.erased": "cancellazione dei dati identificativi",
        "profile.updated": "modifica dei dati statistici",
        "consent.granted": "consenso registrato",
        "consent.withdrawn": "revoca del consenso",
        "intake.created": "colloquio registrato",
        "risk.created": "valutazione del rischio registrata",
        "pathway.agreed": "percorso concordato",
        "pathway.reviewed": "verifica del percorso",
        "goal.created": "obiettivo aggiunto",
        "goal.updated": "obiettivo aggiornato",
        "service.created": "prestazione registrata",
        "referral.created": "invio registrato",
        "police_report.created": "esito della denuncia registrato",
        "referral.updated": "esito dell'invio registrato",
        "access.denied": "tentativo di accesso respinto",
        "appointment.created": "appuntamento fissato",
        "appointment.moved": "appuntamento spostato",
        "appointment.cancelled": "appuntamento annullato",
    },
    "en": {
        "case.created": "file opened",
        "case.read": "file read",
        "case.subject_access": "copy of the data printed",
        "case.status": "status changed",
        "case.closed": "closed",
        "case.reopened": "reopened",
        "identity.updated": "identifying data changed",
        "identity.erased": "identifying data erased",
        "profile.updated": "statistical data changed",
        "consent.granted": "consent recorded",
        "consent.withdrawn": "consent withdrawn",
        "intake.created": "interview recorded",
        "risk.created": "risk assessment recorded",
        "pathway.agreed": "pathway agreed",
        "pathway.reviewed": "pathway reviewed",
        "goal.created": "goal added",
        "goal.updated": "goal updated",
        "service.created": "service recorded",
        "referral.created": "referral recorded",
        "police_report.created": "report outcome recorded",
        "referral.updated": "referral outcome recorded",
        "access.denied": "access attempt refused",
        "appointment.created": "appointment set",
        "appointment.moved": "appointment moved",
        "appointment.cancelled": "appointment cancelled",
    },
}


CATALOGUES: dict[str, Catalogue] = {
    "REPORT": REPORT,
    "TABLE_TITLES": TABLE_TITLES,
    "ROW_LABELS": ROW_LABELS,
    "STRUCTURE_TEXTS": STRUCTURE_TEXTS,
    "SECTION_TITLES": SECTION_TITLES,
    "REPORT_TEXTS": REPORT_TEXTS,
    "SUBJECT_ACCESS": SUBJECT_ACCESS,
    "AUDIT_ACTIONS": AUDIT_ACTIONS,
}
"""Every catalogue of this module, for the parity test."""


def texts(catalogue: Catalogue, lang: str) -> dict[str, str]:
    """The texts of `catalogue` in `lang` ("it" unless it names English)."""
    return catalogue[language_code(lang)]
