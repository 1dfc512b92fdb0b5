"""The call outcomes as the team configures them: labels, flags, retry waits and shortcut keys.

The table is seeded from app.outcomes.DEFAULT_OUTCOMES; an outcome is never deleted, only made
inactive, so old call attempts keep their label. Administrators edit it (save_outcomes), within
the rules that keep the call desk usable (check_outcomes).
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.audit import record_change
from app.errors import Refused
from app.i18n import pick
from app.outcomes import DEFAULT_OUTCOMES
from app.staff import require_administrator
from db.models import CallOutcome

COMPLETED = "completed"
APPOINTMENT = "appointment"
MISSED_APPOINTMENT = "missed_appointment"

# Single keys on the call screen. Completed has none: it is saved with Form A itself.
DEFAULT_KEYS = {
    "no_answer": "N",
    "busy": "B",
    "unreachable": "U",
    "wrong_number": "W",
    "refused_soft": "R",
    "refused_hard": "X",
    "appointment": "A",
    "missed_appointment": "M",
    "barrier": "L",
    "do_not_call": "D",
    "other_person": "O",
}
# Outcomes after which the case's next number is tried (on its last number the case ends).
DEFAULT_NEXT_NUMBER = frozenset({"wrong_number"})
# A refusal (拒访) is never tried again the same day (app.desk.retries); a hard refusal or a
# request never to be called ends the case, whatever the table says (check_outcomes keeps them
# final, app.desk.calls ends the case on them).
REFUSED = "refused_soft"
NOT_SAME_DAY = frozenset({REFUSED})
NEVER_AGAIN = frozenset({"refused_hard", "do_not_call"})
_POSITION_STEP = 10  # room for an administrator to slot an outcome in between
_DEFAULT_LABELS = {o.code: o.label for o in DEFAULT_OUTCOMES}
MAX_RETRY_MINUTES = 7 * 24 * 60  # a week: a longer wait is a case forgotten, not a retry
_LABEL_LENGTH, _LABEL_EN_LENGTH = 50, 100  # CallOutcome.label, .label_en


@dataclass
class OutcomeRow:
    code: str
    label: str
    label_en: str
    key: str | None
    final: bool
    contact: bool
    note_required: bool
    retry_minutes: int | None
    position: int
    active: bool
    next_number: bool = False

    @classmethod
    def of(cls, row: CallOutcome) -> OutcomeRow:
        return cls(**{f.name: getattr(row, f.name) for f in fields(cls)})


class OutcomeInvalid(Refused, ValueError):
    """An outcome code that does not exist, or a change an administrator may not make."""


_EDITABLE = {f.name for f in fields(OutcomeRow)} - {"code"}


def ensure_outcomes(session: Session) -> None:
    """Insert the default outcomes the table lacks (all of them on a new database)."""
    present = set(session.scalars(select(CallOutcome.code)))
    missing = [
        CallOutcome(
            code=o.code,
            label=o.label,
            label_en=o.label_en,
            key=DEFAULT_KEYS.get(o.code),
            final=o.final,
            contact=o.contact,
            note_required=o.note_required,
            next_number=o.code in DEFAULT_NEXT_NUMBER,
            retry_minutes=o.retry_minutes,
            position=(index + 1) * _POSITION_STEP,
            active=True,
        )
        for index, o in enumerate(DEFAULT_OUTCOMES)
        if o.code not in present
    ]
    if not missing:
        return
    try:
        with session.begin_nested():
            session.add_all(missing)
    except IntegrityError:
        # Another seat seeded the same rows a moment ago: theirs are as good as ours.
        pass


def call_outcomes(session: Session) -> list[OutcomeRow]:
    """The active outcomes in position order (seeded on first use)."""
    ensure_outcomes(session)
    rows = session.scalars(
        select(CallOutcome)
        .where(CallOutcome.active.is_(True))
        .order_by(CallOutcome.position, CallOutcome.code)
    )
    return [OutcomeRow.of(row) for row in rows]


def outcome_row(session: Session, code: str) -> OutcomeRow:
    """One outcome, active or not; OutcomeInvalid when the code is unknown."""
    ensure_outcomes(session)
    row = session.get(CallOutcome, code)
    if row is None:
        raise OutcomeInvalid(pick(f"未知的回访结果：{code}", f"Unknown call outcome: {code}"))
    return OutcomeRow.of(row)


def outcome_labels(session: Session) -> dict[str, str]:
    """Chinese label of every outcome, inactive ones included (old attempts still show them).
    Seeded first when a default one is missing: read once when none is (the case history)."""
    labels = dict(session.execute(select(CallOutcome.code, CallOutcome.label)).all())
    if _DEFAULT_LABELS.keys() <= labels.keys():
        return labels
    ensure_outcomes(session)
    return dict(session.execute(select(CallOutcome.code, CallOutcome.label)).all())


def default_label(code: str) -> str:
    """The shipped Chinese label of an outcome (the code itself when none is shipped): what an
    attempt shows while the outcome table lacks it."""
    return _DEFAULT_LABELS.get(code, code)


def all_outcomes(session: Session) -> list[OutcomeRow]:
    """Every outcome, inactive ones too, in position order: the table as the editor shows it."""
    ensure_outcomes(session)
    rows = session.scalars(select(CallOutcome).order_by(CallOutcome.position, CallOutcome.code))
    return [OutcomeRow.of(row) for row in rows]


def update_outcome(
    session: Session, code: str, *, by_id: int | None = None, **changes
) -> OutcomeRow:
    """Change an outcome's label, flags, retry wait, key, position or whether it is active."""
    return save_outcomes(session, {code: changes}, by_id=by_id)[code]


