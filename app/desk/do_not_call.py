"""Numbers never to be dialled again (免打扰), whatever path would dial them.

A number is marked by the do-not-call outcome, by a list an administrator imports, or by an
administrator by hand. Every way of dialling asks this module: the queue's claim passes over a
case none of whose numbers may be called (`callable_case`, in the claim's own statement), the
claimed case offers an unmarked number and shows the marked ones as such (`first_callable`), the
outcomes that move to a case's next number skip marked ones, and a number dialled by hand is asked
`require_callable` by the telephone layer. Marks are read only from the `do_not_call` table, so a
mark brought by a sync file is obeyed as one made here; an import of cases never touches it.
Marking is idempotent and never weakens a mark; only an administrator clears one (`clear`), with a
reason, in the audit trail. When a mark leaves a queued case without a number to call, its entry
ends at once with the result "do_not_call" (audited), so it no longer waits in the queue.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import ColumnElement, exists, select
from sqlalchemy.orm import Session

from app.audit import record_change
from app.clock import current_time
from app.errors import Refused
from app.i18n import pick
from app.phones import mask_phone, parse_phone
from app.staff import require_administrator
from db.models import CasePhone, DoNotCall, QueueEntry, Staff

FROM_OUTCOME = "outcome"
FROM_IMPORT = "import"
BY_HAND = "manual"
SOURCES: dict[str, tuple[str, str]] = {
    FROM_OUTCOME: ("来电人要求不再来电", "Asked not to be called"),
    FROM_IMPORT: ("管理员导入的名单", "An administrator's list"),
    BY_HAND: ("管理员标记", "Marked by an administrator"),
}
# The audit trail's words for what this module does (titles in app.audit).
MARK_ACTION = "do_not_call.mark"
CLEAR_ACTION = "do_not_call.clear"
IMPORT_ACTION = "do_not_call.import"
ENDED_ACTION = "queue.do_not_call"  # a queued case left with no number to call
ENTITY = "do_not_call"
QUEUE_ENTITY = "queue_entry"
RESULT = "do_not_call"  # the result of a queue entry ended by a mark (as by the outcome)
REASON_LENGTH = 500
# A list of numbers is small: a file larger than this, or with more rows, is not one.
MAX_LIST_BYTES = 5 * 1024 * 1024
MAX_LIST_ROWS = 100_000
LIST_SUFFIXES = frozenset({".csv", ".txt", ".xlsx"})
_HEADER_WORDS = ("号码", "电话", "手机", "phone", "number", "tel", "mobile")


class DoNotCallRefused(Refused, PermissionError):
    """The number is marked do-not-call: nothing dials it."""

    def __init__(self, e164: str) -> None:
        masked = mask_phone(e164)
        super().__init__(
            pick(
                f"号码 {masked} 已标记为“不再来电”，任何方式都不会拨打。如需解除，请联系管理员。",
                f"{masked} is marked do-not-call and is never dialled. An administrator can "
                "clear the mark.",
            )
        )
        self.e164 = e164


class ListRefused(Refused, ValueError):
    """A number typed or a list of numbers that cannot be taken as given; nothing is changed."""


@dataclass(frozen=True)
class Mark:
    phone_e164: str
    source: str
    reason: str | None
    marked_at: datetime
    marked_by_id: int | None
    case_id: int | None
    marked_by: str | None = None  # the person's name, when listed for an administrator


@dataclass
class ListImport:
    """What a list of numbers did: marked now, marked already, and the queue entries it ended."""

    rows: int
    marked: int
    already: int
    ended_entries: int
    numbers: list[str] = field(default_factory=list)  # E.164, in the file's order, once each


# Reading the marks


def in_force(number: ColumnElement[Any]) -> ColumnElement[bool]:
    """A mark in force on the number `number` (a column holding E.164) exists."""
    return exists().where(DoNotCall.phone_e164 == number, DoNotCall.cleared_at.is_(None))


def callable_case(case_id: ColumnElement[int]) -> ColumnElement[bool]:
    """The case `case_id` may be handed out for a call: none of its numbers is marked, or one of
    its valid numbers is not. (A case with no valid number at all is handed out as before: the
    operator sees it has none.) Two look-ups by index per case; the first settles nearly all."""
    marked_phone = (
        exists()
        .where(CasePhone.case_id == case_id, in_force(CasePhone.e164))
        .correlate_except(CasePhone, DoNotCall)
    )
    free_phone = (
        exists()
        .where(
            CasePhone.case_id == case_id,
            CasePhone.e164.is_not(None),
            ~in_force(CasePhone.e164),
        )
        .correlate_except(CasePhone, DoNotCall)
    )
    return ~marked_phone | free_phone


def is_marked(session: Session, e164: str | None) -> bool:
    if not e164:
        return False
    return (
        session.scalar(
            select(DoNotCall.id).where(DoNotCall.phone_e164 == e164, DoNotCall.cleared_at.is_(None))
        )
        is not None
    )


def marked_among(session: Session, numbers: set[str]) -> set[str]:
    """Which of `numbers` (E.164) are marked."""
    numbers = {n for n in numbers if n}
    if not numbers:
        return set()
    return set(
        session.scalars(
            select(DoNotCall.phone_e164).where(
                DoNotCall.phone_e164.in_(numbers), DoNotCall.cleared_at.is_(None)
            )
        )
    )


def require_callable(session: Session, e164: str | None) -> None:
    """Refuse (DoNotCallRefused) to dial a marked number."""
    if e164 and is_marked(session, e164):
        raise DoNotCallRefused(e164)


def first_callable(phones: Sequence[Any], start: int, marked: set[str] | frozenset = frozenset()):
    """The index of the first valid number (`e164` not None) at or after `start` that is not in
    `marked`; None when there is none."""
    return next(
        (
            i
            for i in range(max(start, 0), len(phones))
            if phones[i].e164 is not None and phones[i].e164 not in marked
        ),
        None,
    )


def marks(session: Session, *, viewer_id: int | None) -> list[Mark]:
    """The marks in force, newest first, with who made them: an administrator's list."""
    require_administrator(session, viewer_id)
    rows = session.execute(
        select(DoNotCall, Staff.name)
        .outerjoin(Staff, Staff.id == DoNotCall.marked_by_id)
        .where(DoNotCall.cleared_at.is_(None))
        .order_by(DoNotCall.marked_at.desc(), DoNotCall.id.desc())
    )
    return [
        Mark(r.phone_e164, r.source, r.reason, r.marked_at, r.marked_by_id, r.case_id, name)
        for r, name in rows
    ]


