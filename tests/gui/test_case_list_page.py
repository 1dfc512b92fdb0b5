"""The case list (案件查询) as an operator uses it on a city of a few thousand cases: it opens on
the newest cases with only its first page loaded, loads more as the list scrolls, finds a case by
name, number or case number, filters by unit, and opens a case's history — from the keyboard."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from app.case_list import PAGE_SIZE
from app.phones import mask_phone
from bench.city import generate
from db.database import Database, open_database
from db.models import Case, CasePhone, Unit
from ui import operations
from ui.board.task_dialog import CaseHistoryDialog
from ui.case_list.case_list_model import (
    COL_APPLICANT,
    COL_CASE_NO,
    COL_PHONE,
    COL_REVISIT,
    COL_UNIT,
)
from ui.main_window import MainWindow
from ui.pages.case_list_page import CaseListPage

Key = Qt.Key
CASES = 3000
MASKED = re.compile(r"1\d\d\*{4}\d{4}")


@pytest.fixture(scope="module")
def city_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("city") / "city.sqlite3"
    generate(path, cases=CASES, evaluations=900, attempts=1500)
    return path


@pytest.fixture
def city_db(city_file: Path, tmp_path: Path) -> Iterator[Database]:
    copy = tmp_path / "city.sqlite3"
    shutil.copyfile(city_file, copy)
    database = open_database(f"sqlite:///{copy}")
    yield database
    database.close()


@pytest.fixture
def page(qtbot: QtBot, city_db: Database) -> Iterator[CaseListPage]:
    """The main window on the city, switched to 案件查询 with a click, its first page shown."""
    window = MainWindow(city_db, "zh")
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    titles = [window.navigation.item(i).text() for i in range(window.navigation.count())]
    row = titles.index("案件查询")
    qtbot.mouseClick(
        window.navigation.viewport(),
        Qt.MouseButton.LeftButton,
        pos=window.navigation.visualItemRect(window.navigation.item(row)).center(),
    )
    page = window.stack.currentWidget()
    assert isinstance(page, CaseListPage)
    wait_listed(qtbot, page)
    yield page
    operations.cancel_and_wait()


def wait_listed(qtbot: QtBot, page: CaseListPage) -> None:
    """Until the search's first page and its count are on screen."""
    qtbot.waitUntil(lambda: page.model.total is not None and not page.model.loading())


