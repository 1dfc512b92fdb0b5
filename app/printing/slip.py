"""The evaluation slip handed over with the certificate (J 5.2.1): a QR of the online evaluation
address for the case, eight slips to an A4 sheet with dashed cut lines."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from urllib.parse import quote

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from sqlalchemy.orm import Session

from app.errors import Refused
from app.i18n import pick
from app.printing.fonts import register_chinese_font
from app.printing.form_b import draw_qr
from app.settings import PLACEHOLDER, get_setting, is_example_address
from app.staff import require_administrator

PAGE_WIDTH, PAGE_HEIGHT = A4
COLUMNS, ROWS = 2, 4
SLIP_WIDTH = PAGE_WIDTH / COLUMNS
SLIP_HEIGHT = PAGE_HEIGHT / ROWS
QR_SIZE = 38 * mm


class ExampleAddress(Refused):
    """The evaluation address is still the example: the slips would send citizens nowhere."""


def evaluation_url(url_template: str, case_no: str) -> str:
    """The template with the case number (URL-quoted) in place of {case_no}."""
    if PLACEHOLDER not in url_template:
        raise ValueError(
            pick(
                f"网上评价地址模板中缺少 {PLACEHOLDER}：{url_template}",
                f"The evaluation address template lacks {PLACEHOLDER}: {url_template}",
            )
        )
    return url_template.replace(PLACEHOLDER, quote(case_no, safe=""))


def slip_address_template(
    session: Session, *, example_confirmed: bool = False, by_id: int | None = None
) -> str:
    """The address template to print on slips (setting printing.evaluation_url_template).

    While it is still the example (app.settings.is_example_address) it is refused
    (ExampleAddress), unless an administrator confirmed printing it anyway (by_id: who; None:
    the command line, or a seat where nobody logs in).
    """
    template = get_setting(session, "printing.evaluation_url_template")
    if is_example_address(template):
        if not example_confirmed:
            raise ExampleAddress(
                pick(
                    f"网上评价地址仍是示例地址（{template}），群众扫码会打不开。"
                    "请管理员在“设置 → 打印”中填写本中心的网上评价地址。",
                    f"The evaluation address is still the example ({template}): citizens would "
                    "scan a dead link. An administrator sets the centre's address in "
                    "Settings → Printing.",
                )
            )
        require_administrator(session, by_id)
    return template


def write_evaluation_slips(case_nos: Sequence[str], url_template: str, path: Path | str) -> None:
    """One slip per case number, COLUMNS × ROWS to a page."""
    font = register_chinese_font()
    urls = [evaluation_url(url_template, case_no) for case_no in case_nos]
    canvas = Canvas(str(path), pagesize=A4, initialFontName=font)
    canvas.setTitle("不动产登记服务评价二维码")
    canvas.setAuthor("RevisitDesk 回访台")
    per_page = COLUMNS * ROWS
    for start in range(0, len(case_nos), per_page):
        _cut_lines(canvas)
        for index, (case_no, url) in enumerate(
            zip(case_nos[start : start + per_page], urls[start : start + per_page], strict=True)
        ):
            column, row = index % COLUMNS, index // COLUMNS
            x = column * SLIP_WIDTH
            y = PAGE_HEIGHT - (row + 1) * SLIP_HEIGHT
            _slip(canvas, font, case_no, url, x, y)
        canvas.showPage()
    canvas.save()


def _cut_lines(canvas: Canvas) -> None:
    canvas.saveState()
    canvas.setStrokeColor(colors.grey)
    canvas.setLineWidth(0.5)
    canvas.setDash(4, 3)
    for column in range(1, COLUMNS):
        canvas.line(column * SLIP_WIDTH, 0, column * SLIP_WIDTH, PAGE_HEIGHT)
    for row in range(1, ROWS):
        canvas.line(0, row * SLIP_HEIGHT, PAGE_WIDTH, row * SLIP_HEIGHT)
    canvas.restoreState()


def _slip(canvas: Canvas, font: str, case_no: str, url: str, x: float, y: float) -> None:
    pad = 7 * mm
    qr_x = x + pad
    qr_y = y + (SLIP_HEIGHT - QR_SIZE) / 2
    draw_qr(canvas, url, qr_x, qr_y, QR_SIZE)
    text_x = qr_x + QR_SIZE + 4 * mm
    top = y + SLIP_HEIGHT - 14 * mm
    canvas.setFont(font, 13)
    canvas.drawString(text_x, top, "不动产登记服务评价")
    canvas.setFont(font, 9)
    lines = (
        "请用手机扫描左侧二维码，",
        "对本次办理的事项进行评价。",
        "您的评价是我们改进工作的依据。",
    )
    for i, line in enumerate(lines):
        canvas.drawString(text_x, top - (7 + 5 * i) * mm, line)
    canvas.setFont(font, 8)
    canvas.drawString(text_x, y + 16 * mm, "业务编号")
    canvas.setFont(font, 10)
    canvas.drawString(text_x, y + 11 * mm, case_no)
    canvas.setFont(font, 7)
    canvas.setFillColor(colors.grey)
    canvas.drawString(qr_x, y + 4 * mm, "也可登录山东政务服务网或“泉城办”APP，通过“好差评”系统评价")
    canvas.setFillColor(colors.black)
