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


def test_the_version_and_the_day_of_a_packaged_build(monkeypatch, tmp_path, capsys):
    import json

    import pytest

    from app import version
    from cli import main as cli_main

    monkeypatch.setattr(version, "BUILD_INFO", tmp_path / "none.json")
    assert version.app_version().built_on is None  # from the source tree
    info = tmp_path / "build_info.json"
    info.write_text(json.dumps({"version": "1.2.3", "built_on": "2026-12-07"}), "utf-8")
    monkeypatch.setattr(version, "BUILD_INFO", info)
    assert version.app_version() == version.Version("1.2.3", "2026-12-07")
    with pytest.raises(SystemExit) as exited:
        cli_main(["--lang", "en", "--version"])
    assert exited.value.code == 0
    assert capsys.readouterr().out == "RevisitDesk 1.2.3 (built 2026-12-07)\n"
    info.write_text("{damaged", "utf-8")
    assert version.app_version().built_on is None


def test_a_desktop_set_to_fcitx_reaches_it_through_ibus_in_the_package():
    import main

    environment = {"QT_IM_MODULE": "fcitx"}
    main._input_method_for_the_bundled_qt(environment)
    assert environment == {"QT_IM_MODULE": "ibus", "IBUS_USE_PORTAL": "1"}
    for untouched in ({"QT_IM_MODULE": "ibus"}, {}, {"QT_IM_MODULE": "xim"}):
        before = dict(untouched)
        main._input_method_for_the_bundled_qt(untouched)
        assert untouched == before
