"""Work-arounds for defects of the Qt binding, in one place so they can be dropped when fixed.

PySide6 6.12.0: `SignalInstance.emit()` returns `True` without taking a reference, so every emit from
Python drops one reference to `True`. After enough emits CPython 3.11 deallocates `True` and aborts
("bool_dealloc: deallocating True or False"). `emit()` below measures the defect once and, only if it
is present, gives the reference back. Extra references to `True` would be harmless, missing ones are not.
"""

from __future__ import annotations

import ctypes
import sys
from typing import Any

from PySide6.QtCore import QObject, Signal, SignalInstance


class _Probe(QObject):
    ping = Signal()


def _emit_drops_a_reference() -> bool:
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(8):
        probe.ping.emit()
    dropped = before - sys.getrefcount(True)
    for _ in range(max(0, dropped)):
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(True))
    return dropped >= 8


_EMIT_DROPS_REFERENCE = _emit_drops_a_reference()


def emit(signal: SignalInstance, *args: Any) -> None:
    """`signal.emit(*args)`, safe on PySide6 6.12.0."""
    result: object = signal.emit(*args)  # type: ignore[func-returns-value]  # it returns True, see above
    if _EMIT_DROPS_REFERENCE and result is True:
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(True))