def save_outcomes(
    session: Session, changes: dict[str, dict[str, Any]], *, by_id: int | None = None
) -> dict[str, OutcomeRow]:
    """Apply changes to several outcomes at once (code -> field -> value), so that e.g. two
    outcomes can swap keys; the table as it would then be is checked whole (check_outcomes)
    before anything is written. Administrators only; each changed outcome is audited.
    Returns every outcome by code, as stored."""
    require_administrator(session, by_id)
    ensure_outcomes(session)
    stored = {row.code: row for row in session.scalars(select(CallOutcome))}
    table = {code: OutcomeRow.of(row) for code, row in stored.items()}
    for code, fields_changed in changes.items():
        unknown = set(fields_changed) - _EDITABLE
        if unknown:
            raise OutcomeInvalid(f"not editable: {', '.join(sorted(unknown))}")
        if code not in table:
            raise OutcomeInvalid(pick(f"未知的回访结果：{code}", f"Unknown call outcome: {code}"))
        table[code] = replace(table[code], **fields_changed)
    checked = {row.code: row for row in check_outcomes(list(table.values()))}
    for code in changes:
        row, new = stored[code], checked[code]
        before = OutcomeRow.of(row)
        differing = {
            name: getattr(new, name)
            for name in _EDITABLE
            if getattr(before, name) != getattr(new, name)
        }
        if not differing:
            continue
        for name, value in differing.items():
            setattr(row, name, value)
        record_change(
            session,
            actor_id=by_id,
            action="outcome.change",
            entity="call_outcome",
            entity_uid=None,
            before={"code": code} | {name: getattr(before, name) for name in differing},
            after={"code": code} | differing,
        )
    return {code: OutcomeRow.of(row) for code, row in stored.items()}


