"""The printed complaint forms of the Wuxi rules: 投诉登记表 (附录 H 表 H.1), 投诉督办表 (表 H.2)
and 纠正和预防措施记录 (附录 I). A4, Chinese, bordered like a government form; long text wraps
and, when a box outgrows the page, continues on the next one. The font is embedded.

The seed copy of DB3202/T 1005-2019 lists 附录 H and 附录 I but their tables are truncated or
missing, so these layouts are built from the fields W 7.3 and 7.4 name (channel, classification,
contact within 2 and reply within 15 working days, 督办意见 and 回复期限, 处理结果和整改情况; the
source of the problem, cause, correction, prevention, completion and verification) plus what a
Chinese government complaint register customarily holds: 编号, 投诉时间, 投诉方式, 投诉人, 联系电话,
地址, 被投诉网点/人员, 关联业务编号, 投诉内容, 分类, 受理人, 首次联系, 处理意见/答复, 投诉人意见, 办结.

The words on the paper are always Chinese, whatever language the interface speaks.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
from sqlalchemy.orm import Session

from app.atomic_file import AtomicFile
from app.audit import record_export
from app.clock import current_time
from app.complaints.clocks import Clock, ComplaintRow, complaint_row
from app.complaints.corrective import SOURCES, CapaRow, capa_row
from app.complaints.registry import CATEGORIES, CHANNELS, KINDS, SUGGESTION
from app.complaints.supervision import OrderRow, orders_of
from app.printing.fonts import register_chinese_font
from app.printing.markup import paragraph_text
from app.staff import acting_member
from app.zone import LOCAL_ZONE
from db.models import Complaint, SupervisionOrder

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = 18 * mm
WIDTH = PAGE_WIDTH - 2 * MARGIN
LABEL = 30 * mm  # the label columns; the value columns share the rest
VALUE = (WIDTH - 2 * LABEL) / 2
SPAN_VALUE = WIDTH - LABEL  # a value across the three columns right of its label
PADDING = 4
PIECE_HEIGHT = 100 * mm  # the tallest box of text: the rest continues in the next row
LABEL_FILL = colors.HexColor("#F2F2F2")
CHOSEN, NOT_CHOSEN = "■", "□"
BLANK_DATE = "&nbsp;" * 6 + "年" + "&nbsp;" * 4 + "月" + "&nbsp;" * 4 + "日"


# Text


def _day(value: date | datetime | None) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = value.astimezone(LOCAL_ZONE).date()
    return f"{value.year} 年 {value.month} 月 {value.day} 日"


def _moment(value: datetime | None) -> str:
    if value is None:
        return ""
    local = value.astimezone(LOCAL_ZONE)
    return f"{_day(local)} {local:%H:%M}"


def _choices(options: Sequence[str], chosen: str | None) -> str:
    return "&nbsp;&nbsp;&nbsp;".join(
        f"{CHOSEN if word == chosen else NOT_CHOSEN} {word}" for word in options
    )


def _coded_choices(table: dict[str, tuple[str, str]], code: str | None) -> str:
    chosen = table[code][0] if code in table else None
    return _choices([zh for zh, _en in table.values()], chosen)


def _yes_no(value: bool | None, yes: str, no: str) -> str | None:
    return None if value is None else (yes if value else no)


def _lateness(clock: Clock) -> str:
    """How a deadline ended or stands, in the form's words (always Chinese)."""
    if clock.due is None:
        return ""
    days = abs(clock.days_left) if clock.days_left is not None else None
    if clock.late:
        late = f"逾期 {days} 个工作日" if days else "逾期"
        return f"（{late}）" if clock.done else f"（未完成，{late}）"
    return "（按期）" if clock.done else ""


# Layout


def _pieces(paragraph: Paragraph, width: float, height: float) -> list[Flowable]:
    """The paragraph cut into pieces no taller than `height` (one piece when it fits)."""
    pieces: list[Flowable] = []
    rest: Flowable = paragraph
    while rest.wrap(width, PAGE_HEIGHT * 100)[1] > height:
        parts = rest.split(width, height)
        if len(parts) < 2:
            break  # cannot be cut (one enormous line): printed as it is
        pieces.append(parts[0])
        rest = parts[1]
    pieces.append(rest)
    return pieces


