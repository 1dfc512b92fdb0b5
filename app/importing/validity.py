"""Whether an online evaluation is valid (有效) for J 5.1.2, and why not: the one rule every
writer of online evaluations applies (the 好差评 import; an outlet's records travel with the
decision taken where they were written).

J 5.1.2 phones every case without a valid online evaluation within a week of completion. Not
valid, in this order of reasons:

- `default`: a rating the platform recorded for a citizen who gave none (系统默认评价) — never
  the citizen's answer;
- `rejected` / `unreviewed`: the platform's 审核状态 failed, or has not passed yet;
- `anonymous`: anonymous, where the centre's setting `evaluations.exclude_anonymous` says so;
- `late`: given after the online window (`desk.online_window_days` after 办结, the window of
  the due rule, app.desk.due).

Phone revisits and Form B are not online evaluations: always valid. A case is spared the phone
call when its scoring evaluation (cases.first_evaluation_id: the earliest valid first-attempt
evaluation, else the earliest of any validity; triggers of migration 0016) is valid
(app.desk.due.counts_as_revisit); whether an invalid one scores when there is nothing else is
the setting `evaluations.invalid_scores` (`scores`).

The decision is recorded on the evaluation when it is written, with the rules then in force, as
every other record is; importing the same file again applies the rules of the day to its
evaluations (a changed 审核状态 too).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import ColumnElement, true
from sqlalchemy.orm import Session

from app.calendar import WorkingCalendar
from app.clock import local_date
from app.desk.due import DueRules, counts_as_revisit
from app.i18n import pick
from app.ratings import Channel
from app.settings import get_settings

DEFAULT = "default"
REJECTED = "rejected"
UNREVIEWED = "unreviewed"
ANONYMOUS = "anonymous"
LATE = "late"
INVALID_REASONS: dict[str, tuple[str, str]] = {
    DEFAULT: ("系统默认评价", "default rating"),
    REJECTED: ("审核未通过", "failed the platform's review"),
    UNREVIEWED: ("尚未审核", "not yet reviewed"),
    ANONYMOUS: ("匿名评价（本中心不计）", "anonymous (not counted here)"),
    LATE: ("超出网上评价期限", "after the online window"),
}


def reason_label(code: str | None, language: str | None = None) -> str:
    """The reason an evaluation is not valid, in words ('' for a valid one)."""
    if code is None:
        return ""
    zh, en = INVALID_REASONS.get(code, (code, code))
    return pick(zh, en, language)


@dataclass(frozen=True)
class EvaluationFacts:
    """What the rule looks at."""

    channel: str
    evaluated_at: datetime
    completed_on: date
    is_default: bool = False
    anonymous: bool | None = None
    review_status: str | None = None  # passed / pending / rejected (app.importing.profiles)


ONLINE = frozenset(c.value for c in Channel if c.is_online)


@dataclass(frozen=True)
class ValidityRules:
    window: DueRules
    calendar: WorkingCalendar
    exclude_anonymous: bool = False
    # The window's last day by 办结日期: an import meets the same few dates again and again.
    _window_ends: dict[date, date] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def from_settings(
        cls, session: Session, calendar: WorkingCalendar | None = None
    ) -> ValidityRules:
        (exclude_anonymous,) = get_settings(session, "evaluations.exclude_anonymous")
        return cls(
            window=DueRules.from_settings(session),
            calendar=calendar or WorkingCalendar.load(session),
            exclude_anonymous=exclude_anonymous,
        )

    def invalid_reason(self, facts: EvaluationFacts) -> str | None:
        """Why the evaluation is not valid for J 5.1.2; None when it is.

        Raises app.calendar.CalendarUnknownError when the window counts working days in a year
        the calendar does not know yet (an administrator enters it first).
        """
        if facts.channel not in ONLINE:
            return None
        if facts.is_default:
            return DEFAULT
        if facts.review_status == "rejected":
            return REJECTED
        if facts.review_status == "pending":
            return UNREVIEWED
        if facts.anonymous and self.exclude_anonymous:
            return ANONYMOUS
        if local_date(facts.evaluated_at) > self.window_end(facts.completed_on):
            return LATE
        return None

    def window_end(self, completed_on: date) -> date:
        end = self._window_ends.get(completed_on)
        if end is None:
            end = self._window_ends[completed_on] = self.window.window_end(
                completed_on, self.calendar
            )
        return end


def invalid_scores(session: Session) -> bool:
    """The setting: does an invalid first evaluation score when the case has no valid one?"""
    (value,) = get_settings(session, "evaluations.invalid_scores")
    return bool(value)


def scores(first: type, invalid_score: bool) -> ColumnElement[bool]:
    """For a report joining each case to its scoring evaluation `first` (cases.
    first_evaluation_id; a join leaves out cases without any): whether it scores (J 5.4.1).

    A valid one always does; an invalid one (the case has no valid one, or the trigger would
    have chosen that) only with the setting on. It counts as a revisit (J 5.4.2) only when
    valid: `app.desk.due.counts_as_revisit(first)`.
    """
    return true() if invalid_score else counts_as_revisit(first)
