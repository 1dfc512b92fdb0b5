"""The import page driven as an operator would: path, preview, columns, import, summary."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel
from pytestqt.qtbot import QtBot

from app.importing.service import remembered_mapping
from db.database import Database
from db.models import Case, CasePhone, ImportBatch
from ui.main_window import MainWindow
from ui.pages.import_page import ImportPage

from .helpers import Rows, count, read_csv, write_csv

COMPLETED_ON = 5  # the column of 办结日期 in the sample export


def open_file(qtbot: QtBot, page: ImportPage, path: Path) -> None:
    """Type the path and press Enter; return once the preview (or the problem) shows."""
    page.path_edit.clear()
    qtbot.keyClicks(page.path_edit, str(path))
    with qtbot.waitSignal(page.operation_finished):
        qtbot.keyClick(page.path_edit, Qt.Key.Key_Return)


def click_import(qtbot: QtBot, page: ImportPage) -> None:
    assert page.import_button.isEnabled()
    with qtbot.waitSignal(page.operation_finished):
        qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)


def with_bad_rows(case_rows: Rows) -> Rows:
    """The header and 40 rows of the sample, four of them wrong, under a title row."""
    header, rows = case_rows[0], [list(r) for r in case_rows[1:41]]
    rows[3][COMPLETED_ON] = "2026-13-45"
    rows[7][0] = ""
    rows[12][COMPLETED_ON] = "2026-01-01"
    rows[20][13] = "三"
    return [["2026年第三季度办结业务件"], header, *rows]


def test_importing_the_sample_cases_shows_the_counts_and_stores_the_cases(
    qtbot: QtBot, window: MainWindow, page: ImportPage, sqlite_db: Database, sample_cases: Path
) -> None:
    open_file(qtbot, page, sample_cases)

    assert page.preview_model.rowCount() == 20
    assert page.preview_title.text() == "第 1 行是表头；下面是前 20 行，共 400 行数据。"
    assert page.mapping_form.combos["case_no"].currentText() == "A · 业务编号"
    assert page.mapping_form.combos["stamp_duty"].currentText() == "R · 印花税"
    assert not page.message_label.isVisible()

    click_import(qtbot, page)

    assert page.stack.currentWidget() is page.summary_view
    assert page.summary_view.outcome_label.text() == "已导入 cases_2026q3.csv。"
    shown = {key: label.text() for key, label in page.summary_view.count_labels.items()}
    assert shown == {
        "rows": "400",
        "inserted": "400",
        "updated": "0",
        "unchanged": "0",
        "duplicates_in_file": "0",
        "rejected": "0",
    }
    assert count(sqlite_db, Case) == 400
    qtbot.waitUntil(lambda: window.status.counts_label.text() == "业务件 400 件 · 评价 0 条")


def test_importing_the_same_file_again_changes_nothing(
    qtbot: QtBot, page: ImportPage, sqlite_db: Database, sample_cases: Path
) -> None:
    open_file(qtbot, page, sample_cases)
    click_import(qtbot, page)
    qtbot.mouseClick(page.summary_view.back_button, Qt.MouseButton.LeftButton)
    click_import(qtbot, page)

    assert page.summary_view.count_labels["unchanged"].text() == "400"
    assert page.summary_view.count_labels["inserted"].text() == "0"
    assert count(sqlite_db, Case) == 400


def test_a_missing_required_column_is_shown_inline_and_can_be_chosen_by_hand(
    qtbot: QtBot, page: ImportPage, sqlite_db: Database, case_rows: Rows, tmp_path: Path
) -> None:
    header = list(case_rows[0])
    header[COMPLETED_ON] = "结束日"
    path = write_csv(tmp_path / "renamed.csv", [header, *case_rows[1:31]])

    open_file(qtbot, page, path)

    assert page.message_label.isVisible()
    assert page.message_label.text() == "缺少必需的列：办结日期。请检查文件或指定列映射"
    assert not page.import_button.isEnabled()
    combo = page.mapping_form.combos["completed_on"]
    assert combo.currentText() == "（不导入）"

    combo.setFocus()
    qtbot.keyClicks(combo, "F")  # the keyboard search picks "F · 结束日"

    assert combo.currentText() == "F · 结束日"
    assert not page.message_label.isVisible()
    click_import(qtbot, page)
    assert page.summary_view.count_labels["inserted"].text() == "30"
    assert count(sqlite_db, Case) == 30
    with sqlite_db.sessions() as session:
        assert remembered_mapping(session, "cases", header)["completed_on"] == "结束日"

    # The next file of this layout opens with the column remembered.
    open_file(qtbot, page, path)
    assert page.mapping_form.combos["completed_on"].currentText() == "F · 结束日"
    assert page.mapping_note.text().startswith("已使用上次为这种表头保存的列对应")
    assert page.import_button.isEnabled()


def test_a_recognised_column_can_be_left_out(
    qtbot: QtBot, page: ImportPage, sqlite_db: Database, sample_cases: Path
) -> None:
    open_file(qtbot, page, sample_cases)
    phones = page.mapping_form.combos["phones"]
    phones.setCurrentIndex(phones.findText("（不导入）"))

    click_import(qtbot, page)

    assert count(sqlite_db, Case) == 400
    assert count(sqlite_db, CasePhone) == 0
    flags = page.summary_view.flags_box
    assert flags.isVisible()
    assert "无有效电话（已导入并标记）" in [label.text() for label in flags.findChildren(QLabel)]

    # Remembered: the column stays out next time, until it is chosen again.
    open_file(qtbot, page, sample_cases)
    phones = page.mapping_form.combos["phones"]
    assert phones.currentText() == "（不导入）"
    phones.setCurrentIndex(phones.findText("H · 联系电话"))
    click_import(qtbot, page)
    assert count(sqlite_db, CasePhone) == 400
    open_file(qtbot, page, sample_cases)
    assert page.mapping_form.combos["phones"].currentText() == "H · 联系电话"


def test_rejected_rows_are_listed_and_can_be_exported(
    qtbot: QtBot,
    page: ImportPage,
    sqlite_db: Database,
    case_rows: Rows,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = write_csv(tmp_path / "bad.csv", with_bad_rows(case_rows))
    open_file(qtbot, page, path)
    assert page.preview_title.text().startswith("第 2 行是表头")

    click_import(qtbot, page)

    view = page.summary_view
    assert view.outcome_label.text() == "已导入 bad.csv，其中 4 行被拒绝，没有导入。"
    assert view.count_labels["rejected"].text() == "4"
    assert count(sqlite_db, Case) == 36
    model = view.rejected_model
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == ["6", "10", "15", "23"]
    assert model.index(0, 1).data() == "办结日期不是有效日期：“2026-13-45”"

    # No suffix typed, the CSV filter chosen: a CSV.
    target = tmp_path / "rejected"
    monkeypatch.setattr(
        QFileDialog,
        "getSaveFileName",
        lambda *args, **kwargs: (str(target), "CSV 文件，UTF-8 (*.csv)"),
    )
    qtbot.mouseClick(view.export_button, Qt.MouseButton.LeftButton)
    written = read_csv(target.with_suffix(".csv"))
    assert written[0] == ["行号", "原因", *case_rows[0]]
    assert written[2][:3] == ["10", "缺少业务编号", ""]

    xlsx = tmp_path / "rejected.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(xlsx), ""))
    qtbot.mouseClick(view.export_button, Qt.MouseButton.LeftButton)
    sheet = openpyxl.load_workbook(xlsx).active
    assert [c.value for c in sheet[1]][:3] == ["行号", "原因", "业务编号"]
    assert [c.value for c in sheet[2]][:3] == [
        6,
        "办结日期不是有效日期：“2026-13-45”",
        "JN20260614000003",
    ]


def test_strict_mode_refuses_a_file_with_rejected_rows(
    qtbot: QtBot, page: ImportPage, sqlite_db: Database, case_rows: Rows, tmp_path: Path
) -> None:
    open_file(qtbot, page, write_csv(tmp_path / "bad.csv", with_bad_rows(case_rows)))
    qtbot.mouseClick(page.strict_check, Qt.MouseButton.LeftButton)
    assert page.strict_check.isChecked()

    click_import(qtbot, page)

    assert page.summary_view.outcome_label.text() == "严格模式：有 4 行被拒绝，整个文件没有导入"
    assert count(sqlite_db, Case) == 0
    assert count(sqlite_db, ImportBatch) == 0


def test_cancelling_an_import_stores_nothing(
    qtbot: QtBot, page: ImportPage, sqlite_db: Database, case_rows: Rows, tmp_path: Path
) -> None:
    header, sample = case_rows[0], case_rows[1:]
    rows = []
    for number in range(20_000):
        row = list(sample[number % len(sample)])
        row[0] = f"JN2026{number:010d}"
        rows.append(row)
    open_file(qtbot, page, write_csv(tmp_path / "large.csv", [header, *rows]))

    with qtbot.waitSignal(page.operation_finished, timeout=60_000):
        qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
        assert page.cancel_button.isVisible()
        qtbot.mouseClick(page.cancel_button, Qt.MouseButton.LeftButton)

    assert page.message_label.text() == "导入已取消，没有导入任何数据"
    assert page.stack.currentWidget() is page.preview_panel  # ready to try again
    assert not page.cancel_button.isVisible()
    assert page.import_button.isEnabled()
    assert count(sqlite_db, Case) == 0
    assert count(sqlite_db, ImportBatch) == 0


def test_a_file_that_cannot_be_read_is_an_inline_problem(
    qtbot: QtBot, page: ImportPage, tmp_path: Path
) -> None:
    open_file(qtbot, page, tmp_path / "nowhere.csv")
    assert page.message_label.text() == f"找不到文件：{tmp_path / 'nowhere.csv'}"
    assert page.stack.currentWidget() is page.placeholder

    (tmp_path / "notes.txt.doc").write_text("?")
    open_file(qtbot, page, tmp_path / "notes.txt.doc")
    assert page.message_label.text().startswith("不支持的文件类型“.doc”")
    assert not page.import_button.isEnabled()


def test_choosing_another_kind_looks_at_the_file_again(
    qtbot: QtBot, page: ImportPage, samples: Path
) -> None:
    open_file(qtbot, page, samples / "evaluations_2026q3.xlsx")
    assert page.message_label.text().startswith("缺少必需的列")

    with qtbot.waitSignal(page.operation_finished):
        page.kind_combo.setCurrentIndex(page.kind_combo.findData("evaluations"))

    assert not page.message_label.isVisible()
    assert page.preview_title.text().startswith("工作表“Sheet”，第 1 行是表头")
    assert page.mapping_form.combos["evaluated_at"].currentText() == "B · 评价时间"
    assert page.import_button.isEnabled()


def test_ctrl_enter_imports(
    qtbot: QtBot, window: MainWindow, page: ImportPage, sqlite_db: Database, sample_cases: Path
) -> None:
    open_file(qtbot, page, sample_cases)
    window.activateWindow()
    page.strict_check.setFocus()
    with qtbot.waitSignal(page.operation_finished):
        qtbot.keyClick(page.strict_check, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert count(sqlite_db, Case) == 400


def test_a_file_dropped_on_the_page_is_read(
    qtbot: QtBot, page: ImportPage, sample_cases: Path
) -> None:
    files = QMimeData()
    files.setUrls([QUrl.fromLocalFile(str(sample_cases))])
    where, action = QPointF(100, 100), Qt.DropAction.CopyAction
    buttons, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(where.toPoint(), action, files, buttons, keys)
    QApplication.sendEvent(page, enter)
    assert enter.isAccepted()
    drop = QDropEvent(where, action, files, buttons, keys)
    with qtbot.waitSignal(page.operation_finished):
        QApplication.sendEvent(page, drop)

    assert drop.isAccepted()
    assert page.path_edit.text() == str(sample_cases)
    assert page.preview_model.rowCount() == 20


def test_reading_a_slow_file_can_be_cancelled(
    qtbot: QtBot, page: ImportPage, tmp_path: Path, monkeypatch
) -> None:
    """A damaged or huge workbook may take its reader long to refuse: the reading shows its
    busy bar and Cancel, which stops it."""
    import threading

    started = threading.Event()

    def slow_reader(path, progress):
        started.set()
        for _ in range(300_000):  # until cancelled; a bound so a bug cannot hang the suite
            progress(0, 0)
            threading.Event().wait(0.0001)
        raise AssertionError("never cancelled")

    monkeypatch.setattr("ui.pages.import_page.read_table", slow_reader)
    path = write_csv(tmp_path / "slow.csv", [["业务编号"], ["JN1"]])
    page.path_edit.setText(str(path))
    with qtbot.waitSignal(page.operation_finished, timeout=60_000):
        qtbot.keyClick(page.path_edit, Qt.Key.Key_Return)
        qtbot.waitUntil(started.is_set)
        assert page.stack.currentWidget() is page.reading_panel
        assert page.reading_label.text() == "正在读取 slow.csv…"
        assert page.reading_cancel.isVisible() and page.reading_bar.isVisible()
        qtbot.mouseClick(page.reading_cancel, Qt.MouseButton.LeftButton)
    assert page.stack.currentWidget() is page.placeholder
    assert page.placeholder.text() == "已取消读取文件。请重新选择文件。"
    assert page.inspection is None
    assert page.browse_button.isEnabled()