class _Styles:
    def __init__(self, font: str) -> None:
        self.font = font
        base = {"fontName": font, "wordWrap": "CJK"}
        self.title = ParagraphStyle("title", fontSize=18, leading=24, alignment=TA_CENTER, **base)
        self.subtitle = ParagraphStyle(
            "subtitle", fontSize=12, leading=16, alignment=TA_CENTER, **base
        )
        self.label = ParagraphStyle("label", fontSize=10.5, leading=14, alignment=TA_CENTER, **base)
        self.value = ParagraphStyle("value", fontSize=10.5, leading=15, **base)
        self.small = ParagraphStyle(
            "small", fontSize=9, leading=12, textColor=colors.HexColor("#333333"), **base
        )
        self.head = ParagraphStyle("head", fontSize=10, leading=13, **base)
        self.head_right = ParagraphStyle(
            "head_right", fontSize=10, leading=13, alignment=TA_RIGHT, **base
        )


class _Form:
    """A form's table built row by row: label and value pairs, or a label with a wide value."""

    def __init__(self, styles: _Styles) -> None:
        self.styles = styles
        self.rows: list[list[object]] = []
        self.heights: list[float | None] = []  # None: as tall as the content
        self.commands: list[tuple] = []

    def _add(self, row: list[object], height: float | None = None) -> None:
        self.rows.append(row)
        self.heights.append(height)

    def _paragraph(self, text: str) -> Paragraph:
        return Paragraph(text, self.styles.value)

    def pair(self, label: str, value: str, label2: str, value2: str) -> None:
        s = self.styles
        self._add(
            [
                Paragraph(label, s.label),
                self._paragraph(value),
                Paragraph(label2, s.label),
                self._paragraph(value2),
            ]
        )
        n = len(self.rows) - 1
        self.commands += [("BACKGROUND", (0, n), (0, n), LABEL_FILL)]
        self.commands += [("BACKGROUND", (2, n), (2, n), LABEL_FILL)]

    def wide(self, label: str, value: str, min_height: float = 0) -> None:
        """A value across the width; at least `min_height` tall, to leave room to write.

        Text too long for one box is cut into boxes of at most PIECE_HEIGHT, labelled （续）:
        the table breaks between rows, never inside a spanned cell. Each cell holds a single
        flowable: reportlab measures a list of flowables in a spanned cell at the width of its
        first column only.
        """
        inner = SPAN_VALUE - 2 * PADDING
        pieces = _pieces(self._paragraph(value), inner, PIECE_HEIGHT)
        for number, piece in enumerate(pieces):
            height = None
            if number == len(pieces) - 1 and min_height:
                needed = piece.wrap(inner, PAGE_HEIGHT)[1] + 2 * PADDING
                height = max(min_height, needed)
            title = label if number == 0 else f"{label}<br/>（续）"
            self._add([Paragraph(title, self.styles.label), piece, "", ""], height)
            n = len(self.rows) - 1
            self.commands += [
                ("SPAN", (1, n), (3, n)),
                ("VALIGN", (1, n), (3, n), "TOP"),
                ("BACKGROUND", (0, n), (0, n), LABEL_FILL),
            ]

    def full(self, content: Flowable) -> None:
        """One box across the whole width (the signatures)."""
        self._add([content, "", "", ""])
        n = len(self.rows) - 1
        self.commands += [("SPAN", (0, n), (3, n))]

    def table(self) -> Table:
        table = Table(self.rows, colWidths=[LABEL, VALUE, LABEL, VALUE], rowHeights=self.heights)
        table.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), self.styles.font),
                    ("GRID", (0, 0), (-1, -1), 0.7, colors.black),
                    ("BOX", (0, 0), (-1, -1), 1.4, colors.black),
                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                    ("LEFTPADDING", (0, 0), (-1, -1), PADDING),
                    ("RIGHTPADDING", (0, 0), (-1, -1), PADDING),
                    ("TOPPADDING", (0, 0), (-1, -1), PADDING),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), PADDING),
                    *self.commands,
                ]
            )
        )
        return table


