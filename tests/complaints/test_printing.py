"""The printed forms H.1 (投诉登记表), H.2 (投诉督办表, "第 N 次督办") and 附录 I: rendered by
poppler, the Chinese font embedded, the words where a reader looks for them, long text carried
onto a second page rather than cut off."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from app.complaints.corrective import (
    CapaInput,
    capa_row,
    complete_capa,
    create_capa,
    verify_capa,
)
from app.complaints.registry import (
    ComplaintInput,
    record_complainant_opinion,
    record_first_contact,
    record_reply,
    register_complaint,
)
from app.complaints.supervision import issue_order, record_order_reply
from app.printing.complaint_forms import (
    capa_form_pdf,
    complaint_form_pdf,
    supervision_form_pdf,
    write_capa_form,
)
from db.models import SupervisionOrder

from .conftest import World, at

pytestmark = pytest.mark.skipif(
    not all(shutil.which(tool) for tool in ("pdftoppm", "pdffonts", "pdftotext")),
    reason="poppler-utils missing",
)
NOW = at(2026, 11, 20, 10)


def pages(pdf: Path) -> list[Path]:
    prefix = pdf.with_suffix("")
    subprocess.run(["pdftoppm", "-r", "60", "-png", str(pdf), str(prefix)], check=True)
    return sorted(pdf.parent.glob(f"{prefix.name}-*.png"))


def fonts(pdf: Path) -> list[list[str]]:
    output = subprocess.run(["pdffonts", str(pdf)], check=True, capture_output=True, text=True)
    return [line.split() for line in output.stdout.splitlines()[2:]]


def text(pdf: Path) -> str:
    output = subprocess.run(
        ["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True
    )
    return "".join(output.stdout.split())  # wrapped lines joined: look for words, not layout


def assert_embedded(pdf: Path) -> None:
    listed = fonts(pdf)
    assert listed, "the PDF lists its fonts"
    assert all(row[0].endswith("WenQuanYiMicroHei-0") for row in listed), listed
    assert all(row[-5] == "yes" for row in listed), listed  # the emb column


@pytest.fixture
def handled(any_db, world: World) -> dict[str, int]:
    """A 立案处理类 complaint with a late first contact, two orders and a verified action."""
    with any_db.sessions.begin() as session:
        c = register_complaint(
            session,
            ComplaintInput(
                content="窗口人员态度冷淡，要求重复提交户口簿复印件，往返两次。",
                channel="on_site",
                category="filed",
                complainant="赵志强",
                contact="13951234567",
                address="无锡市滨湖区湖滨花园3幢201室",
                case_no="WX202609280001",
                received_at=at(2026, 9, 30, 10, 20),
            ),
            by_id=world.operator,
            now=at(2026, 9, 30, 10, 30),
        )
        record_first_contact(
            session, c.id, by_id=world.operator, note="电话联系投诉人", now=at(2026, 10, 10, 9)
        )
        first = issue_order(
            session, c.id, by_id=world.lead, opinion="请核实并书面回复", now=at(2026, 10, 12)
        )
        record_order_reply(
            session,
            first.id,
            by_id=world.operator,
            reply="已批评教育经办人员",
            now=at(2026, 10, 20),
        )
        record_reply(
            session, c.id, by_id=world.operator, reply="已核实并道歉", now=at(2026, 10, 21)
        )
        record_complainant_opinion(
            session,
            c.id,
            by_id=world.operator,
            satisfied=False,
            opinion="要求书面说明",
            now=at(2026, 10, 21),
        )
        second = issue_order(
            session, c.id, by_id=world.lead, opinion="出具书面说明并当面送达", now=at(2026, 10, 22)
        )
        capa = create_capa(
            session,
            CapaInput(
                source="complaint",
                complaint_id=c.id,
                problem="重复要求提交材料",
                cause="未执行一次性告知",
                correction="批评教育",
                prevention="公示材料清单",
                owner="王建国",
                due_on=date(2026, 11, 30),
            ),
            by_id=world.operator,
            now=at(2026, 10, 23),
        )
        complete_capa(session, capa.id, by_id=world.operator, now=at(2026, 11, 5))
        verify_capa(
            session,
            capa.id,
            by_id=world.lead,
            effective=True,
            verification="抽查10件无重复提交",
            now=at(2026, 11, 12),
        )
        return {"complaint": c.id, "first": first.id, "second": second.id, "capa": capa.id}


def test_h1_registration_form(any_db, handled, tmp_path: Path) -> None:
    pdf = tmp_path / "h1.pdf"
    with any_db.sessions() as session:
        complaint_form_pdf(session, handled["complaint"], pdf, NOW)
    assert len(pages(pdf)) == 1
    assert_embedded(pdf)
    words = text(pdf)
    for expected in (
        "附录H表H.1",
        "“四全”服务网点投诉登记表",
        "编号：TS2026-0001",
        "2026年9月30日10:20",
        "■现场□电话□网上□信函",
        "□意见反映类□现场协调类■立案处理类",
        "赵志强",
        "13951234567",
        "被投诉人员张伟",
        "WX202609280001",
        "二手房转移登记",
        "往返两次",
        "期限：2026年10月9日",
        "（逾期1个工作日）",  # contacted on Sat 10 Oct, a make-up working day
        "已核实并道歉",
        "（按期）",
        "第1次督办",
        "第2次督办",
        "□满意■不满意",
        "要求书面说明",
        "受理人签字",
    ):
        assert expected in words, expected


def test_h2_supervision_order_says_which_issue(any_db, handled, tmp_path: Path) -> None:
    first, second = tmp_path / "first.pdf", tmp_path / "second.pdf"
    with any_db.sessions() as session:
        supervision_form_pdf(session, handled["first"], first, NOW)
        supervision_form_pdf(session, handled["second"], second, NOW)
        assert (
            session.scalar(
                select(SupervisionOrder.sequence).where(SupervisionOrder.id == handled["second"])
            )
            == 2
        )
    for pdf in (first, second):
        assert len(pages(pdf)) == 1
        assert_embedded(pdf)
    words = text(first)
    assert "第1次督办" in words and "前次督办" not in words
    assert "请核实并书面回复" in words and "已批评教育经办人员" in words
    words = text(second)
    for expected in (
        "附录H表H.2",
        "“四全”服务网点投诉督办表",
        "第2次督办",
        "编号：TS2026-0001-2",
        "前次督办",
        "请核实并书面回复",  # the first order and its reply, for the record
        "已批评教育经办人员",
        "投诉人意见：不满意。要求书面说明",
        "出具书面说明并当面送达",
        "回复期限2026年11月5日",
        "承办网点滨湖区不动产登记中心",
    ):
        assert expected in words, expected


def test_appendix_i_corrective_action(any_db, handled, tmp_path: Path) -> None:
    pdf = tmp_path / "capa.pdf"
    with any_db.sessions() as session:
        capa_form_pdf(session, handled["capa"], pdf, NOW)
    assert len(pages(pdf)) == 1
    assert_embedded(pdf)
    words = text(pdf)
    for expected in (
        "“四全”服务网点纠正和预防措施记录",
        "编号：JZ2026-0001",
        "■服务对象的投诉",
        "关联投诉TS2026-0001",
        "未执行一次性告知",
        "公示材料清单",
        "责任人王建国",
        "2026年11月30日",
        "■有效□无效",
        "抽查10件无重复提交",
    ):
        assert expected in words, expected


def test_long_text_flows_onto_the_next_page(any_db, handled, tmp_path: Path) -> None:
    with any_db.sessions() as session:
        row = capa_row(session, handled["capa"], NOW)
    row.problem = "窗口人员对契税减免政策解释不清，" * 150 + "问题描述到此结束。"
    row.cause = "原因之一：培训不足。" * 60 + "原因分析到此结束。"
    pdf = tmp_path / "long.pdf"
    write_capa_form(row, pdf, printed_at=NOW)
    assert len(pages(pdf)) >= 2
    assert_embedded(pdf)
    words = text(pdf)
    assert "问题描述到此结束。" in words and "原因分析到此结束。" in words
    # pdftotext may interleave the label column with a long cell: count characters, not words.
    assert words.count("契") == 150 and words.count("足") == 60
