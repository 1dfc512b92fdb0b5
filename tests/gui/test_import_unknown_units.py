"""Unknown 受理单位 on the import page: asked name by name before anything is imported (issue 15)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from db.database import Database
from db.models import Case, Unit, UnitAlias
from ui.pages.import_page import ImportPage

from .helpers import Rows, count, write_csv
from .test_import_page import click_import, open_file

UNIT = 2  # the column of 受理单位 in the sample export
LIXIA = "历下区不动产登记中心"
MISSPELT = "历下区不动产登记中"
NEW = "高新区不动产登记中心"
TYPO = "天乔区不动产登记中心"


def import_sample(qtbot: QtBot, page: ImportPage, sample_cases: Path) -> None:
    """The sample's 400 cases into the empty database: its 7 units are created, nothing asked."""
    open_file(qtbot, page, sample_cases)
    click_import(qtbot, page)
    assert page.stack.currentWidget() is page.summary_view
    assert page.summary_view.units_label.isVisible()
    assert f"未知受理单位“{LIXIA}”（57 行）：已新建为单位" in page.summary_view.units_label.text()


def next_quarter_file(case_rows: Rows, tmp_path: Path) -> Path:
    """30 new cases: 3 of 历下区 misspelt, 2 of a new unit, 1 of a misspelt 天桥区."""
    header, rows = case_rows[0], [list(r) for r in case_rows[1:31]]
    for number, row in enumerate(rows):
        row[0] = f"JN20261001{number:06d}"
    for index in (0, 1, 2):
        rows[index][UNIT] = MISSPELT
    for index in (3, 4):
        rows[index][UNIT] = NEW
    rows[5][UNIT] = TYPO
    return write_csv(tmp_path / "cases_q4.csv", [header, *rows])


def cases_of(database: Database, unit: str) -> int:
    with database.sessions() as session:
        query = select(func.count()).select_from(Case).join(Unit).where(Unit.name == unit)
        return session.scalar(query)


def unit_of(database: Database, number: int) -> str | None:
    """The unit of the file's case `number` (0 for its first), None if it was not imported."""
    with database.sessions() as session:
        query = select(Unit.name).join(Case).where(Case.case_no == f"JN20261001{number:06d}")
        return session.scalar(query)


def focused() -> object:
    return QApplication.focusWidget()


def test_unknown_units_are_chosen_name_by_name_from_the_keyboard(
    qtbot: QtBot,
    page: ImportPage,
    sqlite_db: Database,
    sample_cases: Path,
    case_rows: Rows,
    tmp_path: Path,
) -> None:
    import_sample(qtbot, page, sample_cases)
    open_file(qtbot, page, next_quarter_file(case_rows, tmp_path))
    click_import(qtbot, page)

    # Nothing imported yet: the names are asked about, most rows first, each rejected until
    # chosen otherwise.
    panel = page.unit_panel
    assert page.stack.currentWidget() is panel
    assert count(sqlite_db, Case) == 400
    assert panel.title.text() == "文件中有 3 个受理单位不是已有的单位（共 6 行）。"
    assert list(panel.combos) == [MISSPELT, NEW, TYPO]
    rows_shown = [panel.grid.itemAtPosition(row, 1).widget().text() for row in range(1, 4)]
    assert rows_shown == ["3", "2", "1"]
    assert [c.currentText() for c in panel.combos.values()] == ["拒绝这些行"] * 3
    misspelt, new, typo = panel.combos.values()
    # The units spelt most like the name come first among the mappings.
    assert misspelt.itemText(2) == f"映射到 {LIXIA}"
    assert typo.itemText(2) == "映射到 天桥区不动产登记中心"

    qtbot.waitUntil(lambda: focused() is misspelt)
    qtbot.keyClick(misspelt, Qt.Key.Key_Down)
    qtbot.keyClick(misspelt, Qt.Key.Key_Down)
    assert misspelt.currentText() == f"映射到 {LIXIA}"
    qtbot.keyClick(misspelt, Qt.Key.Key_Tab)
    assert focused() is new
    qtbot.keyClick(new, Qt.Key.Key_Down)
    assert new.currentText() == "新建单位"
    # 天乔区 stays rejected. Ctrl+Enter imports with these choices.
    with qtbot.waitSignal(page.operation_finished):
        qtbot.keyClick(new, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    summary = page.summary_view
    assert page.stack.currentWidget() is summary
    assert summary.count_labels["inserted"].text() == "29"
    assert summary.count_labels["rejected"].text() == "1"
    assert summary.units_label.text().split("\n") == [
        f"未知受理单位“{MISSPELT}”（3 行）：已映射到“{LIXIA}”（已记住）",
        f"未知受理单位“{NEW}”（2 行）：已新建为单位",
        f"未知受理单位“{TYPO}”（1 行）：这些行被拒绝",
    ]
    reason = summary.rejected_model.index(0, 1).data()
    assert f"受理单位“{TYPO}”不是已有的单位" in reason
    assert count(sqlite_db, Case) == 429
    assert [unit_of(sqlite_db, number) for number in range(6)] == [LIXIA] * 3 + [NEW] * 2 + [None]
    assert cases_of(sqlite_db, NEW) == 2
    with sqlite_db.sessions() as session:
        assert session.scalar(select(Unit.id).where(Unit.name.in_([MISSPELT, TYPO]))) is None
        assert session.scalars(select(UnitAlias.name)).all() == [MISSPELT]

    # The same file again: only the rejected name is asked about; the others are known now.
    qtbot.mouseClick(summary.back_button, Qt.MouseButton.LeftButton)
    click_import(qtbot, page)
    assert list(panel.combos) == [TYPO]
    typo = panel.combos[TYPO]
    typo.setCurrentIndex(typo.findText("映射到 天桥区不动产登记中心"))
    with qtbot.waitSignal(page.operation_finished):
        qtbot.mouseClick(panel.import_button, Qt.MouseButton.LeftButton)
    assert page.summary_view.count_labels["inserted"].text() == "1"
    assert page.summary_view.count_labels["unchanged"].text() == "29"
    assert unit_of(sqlite_db, 5) == "天桥区不动产登记中心"


def test_going_back_imports_nothing(
    qtbot: QtBot,
    page: ImportPage,
    sqlite_db: Database,
    sample_cases: Path,
    case_rows: Rows,
    tmp_path: Path,
) -> None:
    import_sample(qtbot, page, sample_cases)
    open_file(qtbot, page, next_quarter_file(case_rows, tmp_path))
    click_import(qtbot, page)
    assert page.stack.currentWidget() is page.unit_panel

    qtbot.keyClick(page.unit_panel.combos[MISSPELT], Qt.Key.Key_B, Qt.KeyboardModifier.AltModifier)

    # 返回(&B): a mnemonic clicks its button after a moment.
    qtbot.waitUntil(lambda: page.stack.currentWidget() is page.preview_panel)
    assert page.import_button.isEnabled()
    assert count(sqlite_db, Case) == 400
    assert count(sqlite_db, Unit) == 7
