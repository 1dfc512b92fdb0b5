"""The complaints and CAPA tabs driven as a team lead and an operator would, from the keyboard
and the mouse, checking what the screen shows and what the database holds."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QDateTime, QEvent, QSettings, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QKeyEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget
from pytestqt.qtbot import QtBot
from shiboken6 import isValid
from sqlalchemy import select

from app import clock
from app.complaints.registry import ComplaintInput, record_first_contact, register_complaint
from app.roles import Role
from app.staff import StaffMember
from db.database import Database
from db.models import CallbackTask, Complaint, CorrectiveAction, SupervisionOrder
from ui import operations
from ui.complaints.capa_tab import CapaTab
from ui.complaints.complaint_dialog import ComplaintDialog
from ui.complaints.complaint_model import COL_DEADLINE, COL_NUMBER
from ui.complaints.complaints_tab import ComplaintsTab
from ui.desk.display import ERROR_COLOR
from ui.garbage import collect_on_gui_thread
from ui.translations import use_language

from .conftest import World, at

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
LEFT = Qt.MouseButton.LeftButton


@pytest.fixture(autouse=True)
def gui(
    qapp: QApplication, qtbot: QtBot, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[None]:
    """Chinese, preferences kept out of the user's own, no collection in worker threads, and
    no background work left when the test ends: pytest-qt deletes the widgets (the work's
    parents) in its teardown hook, before any fixture is finalised."""
    folder = tmp_path_factory.mktemp("settings")
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(folder))
    collect_on_gui_thread(qapp)
    use_language("zh")
    yield
    assert not operations.busy(), "the test ended with background work still running"


class Clock:
    """The app's clock, moved by the test."""

    def __init__(self, moment: datetime) -> None:
        self.moment = moment

    @property
    def moment(self) -> datetime:
        return self._moment

    @moment.setter
    def moment(self, moment: datetime) -> None:
        self._moment = moment
        clock.set_now(moment)


class Seat:
    def __init__(self, user: StaffMember | None) -> None:
        self.user = user

    def __call__(self) -> StaffMember | None:
        return self.user


def lead(world: World) -> StaffMember:
    return StaffMember(world.lead, "王建国", Role.TEAM_LEAD)


def operator(world: World) -> StaffMember:
    return StaffMember(world.operator, "李晓燕", Role.OPERATOR)


def activate(qtbot: QtBot, widget: QWidget) -> None:
    """The widget's window takes the keyboard (its shortcuts work only then)."""
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)


@pytest.fixture
def kept() -> Iterator[list[QWidget]]:
    """The tabs under test, referenced until pytest-qt has deleted them on the GUI thread.

    A tab without a parent belongs to Python; were its last reference a closure held by a
    background operation's connection, Python could free it on the database thread, and the
    tab (with its item views) would be destroyed there: a crash. In the board a tab has a parent.
    """
    widgets: list[QWidget] = []
    yield widgets
    widgets.clear()


def show(qtbot: QtBot, tab: QWidget, kept: list[QWidget]) -> None:
    kept.append(tab)
    qtbot.addWidget(tab)
    tab.resize(1366, 768)
    with qtbot.waitSignal(tab.listed):
        tab.show()
    qtbot.waitExposed(tab)
    activate(qtbot, tab)


def type_text(widget: QWidget, text: str) -> None:
    """Type `text` into the widget, key by key, as an input method delivers Chinese (QTest's
    keyClicks knows ASCII only)."""
    for character in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, character)
            QApplication.sendEvent(widget, event)


def cell(tab, row: int, column: int, role=Qt.ItemDataRole.DisplayRole):
    return tab.model.index(row, column).data(role)


def ctrl_enter(qtbot: QtBot, dialog: QWidget) -> None:
    activate(qtbot, dialog)
    qtbot.keyClick(QApplication.focusWidget() or dialog, Qt.Key.Key_Return, CTRL)


def opened_complaint(qtbot: QtBot, tab: ComplaintsTab) -> ComplaintDialog:
    with qtbot.waitSignal(tab.complaint_opened) as opened:
        qtbot.keyClick(tab.table, Qt.Key.Key_Return)
    dialog = opened.args[0]
    qtbot.waitUntil(lambda: dialog.data is not None)
    return dialog


