"""The cases behind one person's assessment figures: their work orders of the quarter, and
their commendations and the criticism slips naming them, read in the background."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QSplitter,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from app.reports.staff_assessment import (
    COMMENDATION,
    COMPLAINT,
    CRITICISM,
    DISSATISFIED,
    PraiseEntry,
    StaffFigures,
    WorkOrder,
    praise_entries,
    work_orders,
)
from db.database import Database
from ui.feedback.assessment_models import (
    COL_BUSINESS_TYPE,
    COL_PRAISE_CONTENT,
    PraiseModel,
    WorkOrdersModel,
)
from ui.feedback.tables import rows_table
from ui.operations import Progress, operation


class WorkOrdersDialog(QDialog):
    # The work orders are on screen.
    loaded = Signal()

    def __init__(
        self,
        database: Database,
        person: StaffFigures,
        year: int,
        quarter: int,
        period: str,
        parent: QWidget,
        viewer_id: int | None = None,
    ) -> None:
        super().__init__(parent)
        title = self.tr("{name} · {period}的不满意及投诉工单").format(
            name=person.name, period=period
        )
        self.setWindowTitle(title)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.resize(1000, 460)

        title_label = QLabel(title)
        title_font = title_label.font()
        title_font.setBold(True)
        title_font.setPointSizeF(title_font.pointSizeF() * 1.15)
        title_label.setFont(title_font)
        self.summary_label = QLabel(self.tr("正在读取…"))
        self.summary_label.setWordWrap(True)
        self.model = WorkOrdersModel(self)
        self.table = rows_table(self.model, (COL_BUSINESS_TYPE,), self)
        self.praise_label = QLabel()
        self.praise_label.setWordWrap(True)
        self.praise_model = PraiseModel(self)
        self.praise_table = rows_table(self.praise_model, (COL_PRAISE_CONTENT,), self)
        praise_box = QWidget()
        praise_layout = QVBoxLayout(praise_box)
        praise_layout.setContentsMargins(0, 0, 0, 0)
        praise_layout.addWidget(self.praise_label)
        praise_layout.addWidget(self.praise_table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(praise_box)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([300, 160])

        layout = QVBoxLayout(self)
        layout.addWidget(title_label)
        layout.addWidget(self.summary_label)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        self._person = person

        def read(
            session: Session, _progress: Progress
        ) -> tuple[list[WorkOrder], list[PraiseEntry]]:
            return (
                work_orders(session, year, quarter, staff_id=person.staff_id, viewer_id=viewer_id),
                praise_entries(
                    session, year, quarter, staff_id=person.staff_id, viewer_id=viewer_id
                ),
            )

        # Owned by the tab, not by the dialog: closing the dialog early must not delete the
        # operation under the database thread, which reports to it when done.
        operation(parent, database, read).on_success(self._show_rows).run()

    def _show_rows(self, found: tuple[list[WorkOrder], list[PraiseEntry]]) -> None:
        orders, praise = found
        self.model.show_rows(orders)
        self.praise_model.show_rows(praise)
        self.praise_label.setText(
            self.tr(
                "表扬 {praised} 次（其中典型 {exemplary} 次），意见箱（簿）批评 {criticised} 次"
            ).format(
                praised=sum(1 for e in praise if e.kind == COMMENDATION),
                exemplary=sum(1 for e in praise if e.exemplary),
                criticised=sum(1 for e in praise if e.kind == CRITICISM),
            )
        )
        cases = {order.case_no for order in orders if order.case_no}
        self.summary_label.setText(
            self.tr(
                "{unit}　不满意工单 {dissatisfied} 件，投诉工单 {complaints} 件，涉及业务件 {cases} 件，"
                "尚在办理 {pending} 件。"
            ).format(
                unit=self._person.unit or "",
                dissatisfied=sum(1 for o in orders if o.kind == DISSATISFIED),
                complaints=sum(1 for o in orders if o.kind == COMPLAINT),
                cases=len(cases),
                pending=sum(1 for o in orders if o.pending),
            )
        )
        self.table.setFocus()
        self.loaded.emit()
