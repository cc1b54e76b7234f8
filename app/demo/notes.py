"""Synthetic free-text notes for the demo: short Italian sentences put together from generic pieces.

They give the note search (and its benchmark) words to find with a realistic spread: a few words in most
notes, many in some. No person, street or town names: only generic words of a centre's daily work, with
accents and apostrophes as operators type them (perché, città, l'avvocata). Drawn from their own seeded
generator, so adding notes left every other synthetic value as it was.
"""

from __future__ import annotations

import random

OPENINGS = (
    "Colloquio sereno,",
    "Colloquio difficile,",
    "Arriva accompagnata da un'amica,",
    "Telefona dal lavoro,",
    "Si presenta in anticipo,",
    "Racconta con fatica,",
    "Appare stanca ma decisa,",
    "Chiede di parlare in privato,",
    "Primo incontro in sede,",
    "Richiama dopo una settimana,",
)
FACTS = (
    "riferisce insulti quotidiani e controllo del telefono",
    "racconta minacce ripetute davanti ai figli",
    "descrive un episodio di violenza fisica la scorsa settimana",
    "dice che il partner le impedisce di vedere le amiche",
    "riferisce che l'ex compagno la segue all'uscita dal lavoro",
    "racconta che non può usare il conto corrente",
    "teme per la sicurezza dei bambini",
    "riferisce messaggi offensivi sui social",
    "è stata in pronto soccorso dopo una lite",
    "ha già sporto denuncia ai carabinieri",
    "non vuole ancora denunciare, perché teme ritorsioni",
    "vive con la suocera, che minimizza",
)
NEEDS = (
    "Chiede informazioni sulla separazione.",
    "Vuole capire come funziona l'ammonimento.",
    "Cerca un lavoro per essere autonoma.",
    "Ha bisogno di una casa in un'altra città.",
    "Desidera un sostegno psicologico.",
    "Chiede un appuntamento con l'avvocata.",
    "Vorrebbe un gruppo di auto mutuo aiuto.",
    "Si concorda un piano di sicurezza.",
    "Da ricontattare solo al numero sicuro.",
    "Prossimo colloquio tra due settimane.",
)
RISK = (
    "Rischio alto: minacce di morte e possesso di armi riferito.",
    "Escalation negli ultimi mesi, gelosia ossessiva.",
    "Nessuna violenza fisica recente, controllo economico costante.",
    "Ha lasciato casa da pochi giorni: momento delicato.",
    "Piano di sicurezza condiviso, borsa pronta dalla vicina.",
    "Valutazione da ripetere dopo l'udienza.",
)
PATHWAY = (
    "Percorso concordato: sostegno legale e psicologico.",
    "Obiettivo principale l'autonomia abitativa ed economica.",
    "Priorità alla sicurezza dei figli e all'affido.",
    "Percorso di orientamento al lavoro con la rete territoriale.",
    "Accompagnamento ai servizi sociali del comune.",
)
SERVICES = (
    "Consulenza sulla separazione giudiziale.",
    "Orientamento al patrocinio a spese dello Stato.",
    "Colloquio psicologico: elabora la paura, dorme meglio.",
    "Accompagnata in questura per l'integrazione della denuncia.",
    "Aggiornamento sul procedimento penale, udienza rinviata.",
    "Supporto nella ricerca di un alloggio in affitto.",
    "Incontro con l'assistente sociale per i minori.",
    "Curriculum preparato insieme, colloquio di lavoro fissato.",
    "Telefonata breve: sta bene, conferma l'appuntamento.",
    "Mediazione linguistica con l'interprete.",
)
REFERRAL = (
    "Inviata alla casa rifugio con i figli.",
    "Segnalata ai servizi sociali, in attesa di risposta.",
    "Invio al consultorio per il sostegno alla genitorialità.",
    "Contatto con il centro per l'impiego.",
    "Invio allo sportello legale della rete.",
)


class NoteWriter:
    """Decides which records get a note and writes it; "" leaves the column empty."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(f"notes:{seed}")

    def _maybe(self, probability: float) -> bool:
        return self.rng.random() < probability

    def intake(self) -> str:
        if not self._maybe(0.6):
            return ""
        rng = self.rng
        return f"{rng.choice(OPENINGS)} {rng.choice(FACTS)}. {rng.choice(NEEDS)}"

    def risk(self) -> str:
        return self.rng.choice(RISK) if self._maybe(0.5) else ""

    def pathway(self) -> str:
        return self.rng.choice(PATHWAY) if self._maybe(0.6) else ""

    def service(self) -> str:
        return self.rng.choice(SERVICES) if self._maybe(0.15) else ""

    def referral(self) -> str:
        return self.rng.choice(REFERRAL) if self._maybe(0.5) else ""
