"""The units' feedback lists and the staff assessment (J 5.4.4) as Excel workbooks (XlsxWriter):
a summary sheet first, then the lists behind it, ready to print and circulate. The staff
assessment ends with the operators' quality inspection of the quarter's calls (回访质检, issue 22).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from app import spreadsheets
from app.quality.figures import QcFigures
from app.reports.staff_assessment import StaffAssessment, WorkOrder
from app.reports.unit_feedback import SOURCE_LABELS, SOURCES, FeedbackReport, UnitFeedback

SUMMARY_SHEET = "汇总"
ASSESSMENT_SHEET = "考核汇总"
WORK_ORDER_SHEET = "工单明细"
QUALITY_SHEET = "回访质检"


@dataclass(frozen=True)
class Column:
    title: str
    width: float  # Excel character units
    kind: str = "text"  # text / long (wrapped) / int / date / percent (a share 0–1)


SUMMARY_COLUMNS = (
    Column("受理单位（登记大厅）", 30),
    Column("所属区县", 10),
    *(Column(SOURCE_LABELS[source], 10, "int") for source in SOURCES),
    Column("合计", 8, "int"),
    Column("尚在办理", 10, "int"),
)
ENTRY_COLUMNS = (
    Column("序号", 6, "int"),
    Column("类别", 11),
    Column("日期", 11, "date"),
    Column("业务编号", 20),
    Column("办理事项类型", 14, "long"),
    Column("渠道", 11),
    Column("内容", 40, "long"),
    Column("原因/分类", 12, "long"),
    Column("经办人/被投诉人员", 11),
    Column("处理状态", 11),
    Column("处理情况", 36, "long"),
    Column("投诉编号", 14),
)
ENTRY_STATUS = [c.title for c in ENTRY_COLUMNS].index("处理状态")
ASSESSMENT_COLUMNS = (
    Column("排名", 6, "int"),
    Column("经办人", 12),
    Column("所属单位", 30),
    Column("不满意工单", 11, "int"),
    Column("投诉工单", 11, "int"),
    Column("合计", 8, "int"),
)
WORK_ORDER_COLUMNS = (
    Column("序号", 6, "int"),
    Column("经办人", 10),
    Column("所属单位", 24, "long"),
    Column("工单类型", 11),
    Column("业务编号", 20),
    Column("办理事项类型", 14, "long"),
    Column("办结日期", 11, "date"),
    Column("工单日期", 11, "date"),
    Column("投诉编号", 14),
    Column("原因/分类", 14, "long"),
    Column("计入原因", 12),
    Column("办理状态", 11),
)

# The titles of the monthly analysis's operator columns (app.reports.monthly_xlsx).
QUALITY_COLUMNS = (
    Column("回访员", 14),
    Column("质检通话数", 12, "int"),
    Column("质检平均得分率", 14, "percent"),
    Column("关键项不合格数", 14, "int"),
)


class _Formats:
    def __init__(self, book: Workbook) -> None:
        # 宋体 is what Chinese government offices expect in circulated spreadsheets.
        base = {"font_name": "宋体", "font_size": 11, "valign": "vcenter"}
        cell = {**base, "border": 1}
        self.title = book.add_format(
            {**base, "font_name": "黑体", "font_size": 16, "bold": True, "align": "center"}
        )
        self.subtitle = book.add_format({**base, "align": "center"})
        self.info = book.add_format(base)
        self.note = book.add_format({**base, "text_wrap": True, "valign": "top"})
        self.footer = book.add_format({**base, "italic": True, "font_color": "#595959"})
        self.header = book.add_format(
            {**cell, "bold": True, "align": "center", "text_wrap": True, "bg_color": "#D9E1F2"}
        )
        self.text = book.add_format(cell)
        self.long = book.add_format({**cell, "text_wrap": True})
        self.int = book.add_format({**cell, "align": "center"})
        self.date = book.add_format({**cell, "num_format": "yyyy-mm-dd", "align": "center"})
        self.pending = book.add_format({**cell, "font_color": "#C00000", "bold": True})
        self.total = book.add_format({**cell, "bold": True, "bg_color": "#F2F2F2"})
        self.total_int = book.add_format(
            {**cell, "bold": True, "bg_color": "#F2F2F2", "align": "center"}
        )
        self.empty = book.add_format({**cell, "align": "center", "font_color": "#595959"})
        self.percent = book.add_format({**cell, "num_format": "0.0%", "align": "center"})
        self.total_percent = book.add_format(
            {**cell, "bold": True, "bg_color": "#F2F2F2", "num_format": "0.0%", "align": "center"}
        )


def sheet_name(name: str, taken: set[str]) -> str:
    """A valid, unused Excel sheet name for `name` (31 characters, none of []:*?/\\)."""
    clean = re.sub(r"[\[\]:*?/\\]", "_", name).strip("'") or "单位"
    candidate = clean[:31]
    number = 2
    while candidate.lower() in {t.lower() for t in taken}:
        suffix = f"({number})"
        candidate = clean[: 31 - len(suffix)] + suffix
        number += 1
    taken.add(candidate)
    return candidate


# The units' feedback


def feedback_title(report: FeedbackReport) -> str:
    return f"{report.period}回访建议、投诉及不满意情况反馈"


def feedback_notes(report: FeedbackReport) -> list[str]:
    return [
        "依据：系统将回访相关建议和投诉及时反馈各受理单位和登记大厅，由各单位组织自行整改"
        "（J 5.4.4）。",
        "评价建议：统计期间内给出的评价（不论渠道、轮次）中填写的“有无建议/评价内容”；业务件已开展"
        "二次回访的，处理情况为该二次回访的结果，否则为“已反馈单位”；与不满意回访记录的反映内容相同的，"
        "只在不满意回访中列出。",
        "投诉、意见建议：统计期间内登记的投诉和建议，归属被投诉网点，未填网点的归属其业务件的受理"
        "单位；处理情况为答复内容。",
        "不满意回访：统计期间内因“不满意”评价开启的二次回访（J 5.3.2、5.3.3），处理情况为解决说明"
        "或最近一次沟通内容。",
        "尚在办理：投诉未办结、二次回访未解决或未关闭的件数。",
    ]


def write_feedback_xlsx(report: FeedbackReport, path: Path) -> None:
    """A summary sheet of every unit's counts, then one sheet per unit with its list."""
    with spreadsheets.workbook(path) as book:
        formats = _Formats(book)
        taken = {SUMMARY_SHEET}
        _feedback_summary(book.add_worksheet(SUMMARY_SHEET), formats, report)
        for unit in report.units:
            _unit_sheet(book.add_worksheet(sheet_name(unit.unit, taken)), formats, report, unit)


