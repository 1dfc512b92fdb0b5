"""The quarterly analysis of the satisfaction surveys (W 7.1.3.1.2), per outlet and for all.

For each outlet with sheets in the quarter: the responses; per rated question the answers
满意 / 一般 / 不满意 and their shares of the answers given (a question left blank is not
counted); the overall rate (`app.surveys.satisfaction_rate`: 满意 among all answers to the seven
questions, the rate 附录 G item 11 deducts by); the age bands and the policy channels ticked;
the improvement wishes grouped; the overall rate of the four quarters before, oldest first.

How wishes are grouped: a wish is normalised — full-width letters, digits and punctuation made
half-width (NFKC), every space removed, punctuation at either end dropped, Latin letters in
lower case — and wishes equal after that are one group, counted, and shown in the spelling most
of them used (the first seen on a tie). Answers meaning "nothing" (无, 没有, 暂无, 无意见, …)
are not wishes: they are counted apart. Groups are listed by count, then by text.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from fractions import Fraction

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.reports.quarterly import quarter_bounds
from app.surveys import (
    AGE_BANDS,
    AVERAGE,
    CHANNELS,
    DISSATISFIED,
    ITEMS,
    SATISFIED,
    SatisfactionRate,
    satisfaction_rate,
)
from db.models import SatisfactionSurvey, Unit

EARLIER_QUARTERS = 4
_EDGE_PUNCTUATION = "。．.，,！!？?；;：:、…~～·\"'“”‘’()（）[]【】<>《》-—_*#"
NO_WISH = frozenset(
    {
        "无",
        "没有",
        "暂无",
        "无意见",
        "没有意见",
        "没意见",
        "暂无意见",
        "无建议",
        "没有建议",
        "暂无建议",
        "没有了",
        "无需改善",
        "都很好",
        "none",
        "no",
        "n/a",
        "na",
        "/",
    }
)


@dataclass(frozen=True)
class ItemFigures:
    column: str
    satisfied: int
    average: int
    dissatisfied: int

    @property
    def answered(self) -> int:
        return self.satisfied + self.average + self.dissatisfied

    def share(self, count: int) -> Fraction | None:
        return Fraction(count, self.answered) if self.answered else None

    @property
    def rate(self) -> Fraction | None:
        """满意 / answered."""
        return self.share(self.satisfied)


@dataclass(frozen=True)
class Wish:
    text: str
    count: int


@dataclass(frozen=True)
class QuarterRate:
    year: int
    quarter: int
    rate: SatisfactionRate


@dataclass
class OutletAnalysis:
    unit_id: int | None  # None: all outlets together
    name: str
    responses: int
    items: list[ItemFigures]
    overall: SatisfactionRate
    age_bands: dict[str, int]  # every band of the form, in its order
    age_unanswered: int
    channels: dict[str, int]  # every channel of the form: the sheets that ticked it
    channels_unanswered: int
    wishes: list[Wish]
    no_wish: int  # answered "无" or the like
    trend: list[QuarterRate] = field(default_factory=list)  # the earlier quarters, oldest first


@dataclass
class SurveyAnalysis:
    year: int
    quarter: int
    start: date
    end: date
    outlets: list[OutletAnalysis]
    total: OutletAnalysis | None  # all outlets, when the analysis is of all


def earlier_quarters(
    year: int, quarter: int, count: int = EARLIER_QUARTERS
) -> list[tuple[int, int]]:
    """The `count` quarters before (year, quarter), oldest first."""
    found = []
    for _ in range(count):
        year, quarter = (year, quarter - 1) if quarter > 1 else (year - 1, 4)
        found.append((year, quarter))
    return found[::-1]


def wish_key(text: str | None) -> str:
    """A wish as it is grouped ('' for no wish)."""
    if not text:
        return ""
    folded = "".join(unicodedata.normalize("NFKC", text).split()).strip(_EDGE_PUNCTUATION).lower()
    return "" if folded in NO_WISH else folded


def group_wishes(texts: list[str | None]) -> tuple[list[Wish], int]:
    """(the groups, how many answered "nothing") of the wishes given, in the module's way."""
    spellings: dict[str, Counter[str]] = {}
    no_wish = 0
    for text in texts:
        if text is None or not text.strip():
            continue
        key = wish_key(text)
        if not key:
            no_wish += 1
            continue
        spellings.setdefault(key, Counter())[" ".join(text.split())] += 1
    wishes = [
        Wish(counter.most_common(1)[0][0], sum(counter.values())) for counter in spellings.values()
    ]
    wishes.sort(key=lambda wish: (-wish.count, wish.text))
    return wishes, no_wish