def step(qtbot: QtBot, dialog: ComplaintDialog, button: str):
    """Click one of the complaint window's buttons; the form it opens."""
    with qtbot.waitSignal(dialog.step_opened) as opened:
        qtbot.mouseClick(dialog.buttons[button], LEFT)
    form = opened.args[0]
    activate(qtbot, form)
    return form


def save(qtbot: QtBot, dialog: ComplaintDialog, form: QWidget) -> None:
    """Ctrl+Enter in the form; wait until the window shows what was stored."""
    with qtbot.waitSignal(dialog.loaded, timeout=10_000):
        ctrl_enter(qtbot, form)
    assert dialog.step_dialog is None  # stored: the form closed (and is deleted)


def saved_pdf(qtbot, monkeypatch, widget, click, path: Path) -> list[QUrl]:
    """Print through the save dialog (answered with `path`); the URLs opened afterwards."""
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (str(path), ""))
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    with qtbot.waitSignal(widget.pdf_saved, timeout=10_000):
        click()
    return opened


def test_register_handle_supervise_and_print(
    qtbot: QtBot, kept: list[QWidget], any_db: Database, world: World, monkeypatch, tmp_path: Path
) -> None:
    clock = Clock(at(2026, 9, 30, 10))
    tab = ComplaintsTab(any_db, Seat(lead(world)))
    show(qtbot, tab, kept)
    assert tab.count_label.text() == "共 0 件，其中逾期 0 件"

    # Ctrl+N: the registration form; the case number brings its unit, 经办人 and applicant.
    with qtbot.waitSignal(tab.register_opened) as opened:
        qtbot.keyClick(tab.table, Qt.Key.Key_N, CTRL)
    form = opened.args[0]
    activate(qtbot, form)
    assert form.received_by_edit.text() == "王建国"
    for _ in range(2):
        qtbot.keyClick(form.category_combo, Qt.Key.Key_Down)
    assert form.category_combo.currentText() == "立案处理类"
    qtbot.keyClick(form.channel_combo, Qt.Key.Key_Down)
    assert form.channel_combo.currentText() == "电话"
    qtbot.keyClicks(form.case_edit, world.case_no)
    with qtbot.waitSignal(form.case_looked_up):
        qtbot.keyClick(form.case_edit, Qt.Key.Key_Return)
    assert form.unit_combo.currentText() == "滨湖区不动产登记中心"
    assert not form.unit_combo.isEnabled()
    assert form.staff_combo.currentText() == "张伟"
    assert (form.complainant_edit.text(), form.contact_edit.text()) == ("赵志强", "13951234567")
    assert "二手房转移登记" in form.case_label.text()
    form.content_edit.setFocus()
    type_text(form.content_edit, "窗口人员态度冷淡，要求重复提交材料")
    with qtbot.waitSignal(tab.listed, timeout=10_000):
        ctrl_enter(qtbot, form)
    assert "已登记 TS2026-0001：首次联系期限 2026-10-09，答复期限 2026-10-27。" in (
        tab.message_label.text()
    )
    with any_db.sessions() as session:
        stored = session.scalars(select(Complaint)).one()
        assert (stored.number, stored.category, stored.channel, stored.case_id) == (
            "TS2026-0001",
            "filed",
            "phone",
            world.case,
        )
        assert (stored.unit_id, stored.staff_id, stored.received_at) == (
            world.binhu,
            world.handler,
            at(2026, 9, 30, 10),
        )
    assert cell(tab, 0, COL_NUMBER) == "TS2026-0001"
    assert cell(tab, 0, COL_DEADLINE) == "剩 2 个工作日"  # National Day in between

    # Two working days later the first contact is late: red, and it stays so once made.
    clock.moment = at(2026, 10, 12, 10)
    activate(qtbot, tab)
    with qtbot.waitSignal(tab.listed):
        qtbot.keyClick(tab.table, Qt.Key.Key_F5)
    assert cell(tab, 0, COL_DEADLINE) == "逾期 2 个工作日"
    assert cell(tab, 0, COL_DEADLINE, Qt.ItemDataRole.ForegroundRole).name() == ERROR_COLOR
    assert tab.count_label.text() == "共 1 件，其中逾期 1 件"

    tab.table.setFocus()
    dialog = opened_complaint(qtbot, tab)
    assert dialog.title_label.text() == "TS2026-0001　投诉 · 立案处理类 · 待联系"
    assert dialog.first_clock.text() == "期限 2026-10-09：逾期 2 个工作日"
    assert ERROR_COLOR in dialog.first_clock.styleSheet()
    assert dialog.buttons["issue"].isEnabled() and dialog.buttons["first_contact"].isEnabled()
    assert not dialog.buttons["close"].isEnabled()

    form = step(qtbot, dialog, "first_contact")
    type_text(form.text_edit, "电话联系投诉人，了解经过")
    save(qtbot, dialog, form)
    assert dialog.first_clock.text() == (
        "期限 2026-10-09，完成于 2026-10-12 10:00：逾期 2 个工作日完成"
    )
    assert not dialog.buttons["first_contact"].isEnabled()

    # The first supervision order: the unit complained about, 10 working days to reply.
    form = step(qtbot, dialog, "issue")
    assert form.unit_combo.currentText() == "滨湖区不动产登记中心"
    assert form.due_edit.date().toPython().isoformat() == "2026-10-26"
    type_text(form.opinion_edit, "请核实并书面回复")
    save(qtbot, dialog, form)
    assert dialog.orders_table.item(0, 0).text() == "第 1 次督办"
    assert dialog.buttons["issue"].text() == "再次督办(&D)"
    assert not dialog.buttons["issue"].isEnabled()
    assert "第 1 次督办尚未回复" in dialog.buttons["issue"].toolTip()

    clock.moment = at(2026, 10, 20, 15)
    form = step(qtbot, dialog, "order_reply")
    type_text(form.text_edit, "已批评教育经办人员")
    save(qtbot, dialog, form)
    form = step(qtbot, dialog, "reply")
    type_text(form.text_edit, "已核实并道歉")
    save(qtbot, dialog, form)
    form = step(qtbot, dialog, "opinion")
    qtbot.keyClick(form, Qt.Key.Key_2, ALT)  # 不满意(&2), an animated click
    qtbot.waitUntil(form.unhappy_radio.isChecked)
    form.words_edit.setFocus()
    type_text(form.words_edit, "要求书面说明")
    save(qtbot, dialog, form)
    assert dialog.values["opinion"].text() == "不满意　要求书面说明"

    # Still unhappy after the reply: the order is issued again; both are kept.
    assert dialog.buttons["issue"].isEnabled()
    form = step(qtbot, dialog, "issue")
    type_text(form.opinion_edit, "出具书面说明并当面送达")
    save(qtbot, dialog, form)
    assert [dialog.orders_table.item(r, 0).text() for r in range(2)] == [
        "第 1 次督办",
        "第 2 次督办",
    ]
    with any_db.sessions() as session:
        orders = session.execute(
            select(
                SupervisionOrder.sequence, SupervisionOrder.opinion, SupervisionOrder.reply
            ).order_by(SupervisionOrder.sequence)
        ).all()
    assert [tuple(o) for o in orders] == [
        (1, "请核实并书面回复", "已批评教育经办人员"),
        (2, "出具书面说明并当面送达", None),
    ]
    assert not dialog.buttons["close"].isEnabled()
    assert dialog.buttons["close"].toolTip() == "督办尚未回复"

    # The forms: H.1, then H.2 of the chosen (latest) order; saved, then opened.
    h1 = tmp_path / "登记表.pdf"
    urls = saved_pdf(qtbot, monkeypatch, dialog, dialog.buttons["print_h1"].click, h1)
    assert h1.read_bytes().startswith(b"%PDF") and urls == [QUrl.fromLocalFile(str(h1))]
    h2 = tmp_path / "督办表"
    saved_pdf(qtbot, monkeypatch, dialog, dialog.buttons["print_h2"].click, h2)
    assert (tmp_path / "督办表.pdf").read_bytes().startswith(b"%PDF")

    # A corrective action from the complaint.
    form = step(qtbot, dialog, "capa")
    assert form.source_combo.currentText() == "服务对象的投诉"
    assert form.complaint_edit.text() == "TS2026-0001"
    assert form.problem_edit.toPlainText() == "窗口人员态度冷淡，要求重复提交材料"
    form.owner_edit.setFocus()
    type_text(form.owner_edit, "王建国")
    save(qtbot, dialog, form)
    assert dialog.values["capas"].text().startswith("JZ2026-0001　待落实")
    with any_db.sessions() as session:
        capa = session.scalars(select(CorrectiveAction)).one()
        assert (capa.source, capa.complaint_id, capa.unit_id, capa.owner) == (
            "complaint",
            stored.id,
            world.binhu,
            "王建国",
        )

    # Esc closes the window; the list is read again.
    with qtbot.waitSignal(tab.listed):
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    # Answered, so the clock running now is the second order's reply (due 3 Nov); the late
    # first contact keeps the row red.
    assert cell(tab, 0, COL_DEADLINE) == "督办回复：剩 10 个工作日"
    assert cell(tab, 0, COL_DEADLINE, Qt.ItemDataRole.ForegroundRole).name() == ERROR_COLOR
    with any_db.sessions() as session:
        assert session.scalar(select(Complaint.status)) == "replied"


