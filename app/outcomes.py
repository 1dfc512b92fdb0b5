"""The ways a call attempt can end (W 7.1.3.3), with the flags that drive retries and analysis."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Outcome:
    code: str
    label: str  # Chinese, as in ledgers
    label_en: str
    final: bool  # no further attempt on this case
    contact: bool  # the respondent was reached
    note_required: bool
    retry_minutes: int | None  # wait before the next attempt; None: next half-day
    words: tuple[str, ...] = ()  # other ways ledgers write it


DEFAULT_OUTCOMES: tuple[Outcome, ...] = (
    Outcome(
        "completed", "已回访", "Completed", True, True, False, None, ("回访成功", "已完成", "成功")
    ),
    Outcome("no_answer", "无人接听", "No answer", False, False, False, None, ("未接听", "无人接")),
    Outcome("busy", "占线", "Busy", False, False, False, 15, ("忙音", "通话中")),
    Outcome(
        "unreachable",
        "关机",
        "Switched off / unreachable",
        False,
        False,
        False,
        None,
        ("停机", "无法接通", "暂时无法接通", "不在服务区"),
    ),
    Outcome(
        "wrong_number",
        "空号",
        "Wrong or empty number",
        True,
        False,
        False,
        None,
        ("错号", "号码错误"),
    ),
    Outcome("refused_soft", "拒访", "Refused", False, True, True, None, ("拒绝", "不方便")),
    Outcome("refused_hard", "明确拒访", "Refused (never)", True, True, True, None, ("坚决拒访",)),
    Outcome(
        "appointment",
        "预约回访",
        "Call back at a set time",
        False,
        True,
        False,
        None,
        ("预约", "改约", "约定回访"),
    ),
    Outcome("missed_appointment", "预约未接", "Missed appointment", False, False, False, None),
    Outcome(
        "barrier",
        "语言听力障碍",
        "Language or hearing barrier",
        True,
        True,
        True,
        None,
        ("语言障碍", "听力障碍", "沟通障碍"),
    ),
    Outcome(
        "do_not_call",
        "要求勿扰",
        "Asks never to be called",
        True,
        True,
        True,
        None,
        ("勿扰", "拒绝再次来电"),
    ),
    Outcome(
        "other_person",
        "他人接听",
        "Answered by someone else",
        False,
        True,
        False,
        None,
        ("非本人", "家属接听"),
    ),
)

OUTCOMES_BY_CODE = {o.code: o for o in DEFAULT_OUTCOMES}
_OUTCOMES_BY_WORD = {
    word: o for o in DEFAULT_OUTCOMES for word in (o.label, o.code, o.label_en.lower(), *o.words)
}


def outcome_from_text(text: str) -> Outcome | None:
    """The outcome a ledger's 回访情况 names, or None when it names none."""
    word = "".join(text.split())
    return _OUTCOMES_BY_WORD.get(word) or _OUTCOMES_BY_WORD.get(word.lower())