def percent(value: Fraction | None, digits: int = 1) -> str:
    """'92.3%'; '—' when nothing was answered."""
    if value is None:
        return "—"
    return f"{float(value) * 100:.{digits}f}%"


def survey_analysis(
    session: Session, year: int, quarter: int, unit_id: int | None = None
) -> SurveyAnalysis:
    """The quarter's analysis of one outlet (`unit_id`), or of every outlet with sheets in the
    quarter and of all of them together."""
    start, end = quarter_bounds(year, quarter)
    query = select(SatisfactionSurvey).where(
        SatisfactionSurvey.surveyed_on >= start, SatisfactionSurvey.surveyed_on <= end
    )
    if unit_id is not None:
        query = query.where(SatisfactionSurvey.unit_id == unit_id)
    surveys = session.scalars(query.order_by(SatisfactionSurvey.id)).all()
    by_unit: dict[int, list[SatisfactionSurvey]] = {}
    for survey in surveys:
        by_unit.setdefault(survey.unit_id, []).append(survey)
    if unit_id is not None:
        by_unit.setdefault(unit_id, [])
    names = dict(
        session.execute(select(Unit.id, Unit.name).where(Unit.id.in_(sorted(by_unit)))).all()
    )
    outlets = []
    for each_id in sorted(by_unit, key=lambda each: (names.get(each, ""), each)):
        trend = [
            QuarterRate(y, q, satisfaction_rate(session, each_id, *quarter_bounds(y, q)))
            for y, q in earlier_quarters(year, quarter)
        ]
        outlets.append(
            _figures(
                each_id,
                names.get(each_id, str(each_id)),
                by_unit[each_id],
                satisfaction_rate(session, each_id, start, end),
                trend,
            )
        )
    total = None
    if unit_id is None:
        overall = _sum_rates([outlet.overall for outlet in outlets])
        trend = [
            QuarterRate(y, q, _all_outlets_rate(session, *quarter_bounds(y, q)))
            for y, q in earlier_quarters(year, quarter)
        ]
        total = _figures(None, "", list(surveys), overall, trend)
    return SurveyAnalysis(year, quarter, start, end, outlets, total)


def _sum_rates(rates: list[SatisfactionRate]) -> SatisfactionRate:
    return SatisfactionRate(
        satisfied=sum(rate.satisfied for rate in rates),
        answered=sum(rate.answered for rate in rates),
        surveys=sum(rate.surveys for rate in rates),
    )


def _all_outlets_rate(session: Session, start: date, end: date) -> SatisfactionRate:
    unit_ids = session.scalars(
        select(SatisfactionSurvey.unit_id)
        .where(SatisfactionSurvey.surveyed_on >= start, SatisfactionSurvey.surveyed_on <= end)
        .distinct()
    ).all()
    return _sum_rates([satisfaction_rate(session, each, start, end) for each in unit_ids])


def _figures(
    unit_id: int | None,
    name: str,
    surveys: list[SatisfactionSurvey],
    overall: SatisfactionRate,
    trend: list[QuarterRate],
) -> OutletAnalysis:
    items = []
    for column, _zh, _en in ITEMS:
        answers = Counter(getattr(survey, column) for survey in surveys)
        items.append(
            ItemFigures(column, answers[SATISFIED], answers[AVERAGE], answers[DISSATISFIED])
        )
    ages = Counter(survey.age_band for survey in surveys)
    channels = Counter(channel for survey in surveys for channel in set(survey.channels or ()))
    wishes, no_wish = group_wishes([survey.improvement for survey in surveys])
    return OutletAnalysis(
        unit_id=unit_id,
        name=name,
        responses=len(surveys),
        items=items,
        overall=overall,
        age_bands={code: ages[code] for code in AGE_BANDS},
        age_unanswered=sum(count for code, count in ages.items() if code not in AGE_BANDS),
        channels={code: channels[code] for code in CHANNELS},
        channels_unanswered=sum(1 for survey in surveys if not survey.channels),
        wishes=wishes,
        no_wish=no_wish,
        trend=trend,
    )
