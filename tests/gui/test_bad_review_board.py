"""A 差评 worked on the team lead's board from the keyboard: 核实 (Ctrl+K), 申诉 with evidence
(Ctrl+P), 复核结论 (Ctrl+D), 整改计划 (Ctrl+G), 整改完成 (Ctrl+T), 反馈评价人 (Ctrl+B), 结案
(Ctrl+J); a late clock in red on the board and in the dialog; what an operator may do; and the
board's 解决 asking a still-unhappy respondent's reason as the call desk does."""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.bad_reviews import process as p
from app.zone import LOCAL_ZONE
from db.database import Database
from db.models import AuditEntry, BadReview, BadReviewEvidence, CallbackTask, Evaluation
from tests.callbacks import helpers as h
from tests.callbacks.bad_reviews import bad_review, png
from ui import operations
from ui.board.bad_review_dialogs import (
    AppealDialog,
    ConfirmDialog,
    DecisionDialog,
    FeedbackDialog,
    PlanDialog,
    VerifyDialog,
)
from ui.board.board_model import COL_DEADLINE, COL_KIND, COL_LEFT, COL_REFERENCE
from ui.board.step_dialogs import ReasonDialog, ResolveDialog
from ui.board.task_dialog import TaskDialog
from ui.current_user import save_user_name
from ui.desk.display import ERROR_COLOR
from ui.main_window import MainWindow
from ui.pages.board_page import BoardPage

from .helpers import type_text

TODAY = date(2026, 10, 13)
Key = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier


@pytest.fixture
def board_db(sqlite_db: Database) -> Database:
    """BR-1: a 差评 of Fri 9 October waiting for 核实. BR-2: a 差评 whose callback is resolved,
    found true on 28 September, its rectification planned for Mon 12 October: late today.
    LX-3: a callback of a 服务态度 不满意 (not a 差评)."""
    with sqlite_db.sessions.begin() as session:
        people = h.people(session)
        lixia = h.unit(session, "历下区登记中心")
        bad_review(session, lixia, "BR-1", h.local(2026, 10, 9), completed_on=date(2026, 10, 9))
        late = bad_review(
            session, lixia, "BR-2", h.local(2026, 9, 28), completed_on=date(2026, 9, 25)
        )
        session.get(CallbackTask, late.task_id).status = "resolved"
        p.verify(
            session,
            late.review_id,
            by_id=people.lead,
            found_true=True,
            found_reasonable=True,
            malicious=False,
            verification="属实",
            now=h.local(2026, 9, 28, 11),
        )
        p.plan_rectification(
            session,
            late.review_id,
            by_id=people.lead,
            measures="一次告知清单",
            owner="王科长",
            by=date(2026, 10, 12),
            now=h.local(2026, 9, 28, 12),
        )
        h.callback(session, lixia, "LX-3", h.local(2026, 10, 12))
    return sqlite_db


@pytest.fixture
def page(qtbot: QtBot, board_db: Database, stop_clock, window: MainWindow) -> BoardPage:
    stop_clock(datetime.combine(TODAY, time(10), LOCAL_ZONE))
    save_user_name("张组长")
    (page,) = [p for p in window.pages if isinstance(p, BoardPage)]
    window.navigation.setCurrentRow(window.pages.index(page))
    qtbot.waitUntil(lambda: page.staff is not None and not operations.busy())
    yield page
    save_user_name(None)


def idle(qtbot: QtBot) -> None:
    qtbot.waitUntil(lambda: not operations.busy())


def shown(page: BoardPage) -> list[str]:
    model = page.board_tab.model
    return [model.index(row, COL_REFERENCE).data() for row in range(model.rowCount())]


def open_item(qtbot: QtBot, page: BoardPage, reference: str) -> TaskDialog:
    tab = page.board_tab
    tab.table.setFocus()
    tab.table.selectRow(shown(page).index(reference))
    with qtbot.waitSignal(tab.item_opened) as opened:
        press(qtbot, tab.table, Key.Key_Return)
    dialog = opened.args[0]
    assert isinstance(dialog, TaskDialog)
    qtbot.waitUntil(lambda: dialog.summary is not None)
    idle(qtbot)
    return dialog


