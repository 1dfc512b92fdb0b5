"""Recording and deleting typed survey sheets: validation, permission, audit."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from app.errors import Refused
from app.roles import NotPermitted
from app.surveys import AVERAGE, DISSATISFIED, SATISFIED
from app.surveys.entry import (
    IMPROVEMENT_LIMIT,
    SurveyAnswers,
    SurveyError,
    day_surveys,
    delete_survey,
    record_survey,
)
from db.models import AuditEntry, SatisfactionSurvey

DAY = date(2026, 7, 9)
FULL = SurveyAnswers(
    age_band="36_50",
    ratings={"environment": SATISFIED, "attitude": AVERAGE, "overall": DISSATISFIED},
    channels=("internet", "community", "internet"),
    improvement="  希望增加停车位  ",
    sheet_no="A-001",
)


def test_a_sheet_is_recorded_and_audited(any_db, world):
    with any_db.sessions.begin() as session:
        row = record_survey(session, world.binhu, DAY, FULL, by_id=world.operator)
    assert row.ratings["environment"] == SATISFIED
    assert row.ratings["efficiency"] is None  # skipped questions stay blank
    assert row.channels == ("community", "internet")  # once each, in the form's order
    assert row.improvement == "希望增加停车位"
    with any_db.sessions.begin() as session:
        survey = session.get(SatisfactionSurvey, row.id)
        assert survey.fingerprint is None and survey.entered_by_id == world.operator
        entry = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "survey.recorded")
        ).one()
        assert entry.after["sheet_no"] == "A-001"
        assert [r.id for r in day_surveys(session, world.binhu, DAY)] == [row.id]
        assert day_surveys(session, world.liangxi, DAY) == []


def test_identical_typed_sheets_are_two_surveys(any_db, world):
    with any_db.sessions.begin() as session:
        for _ in range(2):
            record_survey(
                session, world.binhu, DAY, SurveyAnswers(age_band="under_25"), by_id=world.operator
            )
        assert len(day_surveys(session, world.binhu, DAY)) == 2


@pytest.mark.parametrize(
    ("answers", "unit", "day", "words"),
    [
        (SurveyAnswers(), "binhu", DAY, "空白"),
        (SurveyAnswers(age_band="old"), "binhu", DAY, "未知的年龄段"),
        (SurveyAnswers(ratings={"environment": "great"}), "binhu", DAY, "评价未知"),
        (SurveyAnswers(ratings={"parking": SATISFIED}), "binhu", DAY, "未知的调查项目"),
        (SurveyAnswers(channels=("radio",)), "binhu", DAY, "未知的了解渠道"),
        (SurveyAnswers(age_band="51_up"), "binhu", date(2026, 7, 11), "晚于今天"),
        (SurveyAnswers(age_band="51_up"), "binhu", None, "调查日期"),
        (SurveyAnswers(age_band="51_up"), "closed", DAY, "已停用"),
        (SurveyAnswers(age_band="51_up"), None, DAY, "请选择网点"),
        (SurveyAnswers(age_band="51_up"), 999999, DAY, "请选择网点"),
        (SurveyAnswers(improvement="慢" * (IMPROVEMENT_LIMIT + 1)), "binhu", DAY, "不能超过"),
        (SurveyAnswers(improvement="好\x00"), "binhu", DAY, "控制字符"),
        (SurveyAnswers(age_band="51_up", sheet_no="1" * 31), "binhu", DAY, "不能超过"),
    ],
)
def test_what_is_refused(any_db, world, answers, unit, day, words):
    unit_id = getattr(world, unit) if isinstance(unit, str) else unit
    with pytest.raises(SurveyError, match=words), any_db.sessions.begin() as session:
        record_survey(session, unit_id, day, answers, by_id=world.operator)
    with any_db.sessions.begin() as session:
        assert session.scalars(select(SatisfactionSurvey)).all() == []


def test_refusals_speak_english_too(any_db, world):
    from app.i18n import set_language

    set_language("en")
    try:
        with pytest.raises(SurveyError, match="after today"), any_db.sessions.begin() as session:
            record_survey(session, world.binhu, date(2027, 1, 1), FULL, by_id=world.operator)
    finally:
        set_language("zh")


def test_an_auditor_may_not_record_or_delete(any_db, world):
    with pytest.raises(NotPermitted), any_db.sessions.begin() as session:
        record_survey(session, world.binhu, DAY, FULL, by_id=world.auditor)
    with any_db.sessions.begin() as session:
        row = record_survey(session, world.binhu, DAY, FULL, by_id=world.operator)
    with pytest.raises(NotPermitted), any_db.sessions.begin() as session:
        delete_survey(session, row.id, by_id=world.auditor)


def test_a_mistyped_sheet_is_deleted_with_an_audit_of_what_it_said(any_db, world):
    with any_db.sessions.begin() as session:
        row = record_survey(session, world.binhu, DAY, FULL, by_id=world.operator)
    with any_db.sessions.begin() as session:
        delete_survey(session, row.id, by_id=world.operator)
    with any_db.sessions.begin() as session:
        assert session.get(SatisfactionSurvey, row.id) is None
        entry = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "survey.deleted")
        ).one()
        assert entry.before["improvement"] == "希望增加停车位" and entry.after is None
    with pytest.raises(Refused, match="已不存在"), any_db.sessions.begin() as session:
        delete_survey(session, row.id, by_id=world.operator)
