"""Printed Form B, evaluation slips and blank Form A: rendered at 150 dpi, their QR codes read
back with zxing-cpp, the Chinese font embedded."""

from __future__ import annotations

import shutil
import subprocess
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image as PIL_Image
from sqlalchemy import select

from app.enterprise.forms import ensure_form_b_records
from app.printing.case_code import decode_case_code
from app.printing.form_a_blank import write_blank_form_a
from app.printing.form_b import (
    FormBPrintData,
    fee_total_fen,
    form_b_print_data,
    print_due_form_b,
    write_form_b,
    yuan,
)
from app.printing.slip import evaluation_url, write_evaluation_slips
from app.settings import get_setting
from db.models import EnterpriseFeedback

needs_poppler = pytest.mark.skipif(
    not (shutil.which("pdftoppm") and shutil.which("pdffonts")), reason="poppler-utils missing"
)


def _pages(pdf: Path, dpi: int = 150) -> list[Path]:
    prefix = pdf.with_suffix("")
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", str(pdf), str(prefix)], check=True)
    return sorted(pdf.parent.glob(f"{prefix.name}-*.png"))


def _codes(png: Path) -> list[str]:
    with PIL_Image.open(png) as image:
        return [r.text for r in zxingcpp.read_barcodes(image.convert("L"))]


def _fonts(pdf: Path) -> list[list[str]]:
    output = subprocess.run(["pdffonts", str(pdf)], check=True, capture_output=True, text=True)
    return [line.split() for line in output.stdout.splitlines()[2:]]


def _text(pdf: Path) -> str:
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext missing")
    return subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout


DATA = [
    FormBPrintData(
        case_no="JN20260818000000",
        enterprise_name="济南泉城置业发展有限公司",
        registration_type="转移登记",
        steps=4,
        days=3,
        registration_fee_fen=8000,
        deed_tax_fen=1234550,
        stamp_duty_fen=500,
        unit_name="历下区不动产登记中心",
        completed_on=date(2026, 8, 18),
    ),
    FormBPrintData(case_no="JN20260818000001", enterprise_name="济南趵突泉商贸有限公司"),
]


def test_fee_formatting_and_total():
    assert yuan(1234550) == "12,345.50" and yuan(5) == "0.05" and yuan(None) == ""
    assert fee_total_fen(DATA[0]) == 8000 + 1234550 + 500
    assert fee_total_fen(DATA[1]) is None


@needs_poppler
def test_form_b_qr_reads_back_to_the_case_number(tmp_path):
    pdf = tmp_path / "form_b.pdf"
    write_form_b(DATA, pdf)
    pages = _pages(pdf)
    assert len(pages) == 2
    for page, data in zip(pages, DATA, strict=True):
        codes = _codes(page)
        assert [decode_case_code(c) for c in codes] == [data.case_no]
    fonts = _fonts(pdf)
    assert fonts and all(row[-5] == "yes" for row in fonts), fonts  # emb column
    assert any("WenQuanYi" in row[0] for row in fonts)
    text = _text(pdf)
    for words in ("企业回访反馈单", "济南泉城置业发展有限公司", "办理登记所用环节", "12,345.50"):
        assert words in text
    assert "合计 12,430.50 元" in text
    assert "注：办理登记缴纳费用含登记费、契税、印花税。" in text


@needs_poppler
def test_form_b_qr_survives_a_slightly_rotated_scan(tmp_path):
    pdf = tmp_path / "form_b.pdf"
    write_form_b(DATA[:1], pdf)
    (page,) = _pages(pdf)
    with PIL_Image.open(page) as image:
        tilted = image.convert("L").rotate(3, expand=True, fillcolor=255)
        codes = [r.text for r in zxingcpp.read_barcodes(tilted)]
    assert [decode_case_code(c) for c in codes] == [DATA[0].case_no]


@needs_poppler
def test_slip_qr_reads_back_to_the_evaluation_address(tmp_path, sqlite_db):
    with sqlite_db.sessions() as session:
        template = get_setting(session, "printing.evaluation_url_template")
    case_nos = [f"JN2026081800{i:04d}" for i in range(9)]  # two pages
    pdf = tmp_path / "slips.pdf"
    write_evaluation_slips(case_nos, template, pdf)
    pages = _pages(pdf)
    assert len(pages) == 2
    codes = _codes(pages[0]) + _codes(pages[1])
    assert sorted(codes) == sorted(evaluation_url(template, n) for n in case_nos)
    assert "case=JN20260818000000" in evaluation_url(template, "JN20260818000000")
    assert all(row[-5] == "yes" for row in _fonts(pdf))


def test_slip_template_needs_the_placeholder():
    with pytest.raises(ValueError):
        evaluation_url("https://example.gov.cn/evaluate", "JN1")


@needs_poppler
def test_blank_form_a_renders(tmp_path):
    pdf = tmp_path / "form_a.pdf"
    write_blank_form_a(pdf, copies=2)
    assert len(_pages(pdf, dpi=50)) == 2
    assert all(row[-5] == "yes" for row in _fonts(pdf))
    text = _text(pdf)
    for words in ("网上及电话回访单", "业务编号", "办理事项类型", "有无违反廉洁纪律", "有无建议"):
        assert words in text
    assert text.count("□") >= 2 * (4 * 4 + 2)


def test_due_forms_of_an_outlet_print_in_one_pdf_and_are_marked(any_db, world, tmp_path):
    now = datetime(2026, 8, 20, 2, tzinfo=UTC)
    with any_db.sessions.begin() as session:
        ensure_form_b_records(session)
        data = form_b_print_data(session, unit_id=world.lixia)
        assert [d.case_no for d in data] == ["JN20260818000000"]
        assert (data[0].deed_tax_fen, data[0].unit_name) == (1234550, "历下区不动产登记中心")
        pdf = tmp_path / "due.pdf"
        assert print_due_form_b(session, world.shizhong, pdf, now=now) == 1
        assert pdf.exists()
        statuses = {
            case_id: status
            for case_id, status in session.execute(
                select(EnterpriseFeedback.case_id, EnterpriseFeedback.status)
            )
        }
        assert statuses == {world.window_case: "to_do", world.online_case: "printed"}
        # Still due (printed, not returned): printing the batch again includes it.
        assert len(form_b_print_data(session, unit_id=world.shizhong)) == 1
        with pytest.raises(ValueError):
            form_b_print_data(session)