def press(qtbot: QtBot, widget: QWidget, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    """A key as a person presses it: on the window that has the focus."""
    window = widget.window()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(widget, key, modifier)


def step(qtbot: QtBot, dialog: TaskDialog, keys: str, kind: type) -> QWidget:
    """Open a step's form with its shortcut on the dialog."""
    press(qtbot, dialog, getattr(Key, f"Key_{keys}"), CTRL)
    form = dialog.step_dialog
    assert isinstance(form, kind), form
    qtbot.waitExposed(form)
    form.activateWindow()
    qtbot.waitUntil(form.isActiveWindow)
    return form


def store(qtbot: QtBot, dialog: TaskDialog, form: QWidget) -> None:
    """Ctrl+Enter on the form; return once the step is stored and the dialog reloaded."""
    with qtbot.waitSignal(dialog.task_changed), qtbot.waitSignal(dialog.loaded):
        press(qtbot, form, Key.Key_Return, CTRL)
    idle(qtbot)
    assert dialog.step_dialog is None


def enabled(dialog: TaskDialog) -> set[str]:
    return {name for name, button in dialog.review_buttons.items() if button.isEnabled()}


def test_a_bad_review_from_verification_to_closing_by_keys(
    qtbot: QtBot, page: BoardPage, board_db: Database, tmp_path: Path, monkeypatch
) -> None:
    assert page.staff.name == "张组长"
    assert shown(page)[0] == "BR-2"  # overdue first
    dialog = open_item(qtbot, page, "BR-1")
    assert dialog.review_frame.isVisible()
    assert "差评处理：待核实" in dialog.review_label.text()
    assert enabled(dialog) == {p.STEP_VERIFY}

    # 核实 (Ctrl+K): 2 不属实, 2 不合理, 2 恶意, then what was found and why malicious.
    verify = step(qtbot, dialog, "K", VerifyDialog)
    assert QApplication.focusWidget() is verify.true_row
    for row in (verify.true_row, verify.reasonable_row, verify.malicious_row):
        qtbot.keyClick(row, "2")
    assert verify.reason_edit.isVisible()
    type_text(qtbot, verify.verification_edit, "调取窗口录像：申请人当日材料不全，已一次告知")
    type_text(qtbot, verify.reason_edit, "评价人以差评要挟，要求当日加急办结")
    store(qtbot, dialog, verify)
    assert "差评处理：待申诉或整改" in dialog.review_label.text()
    assert "核实：不属实，不合理，恶意评价；调取窗口录像" in dialog.review_label.text()
    assert enabled(dialog) == {p.STEP_APPEAL, p.STEP_PLAN}

    # 申诉 (Ctrl+P): the reasons, and a screenshot chosen with Alt+A.
    evidence = tmp_path / "录像截图.png"
    evidence.write_bytes(png(2))
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(evidence)], ""))
    appeal = step(qtbot, dialog, "P", AppealDialog)
    type_text(qtbot, appeal.reasons_edit, "录像显示窗口已一次告知，评价不属实")
    press(qtbot, appeal, Key.Key_A, ALT)  # a button's mnemonic clicks it a moment later
    qtbot.waitUntil(lambda: appeal.paths() == [evidence])
    store(qtbot, dialog, appeal)
    text = dialog.review_label.text()
    assert "差评处理：申诉复核中" in text and "证据 1 份" in text
    assert "复核期限 2026-10-16（剩 3 个工作日）" in text
    assert "录像截图.png" in dialog.history_view.toPlainText()  # opens from the history

    # 复核结论 (Ctrl+D): the lead who filed it cannot decide it herself…
    decide = step(qtbot, dialog, "D", DecisionDialog)
    qtbot.keyClick(decide.upheld_row, "2")  # 申诉不成立: the review stands
    qtbot.keyClick(decide.decider_row, "1")  # 组长复核
    type_text(qtbot, decide.opinion_edit, "录像不能证明评价人要挟")
    press(qtbot, decide, Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: decide.error_label.isVisible())
    idle(qtbot)
    assert decide.error_label.text().startswith("提出申诉的人不能复核自己的申诉")
    assert QApplication.focusWidget() is decide.decider_row
    # …she records the city bureau's.
    qtbot.keyClick(decide.decider_row, "2")
    type_text(qtbot, decide.bureau_edit, "市局考核办")
    store(qtbot, dialog, decide)
    assert "差评处理：整改中" in dialog.review_label.text()
    assert "申诉不成立，差评成立（市局复核：市局考核办）" in dialog.review_label.text()

    # 整改计划 (Ctrl+G): what, who; the date proposed is the rule's deadline.
    plan = step(qtbot, dialog, "G", PlanDialog)
    assert plan.by_edit.date().toPython() == date(2026, 11, 3)  # 15 working days from Oct 13
    type_text(qtbot, plan.measures_edit, "窗口张贴一次告知清单")
    type_text(qtbot, plan.owner_edit, "受理科 王科长")
    store(qtbot, dialog, plan)
    assert "完成期限 2026-11-03（剩 15 个工作日）" in dialog.review_label.text()

    # 整改完成 (Ctrl+T), 反馈评价人 (Ctrl+B), 结案 (Ctrl+J).
    done = step(qtbot, dialog, "T", ReasonDialog)
    type_text(qtbot, done.text_edit, "清单已张贴")
    store(qtbot, dialog, done)
    feedback = step(qtbot, dialog, "B", FeedbackDialog)
    type_text(qtbot, feedback.text_edit, "已电话告知整改情况")
    qtbot.keyClick(feedback.satisfied_row, "1")
    store(qtbot, dialog, feedback)
    assert "差评处理：待结案" in dialog.review_label.text()
    closing = step(qtbot, dialog, "J", ConfirmDialog)
    store(qtbot, dialog, closing)
    assert "差评处理：已结案" in dialog.review_label.text() and enabled(dialog) == set()
    history = dialog.history_view.toPlainText()
    for title in (
        "差评核实",
        "提出申诉",
        "申诉复核",
        "制定整改",
        "整改完成",
        "反馈评价人",
        "差评结案",
    ):
        assert title in history
    dialog.reject()

    with board_db.sessions() as session:
        review = session.scalar(
            select(BadReview).join(CallbackTask).where(CallbackTask.status == "open").limit(1)
        )
        assert review.stage == p.CLOSED and review.appeal_decider_name == "市局考核办"
        assert (review.rectify_owner, review.rectify_by) == ("受理科 王科长", date(2026, 11, 3))
        assert review.feedback_satisfied is True and review.feedback_means == "phone"
        assert session.scalar(select(BadReviewEvidence)) is not None
        actions = session.scalars(
            select(AuditEntry.action)
            .where(AuditEntry.entity == "bad_review", AuditEntry.entity_uid == review.uid)
            .order_by(AuditEntry.id)
        ).all()
    assert actions == [
        "bad_review.verify",
        "bad_review.appeal",
        "bad_review.decide",
        "bad_review.plan",
        "bad_review.rectified",
        "bad_review.feedback",
        "bad_review.close",
    ]