def _feedback_summary(sheet: Worksheet, f: _Formats, report: FeedbackReport) -> None:
    row = _heading(sheet, f, SUMMARY_COLUMNS, feedback_title(report), _period_line(report))
    header = row
    row = _header_row(sheet, f, SUMMARY_COLUMNS, row)
    for unit in report.units:
        values = [unit.unit, unit.district or "", *map(unit.count, SOURCES)]
        _write_row(sheet, f, SUMMARY_COLUMNS, row, [*values, unit.total, unit.pending])
        row += 1
    totals = [
        "合计",
        "",
        *(sum(u.count(source) for u in report.units) for source in SOURCES),
        sum(u.total for u in report.units),
        sum(u.pending for u in report.units),
    ]
    for col, value in enumerate(totals):
        sheet.write(row, col, value, f.total if col < 2 else f.total_int)
    row = _notes(sheet, f, SUMMARY_COLUMNS, row + 2, feedback_notes(report))
    _footer(sheet, f, SUMMARY_COLUMNS, row + 1, report.generated_at)
    _page_setup(sheet, header, len(SUMMARY_COLUMNS), row + 1)


def _unit_sheet(sheet: Worksheet, f: _Formats, report: FeedbackReport, unit: UnitFeedback) -> None:
    counts = "，".join(f"{SOURCE_LABELS[s]} {unit.count(s)} 件" for s in SOURCES)
    info = (
        f"受理单位（登记大厅）：{unit.unit}　　所属区县：{unit.district or '—'}　　"
        f"{counts}，尚在办理 {unit.pending} 件"
    )
    row = _heading(sheet, f, ENTRY_COLUMNS, f"{unit.unit} · {feedback_title(report)}", info)
    header = row
    row = _header_row(sheet, f, ENTRY_COLUMNS, row)
    for number, entry in enumerate(unit.entries, start=1):
        values = [
            number,
            entry.source_label,
            entry.on,
            entry.case_no or "",
            entry.business_type or "",
            entry.channel,
            entry.content,
            entry.category,
            entry.staff or "",
            entry.status,
            entry.action,
            entry.reference or "",
        ]
        _write_row(sheet, f, ENTRY_COLUMNS, row, values)
        if entry.pending:
            sheet.write_string(row, ENTRY_STATUS, entry.status, f.pending)
        row += 1
    if not unit.entries:
        last = len(ENTRY_COLUMNS) - 1
        sheet.merge_range(row, 0, row, last, "本期没有建议、投诉或不满意回访。", f.empty)
        row += 1
    _footer(sheet, f, ENTRY_COLUMNS, row + 1, report.generated_at)
    _page_setup(sheet, header, len(ENTRY_COLUMNS), row + 1)