def _document(
    path: Path | str,
    *,
    title: str,
    subtitle: str | None,
    table_number: str,
    left: str,
    right: str,
    form: _Form,
    notes: Sequence[str],
    printed_at: datetime,
) -> None:
    styles = form.styles
    footer = f"RevisitDesk 回访台 · {table_number} · 打印于 {_moment(printed_at)}"

    def decorate(canvas: Canvas, doc: SimpleDocTemplate) -> None:
        canvas.saveState()
        canvas.setFont(styles.font, 7.5)
        canvas.setFillColor(colors.grey)
        canvas.drawString(MARGIN, 10 * mm, footer)
        canvas.drawRightString(PAGE_WIDTH - MARGIN, 10 * mm, f"第 {doc.page} 页")
        canvas.restoreState()

    doc = SimpleDocTemplate(
        str(path),
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=14 * mm,
        bottomMargin=18 * mm,
        title=title,
        author="RevisitDesk 回访台",
        subject=table_number,
        # Otherwise every page starts in Helvetica, listed in the PDF but never embedded.
        initialFontName=styles.font,
    )
    heading = Table(
        [[Paragraph(left, styles.head), Paragraph(right, styles.head_right)]],
        colWidths=[WIDTH * 0.55, WIDTH * 0.45],
    )
    heading.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), styles.font),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
            ]
        )
    )
    story: list[Flowable] = [
        Paragraph(table_number, styles.small),
        Paragraph(title, styles.title),
    ]
    if subtitle:
        story.append(Paragraph(subtitle, styles.subtitle))
    story += [Spacer(1, 4 * mm), heading, Spacer(1, 1.5 * mm), form.table()]
    if notes:
        story.append(Spacer(1, 3 * mm))
        story += [Paragraph(note, styles.small) for note in notes]
    doc.build(story, onFirstPage=decorate, onLaterPages=decorate)


def _signatures(styles: _Styles, *who: str) -> Table:
    """A line of places to sign and the date; one piece, never split between pages."""
    cells = [Paragraph(f"{name}：", styles.value) for name in who]
    cells.append(Paragraph(f"日期：{BLANK_DATE}", styles.value))
    share = (WIDTH - 2 * PADDING) / len(cells)
    line = Table([cells], colWidths=[share] * len(cells), rowHeights=[14 * mm])
    line.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), styles.font),
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return line


# 表 H.1 投诉登记表


def write_complaint_form(
    complaint: ComplaintRow,
    orders: Sequence[OrderRow],
    path: Path | str,
    *,
    printed_at: datetime | None = None,
) -> None:
    """The registration form of one complaint or suggestion, filled in as far as it has come."""
    styles = _Styles(register_chinese_font())
    form = _Form(styles)
    c = complaint
    suggestion = c.kind == SUGGESTION
    word = KINDS[SUGGESTION][0] if suggestion else "投诉"
    concerned = "涉及" if suggestion else "被投诉"
    form.pair("编号", paragraph_text(c.number), f"{word}时间", _moment(c.received_at))
    form.pair("类型", _coded_choices(KINDS, c.kind), "受理人", paragraph_text(c.received_by))
    form.wide(f"{word}方式", _coded_choices(CHANNELS, c.channel))
    form.pair(f"{word}人", paragraph_text(c.complainant), "联系电话", paragraph_text(c.contact))
    form.wide("地址", paragraph_text(c.address))
    form.pair(
        f"{concerned}网点",
        paragraph_text(c.unit_name),
        f"{concerned}人员",
        paragraph_text(c.staff_name),
    )
    form.pair(
        "关联业务编号", paragraph_text(c.case_no), "业务类型", paragraph_text(c.business_type)
    )
    form.wide(f"{word}内容", paragraph_text(c.content), min_height=34 * mm)
    form.wide("分类", _coded_choices(CATEGORIES, c.category))
    first = c.clocks.first_contact
    form.wide(
        "首次联系",
        f"期限：{_day(c.first_contact_due)}<br/>"
        f"联系时间：{_moment(c.first_contact_at)}{_lateness(first)}<br/>"
        f"联系情况：{paragraph_text(c.first_contact_note)}",
        min_height=18 * mm,
    )
    reply = c.clocks.reply
    form.wide(
        "处理意见<br/>（答复）",
        f"答复期限：{_day(c.reply_due)}<br/>"
        f"答复时间：{_moment(c.replied_at)}{_lateness(reply)}<br/>{paragraph_text(c.reply)}",
        min_height=30 * mm,
    )
    if orders:
        lines = [
            f"第 {o.sequence} 次督办：{_day(o.issued_at)}签发，承办 {paragraph_text(o.handling_unit)}，"
            f"回复期限 {_day(o.reply_due)}；"
            + (
                f"{_day(o.replied_at)}回复{_lateness(o.clock)}"
                if o.replied_at
                else f"尚未回复{_lateness(o.clock)}"
            )
            for o in orders
        ]
        form.wide("督办情况", "<br/>".join(lines))
    satisfied = _yes_no(c.complainant_satisfied, "满意", "不满意")
    form.wide(
        f"{word}人意见",
        f"{_choices(('满意', '不满意'), satisfied)}<br/>{paragraph_text(c.complainant_opinion)}",
        min_height=20 * mm,
    )
    form.pair("办结时间", _moment(c.closed_at), "负责人签字", "")
    form.full(_signatures(styles, "受理人签字", "处理人签字"))
    _document(
        path,
        title=f"“四全”服务网点{word}登记表",
        subtitle=None,
        table_number="附录 H 表 H.1",
        left=f"{concerned}网点：{paragraph_text(c.unit_name)}",
        right=f"编号：{paragraph_text(c.number)}",
        form=form,
        notes=[
            "注：受理的投诉应在二个工作日内联系投诉人，十五个工作日内答复处理意见（DB3202/T "
            "1005—2019 第 7.3.4 条）；立案处理类投诉由上级主管部门签发投诉督办表。",
        ],
        printed_at=current_time(printed_at),
    )


