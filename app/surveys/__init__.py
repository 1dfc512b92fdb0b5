"""The people's satisfaction survey (群众满意度调查表, W 7.1.3.1, 附录 E): its questions and answer
codes, and the satisfaction rate the outlet assessment deducts by (W 附录 G item 11)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from fractions import Fraction

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import SatisfactionSurvey

SATISFIED, AVERAGE, DISSATISFIED = "satisfied", "average", "dissatisfied"
RATINGS: dict[str, tuple[str, str]] = {
    SATISFIED: ("满意", "Satisfied"),
    AVERAGE: ("一般", "Average"),
    DISSATISFIED: ("不满意", "Dissatisfied"),
}
# The rated questions 2–8 of 附录 E, in the order of the form: (column, Chinese, English).
ITEMS: tuple[tuple[str, str, str], ...] = (
    ("environment", "服务环境", "Environment"),
    ("attitude", "服务态度", "Attitude"),
    ("efficiency", "办事效率", "Efficiency"),
    ("consultation", "咨询答复", "Answers to questions"),
    ("discipline", "上班纪律", "Work discipline"),
    ("facilities", "便民服务设施设备", "Facilities"),
    ("overall", "总体印象", "Overall impression"),
)
AGE_BANDS: dict[str, tuple[str, str]] = {
    "under_25": ("25岁以下", "Under 25"),
    "25_35": ("25岁-35岁", "25–35"),
    "36_50": ("36岁-50岁", "36–50"),
    "51_up": ("51岁以上", "51 and over"),
}
CHANNELS: dict[str, tuple[str, str]] = {
    "community": ("社区", "Community"),
    "government": ("政府部门", "Government offices"),
    "media": ("电视报刊", "TV and press"),
    "internet": ("网络", "Internet"),
    "other": ("其他", "Other"),
}


@dataclass(frozen=True)
class SatisfactionRate:
    satisfied: int  # answers 满意, over every rated question of every survey
    answered: int  # answers given (a question left blank is not counted)
    surveys: int

    @property
    def rate(self) -> Fraction | None:
        return Fraction(self.satisfied, self.answered) if self.answered else None


def satisfaction_rate(session: Session, unit_id: int, start: date, end: date) -> SatisfactionRate:
    """The survey satisfaction rate (满意率) of an outlet over [start, end]: the share of 满意
    among all answers to the seven rated questions of its surveys in the period."""
    columns = [getattr(SatisfactionSurvey, column) for column, _zh, _en in ITEMS]
    rows = session.execute(
        select(*columns).where(
            SatisfactionSurvey.unit_id == unit_id,
            SatisfactionSurvey.surveyed_on >= start,
            SatisfactionSurvey.surveyed_on <= end,
        )
    ).all()
    answers = [value for row in rows for value in row if value is not None]
    return SatisfactionRate(
        satisfied=sum(1 for value in answers if value == SATISFIED),
        answered=len(answers),
        surveys=len(rows),
    )
