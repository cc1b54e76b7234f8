"""Run-time knobs that tests override: a fast Argon2 cost and a shorter idle-lock minute.

Production never touches these; tests set them in a fixture, so the UI code paths stay the same.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # cryptography loads with the services, after the first screen is painted
    from app.services.workspace import KdfParams


@dataclass
class UiConfig:
    kdf: KdfParams | None = None  # Argon2 cost of new slots; None: calibrated at set-up, then the folder's
    seconds_per_minute: float = 60.0  # the idle lock counts minutes in these seconds
    busy_delay_ms: int = 300  # a busy indicator appears only after this much waiting


CONFIG = UiConfig()
