"""A batch of pre-filled Form B pages into one PDF: the app against hand-written reportlab + sqlite3.

    .venv/bin/python -m bench.form_b /tmp/city.sqlite3 [--pages 1000] [--runs 3]

The app reads the forms as the enterprise page does (`form_b_print_data`) and writes them with
`write_form_b`. The raw side reads the same fields with one sqlite3 query and draws each page
straight on a reportlab canvas: the same texts, grid and QR code (reportlab's encoder), without
tables, paragraphs or a shared page form — what one would write by hand.
"""

from __future__ import annotations

import argparse
import sqlite3
import tempfile
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from app.enterprise.lifecycle import DUE
from app.printing.case_code import encode_case_code
from app.printing.fonts import register_chinese_font
from app.printing.form_b import draw_qr, form_b_print_data, write_form_b, yuan
from bench.figures import Figure, median, timed
from db.database import open_database

RAW_SQL = """
SELECT c.case_no, coalesce(f.enterprise_name, c.enterprise_name),
  coalesce(f.registration_type, c.business_type), coalesce(f.steps, c.steps),
  coalesce(f.days, c.days), coalesce(f.registration_fee_fen, c.registration_fee_fen),
  coalesce(f.deed_tax_fen, c.deed_tax_fen), coalesce(f.stamp_duty_fen, c.stamp_duty_fen),
  u.name, c.completed_on
FROM enterprise_feedback f JOIN cases c ON c.id = f.case_id
  LEFT JOIN units u ON u.id = f.assigned_unit_id
WHERE f.id IN ({ids})
ORDER BY c.completed_on, c.case_no
"""
WIDTH, HEIGHT = A4
LABELS = (
    "企业名称",
    "办理登记类型",
    "办理登记所用时间（天）",
    "是否了解针对企业的不动产登记政策",
    "对服务是否满意",
    "意见建议",
)


def due_form_ids(path: Path, pages: int) -> list[int]:
    """The first `pages` Form B records due for printing, oldest case first."""
    with sqlite3.connect(path) as connection:
        marks = ", ".join("?" * len(DUE))
        return [
            row[0]
            for row in connection.execute(
                f"SELECT f.id FROM enterprise_feedback f JOIN cases c ON c.id = f.case_id"
                f" WHERE f.status IN ({marks}) ORDER BY c.completed_on, c.case_no LIMIT ?",
                (*DUE, pages),
            )
        ]


def app_batch(url: str, ids: list[int], pdf: Path) -> int:
    database = open_database(url)
    try:
        with database.sessions() as session:
            data = form_b_print_data(session, ids)
        write_form_b(data, pdf)
        return len(data)
    finally:
        database.close()


def raw_batch(path: Path, ids: list[int], pdf: Path) -> int:
    connection = sqlite3.connect(path)
    rows = connection.execute(RAW_SQL.format(ids=", ".join(map(str, ids)))).fetchall()
    connection.close()
    font = register_chinese_font()
    canvas = Canvas(str(pdf), pagesize=A4, initialFontName=font)
    for case_no, name, kind, steps, days, fee, tax, duty, unit, completed_on in rows:
        top = HEIGHT - 15 * mm
        draw_qr(canvas, encode_case_code(case_no), WIDTH - 48 * mm, top - 28 * mm, 28 * mm)
        canvas.setFont(font, 9)
        canvas.drawString(20 * mm, top - 4 * mm, f"业务编号：{case_no}")
        canvas.drawString(20 * mm, top - 9 * mm, f"回访单位：{unit}")
        canvas.drawString(20 * mm, top - 14 * mm, f"办结日期：{completed_on}")
        canvas.setFont(font, 20)
        canvas.drawCentredString(WIDTH / 2, top - 22 * mm, "企业回访反馈单")
        canvas.setFont(font, 11)
        y = top - 36 * mm
        for label in LABELS:
            canvas.line(20 * mm, y, WIDTH - 20 * mm, y)
            canvas.drawString(22 * mm, y - 8 * mm, label)
            y -= 18 * mm
        canvas.drawString(62 * mm, top - 44 * mm, name or "")
        canvas.drawString(62 * mm, top - 62 * mm, kind or "")
        canvas.drawString(150 * mm, top - 62 * mm, str(steps or ""))
        canvas.drawString(62 * mm, top - 80 * mm, str(days or ""))
        for line, (word, fen) in enumerate((("登记费", fee), ("契税", tax), ("印花税", duty))):
            canvas.drawString(150 * mm, top - (76 + 4 * line) * mm, f"{word} {yuan(fen)} 元")
        canvas.drawString(20 * mm, 40 * mm, "企业联系人：")
        canvas.drawString(WIDTH / 2, 40 * mm, "回访联系人：")
        canvas.showPage()
    canvas.save()
    return len(rows)


def measure(city: Path, *, pages: int = 1000, runs: int = 3) -> list[Figure]:
    """Median seconds for `pages` Form B pages in one PDF, app and raw, over `runs` runs."""
    ids = due_form_ids(city, pages)
    app_times, raw_times = [], []
    with tempfile.TemporaryDirectory(prefix="bench-form-b-") as folder:
        app_pdf, raw_pdf = Path(folder) / "app.pdf", Path(folder) / "raw.pdf"
        for _ in range(runs):
            written, seconds = timed(lambda: app_batch(f"sqlite:///{city}", ids, app_pdf))
            assert written == len(ids), "the app printed another number of forms"
            app_times.append(seconds)
            written, seconds = timed(lambda: raw_batch(city, ids, raw_pdf))
            assert written == len(ids), "the raw side printed another number of forms"
            raw_times.append(seconds)
    return [
        Figure(
            name=f"Form B batch of {len(ids)} pages",
            unit="s",
            app=median(app_times),
            raw=median(raw_times),
            goal=10.0 * len(ids) / 1000,
            runs=runs,
            note="app: the enterprise page's query and write_form_b (table layout, QR, font "
            "subset); raw: one sqlite3 query, each page drawn by hand on a reportlab canvas",
        )
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    for figure in measure(args.path, pages=args.pages, runs=args.runs):
        print(
            f"{figure.name}: app {figure.app:.2f} s, raw {figure.raw:.2f} s, ratio {figure.ratio:.2f}"
        )


if __name__ == "__main__":
    main()
