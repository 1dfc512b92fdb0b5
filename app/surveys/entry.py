"""Typing in the paper survey forms (群众满意度调查表, W 7.1.3.1.1, 附录 E) of an outlet and a day.

A sheet is recorded as the person filled it in: every question may be left blank (people skip
questions), but a sheet with nothing answered at all is refused, as is an unknown code, a day
still to come, an outlet unknown or no longer receiving work, and text beyond its limit.
Recording and deleting a mistyped sheet need Permission.RECORD_FEEDBACK and are audited
(`survey.recorded`, `survey.deleted`).
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import clock
from app.audit import record_change, snapshot
from app.errors import Refused
from app.i18n import pick
from app.roles import Permission
from app.staff import require_permission
from app.surveys import AGE_BANDS, CHANNELS, ITEMS, RATINGS
from db.models import SatisfactionSurvey, Unit

IMPROVEMENT_LIMIT = 500  # characters of 需要改善的方面
SHEET_NO_LIMIT = 30  # the column's width
ITEM_COLUMNS = tuple(column for column, _zh, _en in ITEMS)
FIELDS = (
    "unit_id",
    "surveyed_on",
    "sheet_no",
    "age_band",
    *ITEM_COLUMNS,
    "channels",
    "improvement",
)
# Control characters other than line breaks and tabs: nothing a person types on a form.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200f\u2028-\u202e\ufeff]")


class SurveyError(Refused, ValueError):
    """A survey sheet that cannot be recorded; the message says why. `field` names the answer
    at fault (a column of SatisfactionSurvey, "unit", "day"), for the screen to put the focus."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


@dataclass(frozen=True)
class SurveyAnswers:
    """One sheet's answers as codes of app.surveys; None (or empty) where nothing was ticked."""

    age_band: str | None = None
    ratings: dict[str, str | None] = field(default_factory=dict)  # item column → rating code
    channels: tuple[str, ...] = ()
    improvement: str | None = None
    sheet_no: str | None = None


@dataclass(frozen=True)
class SurveyRow:
    """A recorded sheet as the screens list it."""

    id: int
    surveyed_on: date
    sheet_no: str | None
    age_band: str | None
    ratings: dict[str, str | None]
    channels: tuple[str, ...]
    improvement: str | None


def item_title(column: str) -> str:
    for each, zh, en in ITEMS:
        if each == column:
            return pick(zh, en)
    return column


def label(table: dict[str, tuple[str, str]], code: str | None) -> str:
    if code is None:
        return ""
    zh, en = table.get(code, (code, code))
    return pick(zh, en)


def checked_answers(answers: SurveyAnswers) -> SurveyAnswers:
    """The answers with their codes checked and their text tidied; SurveyError otherwise."""
    if answers.age_band is not None and answers.age_band not in AGE_BANDS:
        raise SurveyError(
            pick(f"未知的年龄段：{answers.age_band}", f"Unknown age band: {answers.age_band}"),
            "age_band",
        )
    unknown_items = sorted(set(answers.ratings) - set(ITEM_COLUMNS))
    if unknown_items:
        raise SurveyError(
            pick(f"未知的调查项目：{unknown_items[0]}", f"Unknown question: {unknown_items[0]}"),
            unknown_items[0],
        )
    ratings: dict[str, str | None] = {}
    for column in ITEM_COLUMNS:
        value = answers.ratings.get(column)
        if value is not None and value not in RATINGS:
            raise SurveyError(
                pick(
                    f"“{item_title(column)}”的评价未知：{value}（应为 满意、一般 或 不满意）",
                    f"Unknown rating of '{item_title(column)}': {value} "
                    "(satisfied, average or dissatisfied)",
                ),
                column,
            )
        ratings[column] = value
    channels: list[str] = []
    for channel in answers.channels:
        if channel not in CHANNELS:
            raise SurveyError(
                pick(f"未知的了解渠道：{channel}", f"Unknown channel: {channel}"), "channels"
            )
        if channel not in channels:
            channels.append(channel)
    channels.sort(key=list(CHANNELS).index)  # in the order of the form
    improvement = _text(answers.improvement, IMPROVEMENT_LIMIT, "improvement", "改善意见", "wish")
    sheet_no = _text(answers.sheet_no, SHEET_NO_LIMIT, "sheet_no", "调查表编号", "sheet number")
    if sheet_no is not None and "\n" in sheet_no:
        raise SurveyError(pick("调查表编号不能换行", "A sheet number is one line"), "sheet_no")
    checked = SurveyAnswers(answers.age_band, ratings, tuple(channels), improvement, sheet_no)
    if is_blank(checked):
        raise SurveyError(
            pick(
                "这张调查表一个问题也没有回答：空白的调查表不录入",
                "Nothing on this sheet is answered: a blank sheet is not recorded",
            )
        )
    return checked


def is_blank(answers: SurveyAnswers) -> bool:
    return (
        answers.age_band is None
        and all(value is None for value in answers.ratings.values())
        and not answers.channels
        and not answers.improvement
    )


