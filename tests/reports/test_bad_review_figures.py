"""The quarterly report's 差评 and channel figures per unit, on a hand-made quarter whose every
number is worked out below (SQLite and PostgreSQL), and how they reach Excel and PDF."""

from __future__ import annotations

import shutil
import subprocess

import openpyxl
import pytest

from app.printing.quarterly_pdf import write_quarterly_pdf
from app.reports.bad_review_figures import rate_text
from app.reports.quarterly import quarterly_report
from app.reports.quarterly_xlsx import REVIEW_COLUMNS, write_quarterly_xlsx
from app.settings import set_setting
from tests.reports.bad_review_quarter import LIXIA, SHIZHONG, TODAY, build_quarter


@pytest.fixture
def quarter(any_db):
    return build_quarter(any_db)


def _units(database, scoring: str = "scored"):
    with database.sessions.begin() as session:
        set_setting(session, "bad_reviews.malicious_scoring", scoring)
    with database.sessions() as session:
        report = quarterly_report(session, 2026, 3, today=TODAY)
    return report, {u.unit: u for u in report.units}


def test_the_figures_per_unit_as_counted_by_hand(quarter):
    report, units = _units(quarter)
    lixia, shizhong = units[LIXIA], units[SHIZHONG]

    # 历下: 8 cases, 7 revisited (A8 not); scores 5 + 3 + 0 × 4 + 3 = 11.
    assert (lixia.cases, lixia.revisited, lixia.score_total) == (8, 7, 11)
    assert lixia.score_average == pytest.approx(11 / 7)
    channels = lixia.channels
    assert (channels.qr, channels.platform, channels.phone, channels.enterprise) == (1, 5, 1, 0)
    assert channels.default == 1 and channels.total == lixia.revisited
    bad = lixia.bad_reviews
    assert (bad.bad_reviews, bad.named, bad.named_called_back) == (4, 3, 2)  # A3, A6 of A3 A4 A6
    assert bad.callback_rate == pytest.approx(2 / 3)
    assert (bad.standing, bad.rectified) == (3, 1)  # A3 A4 A6 stand; A3 rectified
    assert bad.rectify_rate == pytest.approx(1 / 3)
    assert (bad.appeals, bad.appeals_upheld, bad.malicious_upheld) == (2, 1, 1)

    # 市中: B1 (3) and B2 (0); B2 never got a callback: named, not called back.
    assert (shizhong.cases, shizhong.revisited, shizhong.score_total) == (2, 2, 3)
    assert (shizhong.channels.enterprise, shizhong.channels.platform) == (1, 1)
    bad = shizhong.bad_reviews
    assert (bad.bad_reviews, bad.named, bad.named_called_back, bad.callback_rate) == (1, 1, 0, 0.0)
    assert (bad.standing, bad.rectify_rate, bad.appeals) == (0, None, 0)

    (malicious,) = report.malicious_reviews
    assert (malicious.unit, malicious.case_no, malicious.scored) == (LIXIA, "A5", True)
    assert malicious.decided_by == "组长复核（刘组长）" and malicious.reason == "以差评要挟"
    as_json = report.to_json()
    (lixia_json,) = [u for u in as_json["units"] if u["unit"] == LIXIA]
    assert lixia_json["bad_reviews"]["rectify_rate"] == 0.3333
    assert lixia_json["channels"] == {
        "qr": 1,
        "platform": 5,
        "phone": 1,
        "enterprise": 0,
        "default": 1,
        "total": 7,
    }
    assert as_json["malicious_reviews"][0]["case_no"] == "A5"


def test_a_malicious_review_left_out_of_the_score_when_the_setting_says_so(quarter):
    report, units = _units(quarter, "excluded")
    lixia = units[LIXIA]
    # A5 scored 0: the total stays 11, the average is over the six others; still revisited.
    assert (lixia.score_total, lixia.revisited) == (11, 7)
    assert lixia.score_average == pytest.approx(11 / 6)
    assert report.malicious_reviews[0].scored is False
    assert report.malicious_scoring == "excluded"


def test_the_excel_export_has_the_new_columns(quarter, tmp_path):
    report, units = _units(quarter)
    path = tmp_path / "q.xlsx"
    write_quarterly_xlsx(report, path)
    workbook = openpyxl.load_workbook(path)
    assert workbook.sheetnames == ["季度通报", "差评与渠道", "恶意差评"]
    assert workbook.active.title == "季度通报"
    sheet = workbook["差评与渠道"]
    rows = list(sheet.iter_rows(values_only=True))
    header = next(i for i, row in enumerate(rows) if row[0] == "受理单位")
    assert list(rows[header]) == [c.title for c in REVIEW_COLUMNS]
    assert rows[header][1:] == (
        "扫码评价",
        "好差评平台",
        "电话回访",
        "企业回访",
        "其中系统默认评价",
        "差评",
        "实名差评",
        "实名差评已回访",
        "实名差评回访率",
        "差评成立",
        "已整改",
        "差评整改率",
        "提出申诉",
        "申诉成立",
        "恶意差评",
    )
    table = {row[0]: row for row in rows[header + 1 : header + 4]}
    lixia = table[LIXIA]
    assert lixia[1:9] == (1, 5, 1, 0, 1, 4, 3, 2)
    assert lixia[9] == pytest.approx(2 / 3) and lixia[12] == pytest.approx(1 / 3)
    assert (lixia[10], lixia[11], lixia[13], lixia[14], lixia[15]) == (3, 1, 2, 1, 1)
    shizhong = table[SHIZHONG]
    assert shizhong[9] == 0 and shizhong[12] == "—"  # nothing stands: no rate to give
    total = table["合计"]
    assert total[6:9] == (5, 4, 2) and total[9] == pytest.approx(2 / 4)
    rate_cell = sheet.cell(header + 1 + 1 + [*table].index(LIXIA), 10)
    assert rate_cell.number_format == "0.00%" and rate_cell.font.color.rgb == "FFC00000"
    notes = "\n".join(
        str(row[0]) for row in rows if row[0] and str(row[0])[:2] in ("1.", "2.", "3.", "4.")
    )
    assert "实名差评回访率" in notes and "照常计分" in notes

    malicious = list(workbook["恶意差评"].iter_rows(values_only=True))
    header = next(i for i, row in enumerate(malicious) if row[0] == "受理单位")
    assert malicious[header + 1][:2] == (LIXIA, "A5")
    assert malicious[header + 1][5:] == ("组长复核（刘组长）", "计分")
    ranking = "\n".join(
        str(c) for row in workbook["季度通报"].iter_rows(values_only=True) for c in row if c
    )
    assert "经申诉认定为恶意的差评1件" in ranking


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_the_pdf_shows_them_too(quarter, tmp_path):
    report, _ = _units(quarter)
    path = tmp_path / "q.pdf"
    write_quarterly_pdf(report, path)
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "差评处理与评价渠道" in text and "经申诉认定为恶意的差评" in text
    assert rate_text(1 / 3) in text and "66.67%" in text and "—" in text
    assert "A5" in text and "以差评要挟" in text


def test_rates_read_as_the_report_prints_them():
    assert rate_text(None) == "—"
    assert rate_text(1.0) == "100.00%"
    assert rate_text(2 / 3) == "66.67%"
