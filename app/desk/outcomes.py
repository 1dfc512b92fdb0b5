"""The call outcomes as the team configures them: labels, flags, retry waits and shortcut keys.

The table is seeded from app.outcomes.DEFAULT_OUTCOMES; an outcome is never deleted, only made
inactive, so old call attempts keep their label.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.errors import Refused
from app.i18n import pick
from app.outcomes import DEFAULT_OUTCOMES
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
_POSITION_STEP = 10  # room for an administrator to slot an outcome in between
_DEFAULT_LABELS = {o.code: o.label for o in DEFAULT_OUTCOMES}


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
    """Chinese label of every outcome, inactive ones included (old attempts still show them)."""
    ensure_outcomes(session)
    return dict(session.execute(select(CallOutcome.code, CallOutcome.label)).all())


def default_label(code: str) -> str:
    """The shipped Chinese label of an outcome (the code itself when none is shipped): what an
    attempt shows while the outcome table lacks it."""
    return _DEFAULT_LABELS.get(code, code)


def update_outcome(session: Session, code: str, **changes) -> None:
    """Change an outcome's label, flags, retry wait, key, position or whether it is active."""
    unknown = set(changes) - _EDITABLE
    if unknown:
        raise OutcomeInvalid(f"not editable: {', '.join(sorted(unknown))}")
    ensure_outcomes(session)
    row = session.get(CallOutcome, code)
    if row is None:
        raise OutcomeInvalid(pick(f"未知的回访结果：{code}", f"Unknown call outcome: {code}"))
    if code == COMPLETED and changes.get("active") is False:
        raise OutcomeInvalid(
            pick("“已回访”不能停用：回访单以它保存", "Completed cannot be made inactive")
        )
    if "key" in changes:
        changes["key"] = _checked_key(session, code, changes["key"])
    retry = changes.get("retry_minutes")
    if retry is not None and retry < 0:
        raise OutcomeInvalid(pick("重拨间隔不能为负数", "The retry wait cannot be negative"))
    for name, value in changes.items():
        setattr(row, name, value)


def _checked_key(session: Session, code: str, key: str | None) -> str | None:
    if key is None or not key.strip():
        return None
    key = key.strip().upper()
    if len(key) != 1:
        raise OutcomeInvalid(pick("快捷键须为单个字符", "A shortcut key is one character"))
    taken = session.scalar(
        select(CallOutcome.code).where(
            CallOutcome.key == key, CallOutcome.code != code, CallOutcome.active.is_(True)
        )
    )
    if taken is not None:
        raise OutcomeInvalid(
            pick(f"快捷键 {key} 已用于“{taken}”", f"Key {key} is already used by {taken}")
        )
    return key