def type_chinese(widget: QWidget, text: str) -> None:
    """As an input method commits what was typed (key clicks are for ASCII only)."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def shown(page: CaseListPage, column: int) -> list[str]:
    model = page.model
    return [model.index(row, column).data() for row in range(model.rowCount())]


def newest_first(database: Database, *conditions, limit: int | None = None) -> list[str]:
    with database.sessions() as session:
        return list(
            session.scalars(
                select(Case.case_no)
                .where(*conditions)
                .order_by(Case.completed_on.desc(), Case.id.desc())
                .limit(limit)
            )
        )


def test_the_list_opens_on_the_newest_cases_with_only_its_first_page(
    page: CaseListPage, city_db: Database
) -> None:
    assert page.model.rowCount() == PAGE_SIZE < CASES  # never the whole table
    assert shown(page, COL_CASE_NO) == newest_first(city_db, limit=PAGE_SIZE)
    assert page.count_label.text() == "共 3,000 件"
    assert page.search_edit.hasFocus()  # ready to type what the caller says

    phones = shown(page, COL_PHONE)
    assert all(MASKED.fullmatch(phone) for phone in phones)
    revisits = shown(page, COL_REVISIT)
    assert "未回访" in revisits
    assert any(text.endswith(("满意", "一般")) and " · " in text for text in revisits)
    with city_db.sessions() as session:
        first = session.execute(
            select(Case.applicant, Unit.name, CasePhone.e164)
            .join(Unit, Unit.id == Case.unit_id)
            .join(CasePhone, CasePhone.case_id == Case.id)
            .where(Case.case_no == shown(page, COL_CASE_NO)[0])
        ).one()
    assert shown(page, COL_APPLICANT)[0] == first.applicant
    assert shown(page, COL_UNIT)[0] == first.name
    assert phones[0] == mask_phone(first.e164)


def test_scrolling_to_the_end_loads_the_next_page(qtbot: QtBot, page: CaseListPage) -> None:
    qtbot.keyClick(page.search_edit, Key.Key_Down)
    assert page.table.hasFocus() and page.table.currentIndex().row() == 0

    qtbot.keyClick(page.table, Key.Key_End, Qt.KeyboardModifier.ControlModifier)

    qtbot.waitUntil(lambda: page.model.rowCount() == 2 * PAGE_SIZE)
    case_numbers = shown(page, COL_CASE_NO)
    assert case_numbers == newest_first(page.database, limit=2 * PAGE_SIZE)
    qtbot.wait(100)  # the view's delayed layouts run: a fetch they asked for would have begun
    # Not asked for at all (a page still loading would land after any fixed wait), while
    # there are more to fetch: the next page only once scrolled to.
    assert not page.model.loading() and page.model.canFetchMore()
    assert page.model.rowCount() == 2 * PAGE_SIZE


def test_a_name_typed_and_enter_then_enter_opens_the_case_history(
    qtbot: QtBot, page: CaseListPage, city_db: Database
) -> None:
    with city_db.sessions() as session:
        name, count = session.execute(
            select(Case.applicant, func.count())
            .group_by(Case.applicant)
            .order_by(func.count().desc(), Case.applicant)
            .limit(1)
        ).one()
    qtbot.keyClick(page.search_edit, Key.Key_Down)  # to the list, then back with Ctrl+F
    qtbot.keyClick(page.table, Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.search_edit.hasFocus()

    type_chinese(page.search_edit, name)
    qtbot.keyClick(page.search_edit, Key.Key_Return)
    wait_listed(qtbot, page)

    assert shown(page, COL_CASE_NO) == newest_first(city_db, Case.applicant == name)
    assert set(shown(page, COL_APPLICANT)) == {name}
    assert page.count_label.text() == f"按申请人找到 {count} 件"
    assert page.table.hasFocus() and page.table.currentIndex().row() == 0

    with qtbot.waitSignal(page.history_opened) as opened:
        qtbot.keyClick(page.table, Key.Key_Return)
    dialog = opened.args[0]
    assert isinstance(dialog, CaseHistoryDialog)
    qtbot.waitSignal(dialog.loaded).wait()
    case_no = shown(page, COL_CASE_NO)[0]
    assert dialog.windowTitle() == f"业务件历史 {case_no}"
    history = dialog.history_view.toPlainText()
    assert name in history and shown(page, COL_PHONE)[0] in history
    qtbot.keyClick(dialog, Key.Key_Escape)
    assert not dialog.isVisible()


def test_a_phone_number_however_written_finds_its_case(
    qtbot: QtBot, page: CaseListPage, city_db: Database
) -> None:
    with city_db.sessions() as session:
        case_no, number = session.execute(
            select(Case.case_no, CasePhone.original)
            .join(CasePhone, CasePhone.case_id == Case.id)
            .where(Case.id == 1234)
        ).one()
    qtbot.keyClicks(page.search_edit, f"+86 {number[:3]} {number[3:7]} {number[7:]}")
    qtbot.keyClick(page.search_edit, Key.Key_Return)
    wait_listed(qtbot, page)

    assert shown(page, COL_CASE_NO) == [case_no]
    assert shown(page, COL_PHONE) == [mask_phone(number)]
    assert page.count_label.text() == "按电话找到 1 件"

    # Its last four digits find it too, among the others that end so.
    qtbot.keyClick(page.table, Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(page.search_edit, number[-4:])
    qtbot.keyClick(page.search_edit, Key.Key_Return)
    wait_listed(qtbot, page)
    assert case_no in shown(page, COL_CASE_NO)
    assert all(phone.endswith(number[-4:]) for phone in shown(page, COL_PHONE))
    assert page.count_label.text().startswith("按电话尾号找到 ")


def test_typing_the_start_of_a_case_number_searches_by_itself(
    qtbot: QtBot, page: CaseListPage, city_db: Database
) -> None:
    prefix = newest_first(city_db, limit=1)[0][:10]  # JN + the day it was completed

    qtbot.keyClicks(page.search_edit, prefix)  # no Enter: the search starts after a pause

    qtbot.waitUntil(lambda: page.model.current_search().text == prefix)
    wait_listed(qtbot, page)
    assert shown(page, COL_CASE_NO) == newest_first(city_db, Case.case_no.startswith(prefix))
    assert page.search_edit.hasFocus()  # typing goes on where it was

    qtbot.keyClick(page.search_edit, Key.Key_Escape)  # clears the search: every case again
    wait_listed(qtbot, page)
    assert page.search_edit.text() == ""
    assert page.count_label.text() == "共 3,000 件"


def test_the_unit_filter_keeps_the_search_and_shows_the_units_cases(
    qtbot: QtBot, page: CaseListPage, city_db: Database
) -> None:
    qtbot.waitUntil(lambda: page.unit_combo.count() > 1)  # the units arrived
    page.unit_combo.setFocus()
    qtbot.keyClick(page.unit_combo, Key.Key_Down)
    wait_listed(qtbot, page)

    unit = page.unit_combo.currentText()
    with city_db.sessions() as session:
        unit_id = session.scalar(select(Unit.id).where(Unit.name == unit))
        count = session.scalar(
            select(func.count()).select_from(Case).where(Case.unit_id == unit_id)
        )
    assert set(shown(page, COL_UNIT)) == {unit}
    assert shown(page, COL_CASE_NO) == newest_first(city_db, Case.unit_id == unit_id, limit=200)
    assert page.count_label.text() == f"共 {count:,} 件"