def test_an_operator_sees_why_they_may_not_supervise(
    qtbot: QtBot, kept: list[QWidget], any_db: Database, world: World, monkeypatch
) -> None:
    Clock(at(2026, 10, 13, 9))
    with any_db.sessions.begin() as session:
        register_complaint(
            session,
            ComplaintInput(
                content="收取额外费用",
                channel="letter",
                category="filed",
                address="无锡市滨湖区湖滨路1号",
                unit_id=world.binhu,
            ),
            by_id=world.operator,
            now=at(2026, 10, 12, 9),
        )
    tab = ComplaintsTab(any_db, Seat(operator(world)))
    show(qtbot, tab, kept)
    qtbot.mouseClick(
        tab.table.viewport(),
        LEFT,
        pos=tab.table.visualRect(tab.model.index(0, 0)).center(),
    )
    dialog = opened_complaint(qtbot, tab)
    assert dialog.buttons["first_contact"].isEnabled()
    assert dialog.buttons["reply"].isEnabled()
    for name in ("issue", "close", "reopen"):
        assert not dialog.buttons[name].isEnabled()
    assert dialog.buttons["issue"].toolTip() == "仅组长、管理员可以办理"

    # A contact dated before the complaint came in is refused; the form stays, nothing stored.
    form = step(qtbot, dialog, "first_contact")
    form.at_edit.setDateTime(QDateTime(2026, 10, 11, 9, 0, 0))
    type_text(form.text_edit, "电话联系")
    ctrl_enter(qtbot, form)
    qtbot.waitUntil(form.error_label.isVisible)
    assert form.error_label.text() == "时间不能早于投诉受理时间"
    assert form.at_edit.hasFocus() and form.text_edit.toPlainText() == "电话联系"
    with any_db.sessions() as session:
        assert session.scalar(select(Complaint.first_contact_at)) is None
    qtbot.keyClick(form, Qt.Key.Key_Escape)
    assert dialog.step_dialog is None
    with qtbot.waitSignal(tab.listed):
        dialog.reject()


