"""The printed outlet assessment (“四全”服务网点考核计分表, W 附录 G 表 G.1) and the circulated ranking
of outlets (考核结果通报, W 7.2.3.2). A4, Chinese, the font embedded; the words on the paper are
Chinese whatever language the interface speaks.

The sheet has table G.1's columns — 评估项目, 序号, 考评内容, 考评标准, 标准分数, 得分, 考核记录 — with
a line per item as the assessment copied it, the total and grade, the comparison with the
previous assessment, the note that the sheet is incomplete while it does not add up to 100, and
the assessors. Long text wraps and the table continues on the next page under its header.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
from sqlalchemy.orm import Session

from app.assessment import FULL_MARKS, GRADES, KINDS, STATUSES, format_points
from app.assessment.service import AssessmentDetail, Ranking, assessment_detail, ranking
from app.atomic_file import AtomicFile
from app.audit import record_export
from app.clock import current_time
from app.printing.fonts import register_chinese_font
from app.printing.markup import paragraph_text
from app.staff import StaffMember
from app.zone import LOCAL_ZONE

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = 15 * mm
WIDTH = PAGE_WIDTH - 2 * MARGIN
# 评估项目, 序号, 考评内容, 考评标准, 标准分数, 得分, 考核记录
COLUMNS = [17 * mm, 9 * mm, 38 * mm, 42 * mm, 13 * mm, 12 * mm]
COLUMNS.append(WIDTH - sum(COLUMNS))
HEAD_FILL = colors.HexColor("#F2F2F2")
SHEET_TITLE = "“四全”服务网点考核计分表"
RANKING_TITLE = "“四全”服务网点考核结果通报"


def _zh(table: dict[str, tuple[str, str]], code: str | None) -> str:
    return table.get(code, (code or "", ""))[0] if code else ""


class _Styles:
    def __init__(self) -> None:
        self.font = register_chinese_font()
        base = {"fontName": self.font, "wordWrap": "CJK"}
        self.title = ParagraphStyle("title", fontSize=16, leading=22, alignment=TA_CENTER, **base)
        self.subtitle = ParagraphStyle(
            "sub", fontSize=10.5, leading=15, alignment=TA_CENTER, **base
        )
        self.head = ParagraphStyle("head", fontSize=9, leading=12, alignment=TA_CENTER, **base)
        self.cell = ParagraphStyle("cell", fontSize=8.5, leading=11.5, **base)
        self.center = ParagraphStyle(
            "center", fontSize=8.5, leading=11.5, alignment=TA_CENTER, **base
        )
        self.text = ParagraphStyle("text", fontSize=10, leading=15, **base)
        self.small = ParagraphStyle(
            "small", fontSize=8.5, leading=12, textColor=colors.HexColor("#333333"), **base
        )


def _table_style(font: str, extra: Sequence[tuple] = ()) -> TableStyle:
    return TableStyle(
        [
            ("FONTNAME", (0, 0), (-1, -1), font),
            ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
            ("BOX", (0, 0), (-1, -1), 1.2, colors.black),
            ("BACKGROUND", (0, 0), (-1, 0), HEAD_FILL),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            *extra,
        ]
    )


def _build(
    path: Path | str, story: list[Flowable], styles: _Styles, title: str, printed_at: datetime
) -> None:
    footer = (
        f"RevisitDesk 回访台 · {title} · 打印于 {printed_at.astimezone(LOCAL_ZONE):%Y-%m-%d %H:%M}"
    )

    def decorate(canvas, doc) -> None:
        canvas.saveState()
        canvas.setFont(styles.font, 7.5)
        canvas.setFillColor(colors.grey)
        canvas.drawString(MARGIN, 9 * mm, footer)
        canvas.drawRightString(PAGE_WIDTH - MARGIN, 9 * mm, f"第 {doc.page} 页")
        canvas.restoreState()

    doc = SimpleDocTemplate(
        str(path), pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=14 * mm,
        bottomMargin=16 * mm, title=title, author="RevisitDesk 回访台", initialFontName=styles.font,
    )  # fmt: skip
    doc.build(story, onFirstPage=decorate, onLaterPages=decorate)


def write_assessment_sheet(
    detail: AssessmentDetail, path: Path | str, *, printed_at: datetime
) -> None:
    s = _Styles()
    row = detail.row
    group_points: dict[str, int] = {}
    for score in detail.scores:
        group_points[score.group_name] = group_points.get(score.group_name, 0) + score.points_tenths
    heads = ["评估项目", "序号", "考评内容", "考评标准", "标准分数", "得分", "考核记录"]
    rows: list[list[object]] = [[Paragraph(h, s.head) for h in heads]]
    shown_group = None
    for score in detail.scores:
        group = ""
        if score.group_name != shown_group:
            shown_group = score.group_name
            group = f"{paragraph_text(score.group_name)}（{format_points(group_points[score.group_name])}）"
        record = paragraph_text(score.record)
        if score.computed:
            record = "〔系统计算〕" + record
        rows.append(
            [
                Paragraph(group, s.center),
                Paragraph(str(score.item_number), s.center),
                Paragraph(
                    f"{paragraph_text(score.item_name)}：{paragraph_text(score.content)}", s.cell
                ),
                Paragraph(paragraph_text(score.standard), s.cell),
                Paragraph(format_points(score.points_tenths), s.center),
                Paragraph(format_points(score.score_tenths), s.center),
                Paragraph(record, s.cell),
            ]
        )
    rows.append(
        [
            Paragraph("合计", s.center), "", "", "",
            Paragraph(format_points(row.standard_total_tenths), s.center),
            Paragraph(format_points(row.total_tenths), s.center),
            Paragraph(f"等次：{_zh(GRADES, row.grade)}", s.cell),
        ]
    )  # fmt: skip
    last = len(rows) - 1
    table = Table(rows, colWidths=COLUMNS, repeatRows=1)
    table.setStyle(_table_style(s.font, [("SPAN", (0, last), (3, last))]))
    status = "" if row.status == "final" else "（草稿，未签定）"
    story: list[Flowable] = [
        Paragraph("表 G.1", s.small),
        Paragraph(SHEET_TITLE + status, s.title),
        Paragraph(
            f"网点：{paragraph_text(row.unit_name)}　　考核类别：{_zh(KINDS, row.kind)}<br/>"
            f"考核期：{row.period_start:%Y-%m-%d} 至 {row.period_end:%Y-%m-%d}　　"
            f"考核日期：{row.assessed_on:%Y-%m-%d}",
            s.subtitle,
        ),
        Spacer(1, 3 * mm),
        table,
        Spacer(1, 3 * mm),
        Paragraph(
            f"总分：{format_points(row.total_tenths)} 分（标准分合计 "
            f"{format_points(row.standard_total_tenths)} 分）　　等次：{_zh(GRADES, row.grade)}"
            "　（优秀 91 分及以上，良好 81–90 分，合格 71–80 分，不合格 70 分及以下；"
            "未达某等次下限的分数计入下一等次）",
            s.text,
        ),
    ]
    if detail.comparison is not None:
        c = detail.comparison
        change = row.total_tenths - c.total_tenths
        sign = "+" if change > 0 else ""
        moved = [
            f"第{i.item_number}项{paragraph_text(i.item_name)} "
            f"{format_points(i.before_tenths) if i.before_tenths is not None else '—'}→"
            f"{format_points(i.after_tenths) if i.after_tenths is not None else '—'}"
            for i in c.items
            if i.before_tenths != i.after_tenths
        ]
        story.append(
            Paragraph(
                f"与上次考核比较（{_zh(KINDS, c.kind)}，{c.period_start:%Y-%m-%d} 至 "
                f"{c.period_end:%Y-%m-%d}）：上次 {format_points(c.total_tenths)} 分、"
                f"{_zh(GRADES, c.grade)}；本次比上次 {sign}{format_points(change)} 分。"
                + ("变化的项目：" + "；".join(moved) + "。" if moved else "各项得分未变。"),
                s.text,
            )
        )
    if row.standard_total_tenths != FULL_MARKS:
        story.append(
            Paragraph(
                f"注：本计分表标准分合计 {format_points(row.standard_total_tenths)} 分，不是 100 分。"
                "我们持有的标准文本（DB 3202/T 1005—2019 附录 G）在第 13 项“硬件设施”处中断，"
                "计分表须由管理员按标准原文补全；等次按实得分数评定，仅供参考。",
                s.small,
            )
        )
    if detail.note:
        story.append(Paragraph(f"备注：{paragraph_text(detail.note)}", s.text))
    signed = (
        f"签定于 {detail.finalized_at.astimezone(LOCAL_ZONE):%Y-%m-%d}"
        if detail.finalized_at is not None
        else _zh(STATUSES, row.status)
    )
    story += [
        Spacer(1, 6 * mm),
        Paragraph(
            f"考核人：{paragraph_text(row.assessors) or '&nbsp;' * 30}　　（{signed}）", s.text
        ),
        Spacer(1, 8 * mm),
        Paragraph("考核人签字：" + "&nbsp;" * 40 + "网点负责人签字：", s.text),
    ]
    _build(path, story, s, SHEET_TITLE, printed_at)


def write_ranking_pdf(result: Ranking, path: Path | str, *, printed_at: datetime) -> None:
    s = _Styles()
    heads = ["名次", "网点", "考核类别", "考核期", "总分", "等次"]
    widths = [14 * mm, 62 * mm, 30 * mm, 40 * mm, 14 * mm]
    widths.append(WIDTH - sum(widths))
    rows: list[list[object]] = [[Paragraph(h, s.head) for h in heads]]
    for r in result.rows:
        rows.append(
            [
                Paragraph(str(r.rank), s.center),
                Paragraph(paragraph_text(r.unit_name), s.cell),
                Paragraph(_zh(KINDS, r.kind), s.center),
                Paragraph(f"{r.period_start:%Y-%m-%d} 至 {r.period_end:%Y-%m-%d}", s.center),
                Paragraph(format_points(r.total_tenths), s.center),
                Paragraph(_zh(GRADES, r.grade), s.center),
            ]
        )
    if not result.rows:
        rows.append([Paragraph("本期没有已签定的考核", s.cell), "", "", "", "", ""])
    table = Table(rows, colWidths=widths, repeatRows=1)
    extra = [("SPAN", (0, 1), (-1, 1))] if not result.rows else []
    table.setStyle(_table_style(s.font, extra))
    kind = f"（{_zh(KINDS, result.kind)}）" if result.kind else ""
    story: list[Flowable] = [
        Paragraph(RANKING_TITLE, s.title),
        Paragraph(
            f"考核期截止于 {result.start:%Y-%m-%d} 至 {result.end:%Y-%m-%d} 之间{kind}，"
            "各网点取最近一次已签定的考核",
            s.subtitle,
        ),
        Spacer(1, 4 * mm),
        table,
    ]
    if result.warning:
        story += [
            Spacer(1, 3 * mm),
            Paragraph(
                "注：所用计分表标准分合计不是 100 分（标准文本在第 13 项中断，计分表待补全），"
                "等次仅供参考。",
                s.small,
            ),
        ]
    _build(path, story, s, RANKING_TITLE, printed_at)


# Written and audited


def save_assessment_sheet(
    session: Session,
    actor: StaffMember | None,
    assessment_id: int,
    path: Path | str,
    *,
    now: datetime | None = None,
) -> Path:
    """The sheet written whole to `path`, and audited in the caller's transaction."""
    now = current_time(now)
    detail = assessment_detail(session, actor, assessment_id)
    with AtomicFile(Path(path)) as partial:
        write_assessment_sheet(detail, partial, printed_at=now)
        record_export(
            session,
            actor_id=actor.id if actor is not None else None,
            what="outlet_assessment_sheet",
            path=path,
            rows=len(detail.scores),
            details={"assessment": assessment_id, "unit": detail.row.unit_name},
        )
    return Path(path)


def save_ranking_pdf(
    session: Session,
    actor: StaffMember | None,
    start,
    end,
    path: Path | str,
    *,
    kind: str | None = None,
    now: datetime | None = None,
) -> Ranking:
    now = current_time(now)
    result = ranking(session, actor, start, end, kind=kind)
    with AtomicFile(Path(path)) as partial:
        write_ranking_pdf(result, partial, printed_at=now)
        record_export(
            session,
            actor_id=actor.id if actor is not None else None,
            what="outlet_assessment_ranking",
            path=path,
            rows=len(result.rows),
            details={"period": f"{start:%Y-%m-%d}..{end:%Y-%m-%d}", "format": "pdf", "kind": kind},
        )
    return result
