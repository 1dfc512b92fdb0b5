"""质检: a team lead draws a sample of one operator's completed calls, listens and scores each.

Alt+O 回访员 · Alt+B / Alt+T the period · Alt+Z size · Alt+E seed (blank: a new one; type one to
repeat a draw) · Alt+D draw · Alt+P an earlier sample · Alt+L the sample's calls (Enter opens one)
In the call: the Form A answers as recorded, the call facts, the recording, the scorecard:
Tab through points and notes, Alt+A full points everywhere, Alt+W the overall note,
Ctrl+S or Ctrl+Enter save, Ctrl+N (or Alt+N) the next call of the sample.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from app import clock
from app.desk.operators import operators
from app.quality.sampling import MAX_SIZE, SEED_LIMIT, DrawnQcSample, SampleRow, draw_sample
from app.quality.sampling import samples as list_samples
from app.quality.scoring import (
    NOTE_LENGTH,
    OVERALL_NOTE_LENGTH,
    ReviewDetail,
    ReviewRow,
    ScoreResult,
    review_detail,
    sample_reviews,
    score_review,
)
from app.roles import Permission, may
from app.staff import StaffMember
from app.zone import LOCAL_ZONE
from db.database import Database
from ui.operations import Progress, operation
from ui.recordings.player import RecordingPlayer
from ui.shortcuts import enter_activates, shortcuts

SUCCESS_STYLE = "color: #2e7d32; font-weight: bold;"
WARNING_STYLE = "color: #c62828; font-weight: bold;"


def _time(moment) -> str:
    return moment.astimezone(LOCAL_ZONE).strftime("%Y-%m-%d %H:%M") if moment else ""


class InspectionTab(QWidget):
    listed = Signal()  # the sample's calls are on screen
    opened = Signal()  # a call's detail is on screen
    saved = Signal()  # scores were stored

    def __init__(
        self,
        database: Database,
        current_staff: Callable[[], StaffMember | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.database = database
        self.current_staff = current_staff
        self.sample: SampleRow | DrawnQcSample | None = None
        self.rows: list[ReviewRow] = []
        self.detail: ReviewDetail | None = None
        self.points: dict[str, QSpinBox] = {}
        self.notes: dict[str, QLineEdit] = {}
        self._loaded = False
        self.player = None
        self._build()
        shortcuts(
            self,
            [
                ("Ctrl+S", self.save),
                ("Ctrl+Return", self.save),
                ("Ctrl+Enter", self.save),
                ("Ctrl+N", self.next_call),
            ],
        )
        enter_activates(self.table, self.open_selected)
        self._update_enabled()

    # --- building ---

    def _build(self) -> None:
        self.operator_combo = QComboBox()
        self.operator_combo.currentIndexChanged.connect(self.load_samples)
        self.operator_combo.setMinimumContentsLength(10)
        today = clock.today()
        first = today.replace(day=1) - timedelta(days=1)
        first = first.replace(day=1)
        self.from_edit, self.to_edit = QDateEdit(), QDateEdit()
        for edit, day in (
            (self.from_edit, first),
            (self.to_edit, today.replace(day=1) - timedelta(days=1)),
        ):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setDate(QDate(day.year, day.month, day.day))
        self.size_spin = QSpinBox()
        self.size_spin.setRange(1, MAX_SIZE)
        self.size_spin.setValue(10)
        self.seed_edit = QLineEdit()
        self.seed_edit.setPlaceholderText(self.tr("留空则随机"))
        self.seed_edit.setMaxLength(10)
        self.seed_edit.setMaximumWidth(120)
        self.draw_button = QPushButton(self.tr("抽样(&D)"))
        self.draw_button.clicked.connect(self.draw)
        top = QHBoxLayout()
        for text, widget in (
            (self.tr("回访员(&O)："), self.operator_combo),
            (self.tr("从(&B)："), self.from_edit),
            (self.tr("至(&T)："), self.to_edit),
            (self.tr("数量(&Z)："), self.size_spin),
            (self.tr("种子(&E)："), self.seed_edit),
        ):
            label = QLabel(text)
            label.setBuddy(widget)
            top.addWidget(label)
            top.addWidget(widget)
        top.addWidget(self.draw_button)
        top.addStretch(1)

        self.sample_combo = QComboBox()
        self.sample_combo.setMinimumContentsLength(30)
        self.sample_combo.activated.connect(self._sample_chosen)
        sample_label = QLabel(self.tr("抽样记录(&P)："))
        sample_label.setBuddy(self.sample_combo)
        self.sample_label = QLabel()
        second = QHBoxLayout()
        second.addWidget(sample_label)
        second.addWidget(self.sample_combo)
        second.addWidget(self.sample_label, 1)

        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("序号"),
                self.tr("业务编号"),
                self.tr("通话时间"),
                self.tr("状态"),
                self.tr("得分"),
            ]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.doubleClicked.connect(self.open_selected)
        calls_label = QLabel(self.tr("本次抽样的通话(&L)（Enter 打开）："))
        calls_label.setBuddy(self.table)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(calls_label)
        left_layout.addWidget(self.table, 1)

        self.facts_label = QLabel()
        self.facts_label.setWordWrap(True)
        self.facts_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.form_a_label = QLabel()
        self.form_a_label.setWordWrap(True)
        facts_box = QGroupBox(self.tr("通话与回访单（如实所记）"))
        facts_layout = QVBoxLayout(facts_box)
        facts_layout.addWidget(self.facts_label)
        facts_layout.addWidget(self.form_a_label)
        self.player_box = QVBoxLayout()
        facts_layout.addLayout(self.player_box)

        self.card_box = QGroupBox(self.tr("评分表"))
        # The criteria scroll (Tab brings each into view): on a 768-high screen a long card
        # keeps every line whole instead of squeezing them.
        card = QWidget()
        self.card_grid = QGridLayout(card)
        card_scroll = QScrollArea()
        card_scroll.setWidgetResizable(True)
        card_scroll.setFrameShape(QFrame.Shape.NoFrame)
        card_scroll.setWidget(card)
        QVBoxLayout(self.card_box).addWidget(card_scroll)
        self.overall_edit = QLineEdit()
        self.overall_edit.setMaxLength(OVERALL_NOTE_LENGTH)
        overall_label = QLabel(self.tr("总评(&W)："))
        overall_label.setBuddy(self.overall_edit)
        self.full_button = QPushButton(self.tr("全部满分(&A)"))
        self.full_button.clicked.connect(self.full_points)
        self.save_button = QPushButton(self.tr("保存 (Ctrl+S)"))
        self.save_button.clicked.connect(self.save)
        self.next_button = QPushButton(self.tr("下一通(&N) (Ctrl+N)"))
        self.next_button.clicked.connect(self.next_call)
        self.total_label = QLabel()
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        overall = QHBoxLayout()
        overall.addWidget(overall_label)
        overall.addWidget(self.overall_edit, 1)
        actions = QHBoxLayout()
        actions.addWidget(self.full_button)
        actions.addWidget(self.save_button)
        actions.addWidget(self.next_button)
        actions.addWidget(self.total_label)
        actions.addStretch(1)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        # The call as recorded and its recording under the list of calls; the scorecard has
        # the other side to itself (a 768-high screen shows the whole card).
        left_layout.addWidget(facts_box, 2)
        right_layout.addWidget(self.card_box, 1)
        right_layout.addLayout(overall)
        right_layout.addLayout(actions)
        right_layout.addWidget(self.message_label)

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 2)
        # The list wide enough for its five columns at 1366×768 (number, case, time, status,
        # score) and the call under it, the scorecard beside them; the divider moves.
        splitter.setSizes([520, 580])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(second)
        layout.addWidget(splitter, 1)

    def _by_id(self) -> int | None:
        staff = self.current_staff()
        return staff.id if staff is not None else None

    def _allowed(self) -> bool:
        staff = self.current_staff()
        return staff is None or may(staff.role, Permission.INSPECT_QUALITY)

    def _update_enabled(self) -> None:
        allowed = self._allowed()
        self.draw_button.setEnabled(allowed and self.operator_combo.currentData() is not None)
        has_detail = self.detail is not None and allowed
        for widget in (self.save_button, self.full_button, self.overall_edit):
            widget.setEnabled(has_detail)
        self.next_button.setEnabled(bool(self.rows))

    def staff_changed(self) -> None:
        """Another person at the seat: a refusal shown for the one before goes, and the samples
        are read again as the new person may read them."""
        self.show_message("")
        self._update_enabled()
        if self._loaded:
            self.load_samples()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._loaded:
            self.load_operators()

    def show_message(self, text: str, style: str = "") -> None:
        self.message_label.setStyleSheet(style)
        self.message_label.setText(text)

    def _refused(self, error: Exception) -> None:
        self.show_message(str(error), WARNING_STYLE)

    # --- operators and samples ---

    def load_operators(self) -> None:
        def load(session: Session, _progress: Progress) -> list[tuple[int, str]]:
            return operators(session)

        operation(self, self.database, load).on_success(self._show_operators).run()

    def _show_operators(self, people: list[tuple[int, str]]) -> None:
        self._loaded = True
        current = self.operator_combo.currentData()
        self.operator_combo.blockSignals(True)
        self.operator_combo.clear()
        for staff_id, name in people:
            self.operator_combo.addItem(name, staff_id)
        self.operator_combo.setCurrentIndex(max(0, self.operator_combo.findData(current)))
        self.operator_combo.blockSignals(False)
        self._update_enabled()
        self.load_samples()

    def load_samples(self, _index: int = 0) -> None:
        operator_id, by_id = self.operator_combo.currentData(), self._by_id()
        if operator_id is None or not self._allowed():
            return

        def load(session: Session, _progress: Progress) -> list[SampleRow]:
            return list_samples(session, operator_id=operator_id, by_id=by_id)

        def refused(error: Exception) -> None:
            # Read for the person at the seat then: if another has sat down since (the seat is
            # filled in while this was read), their own reading answers instead.
            if by_id == self._by_id():
                self._refused(error)

        operation(self, self.database, load).on_success(self._show_samples).on_failure(
            refused
        ).run()

    def _show_samples(self, rows: list[SampleRow]) -> None:
        self.sample_combo.clear()
        for row in rows:
            self.sample_combo.addItem(
                self.tr("{start} 至 {end} · 种子 {seed} · {scored}/{size} 已评").format(
                    start=row.period_start,
                    end=row.period_end,
                    seed=row.seed,
                    scored=row.scored,
                    size=row.size,
                ),
                row,
            )
        self._update_enabled()
        if _sample_id(self.sample) not in {row.id for row in rows}:
            # Another operator's sample, or none yet: the newest one's calls, listed (none
            # opened); nothing when this operator has none.
            self._clear_detail()
            if rows:
                self.show_sample(rows[0])
            else:
                self.sample = None
                self.sample_label.clear()
                self._show_rows([], None)

    def _sample_chosen(self, index: int) -> None:
        row = self.sample_combo.itemData(index)
        if row is not None:
            self.detail = None
            self.show_sample(row, then_open=0)

    def period(self) -> tuple[date, date]:
        return self.from_edit.date().toPython(), self.to_edit.date().toPython()

    def draw(self) -> None:
        if not self.draw_button.isEnabled():
            return
        text = self.seed_edit.text().strip()
        if text and not (text.isdigit() and int(text) < SEED_LIMIT):
            self.show_message(
                self.tr("种子须为 0 到 {0} 之间的整数").format(SEED_LIMIT - 1), WARNING_STYLE
            )
            return
        seed = int(text) if text else None
        operator_id, size, by_id = (
            self.operator_combo.currentData(),
            self.size_spin.value(),
            self._by_id(),
        )
        start, end = self.period()

        def work(session: Session, _progress: Progress) -> DrawnQcSample:
            return draw_sample(session, operator_id, start, end, size, seed=seed, by_id=by_id)

        operation(self, self.database, work).writing().on_success(self._drawn).on_failure(
            self._refused
        ).busy(self.draw_button).run()

    def _drawn(self, drawn: DrawnQcSample) -> None:
        self.seed_edit.setText(str(drawn.seed))
        self.show_message(
            self.tr("已抽取 {size} 通（总体 {population} 通，种子 {seed}）。").format(
                size=drawn.size, population=drawn.population, seed=drawn.seed
            ),
            SUCCESS_STYLE,
        )
        self.load_samples()
        self.detail = None
        self.show_sample(drawn, then_open=0)

    def show_sample(self, sample: SampleRow | DrawnQcSample, then_open: int | None = None) -> None:
        self.sample = sample
        sample_id = _sample_id(sample)
        self.sample_label.setText(
            self.tr("种子 {seed} · 总体 {population} 通 · 抽取 {size} 通").format(
                seed=sample.seed, population=sample.population, size=sample.size
            )
        )
        by_id = self._by_id()

        def load(session: Session, _progress: Progress) -> list[ReviewRow]:
            return sample_reviews(session, sample_id, by_id=by_id)

        operation(self, self.database, load).on_success(
            lambda rows: self._show_rows(rows, then_open)
        ).on_failure(self._refused).run()

    def _show_rows(self, rows: list[ReviewRow], then_open: int | None) -> None:
        """Lists the sample's calls; opens row `then_open` when given, else keeps the call on
        screen selected (a list refreshed after a save never takes the focus)."""
        self.rows = rows
        self.table.setRowCount(len(rows))
        for number, row in enumerate(rows):
            score = "" if row.points is None else f"{row.points}/{row.max_points}"
            if row.critical_failed:
                score += self.tr(" 关键项不合格")
            values = [
                str(row.position + 1),
                row.case_no,
                _time(row.attempted_at),
                self.tr("已评") if row.status == "scored" else self.tr("待评"),
                score,
            ]
            for column, value in enumerate(values):
                self.table.setItem(number, column, QTableWidgetItem(value))
        on_screen = self.detail.row.review_id if self.detail is not None else None
        if then_open is not None and rows:
            self.open_row(min(then_open, len(rows) - 1))
            self.table.setFocus()
        elif on_screen is not None:
            for number, row in enumerate(rows):
                if row.review_id == on_screen:
                    self.table.selectRow(number)
        self._update_enabled()
        self.listed.emit()

    # --- one call ---

    def open_selected(self) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self.rows):
            self.open_row(row)

    def open_row(self, row: int) -> None:
        review_id, by_id = self.rows[row].review_id, self._by_id()
        self.table.selectRow(row)

        def load(session: Session, _progress: Progress) -> ReviewDetail:
            return review_detail(session, review_id, viewer_id=by_id)

        operation(self, self.database, load).on_success(self._show_detail).on_failure(
            self._refused
        ).run()

    def _show_detail(self, detail: ReviewDetail) -> None:
        self.detail = detail
        row = detail.row
        facts = [
            self.tr("业务编号：{0}　受理单位：{1}　业务类型：{2}").format(
                row.case_no, detail.unit or "", detail.business_type or ""
            ),
            self.tr("回访员：{0}　拨打：{1}　时长：{2} 秒").format(
                row.operator or "",
                _time(row.attempted_at),
                detail.duration_seconds if detail.duration_seconds is not None else "—",
            ),
        ]
        if detail.answered_at or detail.ended_at or detail.telephony:
            facts.append(
                self.tr("电话：{0}　接通：{1}　挂断：{2}　通话：{3} 秒　{4}").format(
                    detail.telephony or "",
                    _time(detail.answered_at),
                    _time(detail.ended_at),
                    detail.talk_seconds if detail.talk_seconds is not None else "—",
                    detail.end_reason or "",
                )
            )
        if detail.call_note:
            facts.append(self.tr("备注：{0}").format(detail.call_note))
        self.facts_label.setText("\n".join(facts))
        answers = "　".join(f"{item}：{answer}" for item, answer in detail.form_a.items)
        suggestion = detail.form_a.suggestion or self.tr("（无）")
        self.form_a_label.setText(self.tr("回访单：{0}\n有无建议：{1}").format(answers, suggestion))
        self._show_player(row.call_attempt_id)
        self._show_card(detail)
        self._update_enabled()
        first = next(iter(self.points.values()), None)
        if first is not None:
            first.setFocus()
            first.selectAll()
        self.opened.emit()

    def _show_player(self, call_attempt_id: int) -> None:
        if self.player is None:
            self.player = RecordingPlayer(self.database, self.current_staff, self)
            self.player_box.addWidget(self.player)
        self.player.show()
        self.player.show_attempt(call_attempt_id)

    def _clear_detail(self) -> None:
        """No call open: its facts, answers, recording and scorecard go from the screen."""
        self.detail = None
        self.facts_label.clear()
        self.form_a_label.clear()
        if self.player is not None:
            self.player.stop()
            self.player.hide()
        self._clear_card()
        self._update_enabled()

    def _clear_card(self) -> None:
        while self.card_grid.count():
            item = self.card_grid.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.points, self.notes = {}, {}

    def _show_card(self, detail: ReviewDetail) -> None:
        self._clear_card()
        headers = (self.tr("标准"), self.tr("依据分值"), self.tr("得分"), self.tr("说明"))
        for column, text in enumerate(headers):
            self.card_grid.addWidget(QLabel(f"<b>{text}</b>"), 0, column)
        previous = None
        for number, line in enumerate(detail.lines, start=1):
            title = QLabel(("★ " if line.critical else "") + line.label)
            title.setWordWrap(True)
            spin = QSpinBox()
            spin.setRange(0, line.weight)
            spin.setValue(line.points if line.points is not None else line.weight)
            spin.setAccessibleName(line.label)
            spin.valueChanged.connect(self._show_total)
            title.setBuddy(spin)
            note = QLineEdit(line.note or "")
            note.setMaxLength(NOTE_LENGTH)
            note.setAccessibleName(self.tr("说明：{0}").format(line.label))
            self.card_grid.addWidget(title, number, 0)
            self.card_grid.addWidget(QLabel(self.tr("满分 {0}").format(line.weight)), number, 1)
            self.card_grid.addWidget(spin, number, 2)
            self.card_grid.addWidget(note, number, 3)
            for widget in (title, spin, note):
                widget.show()  # now, not when the layout gets to it: the focus goes to `spin`
            self.points[line.code], self.notes[line.code] = spin, note
            if previous is not None:
                QWidget.setTabOrder(previous, spin)
            QWidget.setTabOrder(spin, note)
            previous = note
        if previous is not None:
            QWidget.setTabOrder(previous, self.overall_edit)
        self.card_grid.setColumnStretch(0, 2)
        self.card_grid.setColumnStretch(3, 2)
        self.overall_edit.setText(detail.row.note or "")
        self._show_total()
        if detail.row.status == "scored":
            self.show_message(
                self.tr("已由 {0} 评分；修改后保存即为更正（留痕）。").format(
                    detail.row.reviewer or ""
                )
            )
        else:
            self.show_message("")

    def _show_total(self) -> None:
        if self.detail is None:
            return
        total = sum(spin.value() for spin in self.points.values())
        maximum = sum(line.weight for line in self.detail.lines)
        failed = [
            line.label
            for line in self.detail.lines
            if line.critical and self.points[line.code].value() < line.weight
        ]
        text = self.tr("合计 {0} / {1}").format(total, maximum)
        if failed:
            text += self.tr("　关键项不合格：将开立纠正和预防措施")
        self.total_label.setText(text)
        self.total_label.setStyleSheet(WARNING_STYLE if failed else "")

    def full_points(self) -> None:
        if self.detail is None:
            return
        for line in self.detail.lines:
            self.points[line.code].setValue(line.weight)

    def save(self) -> None:
        if self.detail is None or not self.save_button.isEnabled():
            return
        review_id, by_id = self.detail.row.review_id, self._by_id()
        points = {code: spin.value() for code, spin in self.points.items()}
        notes = {code: edit.text() for code, edit in self.notes.items()}
        note = self.overall_edit.text()

        def work(session: Session, _progress: Progress) -> ScoreResult:
            return score_review(session, review_id, points, notes=notes, note=note, by_id=by_id)

        operation(self, self.database, work).writing().on_success(self._saved).on_failure(
            self._refused
        ).busy(self.save_button).run()

    def _saved(self, result: ScoreResult) -> None:
        text = self.tr("已保存：{0} / {1}。").format(result.points, result.max_points)
        if result.capa_opened:
            text += self.tr("关键项不合格，已开立纠正和预防措施。")
        self.show_message(text, WARNING_STYLE if result.critical_failed else SUCCESS_STYLE)
        if self.detail is not None and self.detail.row.review_id == result.review_id:
            self.detail.row.status = "scored"
        if self.sample is not None:
            self.show_sample(self.sample)
        self.load_samples()
        self.saved.emit()

    def next_call(self) -> None:
        if not self.rows:
            return
        row = self.table.currentRow() + 1
        if row >= len(self.rows):
            self.show_message(self.tr("已是本次抽样的最后一通。"))
            return
        self.open_row(row)


def _sample_id(sample: SampleRow | DrawnQcSample | None) -> int | None:
    if sample is None:
        return None
    return sample.id if isinstance(sample, SampleRow) else sample.sample_id
