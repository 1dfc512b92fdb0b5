"""No page mnemonic (&X) may be the letter of a menu of the menu bar: Alt+X would open the
menu instead of reaching the field (issue 16, item 16). Checked in both languages."""

from __future__ import annotations

import re

import pytest
from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QTabBar, QWidget
from pytestqt.qtbot import QtBot

from ui.main_window import MainWindow
from ui.pages.statistics_page import MONTHLY, StatisticsPage

_MNEMONIC = re.compile(r"&([^&\s])")


def mnemonic(text: str) -> str | None:
    found = _MNEMONIC.search(text.replace("&&", ""))
    return found.group(1).upper() if found else None


def page_mnemonics(widget: QWidget) -> list[tuple[str, str]]:
    """(letter, text) of every mnemonic in the window's own widgets (not in dialogs)."""
    found = []
    window = widget.window()
    for child in [widget, *widget.findChildren(QWidget)]:
        if child.window() is not window:
            continue  # a dialog of its own: the menu bar is not reachable from it
        texts: list[str] = []
        if isinstance(child, QAbstractButton):
            texts.append(child.text())
        elif isinstance(child, QLabel) and child.buddy() is not None:
            texts.append(child.text())
        elif isinstance(child, QGroupBox):
            texts.append(child.title())
        elif isinstance(child, QTabBar):
            texts.extend(child.tabText(i) for i in range(child.count()))
        for text in texts:
            letter = mnemonic(text)
            if letter:
                found.append((letter, f"{type(child).__name__} {text!r}"))
    return found


@pytest.mark.parametrize("language", ["zh", "en"])
def test_no_page_mnemonic_is_a_menu_letter(window: MainWindow, qtbot: QtBot, language: str) -> None:
    if language != window.language:
        window.language_actions[language].trigger()
    menu_letters = {mnemonic(a.text()) for a in window.menuBar().actions()} - {None}
    assert menu_letters == {"F", "S", "M", "H"}

    collisions = []
    for row, page in enumerate(window.pages):
        window.navigation.setCurrentRow(row)
        found = page_mnemonics(page)
        if isinstance(page, StatisticsPage):  # its labels change with the kind of report
            page.kind_combo.setCurrentIndex(page.kind_combo.findData(MONTHLY))
            found += page_mnemonics(page)
        for letter, where in found:
            if letter in menu_letters:
                collisions.append(f"{type(page).__name__}: Alt+{letter} {where}")
    assert collisions == [], "\n".join(collisions)
