"""A repair for PySide6 6.12.0, whose `Signal.emit()` hands back True without owning a reference.

Every emit from Python then takes one reference from `True` away; on Python 3.11 (where True is
not immortal) the process aborts after a few thousand emits with "Fatal Python error:
bool_dealloc: deallocating True or False". `apply()` checks whether the installed PySide has the
fault and, only then, wraps `SignalInstance.emit` to add the missing reference. It does nothing
on a PySide without the fault or a Python with immortal booleans (3.12+), so it can stay until
the project requires a fixed PySide, and then be deleted.
"""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QObject, Signal, SignalInstance


class _Probe(QObject):
    probed = Signal()


def emit_loses_a_reference() -> bool:
    probe = _Probe()
    before = sys.getrefcount(True)
    probe.probed.emit()
    lost = sys.getrefcount(True) < before
    if lost:
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(True))  # give back what the probe took
    return lost


def apply() -> None:
    if getattr(SignalInstance.emit, "_repaired", False) or not emit_loses_a_reference():
        return
    faulty_emit = SignalInstance.emit

    def emit(self: SignalInstance, *args: object) -> object:
        result = faulty_emit(self, *args)
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(result))
        return result

    emit._repaired = True  # type: ignore[attr-defined]
    SignalInstance.emit = emit