# 表 H.2 投诉督办表


def write_supervision_form(
    complaint: ComplaintRow,
    orders: Sequence[OrderRow],
    sequence: int,
    path: Path | str,
    *,
    printed_at: datetime | None = None,
) -> None:
    """The supervision order `sequence` of the complaint ("第 N 次督办"), with what the earlier
    orders and the complainant said before it."""
    styles = _Styles(register_chinese_font())
    form = _Form(styles)
    c = complaint
    order = next(o for o in orders if o.sequence == sequence)
    earlier = [o for o in orders if o.sequence < sequence]
    form.pair("投诉编号", paragraph_text(c.number), "投诉时间", _moment(c.received_at))
    form.pair("投诉人", paragraph_text(c.complainant), "联系电话", paragraph_text(c.contact))
    form.pair("被投诉网点", paragraph_text(c.unit_name), "被投诉人员", paragraph_text(c.staff_name))
    form.pair(
        "关联业务编号",
        paragraph_text(c.case_no),
        "投诉方式",
        paragraph_text(CHANNELS.get(c.channel, ("",))[0]),
    )
    form.wide("投诉内容", paragraph_text(c.content), min_height=24 * mm)
    if earlier:
        lines = [
            f"第 {o.sequence} 次督办（{_day(o.issued_at)}签发）："
            f"{paragraph_text(o.opinion)}<br/>&nbsp;&nbsp;回复（{_day(o.replied_at) or '未回复'}）："
            f"{paragraph_text(o.reply)}"
            for o in earlier
        ]
        if c.complainant_satisfied is False:
            lines.append(f"投诉人意见：不满意。{paragraph_text(c.complainant_opinion)}")
        form.wide("前次督办<br/>情况", "<br/>".join(lines))
    form.wide("督办意见", paragraph_text(order.opinion), min_height=32 * mm)
    form.pair("签发人", paragraph_text(order.issued_by), "签发日期", _day(order.issued_at))
    form.pair("承办网点", paragraph_text(order.handling_unit), "回复期限", _day(order.reply_due))
    form.wide("处理结果和<br/>整改情况", paragraph_text(order.reply), min_height=40 * mm)
    form.pair(
        "回复日期",
        _day(order.replied_at) + (_lateness(order.clock) if order.replied_at else ""),
        "承办网点<br/>负责人",
        "",
    )
    form.full(_signatures(styles, "承办网点（盖章）", "签收人"))
    _document(
        path,
        title="“四全”服务网点投诉督办表",
        subtitle=f"第 {sequence} 次督办",
        table_number="附录 H 表 H.2",
        left=f"签发：{paragraph_text(order.issued_by)}",
        right=f"编号：{paragraph_text(c.number)}-{sequence}",
        form=form,
        notes=[
            "注：被投诉网点须按督办意见及时妥善处理投诉，答复投诉人，并在回复期限内将处理结果和"
            "整改情况书面回复上级主管部门；处理结果和整改情况不符合要求、投诉人仍有意见的，"
            "可再次签发投诉督办表（DB3202/T 1005—2019 第 7.3.3 条）。",
        ],
        printed_at=current_time(printed_at),
    )


# 附录 I 纠正和预防措施记录