def _period_line(report: FeedbackReport) -> str:
    scope = report.unit or "全市各受理单位"
    return (
        f"统计期间：{report.start.isoformat()} 至 {report.end.isoformat()}（北京时间，含首尾两日）"
        f"　　范围：{scope}"
    )


# The staff assessment


def assessment_title(assessment: StaffAssessment) -> str:
    return f"{assessment.period}经办人员回访不满意及投诉工单统计"


def assessment_notes() -> list[str]:
    return [
        "依据：对回访不满意及投诉工单所涉及的相关工作人员进行考核计分（J 5.4.4）。",
        "不满意工单：本季度内开启的、业务件由本人经办的二次回访（因“不满意”评价开启）。",
        "投诉工单：本季度内受理的投诉（不含建议），业务件由本人经办，或被投诉人员为本人；"
        "同一投诉对同一人只计一次，涉及两人的分别计入。",
        "排名：按合计从多到少排列，合计相同的名次相同；只列出本季度有工单的人员。",
    ]


def write_assessment_xlsx(
    assessment: StaffAssessment, orders: Sequence[WorkOrder], path: Path
) -> None:
    """The ranking of the quarter, every work order behind it, then the operators' quality
    inspection of the quarter's calls."""
    with spreadsheets.workbook(path) as book:
        formats = _Formats(book)
        _assessment_sheet(book.add_worksheet(ASSESSMENT_SHEET), formats, assessment)
        _work_order_sheet(book.add_worksheet(WORK_ORDER_SHEET), formats, assessment, orders)
        _quality_sheet(book.add_worksheet(QUALITY_SHEET), formats, assessment)


