"""A 差评's life beside its callback (app.bad_reviews.process): opened with the callback, 核实,
申诉复核 with evidence, 整改 on its working-day clock, feedback, 结案 — every step audited, each
refused in the wrong order or for the wrong role, with a reason a person can act on."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from app.audit import action_title
from app.bad_reviews import process as p
from app.bad_reviews.evidence import (
    EVIDENCE_KIND,
    MAX_FILES,
    EvidenceFile,
    EvidenceRefused,
    read_evidence,
)
from app.bad_reviews.summary import bad_review_summary
from app.callbacks.board import CALLBACK, board_rows
from app.callbacks.opening import open_callback, open_for_first_evaluations
from app.callbacks.tasks import resolve
from app.desk.calls import FormAAnswers, save_form_a
from app.desk.queue import next_case
from app.enterprise.forms import FormBAnswers, ensure_form_b_records, record_answers
from app.ratings import Rating
from app.roles import NotPermitted
from app.scanning.files import ScanRefused
from app.scanning.store import AttachmentStore
from app.settings import set_setting
from db.models import (
    Attachment,
    AuditEntry,
    BadReview,
    BadReviewEvidence,
    CallbackTask,
    EnterpriseFeedback,
    Evaluation,
    QueueEntry,
    Staff,
)

from . import helpers as h
from .bad_reviews import bad_review, png

NOW = h.local(2026, 11, 16, 10)  # a Monday; 3 working days on: Thu 19, 15: Mon 7 December


@dataclass
class World:
    database: object
    people: h.People
    second_lead: int
    auditor: int
    opened: object  # bad_reviews.Opened
    store: AttachmentStore


@pytest.fixture
def world(any_db) -> World:
    with any_db.sessions.begin() as session:
        people = h.people(session)
        others = [Staff(name="刘组长", role="team_lead"), Staff(name="孙审计", role="auditor")]
        session.add_all(others)
        session.flush()
        owner = h.unit(session, "历下区登记中心")
        opened = bad_review(session, owner, "LX-1", NOW, completed_on=date(2026, 11, 2))
    return World(
        any_db, people, others[0].id, others[1].id, opened, AttachmentStore.for_database(any_db)
    )


def _review(world: World) -> BadReview:
    with world.database.sessions() as session:
        review = session.get(BadReview, world.opened.review_id)
        session.expunge(review)
        return review


def _step(world: World, step, *args, **kwargs):
    with world.database.sessions.begin() as session:
        return step(session, *args, **kwargs)


def _verify(world: World, by: int, *, true: bool, malicious: bool = False, when=NOW):
    _step(
        world,
        p.verify,
        world.opened.review_id,
        by_id=by,
        found_true=true,
        found_reasonable=not malicious and true,
        malicious=malicious,
        verification="调取窗口录像，核对办理记录",
        malicious_reason="以差评要挟加急办理" if malicious else None,
        now=when,
    )


def _appeal(world: World, by: int, when=NOW + timedelta(hours=1), files=None):
    _step(
        world,
        p.file_appeal,
        world.opened.review_id,
        store=world.store,
        by_id=by,
        reasons="评价人所述与录像不符",
        evidence=files or [EvidenceFile("录像截图.png", png(1)), EvidenceFile("通话.pdf", PDF)],
        now=when,
    )


PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


# Opening


def test_a_bad_review_opens_its_process_with_its_callback_and_only_a_bad_review(any_db):
    with any_db.sessions.begin() as session:
        owner = h.unit(session, "历下区登记中心")
        # 总体 一般 with 服务态度 不满意: a second-round callback, not a 差评.
        plain = h.callback(session, owner, "LX-2", NOW)
        opened = bad_review(session, owner, "LX-3", NOW)
        # Imported: open_for_first_evaluations opens both kinds in one go.
        imported = h.case(session, owner, "LX-4", date(2026, 11, 2))
        session.add(
            Evaluation(
                case_id=imported.id,
                channel="platform",
                round=1,
                evaluated_at=NOW,
                overall="dissatisfied",
                efficiency="satisfied",
                attitude="satisfied",
                materials="satisfied",
            )
        )
        session.flush()
        assert open_for_first_evaluations(session, [imported.id], NOW) == 1
        # Opening again opens nothing new.
        case_row = session.get(CallbackTask, opened.task_id)
        again = open_callback(
            session,
            imported,
            session.scalar(select(Evaluation.id).where(Evaluation.case_id == imported.id)),
            now=NOW,
        )
        assert case_row is not None and again.case_id == imported.id
    with any_db.sessions() as session:
        stages = dict(
            session.execute(
                select(CallbackTask.id, BadReview.stage).join(
                    BadReview, BadReview.callback_task_id == CallbackTask.id
                )
            ).all()
        )
        assert plain not in stages and stages[opened.task_id] == p.VERIFY
        assert session.scalar(select(func.count()).select_from(BadReview)) == 2
        summary = bad_review_summary(session, opened.task_id, now=NOW)
        assert bad_review_summary(session, plain, now=NOW) is None
    assert summary.stage_label == "待核实" and summary.next_steps == "核实"
    assert summary.steps == (p.STEP_VERIFY,)


def test_a_bad_review_taken_on_the_phone_opens_its_process(any_db):
    with any_db.sessions.begin() as session:
        people = h.people(session)
        case_row = h.case(session, h.unit(session, "历下区登记中心"), "LX-5", date(2026, 11, 2))
        session.add(
            QueueEntry(
                kind="first", case_id=case_row.id, status="open", ready_at=NOW - timedelta(hours=1)
            )
        )
    item = next_case(any_db, people.wang, now=NOW)
    unhappy = FormAAnswers(
        Rating.DISSATISFIED,
        Rating.SATISFIED,
        Rating.SATISFIED,
        Rating.SATISFIED,
        False,
        dissatisfaction_category="other",
        dissatisfaction_details="整体不满意",
    )
    with any_db.sessions.begin() as session:
        saved = save_form_a(
            session,
            item.entry_id,
            people.wang,
            unhappy,
            duration_seconds=60,
            phone_e164=None,
            now=NOW,
        )
    with any_db.sessions() as session:
        review = session.scalar(
            select(BadReview).where(BadReview.callback_task_id == saved.callback_task_id)
        )
    assert review is not None and review.stage == p.VERIFY


def test_a_form_b_not_satisfied_opens_its_process(any_db):
    with any_db.sessions.begin() as session:
        case_row = h.case(session, h.unit(session, "历下区登记中心"), "QY-1", date(2026, 11, 2))
        case_row.is_enterprise = True
        case_row.enterprise_name = "济南明泉置业有限公司"
        ensure_form_b_records(session)
        form = session.scalar(
            select(EnterpriseFeedback).where(EnterpriseFeedback.case_id == case_row.id)
        )
        result = record_answers(
            session,
            form.id,
            FormBAnswers(satisfaction=Rating.DISSATISFIED, suggestion="材料反复补交"),
            now=NOW,
        )
        review = session.scalar(
            select(BadReview).where(BadReview.callback_task_id == result.callback_task_id)
        )
        assert review is not None and review.stage == p.VERIFY


# Whole lives


def test_a_true_review_is_rectified_fed_back_and_closed(world):
    lead, wang = world.people.lead, world.people.wang
    _verify(world, lead, true=True)
    review = _review(world)
    assert (review.stage, review.stands, review.rectify_due) == (p.RECTIFY, True, date(2026, 12, 7))
    assert review.verified_by_id == lead and review.verification == "调取窗口录像，核对办理记录"

    _step(
        world,
        p.plan_rectification,
        review.id,
        by_id=lead,
        measures="窗口增设材料清单，一次告知",
        owner="受理科 王科长",
        by=date(2026, 11, 27),
        now=NOW + timedelta(days=1),
    )
    # The plan may be changed until it is done; never past the rule's deadline.
    _step(
        world,
        p.plan_rectification,
        review.id,
        by_id=lead,
        measures="窗口增设材料清单，一次告知；复核三次以上未办结的件",
        owner="受理科 王科长",
        now=NOW + timedelta(days=2),
    )
    assert _review(world).rectify_by == date(2026, 12, 7)  # the deadline when none is given
    _step(
        world,
        p.complete_rectification,
        review.id,
        by_id=wang,
        result="清单已张贴，复核机制已运行",
        now=NOW + timedelta(days=8),
    )
    _step(
        world,
        p.record_feedback,
        review.id,
        by_id=wang,
        means="phone",
        text="已告知整改情况",
        satisfied=True,
        now=NOW + timedelta(days=9),
    )
    # Until it is closed, the 差评 keeps its callback on the board, even resolved.
    with world.database.sessions.begin() as session:
        resolve(
            session,
            world.opened.task_id,
            by_id=wang,
            explanation="已说明",
            answers=FormAAnswers(*(Rating.SATISFIED,) * 4, False),
            now=NOW + timedelta(days=9),
        )
    with world.database.sessions() as session:
        (row,) = board_rows(session, today=date(2026, 11, 25))
    assert (row.kind, row.id, row.review_stage) == (CALLBACK, world.opened.task_id, p.TO_CLOSE)
    assert row.kind_label == "差评" and row.status_label == "已解决，差评待结案"
    assert row.deadline is None and not row.calendar_missing and not row.overdue

    _step(world, p.close, review.id, by_id=lead, now=NOW + timedelta(days=10))
    review = _review(world)
    assert review.stage == p.CLOSED and review.closed_by_id == lead
    with world.database.sessions() as session:
        assert board_rows(session, today=date(2026, 11, 26)) == []
        trail = session.execute(
            select(AuditEntry.action, AuditEntry.actor, AuditEntry.after)
            .where(AuditEntry.entity == "bad_review", AuditEntry.entity_uid == review.uid)
            .order_by(AuditEntry.id)
        ).all()
    assert [action for action, _actor, _after in trail] == [
        "bad_review.verify",
        "bad_review.plan",
        "bad_review.plan",
        "bad_review.rectified",
        "bad_review.feedback",
        "bad_review.close",
    ]
    assert trail[0].actor == f"张组长 (#{lead})" and trail[3].actor == f"王芳 (#{wang})"
    assert trail[1].after["rectify_by"] == "2026-11-27"
    assert [action_title(action) for action, *_ in trail][:2] == ["核实差评", "制定差评整改"]


def test_a_malicious_review_is_appealed_with_evidence_and_set_aside(world):
    lead, second = world.people.lead, world.second_lead
    _verify(world, lead, true=False, malicious=True)
    assert _review(world).stage == p.APPEALABLE and _review(world).stands is None
    _appeal(world, lead)
    review = _review(world)
    assert review.stage == p.APPEALING and review.appeal_due == date(2026, 11, 19)
    with world.database.sessions() as session:
        attachments = session.scalars(
            select(Attachment)
            .join(BadReviewEvidence, BadReviewEvidence.attachment_id == Attachment.id)
            .order_by(Attachment.id)
        ).all()
        assert [(a.filename, a.kind, a.case_id) for a in attachments] == [
            ("录像截图.png", EVIDENCE_KIND, world.opened.case_id),
            ("通话.pdf", EVIDENCE_KIND, world.opened.case_id),
        ]
        assert [a.media_type for a in attachments] == ["image/png", "application/pdf"]
        assert world.store.get(session, attachments[0].sha256) == png(1)
        summary = bad_review_summary(session, world.opened.task_id, now=NOW)
    assert [item.filename for item in summary.evidence] == ["录像截图.png", "通话.pdf"]
    assert summary.appeal_clock.label == "剩 3 个工作日" and not summary.appeal_clock.late

    # The lead who filed it cannot decide it; another lead can.
    with pytest.raises(p.BadReviewError, match="提出申诉的人不能复核自己的申诉") as refused:
        _step(
            world,
            p.decide_appeal,
            review.id,
            by_id=lead,
            upheld=True,
            opinion="录像证实",
            decider=p.TEAM_LEAD,
        )
    assert refused.value.field == "decider"
    _step(
        world,
        p.decide_appeal,
        review.id,
        by_id=second,
        upheld=True,
        opinion="录像证实评价人所述不实，且以差评要挟",
        decider=p.TEAM_LEAD,
        now=h.local(2026, 11, 20, 9),  # a day late
    )
    review = _review(world)
    assert (review.stage, review.stands, review.appeal_upheld) == (p.FEEDBACK, False, True)
    assert (review.appeal_decider, review.appeal_decider_name) == (p.TEAM_LEAD, "刘组长")
    assert review.rectify_due is None  # set aside: nothing to rectify
    with world.database.sessions() as session:
        summary = bad_review_summary(session, world.opened.task_id, now=NOW + timedelta(days=7))
        assert session.scalar(select(func.count()).select_from(Evaluation)) == 1  # never deleted
    assert summary.upheld_as_malicious
    assert summary.appeal_clock.late and summary.appeal_clock.label == "逾期 1 个工作日完成"
    _step(world, p.record_feedback, review.id, by_id=world.people.li, means="sms", text="已说明")
    _step(world, p.close, review.id, by_id=second)
    assert _review(world).stage == p.CLOSED


def test_a_rejected_appeal_recorded_for_the_city_bureau_goes_to_rectification(world):
    lead = world.people.lead
    _verify(world, lead, true=False)
    _appeal(world, lead)
    with pytest.raises(p.BadReviewError, match="请填写作出复核结论的市局部门或人员"):
        _step(
            world,
            p.decide_appeal,
            world.opened.review_id,
            by_id=lead,
            upheld=False,
            opinion="证据不足",
            decider=p.CITY_BUREAU,
            decider_name="  ",
        )
    _step(
        world,
        p.decide_appeal,
        world.opened.review_id,
        by_id=lead,  # the lead who filed it records the bureau's decision
        upheld=False,
        opinion="证据不足以认定不属实",
        decider=p.CITY_BUREAU,
        decider_name="市局考核办",
        now=h.local(2026, 11, 18, 15),
    )
    review = _review(world)
    assert (review.stage, review.stands, review.appeal_decider_name) == (
        p.RECTIFY,
        True,
        "市局考核办",
    )
    assert review.rectify_due == date(2026, 12, 9)  # 15 working days from Wed 18 Nov


def test_a_review_not_contested_stands_once_its_rectification_is_planned(world):
    _verify(world, world.people.lead, true=False)
    _step(
        world,
        p.plan_rectification,
        world.opened.review_id,
        by_id=world.people.lead,
        measures="加强告知",
        owner="王科长",
        now=NOW + timedelta(days=1),
    )
    review = _review(world)
    assert (review.stage, review.stands, review.appeal_filed_at) == (p.RECTIFY, True, None)
    assert review.rectify_due == review.rectify_by == date(2026, 12, 8)


def test_the_settings_give_the_clocks(world):
    with world.database.sessions.begin() as session:
        set_setting(session, "bad_reviews.appeal_working_days", 5)
        set_setting(session, "bad_reviews.rectify_working_days", 7)
    _verify(world, world.people.lead, true=False)
    _appeal(world, world.people.lead)
    assert _review(world).appeal_due == date(2026, 11, 23)
    _step(
        world,
        p.decide_appeal,
        world.opened.review_id,
        by_id=world.second_lead,
        upheld=False,
        opinion="不成立",
        decider=p.TEAM_LEAD,
        now=NOW + timedelta(days=1),
    )
    assert _review(world).rectify_due == date(2026, 11, 26)


# Refusals: the order of the steps


def _try(world: World, step: str, by: int | None = None):
    """Take `step` with valid values, as a lead unless `by` says who."""
    by = world.people.lead if by is None else by
    review_id = world.opened.review_id
    calls = {
        p.STEP_VERIFY: lambda: _verify(world, by, true=True),
        p.STEP_APPEAL: lambda: _appeal(world, by),
        p.STEP_DECIDE: lambda: _step(
            world,
            p.decide_appeal,
            review_id,
            by_id=by,
            upheld=False,
            opinion="不成立",
            decider=p.CITY_BUREAU,
            decider_name="市局",
        ),
        p.STEP_PLAN: lambda: _step(
            world,
            p.plan_rectification,
            review_id,
            by_id=by,
            measures="措施",
            owner="王科长",
            now=NOW,
        ),
        p.STEP_RECTIFIED: lambda: _step(
            world, p.complete_rectification, review_id, by_id=by, result="已整改"
        ),
        p.STEP_FEEDBACK: lambda: _step(
            world, p.record_feedback, review_id, by_id=by, means="phone", text="已告知"
        ),
        p.STEP_CLOSE: lambda: _step(world, p.close, review_id, by_id=by),
    }
    return calls[step]()


@pytest.mark.parametrize(
    "step",
    [
        p.STEP_APPEAL,
        p.STEP_DECIDE,
        p.STEP_PLAN,
        p.STEP_RECTIFIED,
        p.STEP_FEEDBACK,
        p.STEP_CLOSE,
    ],
)
def test_before_verification_every_other_step_is_refused(world, step):
    with pytest.raises(p.BadReviewError) as refused:
        _try(world, step)
    assert str(refused.value) == (f"此差评当前为“待核实”，不能{p.step_label(step)}；下一步：核实")
    assert _review(world).stage == p.VERIFY


def test_a_true_review_cannot_be_appealed_nor_verified_again(world):
    _verify(world, world.people.lead, true=True)
    with pytest.raises(p.BadReviewError, match="不能提出申诉；下一步：制定整改"):
        _try(world, p.STEP_APPEAL)
    with pytest.raises(p.BadReviewError, match="“整改中”，不能核实"):
        _try(world, p.STEP_VERIFY)
    with pytest.raises(p.BadReviewError, match="请先制定整改措施"):
        _try(world, p.STEP_RECTIFIED)
    with pytest.raises(p.BadReviewError, match="不能结案；下一步：制定整改"):
        _try(world, p.STEP_CLOSE)


def test_an_appeal_is_filed_once_and_decided_once(world):
    _verify(world, world.people.lead, true=False)
    _appeal(world, world.people.lead)
    with pytest.raises(p.BadReviewError, match="“申诉复核中”，不能提出申诉；下一步：复核申诉"):
        _appeal(world, world.people.lead)
    with pytest.raises(p.BadReviewError, match="不能制定整改"):
        _try(world, p.STEP_PLAN)
    _try(world, p.STEP_DECIDE)
    with pytest.raises(p.BadReviewError, match="“整改中”，不能复核申诉"):
        _try(world, p.STEP_DECIDE)


def test_a_closed_review_takes_no_step(world):
    for step in (p.STEP_VERIFY, p.STEP_PLAN, p.STEP_RECTIFIED, p.STEP_FEEDBACK, p.STEP_CLOSE):
        _try(world, step)
    for step in p.STEPS:
        with pytest.raises(p.BadReviewError, match="已结案.*下一步：无（已结案）"):
            _try(world, step)


# Refusals: who may


@pytest.mark.parametrize(
    "step", [p.STEP_VERIFY, p.STEP_APPEAL, p.STEP_DECIDE, p.STEP_PLAN, p.STEP_CLOSE]
)
def test_decisions_are_a_team_leads(world, step):
    with pytest.raises(NotPermitted, match="仅限组长、管理员"):
        _try(world, step, by=world.people.wang)
    with pytest.raises(NotPermitted):
        _try(world, step, by=world.auditor)


@pytest.mark.parametrize("step", [p.STEP_RECTIFIED, p.STEP_FEEDBACK])
def test_an_auditor_records_no_work(world, step):
    with pytest.raises(NotPermitted, match="回访员"):
        _try(world, step, by=world.auditor)


def test_an_administrator_may_take_every_step(world):
    admin = world.people.admin
    for step in (p.STEP_VERIFY, p.STEP_PLAN, p.STEP_RECTIFIED, p.STEP_FEEDBACK, p.STEP_CLOSE):
        _try(world, step, by=admin)
    assert _review(world).stage == p.CLOSED


def test_steps_a_role_may_take_now(world):
    with world.database.sessions() as session:
        summary = bad_review_summary(session, world.opened.task_id, now=NOW)
    assert summary.steps_for("operator") == ()
    assert summary.steps_for("team_lead") == (p.STEP_VERIFY,)
    _verify(world, world.people.lead, true=True)
    _try(world, p.STEP_PLAN)
    with world.database.sessions() as session:
        summary = bad_review_summary(session, world.opened.task_id, now=NOW)
    assert summary.steps_for("operator") == (p.STEP_RECTIFIED,)
    assert summary.steps_for("team_lead") == (p.STEP_PLAN, p.STEP_RECTIFIED)
    assert summary.steps_for("auditor") == ()


def test_an_unknown_review_or_a_person_without_a_role(world):
    with pytest.raises(p.BadReviewError, match="找不到此差评"):
        _step(
            world,
            p.close,
            world.opened.review_id + 999,
            by_id=world.people.lead,
        )
    with pytest.raises(NotPermitted):  # nobody: the least role
        _step(world, p.close, world.opened.review_id, by_id=0)


# Refusals: what was typed


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"found_true": None}, "found_true", "请选择是否属实"),
        ({"found_reasonable": "yes"}, "found_reasonable", "请选择是否合理"),
        ({"malicious": 1}, "malicious", "请选择是否恶意评价"),
        ({"verification": "   "}, "verification", "请填写核实情况"),
        ({"verification": 42}, "verification", "核实情况应为文字"),
        ({"verification": "x" * 4001}, "verification", "核实情况太长（4001 字），最多 4000 字"),
        ({"verification": "录像\x00截图"}, "verification", "含有无法保存的控制字符"),
        ({"malicious": True, "malicious_reason": ""}, "malicious_reason", "请写明理由"),
        (
            {"malicious": True, "found_reasonable": True, "malicious_reason": "要挟"},
            "malicious",
            "合理的差评不能同时认定为恶意评价",
        ),
    ],
)
def test_verification_refuses_what_is_missing_or_malformed(world, changes, field, message):
    values = {
        "found_true": False,
        "found_reasonable": False,
        "malicious": False,
        "verification": "核实",
        "malicious_reason": None,
        **changes,
    }
    with pytest.raises(p.BadReviewError, match=message) as refused:
        _step(world, p.verify, world.opened.review_id, by_id=world.people.lead, **values)
    assert refused.value.field == field
    assert _review(world).stage == p.VERIFY


def test_an_appeal_needs_reasons_and_evidence_that_is_an_image_or_a_pdf(world):
    lead = world.people.lead
    _verify(world, lead, true=False, malicious=True)
    with pytest.raises(p.BadReviewError, match="请填写申诉理由"):
        _step(
            world,
            p.file_appeal,
            world.opened.review_id,
            store=world.store,
            by_id=lead,
            reasons=" ",
            evidence=[EvidenceFile("a.png", png())],
        )
    with pytest.raises(p.BadReviewError, match="请添加至少一份申诉证据材料"):
        _step(
            world,
            p.file_appeal,
            world.opened.review_id,
            store=world.store,
            by_id=lead,
            reasons="理由",
            evidence=[],
        )
    with pytest.raises(ScanRefused, match="“说明.txt”不是图片"):
        _appeal(world, lead, files=[EvidenceFile("a.png", png()), EvidenceFile("说明.txt", b"hi")])
    with pytest.raises(ScanRefused, match="已损坏"):
        _appeal(world, lead, files=[EvidenceFile("坏.png", png()[:40])])
    with pytest.raises(EvidenceRefused, match=f"最多 {MAX_FILES} 份"):
        _appeal(world, lead, files=[EvidenceFile(f"{n}.png", png(n)) for n in range(MAX_FILES + 1)])
    with world.database.sessions() as session:  # nothing of the refused appeals was kept
        assert session.scalar(select(func.count()).select_from(Attachment)) == 0
    assert _review(world).stage == p.APPEALABLE
    # The same file twice is kept once; a path to a folder is refused by name.
    _appeal(world, lead, files=[EvidenceFile("a.png", png()), EvidenceFile("b.png", png())])
    with world.database.sessions() as session:
        assert session.scalar(select(func.count()).select_from(BadReviewEvidence)) == 1


def test_evidence_files_are_read_by_name(tmp_path):
    (tmp_path / "录像截图.png").write_bytes(png())
    files = read_evidence([tmp_path / "录像截图.png"])
    assert [(f.name, f.data) for f in files] == [("录像截图.png", png())]
    with pytest.raises(EvidenceRefused, match="无法读取证据文件：文件或文件夹不存在"):
        read_evidence([tmp_path / "没有.png"])
    with pytest.raises(EvidenceRefused, match="这是一个文件夹"):
        read_evidence([tmp_path])


def test_a_decision_must_say_what_and_who(world):
    lead = world.people.lead
    _verify(world, lead, true=False)
    _appeal(world, lead)
    base = {"upheld": True, "opinion": "成立", "decider": p.TEAM_LEAD}
    for changes, message in (
        ({"upheld": None}, "请选择申诉是否成立"),
        ({"decider": "mayor"}, "请选择复核单位"),
        ({"decider": ["team_lead"]}, "请选择复核单位"),
        ({"opinion": ""}, "请填写复核意见"),
        ({"decider": p.CITY_BUREAU, "decider_name": "局" * 101}, "复核单位太长"),
    ):
        with pytest.raises(p.BadReviewError, match=message):
            _step(
                world,
                p.decide_appeal,
                world.opened.review_id,
                by_id=world.second_lead,
                **{**base, **changes},
            )
    assert _review(world).stage == p.APPEALING


def test_a_plan_names_what_who_and_a_working_day_within_the_deadline(world):
    _verify(world, world.people.lead, true=True)  # due Mon 7 December
    base = {"measures": "措施", "owner": "王科长", "now": NOW}
    for changes, field, message in (
        ({"measures": ""}, "rectify_measures", "请填写整改措施"),
        ({"owner": "  "}, "rectify_owner", "请填写整改责任人"),
        ({"owner": "王" * 101}, "rectify_owner", "整改责任人太长"),
        ({"by": date(2026, 11, 13)}, "rectify_by", "2026-11-13 已经过去"),
        (
            {"by": date(2026, 12, 8)},
            "rectify_by",
            "不能晚于整改期限 2026-12-07（差评成立后 15 个工作日）",
        ),
        ({"by": date(2026, 11, 21)}, "rectify_by", "2026-11-21 不是工作日"),
        ({"by": "2026-11-30"}, "rectify_by", "整改完成日期应为日期"),
    ):
        with pytest.raises(p.BadReviewError, match=message) as refused:
            _step(
                world,
                p.plan_rectification,
                world.opened.review_id,
                by_id=world.people.lead,
                **{**base, **changes},
            )
        assert refused.value.field == field
    assert _review(world).rectify_planned_at is None


def test_feedback_says_how_and_what(world):
    for step in (p.STEP_VERIFY, p.STEP_PLAN, p.STEP_RECTIFIED):
        _try(world, step)
    review_id, by = world.opened.review_id, world.people.wang
    with pytest.raises(p.BadReviewError, match="请选择反馈方式"):
        _step(world, p.record_feedback, review_id, by_id=by, means="pigeon", text="已告知")
    with pytest.raises(p.BadReviewError, match="请选择反馈方式"):
        _step(world, p.record_feedback, review_id, by_id=by, means=["phone"], text="已告知")
    with pytest.raises(p.BadReviewError, match="请填写反馈内容"):
        _step(world, p.record_feedback, review_id, by_id=by, means="phone", text="")
    with pytest.raises(p.BadReviewError, match="是否满意"):
        _step(world, p.record_feedback, review_id, by_id=by, means="phone", text="x", satisfied="y")


# The clocks on the board


def test_late_clocks_are_overdue_on_the_board(world):
    lead = world.people.lead
    with world.database.sessions.begin() as session:  # the callback is done: only the 差评 runs
        session.get(CallbackTask, world.opened.task_id).status = "resolved"
    _verify(world, lead, true=False, malicious=True)
    with world.database.sessions() as session:
        (row,) = board_rows(session, today=date(2026, 11, 30))
    assert row.status_label == "已解决，差评待申诉或整改" and row.deadline is None
    assert not row.overdue
    _appeal(world, lead)  # decision due Thu 19 November
    with world.database.sessions() as session:
        (on_time,) = board_rows(session, today=date(2026, 11, 19))
        (late,) = board_rows(session, today=date(2026, 11, 23))
    assert (on_time.deadline, on_time.deadline_label, on_time.days_left) == (
        date(2026, 11, 19),
        "申诉复核",
        0,
    )
    assert not on_time.overdue
    assert late.overdue and late.days_left == -2 and late.status_label.endswith("申诉复核中")
    _step(
        world,
        p.decide_appeal,
        world.opened.review_id,
        by_id=world.second_lead,
        upheld=False,
        opinion="不成立",
        decider=p.TEAM_LEAD,
        now=h.local(2026, 11, 23, 9),
    )
    _step(
        world,
        p.plan_rectification,
        world.opened.review_id,
        by_id=lead,
        measures="措施",
        owner="王科长",
        by=date(2026, 11, 30),
        now=h.local(2026, 11, 23, 10),
    )
    with world.database.sessions() as session:
        (row,) = board_rows(session, today=date(2026, 12, 1))
        summary = bad_review_summary(session, world.opened.task_id, now=h.local(2026, 12, 1))
    assert (row.deadline, row.deadline_label, row.overdue, row.days_left) == (
        date(2026, 11, 30),
        "整改",
        True,
        -1,
    )
    assert summary.rectify_clock.late and summary.rectify_clock.label == "逾期 1 个工作日"


def test_a_deadline_in_a_year_the_calendar_lacks(world):
    """Verified at the end of 2026: 15 working days reach into 2027, not entered yet."""
    _verify(world, world.people.lead, true=True, when=h.local(2026, 12, 28))
    review = _review(world)
    assert review.stage == p.RECTIFY and review.rectify_due is None
    with world.database.sessions.begin() as session:
        session.get(CallbackTask, world.opened.task_id).status = "resolved"
    with world.database.sessions() as session:
        (row,) = board_rows(session, today=date(2026, 12, 29))
    assert row.deadline is None and row.calendar_missing and not row.overdue
    with pytest.raises(p.BadReviewError, match="请填写整改完成日期") as refused:
        _step(
            world,
            p.plan_rectification,
            review.id,
            by_id=world.people.lead,
            measures="措施",
            owner="王科长",
            now=h.local(2026, 12, 29),
        )
    assert refused.value.field == "rectify_by"
    _step(
        world,
        p.plan_rectification,
        review.id,
        by_id=world.people.lead,
        measures="措施",
        owner="王科长",
        by=date(2027, 1, 15),
        now=h.local(2026, 12, 29),
    )
    assert _review(world).rectify_by == date(2027, 1, 15)
