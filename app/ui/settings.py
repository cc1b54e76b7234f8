"""Per-installation UI settings needed before unlock, each declared once with its type and default.

They live in an INI file next to the encrypted database (QSettings, IniFormat). Nothing sensitive goes
here: whatever concerns cases or people stays in the encrypted database.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar

from PySide6.QtCore import QSettings

T = TypeVar("T", int, str)

SETTINGS_FILE = "ascolto-ui.ini"


@dataclass(frozen=True)
class Setting(Generic[T]):
    key: str
    type: type[T]
    default: T
    choices: tuple[T, ...] = ()
    minimum: int | None = None
    maximum: int | None = None

    def coerce(self, raw: object) -> T:
        """A hand-edited or stale INI value never breaks start-up: anything invalid means the default."""
        try:
            value = self.type(raw)  # type: ignore[call-overload]
        except (TypeError, ValueError):
            return self.default
        if self.choices and value not in self.choices:
            return self.default
        if isinstance(value, int) and (
            (self.minimum is not None and value < self.minimum)
            or (self.maximum is not None and value > self.maximum)
        ):
            return self.default
        return value


IDLE_LOCK_MINUTES: Setting[int] = Setting("security/idle_lock_minutes", int, 5, minimum=1, maximum=30)
# Windows: 1 lets screen capture (Recall, screenshots, screen sharing) see Ascolto's windows, for a training
# session; set by an administrator in the INI file of the data folder (docs/installing.md). Default: hidden.
SCREEN_CAPTURE_ALLOWED: Setting[int] = Setting(
    "security/screen_capture_allowed", int, 0, minimum=0, maximum=1
)
LANGUAGE: Setting[str] = Setting("ui/language", str, "it", choices=("it", "en"))
# The window as she left it: "x,y,width,height" of the normal (not maximised) geometry, empty before the
# first close; and whether it was maximised. Restored clamped to the screen it reopens on.
WINDOW_GEOMETRY: Setting[str] = Setting("window/geometry", str, "")
WINDOW_MAXIMISED: Setting[int] = Setting("window/maximised", int, 0, minimum=0, maximum=1)


class UiSettings:
    """Typed access to the INI file of one data folder."""

    def __init__(self, data_dir: Path) -> None:
        self.path = data_dir / SETTINGS_FILE
        self._store = QSettings(str(self.path), QSettings.Format.IniFormat)

    def get(self, setting: Setting[T]) -> T:
        if not self._store.contains(setting.key):
            return setting.default
        return setting.coerce(self._store.value(setting.key))

    def set(self, setting: Setting[T], value: T) -> None:
        if setting.coerce(value) != value:
            raise ValueError(f"invalid value for {setting.key}")
        if not self.path.parent.is_dir():  # before set-up there is no folder to write into
            return
        self._store.setValue(setting.key, value)
        self._store.sync()