def source_label(code: str) -> str:
    zh, en = SOURCES.get(code, (code, code))
    return pick(zh, en)


# Marking and clearing


def mark(
    session: Session,
    e164: str,
    *,
    source: str,
    by_id: int | None,
    reason: str | None = None,
    case_id: int | None = None,
    now: datetime | None = None,
) -> bool:
    """Mark `e164` do-not-call, in the session's transaction; True if it was not marked before.

    A mark already in force is left as it is (the first reason stands); a cleared one is armed
    again. Only the outcome marks without an administrator. Queued cases left without a number
    to call end (`end_uncallable`).
    """
    if source not in SOURCES:
        raise ValueError(source)
    if source != FROM_OUTCOME:
        require_administrator(session, by_id)
    now = current_time(now)
    if not _arm(session, e164, source, by_id, reason, case_id, now):
        return False
    end_uncallable(session, {e164}, by_id=by_id, now=now)
    return True


def _arm(session, e164, source, by_id, reason, case_id, now) -> bool:
    """The mark itself, audited; False when one is in force already."""
    reason = (reason or "").strip()[:REASON_LENGTH] or None
    row = session.scalar(select(DoNotCall).where(DoNotCall.phone_e164 == e164))
    if row is not None and row.cleared_at is None:
        return False
    before = None if row is None else _snapshot(row)
    if row is None:
        row = DoNotCall(phone_e164=e164)
        session.add(row)
    row.source, row.reason, row.case_id = source, reason, case_id
    row.marked_at, row.marked_by_id = now, by_id
    row.cleared_at = row.cleared_by_id = row.clear_reason = None
    session.flush()
    record_change(
        session,
        actor_id=by_id,
        action=MARK_ACTION,
        entity=ENTITY,
        entity_uid=row.uid,
        before=before,
        after=_snapshot(row),
        at=now,
    )
    return True


def mark_number(
    session: Session, text: str, *, by_id: int | None, reason: str | None, now=None
) -> tuple[str, bool]:
    """An administrator marks a number typed by hand; (its E.164, whether it was new)."""
    require_administrator(session, by_id)
    e164 = parse_number(text)
    return e164, mark(
        session, e164, source=BY_HAND, by_id=by_id, reason=_checked_reason(reason), now=now
    )


