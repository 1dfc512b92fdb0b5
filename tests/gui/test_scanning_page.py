"""The scanning page driven as an outlet would: drop stamped forms, file what the QR code did not,
refuse what is not a scan, and pick up files from the watched folder."""

from __future__ import annotations

import os
import time
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QColor, QDragEnterEvent, QDropEvent, QImage, QPainter
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.demo import fill_demo_data
from app.enterprise.forms import SCANNED, ensure_form_b_records, mark_printed
from app.printing.form_b import form_b_print_data, write_form_b
from app.scanning import scanner
from app.scanning.filing import case_scans, unmatched_pages
from db.database import Database
from db.models import Case, EnterpriseFeedback
from ui.enterprise.pdf_printing import open_pdf, page_image
from ui.main_window import MainWindow
from ui.pages.scanning_page import ScanningPage


@pytest.fixture
def filled(sqlite_db: Database) -> Database:
    with sqlite_db.sessions.begin() as session:
        fill_demo_data(session, cases=200, seed=1, today=date(2026, 11, 20))
        ensure_form_b_records(session)
    return sqlite_db


@pytest.fixture(autouse=True)
def no_scanner(monkeypatch: pytest.MonkeyPatch) -> None:
    """No SANE scanner, and no seconds spent looking for one on the network."""
    monkeypatch.setattr(scanner, "sane_available", lambda: False)
    monkeypatch.setattr(ScanningPage, "scanner_available", None)


@pytest.fixture
def page(qtbot: QtBot, filled: Database, window: MainWindow) -> ScanningPage:
    row = next(i for i, p in enumerate(window.pages) if isinstance(p, ScanningPage))
    page = window.pages[row]
    assert isinstance(page, ScanningPage)
    with qtbot.waitSignal(page.tray_loaded):
        window.navigation.setCurrentRow(row)
    return page


def printed_form(database: Database, folder: Path) -> tuple[int, str, Path]:
    """A printed Form B, scanned: its record id, case number and a 150-dpi PNG of the page."""
    with database.sessions.begin() as session:
        record = session.scalars(select(EnterpriseFeedback).order_by(EnterpriseFeedback.id)).first()
        mark_printed(session, [record.id])
        case_no = session.get(Case, record.case_id).case_no
        write_form_b(form_b_print_data(session, [record.id]), folder / "form.pdf")
    path = folder / "scan.png"
    assert page_image(open_pdf(folder / "form.pdf"), 0, 150).save(str(path))
    return record.case_id, case_no, path


