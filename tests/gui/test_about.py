"""帮助 → 关于: the version, the day a packaged build was made, and where the licences are."""

from __future__ import annotations

import json

from PySide6.QtWidgets import QMessageBox

from app import version


def test_about_says_the_version_and_the_build(window, monkeypatch, tmp_path):
    shown = []
    monkeypatch.setattr(QMessageBox, "about", lambda parent, title, text: shown.append(text))
    monkeypatch.setattr(version, "BUILD_INFO", tmp_path / "none.json")
    window.show_about()
    assert "版本 0.1.0（从源代码运行）" in shown[-1]
    info = tmp_path / "build_info.json"
    info.write_text(json.dumps({"version": "0.1.0", "built_on": "2026-12-07"}), "utf-8")
    monkeypatch.setattr(version, "BUILD_INFO", info)
    window.show_about()
    assert "版本 0.1.0（2026-12-07 构建）" in shown[-1]
    assert "LICENSES.md" in shown[-1] and "LGPL-3.0" in shown[-1]


def test_the_icon_of_the_windows_and_the_menu_is_drawn(qtbot):
    from PySide6.QtGui import QIcon

    from ui.resources import APP_ICON

    pixmap = QIcon(str(APP_ICON)).pixmap(48, 48)
    assert not pixmap.isNull() and pixmap.width() == 48