def check_outcomes(rows: list[OutcomeRow]) -> list[OutcomeRow]:
    """The whole outcome table as it would be stored (texts trimmed, keys in capitals), or
    OutcomeInvalid naming the first rule it breaks. Plain Python: editors check as you type.

    The rules keep the call desk usable: every outcome is named, uniquely; every active outcome
    but 已回访 has its own key (the desk offers only outcomes with a key); 已回访 stays active,
    final and a contact (Form A saves it); 预约回访 never ends the case nor moves to the next
    number (the appointment would be lost); 明确拒访 and 要求勿扰 stay final and never move to
    another number (never called again); retry waits are 0 to 7 days, or the next half-day.
    """
    checked = [_checked_row(row) for row in rows]
    codes = {row.code for row in checked}
    if COMPLETED not in codes:
        raise OutcomeInvalid(pick("缺少“已回访”结果", "The completed outcome is missing"))
    labels: dict[str, OutcomeRow] = {}
    keys: dict[str, OutcomeRow] = {}
    for row in checked:
        other = labels.setdefault(row.label, row)
        if other is not row:
            raise OutcomeInvalid(
                pick(
                    f"名称“{row.label}”重复（{other.code} 与 {row.code}）",
                    f"The label {row.label} is used twice ({other.code} and {row.code})",
                )
            )
        if row.active and row.key:
            other = keys.setdefault(row.key, row)
            if other is not row:
                raise OutcomeInvalid(
                    pick(
                        f"快捷键 {row.key} 已用于“{other.label}”",
                        f"Key {row.key} is already used by {other.label_en}",
                    )
                )
    return checked


def _checked_row(row: OutcomeRow) -> OutcomeRow:
    label, label_en = (row.label or "").strip(), (row.label_en or "").strip()
    key = (row.key or "").strip().upper() or None
    name = label or row.code

    def refuse(zh: str, en: str) -> OutcomeInvalid:
        return OutcomeInvalid(pick(f"“{name}”：{zh}", f"{label_en or row.code}: {en}"))

    if not label or not label_en:
        raise refuse("中文和英文名称都不能为空", "both the Chinese and English labels are needed")
    if len(label) > _LABEL_LENGTH or len(label_en) > _LABEL_EN_LENGTH:
        raise refuse(
            f"名称最多 {_LABEL_LENGTH} 个字（英文 {_LABEL_EN_LENGTH} 个字符）",
            f"labels have at most {_LABEL_LENGTH} (English {_LABEL_EN_LENGTH}) characters",
        )
    if key is not None and not (len(key) == 1 and key.isascii() and key.isalnum()):
        raise refuse("快捷键须为单个字母或数字", "a shortcut key is one letter or digit")
    if row.retry_minutes is not None and not 0 <= row.retry_minutes <= MAX_RETRY_MINUTES:
        raise refuse(
            f"重拨间隔须在 0 到 {MAX_RETRY_MINUTES} 分钟之间（不填：下个半天）",
            f"the retry wait is 0 to {MAX_RETRY_MINUTES} minutes (none: the next half-day)",
        )
    if row.position < 0:
        raise refuse("顺序不能为负数", "the position cannot be negative")
    if row.code == COMPLETED:
        if not (row.active and row.final and row.contact):
            raise refuse(
                "须保持在用、结束、已接通：回访单以它保存",
                "stays active, final and a contact: Form A is saved with it",
            )
        if key is not None:
            raise refuse("不设快捷键：已回访以回访单保存", "has no key: it is saved with Form A")
    elif row.active and key is None:
        raise refuse(
            "在用的结果须有快捷键（回访工作台用它选择结果）",
            "an active outcome needs a shortcut key (the call desk chooses outcomes by key)",
        )
    if row.code in NEVER_AGAIN and (not row.final or row.next_number):
        raise refuse(
            "须保持为结束、不换号：对方已明确拒绝，不能再拨打",
            "stays final: the respondent asked never to be called again",
        )
    if row.code == APPOINTMENT and (row.final or row.next_number):
        raise refuse(
            "不能设为结束或换号：预约的时间会丢失",
            "cannot be final or move to the next number: the appointment would be lost",
        )
    return replace(row, label=label, label_en=label_en, key=key)