def page_without_code(folder: Path) -> Path:
    image = QImage(1240, 1754, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.drawText(200, 300, "企业回访反馈单 (stamp over the code)")
    painter.end()
    path = folder / "no-code.png"
    assert image.save(str(path))
    return path


def drop(page: ScanningPage, *paths: Path) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    where, action = QPointF(100, 100), Qt.DropAction.CopyAction
    buttons, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(where.toPoint(), action, mime, buttons, keys)
    QApplication.sendEvent(page, enter)
    assert enter.isAccepted()
    event = QDropEvent(where, action, mime, buttons, keys)
    QApplication.sendEvent(page, event)
    assert event.isAccepted()


def test_a_dropped_form_is_filed_to_its_case_by_its_code(
    qtbot: QtBot, page: ScanningPage, filled: Database, tmp_path: Path
) -> None:
    case_id, case_no, scan = printed_form(filled, tmp_path)
    with qtbot.waitSignal(page.scans_added, timeout=20000):
        drop(page, scan)
    assert case_no in page.message_label.text()
    assert page.tray == []
    with filled.sessions() as session:
        assert len(case_scans(session, case_id)) == 1
        status = session.scalar(
            select(EnterpriseFeedback.status).where(EnterpriseFeedback.case_id == case_id)
        )
    assert status == SCANNED


def test_a_page_without_code_waits_in_the_tray_and_is_filed_by_hand(
    qtbot: QtBot, page: ScanningPage, filled: Database, tmp_path: Path
) -> None:
    case_id, case_no, _scan = printed_form(filled, tmp_path)
    with qtbot.waitSignals([page.scans_added, page.tray_loaded], timeout=20000):
        drop(page, page_without_code(tmp_path))
    assert "1 页待匹配" in page.message_label.text()
    assert page.tray_box.title() == "待匹配 (1)"
    qtbot.waitUntil(lambda: page.viewer.image is not None)
    assert not page.file_button.isEnabled()  # no case chosen yet

    with qtbot.waitSignal(page.candidates_shown):
        qtbot.keyClicks(page.search_edit, case_no)
    assert page.chosen_case_no() == case_no
    with qtbot.waitSignals([page.page_filed, page.tray_loaded], order="strict"):
        qtbot.mouseClick(page.file_button, Qt.MouseButton.LeftButton)
    assert page.tray == []
    assert page.tray_box.title() == "待匹配 (0)"
    with filled.sessions() as session:
        assert unmatched_pages(session) == []
        assert [s.filed_by for s in case_scans(session, case_id)] == [""]


def test_a_page_can_be_discarded_from_the_tray(
    qtbot: QtBot, page: ScanningPage, filled: Database, tmp_path: Path
) -> None:
    with qtbot.waitSignals([page.scans_added, page.tray_loaded], timeout=20000):
        drop(page, page_without_code(tmp_path))
    with qtbot.waitSignals([page.page_filed, page.tray_loaded], order="strict"):
        page.discard_button.click()
    assert page.tray == []


def test_a_file_that_is_not_a_scan_is_refused_with_its_reason(
    qtbot: QtBot, page: ScanningPage, tmp_path: Path
) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("not a scan", encoding="utf-8")
    with qtbot.waitSignal(page.scans_added):
        drop(page, notes)
    text = page.message_label.text()
    assert text.startswith("notes.txt 未添加：")
    assert "Traceback" not in text
    assert page.log_list.item(0).text() == text


def test_the_viewer_zooms_rotates_and_fits(
    qtbot: QtBot, page: ScanningPage, tmp_path: Path
) -> None:
    with qtbot.waitSignals([page.scans_added, page.tray_loaded], timeout=20000):
        drop(page, page_without_code(tmp_path))
    qtbot.waitUntil(lambda: page.viewer.image is not None)
    fitted = page.viewer.picture.pixmap().size()
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert page.viewer.picture.pixmap().width() > fitted.width()
    qtbot.keyClick(page.search_edit, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert page.viewer.rotation == 90
    rotated = page.viewer.picture.pixmap().size()
    assert rotated.width() > rotated.height()  # a portrait page on its side
    qtbot.keyClick(page.search_edit, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert page.viewer.zoom is None


def test_files_in_the_watched_folder_are_added(
    qtbot: QtBot, page: ScanningPage, filled: Database, tmp_path: Path
) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    case_id, _case_no, scan = printed_form(filled, tmp_path)
    waiting = inbox / "scan0001.png"
    scan.rename(waiting)
    written = time.time() - 60  # a file still being written is left for later
    os.utime(waiting, (written, written))
    try:
        with qtbot.waitSignal(page.scans_added, timeout=20000):
            page.set_watched_folder(inbox)
        assert page.watcher.directories() == [str(inbox)]
        assert (inbox / "done" / "scan0001.png").exists()
        with filled.sessions() as session:
            assert len(case_scans(session, case_id)) == 1
    finally:
        page.set_watched_folder(None)
    assert page.watcher.directories() == []


def test_the_scanner_button_says_why_it_is_disabled(qtbot: QtBot, page: ScanningPage) -> None:
    qtbot.waitUntil(lambda: page.scan_button.toolTip() != "正在查找扫描仪…")
    assert not page.scan_button.isEnabled()
    assert "python-sane" in page.scan_button.toolTip()
