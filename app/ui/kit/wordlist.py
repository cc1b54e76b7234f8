"""Common Italian words without accents, for suggested passphrases (easy to say, write and type).

The list is data a translator may edit, so it is a resource (resources/passphrase-words.txt, installed
as app.resources in the wheel and the bundle alike), read once when this module is imported.
"""

from __future__ import annotations

import secrets
from importlib import resources

WORDS_FILE = "passphrase-words.txt"


def load_words() -> tuple[str, ...]:
    """The words of the resource file, one a line; blank lines and `#` comments are skipped."""
    text = resources.files("app.resources").joinpath(WORDS_FILE).read_text(encoding="utf-8")
    lines = (line.strip() for line in text.splitlines())
    return tuple(line for line in lines if line and not line.startswith("#"))


WORDS: tuple[str, ...] = load_words()


def suggest_passphrase(words: int = 5) -> str:
    """`words` words chosen with `secrets`: 5 words of this list give about 41 bits."""
    return " ".join(secrets.choice(WORDS) for _ in range(words))