def clear(
    session: Session, e164: str, *, by_id: int | None, reason: str, now: datetime | None = None
) -> None:
    """An administrator lifts the mark on `e164`, saying why; audited."""
    require_administrator(session, by_id)
    reason = (reason or "").strip()
    if not reason:
        raise ListRefused(pick("请填写解除“不再来电”的原因", "Say why the mark is cleared"))
    reason = _checked_reason(reason)
    row = session.scalar(
        select(DoNotCall).where(DoNotCall.phone_e164 == e164, DoNotCall.cleared_at.is_(None))
    )
    if row is None:
        raise ListRefused(
            pick(
                f"号码 {mask_phone(e164)} 没有“不再来电”标记",
                f"{mask_phone(e164)} is not marked do-not-call",
            )
        )
    before = _snapshot(row)
    row.cleared_at, row.cleared_by_id = current_time(now), by_id
    row.clear_reason = reason
    session.flush()
    record_change(
        session,
        actor_id=by_id,
        action=CLEAR_ACTION,
        entity=ENTITY,
        entity_uid=row.uid,
        before=before,
        after=_snapshot(row),
        at=row.cleared_at,
    )


def clear_number(session: Session, text: str, *, by_id: int | None, reason: str, now=None) -> str:
    """`clear` for a number as typed (checked as every number is); its E.164."""
    require_administrator(session, by_id)
    e164 = parse_number(text)
    clear(session, e164, by_id=by_id, reason=reason, now=now)
    return e164


def parse_number(text: str | None) -> str:
    """The E.164 of a number typed or read from a list; ListRefused when it is none."""
    parsed = parse_phone(text or "")
    if parsed.e164 is None:
        shown = (text or "").strip()[:40]
        raise ListRefused(
            pick(
                f"“{shown}”不是有效的电话号码（固定电话请带区号）",
                f"'{shown}' is not a valid phone number (give a landline with its area code)",
            )
        )
    return parsed.e164


def end_uncallable(
    session: Session, numbers: set[str] | None, *, by_id: int | None, now: datetime | None = None
) -> int:
    """End the free open queue entries of cases holding one of `numbers` (None: any marked
    number, e.g. after marks came in a sync file) that have no number left to call (from the
    entry's current number on), with the result "do_not_call"; each audited. Entries an
    operator holds are left to them (their save ends them; released, the claim passes over
    them). Returns how many ended."""
    if numbers is not None and not numbers:
        return 0
    now = current_time(now)
    holding = in_force(CasePhone.e164) if numbers is None else CasePhone.e164.in_(sorted(numbers))
    entries = session.scalars(
        select(QueueEntry)
        .where(
            QueueEntry.status == "open",
            QueueEntry.claimed_by_id.is_(None) | (QueueEntry.claim_expires_at <= now),
            QueueEntry.case_id.in_(select(CasePhone.case_id).where(holding)),
        )
        .order_by(QueueEntry.id)
    ).all()
    if not entries:
        return 0
    case_ids = {entry.case_id for entry in entries}
    phones: dict[int, list[Any]] = {case_id: [] for case_id in case_ids}
    for phone in session.execute(
        select(CasePhone.case_id, CasePhone.e164)
        .where(CasePhone.case_id.in_(case_ids))
        .order_by(CasePhone.case_id, CasePhone.position, CasePhone.id)
    ):
        phones[phone.case_id].append(phone)
    marked = marked_among(session, {p.e164 for rows in phones.values() for p in rows if p.e164})
    ended = 0
    for entry in entries:
        if first_callable(phones[entry.case_id], entry.phone_index, marked) is not None:
            continue
        entry.status, entry.result, entry.finished_at = "done", RESULT, now
        entry.claimed_by_id = entry.claim_expires_at = None
        session.flush()
        record_change(
            session,
            actor_id=by_id,
            action=ENDED_ACTION,
            entity=QUEUE_ENTITY,
            entity_uid=entry.uid,
            before={"case_id": entry.case_id, "kind": entry.kind, "status": "open"},
            after={
                "case_id": entry.case_id,
                "kind": entry.kind,
                "status": "done",
                "result": RESULT,
            },
            at=now,
        )
        ended += 1
    return ended


# An administrator's list


