"""A repair for PySide6 6.12.0, which hands back True and None without owning a reference.

Every emit from Python then takes one reference from `True` away; on Python 3.11 (where True is
not immortal) the process aborts after a few thousand emits with "Fatal Python error:
bool_dealloc: deallocating True or False". `apply()` checks whether the installed PySide has the
fault and, only then, wraps `SignalInstance.emit` to add the missing reference. It does nothing
on a PySide without the fault or a Python with immortal booleans (3.12+), so it can stay until
the project requires a fixed PySide, and then be deleted.

The same fault drops a reference to None on every call of a wrapped C++ method that returns
nothing (`QLabel.setText`, `setEnabled`, …): one per call, so a day at the call desk would
deallocate None. Those calls are too many to wrap, so when the fault is present None, True and
False are given a reserve of references that no day's work can use up (they are never freed in
any case), as Python 3.12 does by making them immortal.
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


_RESERVE = 1 << 40  # references; at a million calls a second, lasts some twelve days of CPU time


def void_call_loses_none() -> bool:
    probe = _Probe()
    before = sys.getrefcount(None)
    probe.setObjectName("probe")  # returns nothing
    lost = sys.getrefcount(None) < before
    if lost:
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(None))
    return lost


def _reserve_references() -> None:
    for singleton in (None, True, False):
        count = ctypes.c_ssize_t.from_address(id(singleton))  # ob_refcnt, the object's first field
        if count.value < _RESERVE:
            count.value += _RESERVE


def apply() -> None:
    if sys.version_info < (3, 12) and void_call_loses_none():
        _reserve_references()
    if getattr(SignalInstance.emit, "_repaired", False) or not emit_loses_a_reference():
        return
    faulty_emit = SignalInstance.emit

    def emit(self: SignalInstance, *args: object) -> object:
        result = faulty_emit(self, *args)
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(result))
        return result

    emit._repaired = True  # type: ignore[attr-defined]
    SignalInstance.emit = emit