def test_the_late_filter_and_the_red_deadline(
    qtbot: QtBot, kept: list[QWidget], any_db: Database, world: World, monkeypatch
) -> None:
    Clock(at(2026, 10, 14, 10))
    with any_db.sessions.begin() as session:

        def register(received, category="opinion"):
            return register_complaint(
                session,
                ComplaintInput(
                    content="投诉",
                    channel="phone",
                    category=category,
                    contact="13812345678",
                    unit_id=world.binhu,
                ),
                by_id=world.operator,
                now=received,
            )

        late_then = register(at(2026, 9, 30))
        record_first_contact(
            session, late_then.id, by_id=world.operator, note="电话", now=at(2026, 10, 12)
        )
        register(at(2026, 10, 8), "coordination")  # due Sat 10 Oct, never contacted
        register(at(2026, 10, 13))  # due Thu 15 Oct

    tab = ComplaintsTab(any_db, Seat(lead(world)))
    show(qtbot, tab, kept)
    deadlines = [cell(tab, r, COL_DEADLINE) for r in range(tab.model.rowCount())]
    assert deadlines == ["逾期 3 个工作日", "剩 1 个工作日", "剩 9 个工作日"]
    colors = [
        cell(tab, r, COL_DEADLINE, Qt.ItemDataRole.ForegroundRole)
        for r in range(tab.model.rowCount())
    ]
    # The third is running its reply clock, but its first contact was late: marked all the same.
    assert colors[0].name() == ERROR_COLOR and colors[1] is None
    assert colors[2].name() == ERROR_COLOR
    assert tab.count_label.text() == "共 3 件，其中逾期 2 件"

    with qtbot.waitSignal(tab.listed):
        qtbot.mouseClick(tab.late_check, LEFT, pos=tab.late_check.rect().center())
    assert tab.model.rowCount() == 2
    assert tab.count_label.text() == "共 2 件，其中逾期 2 件"
    with qtbot.waitSignal(tab.listed):
        tab.category_combo.setCurrentIndex(tab.category_combo.findText("现场协调类"))
    assert [cell(tab, r, COL_NUMBER) for r in range(tab.model.rowCount())] == ["TS2026-0002"]


