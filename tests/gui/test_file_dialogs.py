"""File dialogs open in Documents or the folder last used for that kind of file, and Qt's own
dialog speaks Chinese in the Chinese interface (issue 16, item 12)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from ui import file_dialogs, preferences
from ui.board.board_tab import BoardTab
from ui.main_window import MainWindow
from ui.translations import use_language


@pytest.fixture(autouse=True)
def private_settings(tmp_path: Path) -> None:
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(tmp_path))
    for preference in preferences.LAST_FOLDERS.values():
        preference.set(None)


def test_qt_file_dialog_labels_are_chinese(window: MainWindow) -> None:
    dialog = QFileDialog(window)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    labels = [re.sub(r"\(&\w\)", "", dialog.labelText(label)) for label in QFileDialog.DialogLabel]
    assert not any(ch.isascii() and ch.isalpha() for text in labels for ch in text), labels
    assert dialog.labelText(QFileDialog.DialogLabel.LookIn) == "查找范围(&I)："
    assert dialog.labelText(QFileDialog.DialogLabel.FileType) == "文件类型(&T)："
    dialog.deleteLater()
    use_language("en")
    english = QFileDialog(window)
    english.setOption(QFileDialog.Option.DontUseNativeDialog)
    assert english.labelText(QFileDialog.DialogLabel.LookIn) == "&Look in:"
    english.deleteLater()
    use_language("zh")


def test_dialogs_open_in_documents_then_in_the_last_folder_of_their_kind(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    asked: list[str] = []
    chosen = tmp_path / "elsewhere" / "报表.xlsx"
    chosen.parent.mkdir()

    def dialog(_parent, _title, start, _filter, **_options):
        asked.append(start)
        return str(chosen), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", dialog)
    (tab, *_) = window.pages[1].findChildren(BoardTab)
    tab.export()
    assert Path(asked[0]).parent == file_dialogs.documents_folder()
    assert Path(asked[0]).parent != Path.cwd()
    qtbot.waitUntil(lambda: chosen.exists(), timeout=10000)

    tab.export()  # the second time: where the last report went
    assert Path(asked[1]).parent == chosen.parent
    # Another kind of file still starts in Documents.
    assert file_dialogs.start_folder("sync") == file_dialogs.documents_folder()
