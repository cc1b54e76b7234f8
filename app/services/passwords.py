"""How guessable a password is: the one place that decides, for the services and for the UI's hint.

The judgement is zxcvbn's (dictionaries of common and leaked passwords, names, keyboard patterns,
sequences, repeats, dates), not rules of our own. We add what zxcvbn cannot know: a short list of
Italian passwords, the names of this person, centre and help desk, and every example Ascolto itself
shows. The password is judged as typed and with its spaces and punctuation removed, and the weaker of
the two counts, so 'Sportello Bergamo 2024' is judged like 'sportellobergamo2024'.

Light to import: zxcvbn (about 0.2 s, its frequency lists) is loaded at the first judgement, not when
the unlock screen starts.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from app.i18n import QT_TRANSLATE_NOOP
from app.services.constants import MIN_PASSPHRASE, PASSPHRASE_EXAMPLES

MAX_PASSPHRASE = 1024
MIN_GUESSES_LOG10 = 10.0
"""zxcvbn's estimate of the guesses an attacker needs, at least 10^10 (its top score, 4): behind
Argon2id at about half a second a guess, that is over a century of one core's time."""
STRONG_GUESSES_LOG10 = 14.0
"""Above this the hint says 'strong'; between the two, 'acceptable'."""

ITALIAN_COMMON = (
    "amore", "amoremio", "tiamo", "ti amo", "ciao", "ciaociao", "tesoro", "principessa", "famiglia",
    "mamma", "papa", "bambina", "bambino", "cucciolo", "stella", "angelo", "sole", "cuore", "vita",
    "libertà", "liberta", "speranza", "fortuna", "estate", "inverno", "primavera", "autunno", "italia",
    "roma", "milano", "napoli", "torino", "bergamo", "brescia", "juventus", "juve", "forzajuve", "inter",
    "forzainter", "milan", "forzamilan", "forzanapoli", "atalanta", "dio", "madonna", "gesù", "gesu",
    "password", "parola", "parolachiave", "segreto", "qwerty", "qwertz", "asdfgh", "centro",
    "antiviolenza", "sportello", "ascolto", "donna", "donne", "operatrice", "accoglienza",
)  # fmt: skip
"""Common Italian password words zxcvbn's English lists miss (a few dozen, as the issue asked)."""

_WORD = re.compile(r"[^\W\d_]+")
_SQUASH = re.compile(r"[\W_]+")


@dataclass(frozen=True)
class Verdict:
    """`problem` is None when the password may be used; `level` drives the UI's bar."""

    level: str  # "weak", "fair" or "good"
    problem: str | None  # an untranslated sentence in the "Errors" context
    guesses_log10: float


def _words(texts: Iterable[str]) -> list[str]:
    out: list[str] = []
    for text in texts:
        text = text.strip().casefold()
        if not text:
            continue
        out.append(text)
        out.append(_SQUASH.sub("", text))
        out.extend(_WORD.findall(text))
    return [w for w in dict.fromkeys(out) if w]


def judge(passphrase: str, personal: Iterable[str] = ()) -> Verdict:
    """The one judgement of a new password. `personal`: her user name and full name, the centre's and
    help desks' names, anything an attacker who knows the centre would try first."""
    if len(passphrase) < MIN_PASSPHRASE:
        return Verdict("weak", TOO_SHORT, 0.0)
    if len(passphrase) > MAX_PASSPHRASE:
        return Verdict("weak", QT_TRANSLATE_NOOP("Errors", "The password is too long."), 0.0)
    folded = " ".join(passphrase.casefold().split())
    squashed = _SQUASH.sub("", folded)
    examples = _words(PASSPHRASE_EXAMPLES)
    if folded in examples or squashed in examples:
        return Verdict("weak", EXAMPLE_PROBLEM, 0.0)
    personal_words = _words(personal)
    if any(folded == w or squashed == w for w in personal_words if len(w) >= 3):
        return Verdict("weak", PERSONAL_PROBLEM, 0.0)
    own = set(_WORD.findall(folded))
    if own and own <= set(personal_words) | set(examples):
        return Verdict("weak", PERSONAL_PROBLEM, 0.0)  # only names and example words, digits aside

    from zxcvbn import zxcvbn

    inputs = [*personal_words, *examples, *ITALIAN_COMMON]
    results = [zxcvbn(folded[:100], user_inputs=inputs), zxcvbn(squashed[:100], user_inputs=inputs)]
    weakest = min(results, key=lambda r: float(r["guesses_log10"]))
    guesses = float(weakest["guesses_log10"])
    if guesses >= MIN_GUESSES_LOG10:
        return Verdict("good" if guesses >= STRONG_GUESSES_LOG10 else "fair", None, guesses)
    return Verdict("weak", _reason(weakest, set(personal_words), set(examples)), guesses)


TOO_SHORT = QT_TRANSLATE_NOOP("Errors", "The password is too short: use at least {minimum} characters.")
EXAMPLE_PROBLEM = QT_TRANSLATE_NOOP(
    "Errors", "This is the example Ascolto shows, so anyone can guess it: choose your own words."
)
PERSONAL_PROBLEM = QT_TRANSLATE_NOOP(
    "Errors",
    "The password is made of names anyone at the centre knows (yours, the centre's or the help desk's): "
    "choose unrelated words.",
)


def _reason(result: Mapping[str, Any], personal: set[str], examples: set[str]) -> str:
    """One helpful sentence for the weakest part zxcvbn found."""
    sequence = result.get("sequence")
    matches = sequence if isinstance(sequence, list) else []
    patterns = {str(m.get("pattern")) for m in matches if isinstance(m, dict)}
    tokens = {
        str(m.get("matched_word", m.get("token", ""))).casefold() for m in matches if isinstance(m, dict)
    }
    if tokens & examples:
        return EXAMPLE_PROBLEM
    if tokens & personal:
        return PERSONAL_PROBLEM
    if "repeat" in patterns:
        return QT_TRANSLATE_NOOP(
            "Errors", "Repeated words or characters are easy to guess: use different, unrelated words."
        )
    if "sequence" in patterns or "spatial" in patterns:
        return QT_TRANSLATE_NOOP(
            "Errors",
            "Sequences such as 12345, abcde or qwerty are among the first guesses: use unrelated words.",
        )
    return QT_TRANSLATE_NOOP(
        "Errors",
        "This password is common or easy to guess: use four or five unrelated words.",
    )
