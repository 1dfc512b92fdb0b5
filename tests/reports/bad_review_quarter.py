"""A hand-made 2026 Q3 for the 差评 and channel figures: two units whose every number the tests
work out by hand (tests/reports/test_bad_review_figures.py, tests/gui/test_statistics_bad_reviews.py).
"""

from __future__ import annotations

from datetime import date, timedelta

from app.bad_reviews import process as p
from app.bad_reviews.evidence import EvidenceFile
from app.callbacks.contacts import add_contact
from app.callbacks.tasks import resolve
from app.desk.calls import FormAAnswers
from app.ratings import Rating
from app.scanning.store import AttachmentStore
from db.database import Database
from db.models import CallbackTask, Evaluation, Staff
from tests.callbacks import helpers as h
from tests.callbacks.bad_reviews import bad_review, png

AUGUST = h.local(2026, 8, 3, 10)  # a Monday of 2026 Q3
TODAY = date(2026, 11, 2)
LIXIA, SHIZHONG = "历下区登记中心", "市中区登记中心"


def _evaluation(session, case_row, channel: str, overall: str, **extra) -> None:
    session.add(
        Evaluation(
            case_id=case_row.id,
            channel=channel,
            round=1,
            evaluated_at=AUGUST,
            overall=overall,
            efficiency=overall,
            attitude=overall,
            materials=overall,
            integrity_breach=False,
            **extra,
        )
    )
    session.flush()


def build_quarter(database: Database) -> Database:
    """历下 (cases A1–A8) and 市中 (B1–B3) in 2026 Q3:

    A1 扫码 非常满意 (5) · A2 平台 满意, a default rating (3) · A7 电话 满意 (3) · A8 not revisited
    A3 差评, named, a contact recorded → called back; found true, planned, rectified
    A4 差评, named (anonymous False), never reached; found true, not rectified
    A5 差评, anonymous, resolved with round-2 answers; malicious, appeal upheld (malicious)
    A6 差评, named, resolved with round-2 answers; untrue, appeal rejected → stands, not rectified
    B1 企业 满意 (3) · B2 差评, named, imported before callbacks existed: no callback at all
    B3 a 差评 completed in Q4: not in this quarter
    """
    store = AttachmentStore.for_database(database)
    with database.sessions.begin() as session:
        people = h.people(session)
        second = Staff(name="刘组长", role="team_lead")
        session.add(second)
        session.flush()
        lixia, shizhong = h.unit(session, LIXIA), h.unit(session, SHIZHONG)
        completed = date(2026, 7, 20)
        _evaluation(session, h.case(session, lixia, "A1", completed), "qr", "very_satisfied")
        _evaluation(
            session,
            h.case(session, lixia, "A2", completed),
            "platform",
            "satisfied",
            is_default=True,
        )
        a3 = bad_review(session, lixia, "A3", AUGUST, completed_on=completed)
        a4 = bad_review(session, lixia, "A4", AUGUST, completed_on=completed, anonymous=False)
        a5 = bad_review(session, lixia, "A5", AUGUST, completed_on=completed, anonymous=True)
        a6 = bad_review(session, lixia, "A6", AUGUST, completed_on=completed)
        _evaluation(session, h.case(session, lixia, "A7", completed), "phone", "satisfied")
        h.case(session, lixia, "A8", completed)
        _evaluation(session, h.case(session, shizhong, "B1", completed), "enterprise", "satisfied")
        _evaluation(session, h.case(session, shizhong, "B2", completed), "platform", "dissatisfied")
        bad_review(session, shizhong, "B3", h.local(2026, 10, 12), completed_on=date(2026, 10, 9))

        lead, wang = people.lead, people.wang
        step = {"now": AUGUST + timedelta(days=1)}
        add_contact(
            session,
            session.get(CallbackTask, a3.task_id),
            staff_id=wang,
            at=AUGUST + timedelta(hours=2),
            means="phone",
            said="已联系，说明补正要求",
        )
        satisfied = FormAAnswers(*(Rating.SATISFIED,) * 4, False)
        for opened in (a5, a6):
            resolve(session, opened.task_id, by_id=wang, explanation="已解释", answers=satisfied)
        for opened in (a3, a4):
            p.verify(
                session,
                opened.review_id,
                by_id=lead,
                found_true=True,
                found_reasonable=True,
                malicious=False,
                verification="属实",
                **step,
            )
        p.plan_rectification(
            session, a3.review_id, by_id=lead, measures="一次告知", owner="王科长", **step
        )
        p.complete_rectification(session, a3.review_id, by_id=wang, result="已整改", **step)
        for opened, malicious in ((a5, True), (a6, False)):
            p.verify(
                session,
                opened.review_id,
                by_id=lead,
                found_true=False,
                found_reasonable=False,
                malicious=malicious,
                verification="与录像不符",
                malicious_reason="以差评要挟" if malicious else None,
                **step,
            )
            p.file_appeal(
                session,
                opened.review_id,
                store=store,
                by_id=lead,
                reasons="录像为证",
                evidence=[EvidenceFile("录像.png", png())],
                **step,
            )
            p.decide_appeal(
                session,
                opened.review_id,
                by_id=second.id,
                upheld=malicious,
                opinion="复核",
                decider=p.TEAM_LEAD,
                now=AUGUST + timedelta(days=2),
            )
    return database