def _callbacks(any_db: Database, world: World) -> None:
    with any_db.sessions.begin() as session:
        for day in (3, 10, 17):
            session.add(
                CallbackTask(
                    case_id=world.case,
                    unit_id=world.binhu,
                    reason_category="attitude",
                    opened_at=at(2026, 8, day),
                )
            )
        session.add(
            CallbackTask(
                case_id=world.case,
                unit_id=world.liangxi,
                reason_category="fees",
                opened_at=at(2026, 8, 4),
            )
        )


def test_recurring_dissatisfaction_to_a_verified_action(
    qtbot: QtBot, kept: list[QWidget], any_db: Database, world: World, monkeypatch, tmp_path: Path
) -> None:
    Clock(at(2026, 10, 8, 9))
    _callbacks(any_db, world)
    tab = CapaTab(any_db, Seat(lead(world)))
    show(qtbot, tab, kept)
    assert tab.quarter_combo.currentText() == "第 4 季度"
    with qtbot.waitSignal(tab.listed):
        qtbot.keyClick(tab.quarter_combo, Qt.Key.Key_Up)
    recurring = tab.recurring_model
    rows = [[recurring.index(r, c).data() for c in range(5)] for r in range(recurring.rowCount())]
    assert rows == [
        ["滨湖区不动产登记中心", "服务态度差", "3", "是", "尚无（需制定）"],
        ["梁溪区不动产登记中心", "收费问题", "1", "", ""],
    ]
    assert "本季度 1 项，其中 1 项尚无措施" in tab.threshold_label.text()

    qtbot.mouseClick(
        tab.recurring_table.viewport(),
        LEFT,
        pos=tab.recurring_table.visualRect(recurring.index(0, 0)).center(),
    )
    activate(qtbot, tab)
    with qtbot.waitSignal(tab.step_opened) as opened:
        qtbot.keyClick(tab.recurring_table, Qt.Key.Key_R, CTRL)
    form = opened.args[0]
    activate(qtbot, form)
    assert form.source_combo.currentText() == "反复出现的不满意"
    assert form.unit_combo.currentText() == "滨湖区不动产登记中心"
    assert form.reason_combo.currentText() == "服务态度差"
    assert (
        form.problem_edit.toPlainText()
        == "2026 年第 3 季度滨湖区不动产登记中心因“服务态度差”不满意 3 次。"
    )
    for edit, words in (
        (form.cause_edit, "窗口人员服务意识不足"),
        (form.correction_edit, "约谈窗口人员，组织服务礼仪培训"),
        (form.owner_edit, "王建国"),
    ):
        edit.setFocus()
        type_text(edit, words)
    with qtbot.waitSignal(tab.listed, timeout=10_000):
        ctrl_enter(qtbot, form)
    assert recurring.index(0, 4).data() == "JZ2026-0001"
    assert tab.model.index(0, 6).data() == "待落实"
    with any_db.sessions() as session:
        capa = session.scalars(select(CorrectiveAction)).one()
        assert (capa.source, capa.unit_id, capa.reason_category, capa.status) == (
            "dissatisfaction",
            world.binhu,
            "attitude",
            "open",
        )

    # F6: carried out; F7: verified by the team lead.
    tab.table.selectRow(0)
    activate(qtbot, tab)
    with qtbot.waitSignal(tab.listed, timeout=10_000):
        qtbot.keyClick(tab.table, Qt.Key.Key_F6)
    assert tab.model.index(0, 6).data() == "已完成待验证"
    with qtbot.waitSignal(tab.step_opened) as opened:
        qtbot.keyClick(tab.table, Qt.Key.Key_F7)
    form = opened.args[0]
    activate(qtbot, form)
    qtbot.keyClick(form, Qt.Key.Key_1, ALT)  # 有效(&1), an animated click
    qtbot.waitUntil(form.effective_radio.isChecked)
    form.verification_edit.setFocus()
    type_text(form.verification_edit, "抽查窗口录像，服务规范")
    with qtbot.waitSignal(tab.listed, timeout=10_000):
        ctrl_enter(qtbot, form)
    assert tab.model.index(0, 6).data() == "验证有效"
    with any_db.sessions() as session:
        capa = session.scalars(select(CorrectiveAction)).one()
        assert (capa.status, capa.effective, capa.verified_by) == ("verified", True, "王建国")

    pdf = tmp_path / "附录I.pdf"
    tab.table.selectRow(0)
    activate(qtbot, tab)
    urls = saved_pdf(
        qtbot, monkeypatch, tab, lambda: qtbot.keyClick(tab.table, Qt.Key.Key_P, CTRL), pdf
    )
    assert pdf.read_bytes().startswith(b"%PDF") and urls == [QUrl.fromLocalFile(str(pdf))]