def test_a_late_clock_is_red_on_the_board_and_in_the_dialog(qtbot: QtBot, page: BoardPage) -> None:
    model = page.board_tab.model
    row = shown(page).index("BR-2")
    assert model.index(row, COL_KIND).data() == "差评"
    assert model.index(row, COL_LEFT).data() == "超期 1"
    assert "2026-10-12" in model.index(row, COL_DEADLINE).data()
    assert "整改" in model.index(row, COL_DEADLINE).data()
    colour = model.index(row, COL_REFERENCE).data(Qt.ItemDataRole.ForegroundRole).color()
    assert colour.name() == ERROR_COLOR
    on_time = shown(page).index("BR-1")
    assert model.index(on_time, COL_LEFT).data(Qt.ItemDataRole.ForegroundRole) is None
    assert "超期" in page.board_tab.count_label.text()

    dialog = open_item(qtbot, page, "BR-2")
    text = dialog.review_label.text()
    assert f"color:{ERROR_COLOR}" in text and "完成期限 2026-10-12（逾期 1 个工作日）" in text
    dialog.reject()


def test_an_operator_records_the_work_but_not_the_decisions(qtbot: QtBot, page: BoardPage) -> None:
    combo = page.user_combo
    index = next(i for i in range(combo.count()) if combo.itemText(i).startswith("王芳"))
    with qtbot.waitSignal(page.board_tab.listed):
        combo.setCurrentIndex(index)
        combo.activated.emit(index)
    idle(qtbot)
    dialog = open_item(qtbot, page, "BR-2")
    assert enabled(dialog) == {p.STEP_RECTIFIED}
    assert dialog.review_buttons[p.STEP_PLAN].toolTip() == "仅限组长、管理员"
    press(qtbot, dialog, Key.Key_G, CTRL)  # the key of a step not hers does nothing
    assert dialog.step_dialog is None
    dialog.reject()

    dialog = open_item(qtbot, page, "BR-1")
    assert enabled(dialog) == set()
    assert dialog.review_buttons[p.STEP_VERIFY].toolTip() == "仅限组长、管理员"
    dialog.reject()

    dialog = open_item(qtbot, page, "LX-3")  # not a 差评: no 差评 steps at all
    assert not dialog.review_frame.isVisible()
    dialog.reject()


def test_resolving_still_unhappy_on_the_board_asks_the_reason_as_the_desk_does(
    qtbot: QtBot, page: BoardPage, board_db: Database
) -> None:
    dialog = open_item(qtbot, page, "LX-3")
    resolving = step(qtbot, dialog, "R", ResolveDialog)
    form = resolving.form
    assert not form.dissatisfaction_box.isVisible()
    rows = [*form.rows.values(), form.integrity_row]
    for row, key in zip(rows, "42221", strict=True):  # 总体 不满意 …, 廉洁 没有
        qtbot.keyClick(row, key)
    assert form.dissatisfaction_box.isVisible()
    resolving.explanation_edit.setPlainText("已解释办理时限")
    press(qtbot, resolving, Key.Key_Return, CTRL)
    qtbot.waitUntil(resolving.error_label.isVisible)
    idle(qtbot)
    assert resolving.error_label.text() == "有“不满意”的评价时，请选择不满意原因类别"
    assert QApplication.focusWidget() is form.category_row
    qtbot.keyClick(form.category_row, "1")  # 办事效率慢
    type_text(qtbot, form.dissatisfaction_details, "仍觉得等得太久")
    store(qtbot, dialog, resolving)
    with board_db.sessions() as session:
        task = session.get(CallbackTask, dialog.task_id)
        second = session.get(Evaluation, task.second_evaluation_id)
    assert (task.status, second.round, second.overall) == ("resolved", 2, "dissatisfied")
    assert second.original == {
        "form": "A",
        "reason_category": "efficiency",
        "words": "仍觉得等得太久",
    }
    assert "二次回访不满意原因：办事效率慢" in dialog.history_view.toPlainText()
    dialog.reject()