def _text(value: str | None, limit: int, field_name: str, zh: str, en: str) -> str | None:
    if value is None:
        return None
    text = value.replace("\r\n", "\n").replace("\r", "\n").strip()
    if _CONTROL.search(text):
        raise SurveyError(
            pick(f"{zh}中有不可见的控制字符", f"The {en} holds an invisible control character"),
            field_name,
        )
    if len(text) > limit:
        raise SurveyError(
            pick(
                f"{zh}不能超过 {limit} 个字（现有 {len(text)} 个）",
                f"The {en} may be at most {limit} characters (it has {len(text)})",
            ),
            field_name,
        )
    return text or None


def check_outlet(session: Session, unit_id: int | None) -> Unit:
    unit = session.get(Unit, unit_id) if unit_id is not None else None
    if unit is None:
        raise SurveyError(pick("请选择网点", "Choose the outlet"), "unit")
    if not unit.active:
        raise SurveyError(
            pick(
                f"网点“{unit.name}”已停用，不能再录入调查表",
                f"The outlet '{unit.name}' is no longer active: no surveys can be recorded for it",
            ),
            "unit",
        )
    return unit


def check_day(day: date | None, today: date | None = None) -> date:
    if day is None:
        raise SurveyError(pick("请填写调查日期", "Give the day of the survey"), "day")
    today = today or clock.today()
    if day > today:
        raise SurveyError(
            pick(
                f"调查日期 {day.isoformat()} 晚于今天（{today.isoformat()}）",
                f"The survey day {day.isoformat()} is after today ({today.isoformat()})",
            ),
            "day",
        )
    return day


def fingerprint(day: date, answers: SurveyAnswers, occurrence: int = 1) -> str:
    """A digest of a sheet's values (the day and every answer, in a fixed order): the same row
    imported again has the same fingerprint. `occurrence` tells apart identical rows of one file
    (two people may answer alike): the second such row is occurrence 2, and so on."""
    values = {
        "day": day.isoformat(),
        "sheet_no": answers.sheet_no,
        "age_band": answers.age_band,
        "ratings": [answers.ratings.get(column) for column in ITEM_COLUMNS],
        "channels": list(answers.channels),
        "improvement": answers.improvement,
        "occurrence": occurrence,
    }
    text = json.dumps(values, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def new_survey(
    unit_id: int, day: date, answers: SurveyAnswers, entered_by_id: int | None
) -> SatisfactionSurvey:
    return SatisfactionSurvey(
        unit_id=unit_id,
        surveyed_on=day,
        sheet_no=answers.sheet_no,
        age_band=answers.age_band,
        channels=list(answers.channels),
        improvement=answers.improvement,
        entered_by_id=entered_by_id,
        **{column: answers.ratings.get(column) for column in ITEM_COLUMNS},
    )


def record_survey(
    session: Session,
    unit_id: int | None,
    day: date | None,
    answers: SurveyAnswers,
    *,
    by_id: int | None,
    today: date | None = None,
) -> SurveyRow:
    """Record one paper sheet of the outlet's day; the caller's transaction keeps it.

    Typed sheets have no fingerprint: two people may well answer alike on the same day, and
    each sheet typed is one survey. (Imported rows have one: app.surveys.importing.)
    """
    require_permission(session, by_id, Permission.RECORD_FEEDBACK)
    unit = check_outlet(session, unit_id)
    day = check_day(day, today)
    checked = checked_answers(answers)
    survey = new_survey(unit.id, day, checked, by_id)
    session.add(survey)
    session.flush()
    record_change(
        session,
        actor_id=by_id,
        action="survey.recorded",
        entity="survey",
        entity_uid=survey.uid,
        before=None,
        after=snapshot(survey, FIELDS),
    )
    return _row(survey)


def delete_survey(session: Session, survey_id: int, *, by_id: int | None) -> None:
    """Remove a mistyped sheet (audited with what it said)."""
    require_permission(session, by_id, Permission.RECORD_FEEDBACK)
    survey = session.get(SatisfactionSurvey, survey_id)
    if survey is None:
        raise SurveyError(
            pick("这张调查表已不存在（可能已被删除）", "This survey no longer exists")
        )
    record_change(
        session,
        actor_id=by_id,
        action="survey.deleted",
        entity="survey",
        entity_uid=survey.uid,
        before=snapshot(survey, FIELDS),
        after=None,
    )
    session.delete(survey)
    session.flush()


def day_surveys(session: Session, unit_id: int, day: date) -> list[SurveyRow]:
    """The sheets of an outlet's day, in the order they were recorded."""
    surveys = session.scalars(
        select(SatisfactionSurvey)
        .where(SatisfactionSurvey.unit_id == unit_id, SatisfactionSurvey.surveyed_on == day)
        .order_by(SatisfactionSurvey.id)
    ).all()
    return [_row(survey) for survey in surveys]


def _row(survey: SatisfactionSurvey) -> SurveyRow:
    return SurveyRow(
        id=survey.id,
        surveyed_on=survey.surveyed_on,
        sheet_no=survey.sheet_no,
        age_band=survey.age_band,
        ratings={column: getattr(survey, column) for column in ITEM_COLUMNS},
        channels=tuple(survey.channels or ()),
        improvement=survey.improvement,
    )