def _assessment_sheet(sheet: Worksheet, f: _Formats, assessment: StaffAssessment) -> None:
    period = f"统计期间：{assessment.start.isoformat()} 至 {assessment.end.isoformat()}（北京时间）"
    row = _heading(sheet, f, ASSESSMENT_COLUMNS, assessment_title(assessment), period)
    header = row
    row = _header_row(sheet, f, ASSESSMENT_COLUMNS, row)
    for person in assessment.staff:
        values = [
            person.rank,
            person.name,
            person.unit or "",
            person.dissatisfied,
            person.complaints,
            person.total,
        ]
        _write_row(sheet, f, ASSESSMENT_COLUMNS, row, values)
        row += 1
    if assessment.staff:
        totals = [
            "",
            "合计",
            "",
            sum(p.dissatisfied for p in assessment.staff),
            sum(p.complaints for p in assessment.staff),
            sum(p.total for p in assessment.staff),
        ]
        for col, value in enumerate(totals):
            sheet.write(row, col, value, f.total if col < 3 else f.total_int)
    else:
        last = len(ASSESSMENT_COLUMNS) - 1
        sheet.merge_range(row, 0, row, last, "本季度没有不满意或投诉工单。", f.empty)
    row = _notes(sheet, f, ASSESSMENT_COLUMNS, row + 2, assessment_notes())
    _footer(sheet, f, ASSESSMENT_COLUMNS, row + 1, assessment.generated_at)
    _page_setup(sheet, header, len(ASSESSMENT_COLUMNS), row + 1)


def _work_order_sheet(
    sheet: Worksheet, f: _Formats, assessment: StaffAssessment, orders: Sequence[WorkOrder]
) -> None:
    title = f"{assessment.period}不满意及投诉工单明细"
    row = _heading(sheet, f, WORK_ORDER_COLUMNS, title, f"共 {len(orders)} 条")
    header = row
    row = _header_row(sheet, f, WORK_ORDER_COLUMNS, row)
    units = {p.staff_id: p.unit or "" for p in assessment.staff}
    position = {p.staff_id: i for i, p in enumerate(assessment.staff)}
    ordered = sorted(orders, key=lambda o: position.get(o.staff_id, len(position)))
    for number, order in enumerate(ordered, start=1):
        values = [
            number,
            order.staff,
            units.get(order.staff_id, ""),
            order.kind_label,
            order.case_no or "",
            order.business_type or "",
            order.completed_on,
            order.on,
            order.reference or "",
            order.reason,
            order.why_text,
            order.status,
        ]
        _write_row(sheet, f, WORK_ORDER_COLUMNS, row, values)
        if order.pending:
            sheet.write_string(row, len(values) - 1, order.status, f.pending)
        row += 1
    _footer(sheet, f, WORK_ORDER_COLUMNS, row + 1, assessment.generated_at)
    _page_setup(sheet, header, len(WORK_ORDER_COLUMNS), row + 1)


def quality_title(assessment: StaffAssessment) -> str:
    return f"{assessment.period}回访员通话质检情况"


def quality_notes() -> list[str]:
    return [
        "依据：回访通话质量检查（质检，W 7.1.2），按评分表逐项评分（W 附录 D、J 附件 A、J 5.3.3）。",
        "质检通话数：本季度内拨打、已由组长评分的回访通话，不论何时评分；待评分的不计。",
        "质检平均得分率 = 得分合计 / 满分合计；合计行按全部已评分通话计算。",
        "关键项不合格数：有关键项不合格的通话数。",
        "列出本季度有已评分通话的全部回访员，不按受理单位筛选。",
    ]


def quality_average(figures: Sequence[QcFigures]) -> float | None:
    """Points over the maximum of every call of `figures`, as a share 0–1 (None without any)."""
    maximum = sum(q.max_points for q in figures)
    return sum(q.points for q in figures) / maximum if maximum else None


