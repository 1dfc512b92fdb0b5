"""The blank 群众满意度调查表 (W 7.1.3.1.1, 附录 E) to hand out at the windows, laid out as the
standard prints it: the thank-you paragraph, questions 1–10 with a box for every answer, and room
for the improvement wishes; optionally the outlet's name in the heading. A4, the Chinese font
embedded. The sheets come back and are typed in (ui/supervision/surveys_tab.py)."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from app.printing.fonts import register_chinese_font
from app.printing.form_b import BOX
from app.printing.markup import paragraph_text
from app.surveys import AGE_BANDS, CHANNELS, RATINGS

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = 20 * mm
TITLE = "群众满意度调查表"
THANKS = (
    "感谢您对无锡自然资源规划“四全”服务网点满意度调查工作的支持！调查的目的在于全面客观地了解"
    "自然资源规划“四全”服务网点向企事业单位和广大群众提供行政审批及便民服务的情况，请根据您的"
    "亲身经历或感受在您认为适合的答案里打钩，真实客观地对网点工作进行评价，谢谢您的合作！"
)
# Questions 2–8 as 附录 E words them, in the order of app.surveys.ITEMS.
RATED_QUESTIONS = (
    "您对服务环境是否满意？",
    "您对服务人员的服务态度是否满意？",
    "您对服务人员的办事效率是否满意？",
    "您对服务人员的咨询答复是否满意？",
    "您对服务人员的上班纪律情况是否满意？",
    "您对提供的便民服务设施设备是否满意？",
    "您对自然资源规划“四全”服务网点总体印象是否满意？",
)
AGE_QUESTION = "您的年龄："
CHANNEL_QUESTION = "您平常通过哪些渠道了解我市自然资源和规划方面的政策？（可多选）"
WISH_QUESTION = "您认为自然资源规划“四全”服务网点的工作还有哪些方面需要改善？"
GAP = "&nbsp;" * 6
NAME_LIMIT = 60  # characters of an outlet name printed in the heading


def write_blank_survey_form(path: Path | str, outlet: str | None = None, copies: int = 1) -> None:
    """`copies` identical blank sheets; `outlet` printed under the title when given."""
    if copies < 1:
        raise ValueError("copies must be at least 1")
    font = register_chinese_font()
    canvas = Canvas(str(path), pagesize=A4, initialFontName=font)
    canvas.setTitle(TITLE)
    canvas.setAuthor("RevisitDesk 回访台")
    name = " ".join((outlet or "").split())[:NAME_LIMIT]
    for _ in range(copies):
        _draw_page(canvas, font, name)
        canvas.showPage()
    canvas.save()


def _draw_page(canvas: Canvas, font: str, outlet: str) -> None:
    width = PAGE_WIDTH - 2 * MARGIN
    body = ParagraphStyle("body", fontName=font, fontSize=11, leading=18, firstLineIndent=22)
    question = ParagraphStyle("question", fontName=font, fontSize=11.5, leading=17)
    answers = ParagraphStyle("answers", fontName=font, fontSize=11.5, leading=20, leftIndent=18)

    y = PAGE_HEIGHT - 24 * mm
    canvas.setFont(font, 20)
    canvas.drawCentredString(PAGE_WIDTH / 2, y, TITLE)
    if outlet:
        y -= 9 * mm
        canvas.setFont(font, 12)
        canvas.drawCentredString(PAGE_WIDTH / 2, y, f"网点：{outlet}")
    y -= 6 * mm

    def place(paragraph: Paragraph, space_after: float) -> None:
        nonlocal y
        _, height = paragraph.wrapOn(canvas, width, PAGE_HEIGHT)
        paragraph.drawOn(canvas, MARGIN, y - height)
        y -= height + space_after

    def boxes(words) -> str:
        return GAP.join(f"{word} {BOX}" for word in words)

    place(Paragraph(paragraph_text(THANKS), body), 5 * mm)
    ratings = [zh for zh, _en in RATINGS.values()]
    numbered = [
        (AGE_QUESTION, boxes(zh for zh, _en in AGE_BANDS.values())),
        *[(text, boxes(ratings)) for text in RATED_QUESTIONS],
        (CHANNEL_QUESTION, boxes(zh for zh, _en in CHANNELS.values())),
    ]
    for number, (text, choices) in enumerate(numbered, start=1):
        place(Paragraph(f"{number}、{paragraph_text(text)}", question), 0.5 * mm)
        place(Paragraph(choices, answers), 3 * mm)
    place(Paragraph(f"{len(numbered) + 1}、{paragraph_text(WISH_QUESTION)}", question), 2 * mm)
    canvas.setLineWidth(0.5)
    bottom = 30 * mm
    line_y = y - 8 * mm
    while line_y > bottom:
        canvas.line(MARGIN + 6 * mm, line_y, MARGIN + width, line_y)
        line_y -= 9 * mm
    canvas.setFont(font, 10)
    canvas.drawString(MARGIN, 20 * mm, "调查日期：        年      月      日")
    canvas.drawRightString(MARGIN + width, 20 * mm, "编号：______________")
    canvas.setFont(font, 8.5)
    canvas.drawString(MARGIN, 13 * mm, "注：在您认为适合的答案后的 □ 内打“√”。本表不记名。")