def write_capa_form(capa: CapaRow, path: Path | str, *, printed_at: datetime | None = None) -> None:
    styles = _Styles(register_chinese_font())
    form = _Form(styles)
    a = capa
    form.pair("网点", paragraph_text(a.unit_name), "记录日期", _day(a.recorded_at))
    form.wide("信息来源", _coded_choices(SOURCES, a.source))
    if a.complaint_number:
        form.wide("关联投诉", paragraph_text(a.complaint_number))
    if a.reason_category:
        form.wide("不满意原因", paragraph_text(a.reason_label))
    form.wide("问题描述", paragraph_text(a.problem), min_height=28 * mm)
    form.wide("原因分析", paragraph_text(a.cause), min_height=28 * mm)
    form.wide("纠正措施", paragraph_text(a.correction), min_height=28 * mm)
    form.wide("预防措施", paragraph_text(a.prevention), min_height=28 * mm)
    form.pair("责任人", paragraph_text(a.owner), "完成期限", _day(a.due_on))
    done = _day(a.completed_at)
    if done and a.overdue:
        done += "（逾期完成）"
    form.pair("完成日期", done, "状态", paragraph_text(a.status_label))
    form.wide("验证情况", paragraph_text(a.verification), min_height=24 * mm)
    conclusion = _yes_no(a.effective, "有效", "无效")
    form.pair(
        "验证结论",
        _choices(("有效", "无效"), conclusion),
        "验证人<br/>验证日期",
        f"{paragraph_text(a.verified_by)}<br/>{_day(a.verified_at)}",
    )
    form.full(_signatures(styles, "网点负责人签字", "验证人签字"))
    _document(
        path,
        title="“四全”服务网点纠正和预防措施记录",
        subtitle=None,
        table_number="附录 I",
        left=f"网点：{paragraph_text(a.unit_name)}",
        right=f"编号：{paragraph_text(a.number)}",
        form=form,
        notes=[
            "注：制定纠正和预防措施时应考虑问题修复、人员培训、设施完善、惩处措施和修订标准；"
            "上级监督部门通过现场观察询问、查阅实施记录验证其有效性（DB3202/T 1005—2019 "
            "第 7.4.3、7.4.4 条）。",
        ],
        printed_at=current_time(printed_at),
    )


# From the database


def complaint_form_pdf(
    session: Session, complaint_id: int, path: Path | str, now: datetime | None = None
) -> None:
    now = current_time(now)
    write_complaint_form(
        complaint_row(session, complaint_id, now),
        orders_of(session, complaint_id, now),
        path,
        printed_at=now,
    )


def supervision_form_pdf(
    session: Session, order_id: int, path: Path | str, now: datetime | None = None
) -> None:
    now = current_time(now)
    order = session.get_one(SupervisionOrder, order_id)
    write_supervision_form(
        complaint_row(session, order.complaint_id, now),
        orders_of(session, order.complaint_id, now),
        order.sequence,
        path,
        printed_at=now,
    )


def save_complaint_form(
    session: Session,
    complaint_id: int,
    path: Path | str,
    now: datetime | None = None,
    *,
    by_id: int | None,
) -> Path:
    """H.1 written whole to `path` for `by_id` (a logged-in person, once anybody logs in): the
    complainant's name and contact leave in it, so it is audited (who, which complaint, the
    file), in the caller's transaction — a file not written leaves no entry."""
    acting_member(session, by_id)
    return _audited_form(
        session, "complaint_form", complaint_id, path, by_id,
        lambda partial: complaint_form_pdf(session, complaint_id, partial, now),
    )  # fmt: skip


def save_supervision_form(
    session: Session,
    order_id: int,
    path: Path | str,
    now: datetime | None = None,
    *,
    by_id: int | None,
) -> Path:
    """H.2 written whole to `path` and audited, as `save_complaint_form`."""
    acting_member(session, by_id)
    complaint_id = session.get_one(SupervisionOrder, order_id).complaint_id
    return _audited_form(
        session, "supervision_form", complaint_id, path, by_id,
        lambda partial: supervision_form_pdf(session, order_id, partial, now),
    )  # fmt: skip


def _audited_form(session: Session, what: str, complaint_id: int, path, by_id, write) -> Path:
    with AtomicFile(Path(path)) as partial:
        write(partial)
        # Before the file takes its name: an entry that cannot be kept leaves no file.
        record_export(
            session,
            actor_id=by_id,
            what=what,
            path=path,
            rows=1,
            details={"complaint": session.get_one(Complaint, complaint_id).number},
        )
    return Path(path)


def capa_form_pdf(
    session: Session, capa_id: int, path: Path | str, now: datetime | None = None
) -> None:
    now = current_time(now)
    write_capa_form(capa_row(session, capa_id, now), path, printed_at=now)