def _quality_sheet(sheet: Worksheet, f: _Formats, assessment: StaffAssessment) -> None:
    period = f"统计期间：{assessment.start.isoformat()} 至 {assessment.end.isoformat()}（北京时间）"
    row = _heading(sheet, f, QUALITY_COLUMNS, quality_title(assessment), period)
    header = row
    row = _header_row(sheet, f, QUALITY_COLUMNS, row)
    quality = assessment.quality
    for q in quality:
        average = q.average / 100 if q.average is not None else None
        values = [q.name, q.scored, average, q.critical_failures]
        _write_row(sheet, f, QUALITY_COLUMNS, row, values)
        row += 1
    if quality:
        sheet.write_string(row, 0, "合计", f.total)
        sheet.write_number(row, 1, sum(q.scored for q in quality), f.total_int)
        average = quality_average(quality)
        if average is None:
            sheet.write_blank(row, 2, None, f.total)
        else:
            sheet.write_number(row, 2, average, f.total_percent)
        sheet.write_number(row, 3, sum(q.critical_failures for q in quality), f.total_int)
    else:
        last = len(QUALITY_COLUMNS) - 1
        sheet.merge_range(row, 0, row, last, "本季度没有已评分的回访通话。", f.empty)
    row = _notes(sheet, f, QUALITY_COLUMNS, row + 2, quality_notes())
    _footer(sheet, f, QUALITY_COLUMNS, row + 1, assessment.generated_at)
    _page_setup(sheet, header, len(QUALITY_COLUMNS), row + 1)


# Shared layout


def _heading(
    sheet: Worksheet, f: _Formats, columns: Sequence[Column], title: str, subtitle: str
) -> int:
    """Widths, title and subtitle; returns the row of the table's header."""
    for col, column in enumerate(columns):
        sheet.set_column(col, col, column.width)
    last = len(columns) - 1
    sheet.set_row(0, 28)
    sheet.merge_range(0, 0, 0, last, title, f.title)
    sheet.merge_range(1, 0, 1, last, subtitle, f.subtitle)
    return 3


def _header_row(sheet: Worksheet, f: _Formats, columns: Sequence[Column], row: int) -> int:
    sheet.set_row(row, 30)
    sheet.write_row(row, 0, [c.title for c in columns], f.header)
    return row + 1


def _write_row(
    sheet: Worksheet, f: _Formats, columns: Sequence[Column], row: int, values: Sequence[Any]
) -> None:
    for col, (column, value) in enumerate(zip(columns, values, strict=True)):
        if value is None or value == "":
            sheet.write_blank(row, col, None, f.long if column.kind == "long" else f.text)
        elif column.kind == "date":
            sheet.write_datetime(row, col, value, f.date)
        elif column.kind == "int":
            sheet.write_number(row, col, value, f.int)
        elif column.kind == "percent":
            sheet.write_number(row, col, value, f.percent)
        else:
            # Always as a string: a respondent's "=…" must not become a formula.
            sheet.write_string(row, col, str(value), f.long if column.kind == "long" else f.text)


def _notes(
    sheet: Worksheet, f: _Formats, columns: Sequence[Column], row: int, notes: list[str]
) -> int:
    last = len(columns) - 1
    sheet.write_string(row, 0, "说明：", f.info)
    # A Chinese character is about two Excel character units wide; merged cells do not grow.
    per_line = max(10, int(sum(c.width for c in columns) / 2.2))
    for number, note in enumerate(notes, start=1):
        row += 1
        lines = max(1, -(-(len(note) + 3) // per_line))
        sheet.set_row(row, 16 * lines + 4)
        sheet.merge_range(row, 0, row, last, f"{number}. {note}", f.note)
    return row + 1


def _footer(sheet: Worksheet, f: _Formats, columns: Sequence[Column], row: int, at) -> None:
    sheet.merge_range(row, 0, row, len(columns) - 1, f"生成时间：{at:%Y年%m月%d日 %H:%M}", f.footer)


def _page_setup(sheet: Worksheet, header: int, width: int, last_row: int) -> None:
    sheet.freeze_panes(header + 1, 0)
    sheet.set_landscape()
    sheet.set_paper(9)  # A4
    sheet.set_margins(left=0.4, right=0.4, top=0.6, bottom=0.7)
    sheet.fit_to_pages(1, 0)
    sheet.repeat_rows(header)
    sheet.print_area(0, 0, last_row, width - 1)
    sheet.set_footer("&C第 &P 页，共 &N 页")
