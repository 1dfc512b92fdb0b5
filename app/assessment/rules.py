"""The items of the score sheet the system computes from its records, with their evidence.

One rule today, for 服务礼仪 (附录 G item 11, "courtesy"):

- The survey satisfaction rate of the period (app.surveys.satisfaction_rate: 满意 among every
  answer to the seven rated questions). Each band includes its lower figure and excludes its
  upper one: 95 % and above no deduction; 90 % up to 95 % −1; 85 % up to 90 % −2; 80 % up to
  85 % −3; below 80 % all the item's points. So exactly 95 % loses nothing, exactly 90 % loses 1,
  exactly 80 % loses 3. The rate is compared exactly (a fraction), never rounded; the evidence
  shows the counts. No survey (or no question answered) in the period: no deduction, and the
  evidence says there were none.
- "受到投诉经查实的不得分": nothing in the complaint register marks a complaint as upheld (查实) —
  a complaint is registered, contacted, replied to and closed, without a finding. The closest
  honest notion kept is used: a complaint (not a suggestion) against the outlet (被投诉网点) naming
  one of its staff (被投诉人员), received in the period, that was found to call for action — the
  supervising authority issued a supervision order for it after investigating (督办, W 7.3.3 c),
  or a corrective action was recorded from it (纠正和预防措施, W 7.4.1 c). One such complaint
  takes all the item's points.

"服务人员服务态度较差、行为举止不文明" is the assessor's judgement and stays theirs. No other item is
computed: items 1–9 deduct for a service refused to someone who qualified for it, and nothing
in the revisit, callback or complaint records says which service a person asked for or whether
they qualified; items 10 and 12 (staffing, badges, tidiness, rules) and 13 are seen on site.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from fractions import Fraction

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from app.assessment import format_points
from app.clock import day_bounds
from app.i18n import pick
from app.surveys import satisfaction_rate
from db.models import Complaint, CorrectiveAction, SupervisionOrder

COURTESY = "courtesy"
RULES: dict[str, tuple[str, str]] = {
    COURTESY: (
        "按满意度调查满意率和查实投诉计算（服务礼仪）",
        "From the survey satisfaction rate and upheld complaints (courtesy)",
    ),
}
# (lowest rate of the band, points deducted); below the last band: all the item's points.
SATISFACTION_BANDS: tuple[tuple[Fraction, int], ...] = (
    (Fraction(95, 100), 0),
    (Fraction(90, 100), 10),
    (Fraction(85, 100), 20),
    (Fraction(80, 100), 30),
)


@dataclass(frozen=True)
class Computed:
    deductions: list[dict] = field(default_factory=list)  # {"points_tenths", "reason", "evidence"}
    evidence: str = ""  # what the system looked at, shown and printed as the 考核记录


def percent(rate: Fraction) -> str:
    """A rate as a percentage cut (never rounded up) to two decimals: 0.89996 → 89.99 %, so a
    rate shown never reaches a band it did not reach."""
    hundredths = (rate * 10000).numerator // (rate * 10000).denominator
    whole, part = divmod(hundredths, 100)
    return f"{whole}.{part:02d}%"


def satisfaction_deduction(rate: Fraction | None, points_tenths: int) -> int:
    """What 附录 G item 11 deducts for a satisfaction rate (None: no surveys, nothing)."""
    if rate is None:
        return 0
    for lowest, deducted in SATISFACTION_BANDS:
        if rate >= lowest:
            return min(deducted, points_tenths)
    return points_tenths


@dataclass(frozen=True)
class UpheldComplaint:
    id: int
    number: str | None
    ordered: bool  # a supervision order was issued
    corrected: bool  # a corrective action was recorded from it


def upheld_complaints(
    session: Session, unit_id: int, start: date, end: date
) -> list[UpheldComplaint]:
    """Complaints against the outlet's staff received in [start, end] and found to call for
    action (see the module's text)."""
    since, _ = day_bounds(start)
    _, until = day_bounds(end)
    ordered = exists().where(SupervisionOrder.complaint_id == Complaint.id)
    corrected = exists().where(CorrectiveAction.complaint_id == Complaint.id)
    rows = session.execute(
        select(Complaint.id, Complaint.number, ordered.label("o"), corrected.label("c"))
        .where(
            Complaint.unit_id == unit_id,
            Complaint.kind == "complaint",
            Complaint.staff_id.is_not(None),
            Complaint.received_at >= since,
            Complaint.received_at < until,
            ordered | corrected,
        )
        .order_by(Complaint.received_at, Complaint.id)
    ).all()
    return [UpheldComplaint(r.id, r.number, bool(r.o), bool(r.c)) for r in rows]


def compute_courtesy(
    session: Session, unit_id: int, start: date, end: date, points_tenths: int
) -> Computed:
    deductions: list[dict] = []
    found = satisfaction_rate(session, unit_id, start, end)
    rate = found.rate
    if rate is None:
        survey_text = (
            f"本期（{start:%Y-%m-%d}至{end:%Y-%m-%d}）无满意度调查，不按满意率扣分"
            if found.surveys == 0
            else f"本期满意度调查 {found.surveys} 份均未作答，不按满意率扣分"
        )
    else:
        deducted = satisfaction_deduction(rate, points_tenths)
        survey_text = (
            f"本期满意度调查 {found.surveys} 份，满意 {found.satisfied} / 作答 {found.answered}，"
            f"满意率 {percent(rate)}"
        )
        if deducted:
            below = "，80%以下不得分" if rate < SATISFACTION_BANDS[-1][0] else ""
            deductions.append(
                {
                    "points_tenths": deducted,
                    "reason": f"满意率 {percent(rate)}{below}",
                    "evidence": survey_text,
                }
            )
            survey_text += f"，扣 {format_points(deducted)} 分"
        else:
            survey_text += "，不扣分"
    upheld = upheld_complaints(session, unit_id, start, end)
    if upheld:
        named = "、".join(
            f"{c.number or '#' + str(c.id)}（{'已督办' if c.ordered else ''}"
            f"{'、' if c.ordered and c.corrected else ''}{'已立纠正措施' if c.corrected else ''}）"
            for c in upheld
        )
        complaint_text = f"受到投诉经查实 {len(upheld)} 件：{named}，不得分"
        deductions.append(
            {"points_tenths": points_tenths, "reason": "受到投诉经查实", "evidence": complaint_text}
        )
    else:
        complaint_text = "本期无经查实（已督办或已立纠正措施）的投诉"
    return Computed(deductions, f"{survey_text}；{complaint_text}。")


def compute(
    session: Session, rule: str, unit_id: int, start: date, end: date, points_tenths: int
) -> Computed:
    if rule == COURTESY:
        return compute_courtesy(session, unit_id, start, end, points_tenths)
    raise ValueError(f"unknown rule {rule!r}")  # the sheet refuses unknown rules


def rule_label(code: str | None) -> str:
    if code is None:
        return pick("人工评分", "Entered by hand")
    zh, en = RULES.get(code, (code, code))
    return pick(zh, en)
