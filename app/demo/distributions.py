"""What the synthetic population looks like: the weighted tables the demo draws from, and the drawing.

The shapes follow published ISTAT and Regione Lombardia figures for CAV users, rounded (see app.demo);
the names are common Italian names and are fictitious. Every value is a code of the code lists.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import Any

DEMO_DESKS = (
    ("Bergamo", "Bergamo"),
    ("Dalmine", "Dalmine"),
    ("Seriate", "Seriate"),
    ("Treviglio", "Treviglio"),
    ("Romano di Lombardia", "Romano di Lombardia"),
    ("San Pellegrino Terme", "San Pellegrino Terme"),
)
FIRST_NAMES = [
    "Giulia",
    "Francesca",
    "Sara",
    "Chiara",
    "Valentina",
    "Alessia",
    "Martina",
    "Federica",
    "Silvia",
    "Elisa",
    "Laura",
    "Paola",
    "Anna",
    "Maria",
    "Elena",
    "Roberta",
    "Simona",
    "Monica",
    "Barbara",
    "Daniela",
    "Cristina",
    "Stefania",
    "Alessandra",
    "Claudia",
    "Serena",
    "Ilaria",
    "Giorgia",
    "Veronica",
    "Marta",
    "Irene",
    "Camilla",
    "Beatrice",
    "Noemi",
    "Aurora",
    "Sofia",
    "Lucia",
    "Rosa",
    "Teresa",
    "Angela",
    "Patrizia",
    "Nadia",
    "Sabrina",
    "Fatima",
    "Amina",
    "Elena",
    "Ioana",
    "Andreea",
    "Olga",
    "Natalia",
    "Svetlana",
    "Mariam",
    "Joy",
    "Blessing",
    "Ana",
    "Lucía",
    "Rocío",
    "Zahra",
    "Samira",
    "Khadija",
    "Leila",
    "Hana",
    "Mirela",
    "Denisa",
    "Nicoletta",
    "Raffaella",
    "Loredana",
]
LAST_NAMES = [
    "Rossi",
    "Russo",
    "Ferrari",
    "Esposito",
    "Bianchi",
    "Romano",
    "Colombo",
    "Ricci",
    "Marino",
    "Greco",
    "Bruno",
    "Gallo",
    "Conti",
    "De_Luca",
    "Mancini",
    "Costa",
    "Giordano",
    "Rizzo",
    "Lombardi",
    "Moretti",
    "Barbieri",
    "Fontana",
    "Santoro",
    "Mariani",
    "Rinaldi",
    "Caruso",
    "Ferrara",
    "Galli",
    "Martini",
    "Leone",
    "Longo",
    "Gentile",
    "Martinelli",
    "Vitale",
    "Lombardo",
    "Serra",
    "Coppola",
    "De_Santis",
    "D'Angelo",
    "Marchetti",
    "Parisi",
    "Villa",
    "Conte",
    "Ferraro",
    "Ferri",
    "Fabbri",
    "Bianco",
    "Marini",
    "Grasso",
    "Valentini",
    "Messina",
    "Sala",
    "De_Angelis",
    "Gatti",
    "Pellegrini",
    "Palumbo",
    "Sanna",
    "Farina",
    "Rizzi",
    "Monti",
    "Cattaneo",
    "Morelli",
    "Amato",
    "Silvestri",
    "Mazza",
    "Testa",
    "Dell'Acqua",
    "Pagano",
    "Popescu",
    "Ionescu",
    "El_Idrissi",
    "Benali",
    "Hoxha",
    "Kovalenko",
    "Okafor",
    "Mendoza",
    "Rojas",
    "Singh",
    "Khan",
    "Nowak",
]

# (value, weight) tables, rounded from published shapes.
AGE_BANDS = (
    (16, 17, 2),
    (18, 24, 8),
    (25, 29, 10),
    (30, 39, 26),
    (40, 49, 28),
    (50, 59, 16),
    (60, 69, 6),
    (70, 85, 2),
)
COUNTRIES = (
    ("IT", 72),
    ("RO", 4),
    ("MA", 4),
    ("AL", 3),
    ("UA", 2),
    ("NG", 2),
    ("PE", 1.5),
    ("TN", 1.5),
    ("EC", 1),
    ("BR", 1),
    ("IN", 1),
    ("PK", 1),
    ("SN", 1),
    ("PL", 1),
    ("BG", 1),
    ("XX", 0.3),
)
RELATIONSHIPS = (
    ("01", 43),
    ("02", 7),
    ("03", 17),
    ("04", 8),
    ("05", 11),
    ("06", 2),
    ("07", 3),
    ("08", 0.5),
    ("09", 1),
    ("10", 0.3),
    ("11", 0.4),
    ("12", 0.3),
    ("13", 3),
    ("14", 2),
    ("15", 1.5),
)
VIOLENCE_PROBABILITY = {
    "PSICOLOGICA": 0.85,
    "FISICA": 0.6,
    "MINACCE": 0.45,
    "ECONOMICA": 0.32,
    "STALKING": 0.18,
    "STUPRO": 0.08,
    "SESS_ALTRA": 0.08,
    "MOLESTIE": 0.06,
    "DIGITALE": 0.07,
    "ASSISTITA": 0.0,
    "MATR_FORZATO": 0.004,
    "MGF": 0.002,
    "ABORTO_FORZ": 0.002,
    "TRATTA": 0.003,
    "ALTRO": 0.02,
}
CHANNELS = (
    ("AUTONOMA", 34),
    ("RETE_INFORM", 14),
    ("N1522", 8),
    ("FFOO", 10),
    ("PS_OSP", 6),
    ("SERV_SOC", 12),
    ("CONSULTORIO", 3),
    ("MMG_PLS", 2),
    ("SANITA_ALTRO", 1),
    ("SCUOLA", 0.5),
    ("PROFESSION", 3),
    ("ALTRO_CAV", 2),
    ("RELIGIOSO", 0.3),
    ("MEDIA_WEB", 2),
    ("ALTRO", 2),
    ("ND", 1),
)
CONTACT_MODES = (
    ("TELEFONO", 62),
    ("PRESENZA", 25),
    ("EMAIL_MESSAGGI_SOCIAL", 8),
    ("VIDEOCHIAMATA", 1),
    ("TRAMITE_TERZI", 4),
)
EDUCATION = (
    ("NESSUNO", 5),
    ("MEDIA", 30),
    ("QUALIFICA", 10),
    ("DIPLOMA", 33),
    ("LAUREA", 15),
    ("ESTERO_NV", 3),
    ("ND", 4),
)
EMPLOYMENT = (
    ("OCC_STABILE", 33),
    ("OCC_SALTUARIA", 14),
    ("CERCA_PRIMA", 3),
    ("DISOCCUPATA", 22),
    ("STUDENTESSA", 4),
    ("CASALINGA", 13),
    ("PENSIONATA", 5),
    ("ALTRO", 2),
    ("ND", 4),
)
MARITAL = (
    ("NUBILE", 30),
    ("CONIUGATA", 36),
    ("UNITA_CIV", 1),
    ("SEP_FATTO", 10),
    ("SEP_LEGALE", 9),
    ("DIVORZIATA", 8),
    ("VEDOVA", 2),
    ("ND", 4),
)
DURATION = (("LT6M", 12), ("6_12M", 12), ("1_5Y", 38), ("GT5Y", 30), ("ND", 8))
POLICE = (("NO", 62), ("SI_UNA", 25), ("SI_PIU_VOLTE", 9), ("ND", 4))
# ISTAT, utenza dei CAV 2021-2022 (rounded): before the centre 40% turned to family, 30% to the police,
# 19% to an emergency room, 15% to social services, 12% to a lawyer; 94.6% name one perpetrator, 3.5%
# two; 96.9% of perpetrators are men; about one in five has an addiction (alcohol, drugs...).
HELP_SOUGHT = (
    ("FAMILIARI_AMICI", 0.40),
    ("FFOO", 0.30),
    ("PS_SANITA", 0.19),
    ("SERV_SOC", 0.15),
    ("AVVOCATA", 0.12),
    ("N1522", 0.06),
    ("ALTRO_CAV", 0.04),
)
PERPETRATORS = ((1, 94.6), (2, 3.5), (3, 1.0), (None, 0.9))
PERP_SEX = (("M", 96.9), ("F", 2.5), ("ND", 0.6))
PERP_AGE = (
    ("<18", 1), ("18-29", 10), ("30-39", 22), ("40-49", 29), ("50-59", 22), ("60-69", 9), ("70+", 4), ("ND", 3),
)  # fmt: skip
PERP_CITIZENSHIP = (("ITALIANA", 72), ("STRANIERA", 25), ("ND", 3))
PERP_YES_NO = {  # (yes, no, not available) per question
    "weapons": ((("SI", 12), ("NO", 70), ("ND", 18))),
    "alcohol": ((("SI", 17), ("NO", 60), ("ND", 23))),
    "drugs": ((("SI", 10), ("NO", 62), ("ND", 28))),
    "prior": ((("SI", 20), ("NO", 45), ("ND", 35))),
}
# What became of the reports (ISTAT 2021): 13.8% dismissed, 35.5% still under investigation, 28.7%
# committed for trial, 7% withdrawn before and 1.3% during the trial (about 1 in 10 in all); of the trials
# 28.7% ended in a conviction and 0.8% in an acquittal.
REPORT_AFTER_FILING = (("ARCHIVIATA", 13.8), (None, 35.5), ("PROCESSO", 28.7), ("RITIRATA", 7.0))
REPORT_AFTER_TRIAL = (("CONDANNA", 28.7), ("ASSOLUZIONE", 0.8), ("RITIRATA", 4.5), (None, 66.0))
RISK = (("BASSO", 30), ("MEDIO", 40), ("ELEVATO", 25), ("ND", 5))
RISK_TOOLS = (("SARA_S", 45), ("ISA", 10), ("DA", 5), ("GIUDIZIO_PROFESSIONALE", 38), ("ALTRO", 2))
SERVICES = (
    ("ASCOLTO", 22, "ACCOGLIENZA", 30),
    ("INFO", 8, "ACCOGLIENZA", 20),
    ("ACCOGLIENZA", 12, "ACCOGLIENZA", 60),
    ("PERCORSO", 5, "ACCOGLIENZA", 60),
    ("VAL_RISCHIO", 3, "ACCOGLIENZA", 60),
    ("PSICO_IND", 18, "PSICOLOGA", 60),
    ("PSICO_GRUPPO", 4, "PSICOLOGA", 90),
    ("LEGALE_CIV", 7, "AVVOCATA", 60),
    ("LEGALE_PEN", 5, "AVVOCATA", 60),
    ("PATROCINIO", 1.5, "AVVOCATA", 45),
    ("MINORI", 2, "EDUCATRICE", 60),
    ("GENITORIALITA", 1.5, "PSICOLOGA", 60),
    ("LAVORO", 3, "ORIENTATRICE_LAVORO", 60),
    ("ABITATIVA", 2, "ASS_SOCIALE", 60),
    ("AUTONOMIA", 1.5, "ASS_SOCIALE", 45),
    ("ACCOMPAGN", 2.5, "ACCOGLIENZA", 120),
    ("MEDIAZ_LING", 1.5, "MEDIATRICE", 60),
    ("MESSA_PROTEZ", 0.5, "ACCOGLIENZA", 180),
    ("REPERIB_H24", 0.5, "ACCOGLIENZA", 90),
)
RECEPTION_SERVICES = ("ASCOLTO", "INFO", "ACCOGLIENZA", "PERCORSO", "VAL_RISCHIO")
SERVICE_MODES = (("PRESENZA", 62), ("TELEFONO", 30), ("VIDEO", 5), ("ONLINE_SCRITTO", 3))
REFERRALS = (
    ("SERV_SOC", 22),
    ("CONSULTORIO", 8),
    ("PS_OSP", 5),
    ("FFOO", 12),
    ("AVVOCATA", 12),
    ("CASA_RIFUGIO", 7),
    ("PRONTA_ACCOGL", 5),
    ("SECONDO_LIV", 4),
    ("TUTELA_MINORI", 5),
    ("CPS_SERD", 3),
    ("LAVORO", 6),
    ("CASA_PUBBL", 4),
    ("MIGRAZIONE", 2),
    ("MMG", 2),
    ("PROCURA", 1),
    ("ALTRO_CAV", 1),
    ("N1522", 0.5),
    ("ALTRO", 1.5),
)
CLOSINGS = (
    ("CONCLUSO_OBJ", 40),
    ("CONCLUSO_PARZ", 20),
    ("INTERR_DONNA", 22),
    ("INTERR_CAV", 3),
    ("TRASFERITA", 5),
    ("TRASFERIM_TERR", 4),
    ("RIENTRO_AUTORE", 5),
    ("DECESSO", 0.3),
)


class Weighted:
    """Fast repeated draws from a (value, weight) table."""

    def __init__(self, table: Sequence[tuple[Any, ...]]) -> None:
        self.values = [row[0] for row in table]
        total, acc = float(sum(row[-1] if len(row) == 2 else row[1] for row in table)), 0.0
        self.cumulative: list[float] = []
        for row in table:
            acc += float(row[-1] if len(row) == 2 else row[1])
            self.cumulative.append(acc / total)

    def draw(self, rng: random.Random) -> Any:
        x = rng.random()
        lo, hi = 0, len(self.cumulative) - 1
        while lo < hi:
            mid = (lo + hi) // 2
            if self.cumulative[mid] < x:
                lo = mid + 1
            else:
                hi = mid
        return self.values[lo]
