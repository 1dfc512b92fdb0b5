"""The call desk: Ctrl+B marks Form A's suggestion as praise of the case's handler, in the same
save; the 7-key path without it is unchanged (tests/gui/test_call_desk.py)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from db.database import Database
from db.models import CallAttempt, Case, Commendation
from tests.gui.test_call_desk import CTRL, Keyboard, take_next
from ui.pages.call_desk_page import CallDeskPage

Key = Qt.Key


def answer_all_satisfied(keys: Keyboard, desk: CallDeskPage) -> None:
    for _field in ("overall", "efficiency", "attitude", "materials"):
        keys.press("1")
    keys.press("1")  # 没有
    assert QApplication.focusWidget() is desk.form.suggestion


def test_ctrl_b_marks_the_suggestion_as_praise_of_the_handler(
    qtbot: QtBot, desk: CallDeskPage, desk_db: Database
) -> None:
    keys = Keyboard(qtbot)
    take_next(qtbot, keys, desk)
    first = desk.item
    assert not desk.form.praise_button.isChecked()
    assert desk.form.praise_button.text() == "表扬 (Ctrl+B)"
    answer_all_satisfied(keys, desk)
    keys.type("经办人很耐心，表扬")
    keys.press(Key.Key_B, CTRL)
    assert desk.form.praised()
    assert desk.form.state()[0]["praise"] is True  # kept in the draft
    with qtbot.waitSignal(desk.case_saved), qtbot.waitSignal(desk.case_shown):
        keys.press(Key.Key_Return, CTRL)
    assert desk.result_label.text() == f"已保存 {first.case_no}。已记为对经办人的表扬。"
    assert not desk.form.praised()  # the next case's form starts unmarked
    with desk_db.sessions() as session:
        (made,) = session.scalars(select(Commendation)).all()
        handler = session.scalar(select(Case.handler_id).where(Case.id == first.case_id))
        attempt = session.scalar(select(CallAttempt.id).where(CallAttempt.case_id == first.case_id))
        assert (made.source, made.case_id, made.staff_id, made.call_attempt_id) == (
            "revisit",
            first.case_id,
            handler,
            attempt,
        )
        assert made.content == "经办人很耐心，表扬"


def test_praise_marked_without_words_is_asked_for_and_nothing_saved(
    qtbot: QtBot, desk: CallDeskPage, desk_db: Database
) -> None:
    keys = Keyboard(qtbot)
    take_next(qtbot, keys, desk)
    answer_all_satisfied(keys, desk)
    keys.press(Key.Key_B, CTRL)
    keys.press(Key.Key_B, CTRL)  # off again
    assert not desk.form.praised()
    keys.press(Key.Key_B, CTRL)
    keys.press(Key.Key_Return, CTRL)
    assert desk.form.error_label.isVisible()
    assert "表扬" in desk.form.error_label.text()
    assert QApplication.focusWidget() is desk.form.suggestion
    with desk_db.sessions() as session:
        assert session.scalars(select(Commendation)).all() == []
        assert session.scalars(select(CallAttempt)).all() == []