def test_an_operator_may_not_verify(
    qtbot: QtBot, kept: list[QWidget], any_db: Database, world: World, monkeypatch
) -> None:
    Clock(at(2026, 10, 8, 9))
    tab = CapaTab(any_db, Seat(operator(world)))
    show(qtbot, tab, kept)
    assert tab.buttons["new"].isEnabled()
    assert not tab.buttons["verify"].isEnabled()
    assert tab.buttons["verify"].toolTip() == "仅组长、管理员可以验证"


def test_closing_the_form_while_a_case_is_looked_up(
    qtbot: QtBot, kept: list[QWidget], any_db: Database, world: World, monkeypatch
) -> None:
    Clock(at(2026, 10, 12, 10))
    tab = ComplaintsTab(any_db, Seat(operator(world)))
    show(qtbot, tab, kept)
    with qtbot.waitSignal(tab.register_opened) as opened:
        qtbot.keyClick(tab.table, Qt.Key.Key_N, CTRL)
    form = opened.args[0]
    activate(qtbot, form)
    qtbot.keyClicks(form.case_edit, world.case_no)
    qtbot.keyClick(form.case_edit, Qt.Key.Key_Return)  # the lookup starts …
    qtbot.keyClick(form, Qt.Key.Key_Escape)  # … and the form is closed at once
    assert tab.register_dialog is None
    qtbot.waitUntil(lambda: not isValid(form))  # deleted once the lookup has finished
    assert not operations.busy()


def test_enter_in_the_case_number_finds_the_case_and_does_not_register(
    qtbot: QtBot, kept: list[QWidget], any_db: Database, world: World
) -> None:
    """As the field's hint says, Enter looks the case up; it does not also press 登记."""
    Clock(at(2026, 10, 12, 10))
    tab = ComplaintsTab(any_db, Seat(lead(world)))
    show(qtbot, tab, kept)
    with qtbot.waitSignal(tab.register_opened) as opened:
        qtbot.keyClick(tab.table, Qt.Key.Key_N, CTRL)
    form = opened.args[0]
    activate(qtbot, form)
    qtbot.keyClick(form, Qt.Key.Key_B, ALT)  # 关联业务编号(&B)
    assert QApplication.focusWidget() is form.case_edit
    submitted: list[object] = []
    form.submitted.connect(submitted.append)
    qtbot.keyClicks(form.case_edit, world.case_no)
    with qtbot.waitSignal(form.case_looked_up):
        qtbot.keyClick(form.case_edit, Qt.Key.Key_Return)
    assert form.staff_combo.currentText() == "张伟"
    assert submitted == []
    assert not form.error_label.isVisible()  # no "请填写投诉内容。"
    assert form.isVisible() and QApplication.focusWidget() is form.case_edit
    form.reject()
    qtbot.waitUntil(lambda: not operations.busy())
    with any_db.sessions() as session:
        assert session.scalars(select(Complaint)).all() == []
