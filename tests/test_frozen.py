"""The frozen build (scripts/build-package.sh) has no Python of its own to run the workbook
reader's child with: its program is the child when given one argument."""

from __future__ import annotations

import io
import pickle
import sys

from app.importing import reader
from app.importing.reader import SHEET_CHILD_ARGUMENT


def test_the_frozen_program_runs_the_workbook_child(monkeypatch):
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert reader._child_command() == [sys.executable, SHEET_CHILD_ARGUMENT]

    import main

    monkeypatch.setattr(sys, "argv", ["revisitdesk", SHEET_CHILD_ARGUMENT])
    stdin = io.TextIOWrapper(io.BytesIO(b"not a workbook"))
    stdout = io.TextIOWrapper(io.BytesIO())
    monkeypatch.setattr(sys, "stdin", stdin)
    monkeypatch.setattr(sys, "stdout", stdout)
    monkeypatch.setattr("app.importing.sheet_child._limit_memory", lambda: None)
    assert main.main() == 0
    stdout.flush()
    frame = pickle.loads(stdout.buffer.getvalue())
    assert frame[0] == "refused"


def test_from_source_the_child_is_the_module_file(monkeypatch):
    monkeypatch.delattr(sys, "frozen", raising=False)
    command = reader._child_command()
    assert command[:2] == [sys.executable, "-I"] and command[2].endswith("sheet_child.py")