def read_list(path: Path) -> list[tuple[int, str, str | None]]:
    """The numbers of a list file (CSV or .xlsx, one number a row, an optional second column
    with the reason, an optional header row): (row number, E.164, reason). Every number is
    checked; the first bad row refuses the whole file (ListRefused names it)."""
    from app.importing.problems import FileRefused
    from app.importing.reader import read_table

    path = Path(path)
    if path.suffix.lower() not in LIST_SUFFIXES:
        raise ListRefused(
            pick(
                "名单须为 .csv、.txt 或 .xlsx 文件，每行一个号码",
                "A list must be a .csv, .txt or .xlsx file, one number a row",
            )
        )
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise ListRefused(pick(f"找不到文件：{path}", f"File not found: {path}")) from None
    except OSError as error:
        raise ListRefused(
            pick(f"无法读取文件：{error}", f"Cannot read the file: {error}")
        ) from None
    if size > MAX_LIST_BYTES:
        raise ListRefused(
            pick(
                f"名单文件太大（{size:,} 字节），最大 {MAX_LIST_BYTES:,} 字节",
                f"The list is too big ({size:,} bytes); at most {MAX_LIST_BYTES:,}",
            )
        )
    try:
        table = read_table(path)
    except FileRefused as refused:
        raise ListRefused(str(refused)) from None
    rows = table.rows
    if len(rows) > MAX_LIST_ROWS + 1:
        raise ListRefused(
            pick(
                f"名单超过 {MAX_LIST_ROWS:,} 行，请分成几个文件",
                f"The list has more than {MAX_LIST_ROWS:,} rows; split it",
            )
        )
    numbers: list[tuple[int, str, str | None]] = []
    for position, (line, cells) in enumerate(rows):
        cells = [_cell_text(cell) for cell in cells]
        first = cells[0] if cells else ""
        reason = cells[1] if len(cells) > 1 else ""
        if position == 0 and _is_header(first):
            continue
        if len(reason) > REASON_LENGTH:
            raise ListRefused(
                pick(
                    f"第 {line} 行：原因超过 {REASON_LENGTH} 个字。名单没有导入",
                    f"Row {line}: the reason is longer than {REASON_LENGTH} characters. "
                    "Nothing was imported",
                )
            )
        try:
            e164 = parse_number(first)
        except ListRefused as refused:
            raise ListRefused(
                pick(
                    f"第 {line} 行：{refused}。名单没有导入",
                    f"Row {line}: {refused}. Nothing was imported",
                )
            ) from None
        numbers.append((line, e164, reason or None))
    if not numbers:
        raise ListRefused(pick("名单中没有号码", "The list holds no number"))
    return numbers


def import_list(
    session: Session, path: Path, *, by_id: int | None, now: datetime | None = None
) -> ListImport:
    """An administrator's list of numbers, all marked in this transaction or none (a bad row
    refuses the file); numbers marked already keep their mark and reason."""
    require_administrator(session, by_id)
    now = current_time(now)
    numbers = read_list(path)
    result = ListImport(rows=len(numbers), marked=0, already=0, ended_entries=0)
    seen: set[str] = set()
    for _line, e164, reason in numbers:
        if e164 in seen:
            continue
        seen.add(e164)
        result.numbers.append(e164)
        if _arm(session, e164, FROM_IMPORT, by_id, reason, None, now):
            result.marked += 1
        else:
            result.already += 1
    result.ended_entries = end_uncallable(session, seen, by_id=by_id, now=now)
    record_change(
        session,
        actor_id=by_id,
        action=IMPORT_ACTION,
        entity=ENTITY,
        entity_uid=None,
        before=None,
        after={
            "file": Path(path).name[:200],
            "rows": result.rows,
            "marked": result.marked,
            "already": result.already,
            "ended_entries": result.ended_entries,
        },
        at=now,
    )
    return result


def _cell_text(cell: Any) -> str:
    """A cell as text, whatever it holds: a formula-like text stays text, never evaluated."""
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)
    return str(cell).strip()


def _is_header(text: str) -> bool:
    lowered = text.lower()
    return any(word in lowered for word in _HEADER_WORDS) and parse_phone(text).e164 is None


def _checked_reason(reason: str | None) -> str | None:
    reason = (reason or "").strip()
    if len(reason) > REASON_LENGTH:
        raise ListRefused(
            pick(
                f"原因最多 {REASON_LENGTH} 个字",
                f"A reason may be at most {REASON_LENGTH} characters",
            )
        )
    return reason or None


def _snapshot(row: DoNotCall) -> dict:
    return {
        "phone_e164": row.phone_e164,
        "source": row.source,
        "reason": row.reason,
        "marked_at": row.marked_at,
        "cleared_at": row.cleared_at,
        "clear_reason": row.clear_reason,
    }
