"""The case list (案件查询): any case among a city's million, newest completed first, a page at a
time, found by case number, applicant or phone number.

Pages are keyset-paginated on (办结日期, id), both descending: the thousandth page costs what the
first does, and a case completed while someone scrolls cannot shift the pages they have not seen
yet. What each search can use:

- 业务编号 prefix: the unique index on case_no (a range on SQLite; LIKE on PostgreSQL, which
  uses an index only under the C collation or with text_pattern_ops).
- 申请人 prefix and the whole 电话 number: the indexes on cases.applicant and case_phones.e164
  (migration 0011) give the matching ids, and the page is taken from them.
- The last 4–8 digits of a number: no index can hold a suffix, so the number is also kept
  backwards (case_phones.e164_reversed, migration 0021) and its last digits are a prefix of
  that, on both backends without an extension (a scan of every number took 56 ms on PostgreSQL,
  110 ms on SQLite at a million cases).
- The first page: the index on (completed_on, id) is the list's order, read backwards.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import ColumnElement, Row, Select, and_, func, or_, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from app import clock
from app.desk.outcomes import default_label
from app.i18n import pick
from app.phones import mask_phone, parse_phone
from db.models import CallOutcome, Case, CasePhone, Evaluation, QueueEntry, Unit

PAGE_SIZE = 200
PHONE_TAIL_DIGITS = range(4, 9)  # 尾号: the last 4 digits, up to a local number without area code

_SEPARATORS = re.compile(r"[\s()\-+]")
_CJK = re.compile(r"[\u3400-\u9fff]")


class SearchKind(StrEnum):
    ALL = "all"
    CASE_NO = "case_no"  # prefix of 业务编号
    APPLICANT = "applicant"  # prefix of 申请人
    PHONE = "phone"  # the whole number
    PHONE_TAIL = "phone_tail"  # its last digits


@dataclass(frozen=True)
class CaseSearch:
    """What the list shows: the text typed in the search box and the unit chosen, if any.

    The text's form says what it is: Chinese characters are a name; a phone number (with or
    without +86, spaces or dashes) is a number; 4–8 digits are a number's last digits; anything
    else is the beginning of a case number.
    """

    text: str = ""
    unit_id: int | None = None

    @property
    def term(self) -> str:
        return unicodedata.normalize("NFKC", self.text).strip()

    @property
    def kind(self) -> SearchKind:
        term = self.term
        if not term:
            return SearchKind.ALL
        if _CJK.search(term) and not any(ch.isdigit() for ch in term):
            return SearchKind.APPLICANT
        digits = _SEPARATORS.sub("", term)
        if digits.isdigit():
            if parse_phone(term).valid:
                return SearchKind.PHONE
            if len(digits) in PHONE_TAIL_DIGITS:
                return SearchKind.PHONE_TAIL
        return SearchKind.CASE_NO


@dataclass(frozen=True)
class PageKey:
    """The last row of a page: the next page starts after it."""

    completed_on: date
    case_id: int


@dataclass(frozen=True)
class QueueState:
    """Where the case stands in the call queue (its open entry, else its last one)."""

    kind: str  # first / callback
    status: str  # open / done
    result: str | None  # when done: completed, evaluated, unreachable or an outcome's code
    result_title: str | None  # an outcome's label, in the language of app/'s messages
    appointment_at: datetime | None
    in_call: bool  # an operator holds it right now


@dataclass(frozen=True)
class CaseListRow:
    case_id: int
    case_no: str
    business_type: str | None
    unit: str
    completed_on: date
    applicant: str | None
    phones: list[str]  # masked: the list is for looking up, not for dialling
    evaluation_channel: str | None  # the first evaluation's (it alone scores); None: 未回访
    evaluation_rating: str | None  # its 总体情况
    queue: QueueState | None  # None: never queued

    @property
    def key(self) -> PageKey:
        return PageKey(self.completed_on, self.case_id)


@dataclass(frozen=True)
class CasePage:
    rows: list[CaseListRow]
    next_key: PageKey | None  # None: this was the last page


def case_page(
    session: Session,
    search: CaseSearch,
    after: PageKey | None = None,
    *,
    limit: int = PAGE_SIZE,
    now: datetime | None = None,
) -> CasePage:
    """The cases `search` finds, newest completed first, from just after `after`."""
    query = _filtered(
        select(
            Case.id,
            Case.case_no,
            Case.business_type,
            Case.unit_id,
            Case.completed_on,
            Case.applicant,
            Case.first_evaluation_id,
        ),
        session,
        search,
    )
    if after is not None:
        query = query.where(
            Case.completed_on <= after.completed_on,
            or_(Case.completed_on < after.completed_on, Case.id < after.case_id),
        )
    found = session.execute(
        query.order_by(Case.completed_on.desc(), Case.id.desc()).limit(limit + 1)
    ).all()
    more = len(found) > limit
    found = found[:limit]
    if not found:
        return CasePage([], None)
    ids = [row.id for row in found]
    unit_names = dict(
        session.execute(
            select(Unit.id, Unit.name).where(Unit.id.in_({r.unit_id for r in found}))
        ).all()
    )
    phones = _phones(session, ids)
    evaluations = _evaluations(session, [r.first_evaluation_id for r in found])
    queue = _queue_states(session, ids, now or clock.now())
    rows = [
        CaseListRow(
            case_id=row.id,
            case_no=row.case_no,
            business_type=row.business_type,
            unit=unit_names.get(row.unit_id, ""),
            completed_on=row.completed_on,
            applicant=row.applicant,
            phones=phones.get(row.id, []),
            evaluation_channel=evaluations.get(row.first_evaluation_id, (None, None))[0],
            evaluation_rating=evaluations.get(row.first_evaluation_id, (None, None))[1],
            queue=queue.get(row.id),
        )
        for row in found
    ]
    return CasePage(rows, rows[-1].key if more else None)


def count_cases(session: Session, search: CaseSearch) -> int:
    """How many cases `search` finds (a scan of them: ask after the first page is shown)."""
    return session.scalar(_filtered(select(func.count()).select_from(Case), session, search)) or 0


def _filtered(query: Select, session: Session, search: CaseSearch) -> Select:
    if search.unit_id is not None:
        query = query.where(Case.unit_id == search.unit_id)
    kind, term = search.kind, search.term
    if kind == SearchKind.CASE_NO:
        return query.where(_prefix(session, Case.case_no, term))
    if kind == SearchKind.APPLICANT:
        # As a set of ids: told to filter the rows directly, SQLite walks the completion-date
        # index looking at every case for a rare name (seconds) instead of scanning once.
        return query.where(
            Case.id.in_(select(Case.id).where(_prefix(session, Case.applicant, term)))
        )
    if kind == SearchKind.PHONE:
        number = parse_phone(term).e164
        return query.where(Case.id.in_(select(CasePhone.case_id).where(CasePhone.e164 == number)))
    if kind == SearchKind.PHONE_TAIL:
        backwards = _SEPARATORS.sub("", term)[::-1]  # e164 ends with the digits typed
        return query.where(
            Case.id.in_(
                select(CasePhone.case_id).where(
                    _prefix(session, CasePhone.e164_reversed, backwards)
                )
            )
        )
    return query


def _prefix(session: Session, column: InstrumentedAttribute, text: str) -> ColumnElement[bool]:
    """`column` starts with `text`, case-sensitively, in a form the database can use an index for.

    SQLite compares text by its bytes (collation BINARY), so the prefix is a range of the index;
    its LIKE ignores ASCII case and so could not use the index. PostgreSQL's LIKE is exact.
    """
    if session.get_bind().dialect.name == "sqlite":
        following = text[:-1] + chr(ord(text[-1]) + 1)
        return and_(column >= text, column < following)
    return column.startswith(text, autoescape=True)


def _phones(session: Session, case_ids: list[int]) -> dict[int, list[str]]:
    found: dict[int, list[str]] = {}
    rows = session.execute(
        select(CasePhone.case_id, CasePhone.e164, CasePhone.original)
        .where(CasePhone.case_id.in_(case_ids))
        .order_by(CasePhone.case_id, CasePhone.position, CasePhone.id)
    )
    for case_id, e164, original in rows:
        found.setdefault(case_id, []).append(mask_phone(e164 or original))
    return found


def _evaluations(
    session: Session, evaluation_ids: list[int | None]
) -> dict[int, tuple[str, str | None]]:
    wanted = {i for i in evaluation_ids if i is not None}
    if not wanted:
        return {}
    rows = session.execute(
        select(Evaluation.id, Evaluation.channel, Evaluation.overall).where(
            Evaluation.id.in_(wanted)
        )
    )
    return {i: (channel, overall) for i, channel, overall in rows}


def _queue_states(session: Session, case_ids: list[int], now: datetime) -> dict[int, QueueState]:
    entries: dict[int, Row] = {}
    for row in session.execute(
        select(
            QueueEntry.case_id,
            QueueEntry.kind,
            QueueEntry.status,
            QueueEntry.result,
            QueueEntry.appointment_at,
            QueueEntry.claimed_by_id,
            QueueEntry.claim_expires_at,
        )
        .where(QueueEntry.case_id.in_(case_ids))
        .order_by(QueueEntry.id)
    ):
        current = entries.get(row.case_id)
        if current is None or row.status == "open" or current.status != "open":
            entries[row.case_id] = row  # an open entry says more than one finished later
    if not entries:
        return {}
    results = {row.result for row in entries.values() if row.result}
    titles = {
        code: pick(label, label_en)
        for code, label, label_en in session.execute(
            select(CallOutcome.code, CallOutcome.label, CallOutcome.label_en).where(
                CallOutcome.code.in_(results)
            )
        )
    }
    return {
        case_id: QueueState(
            kind=row.kind,
            status=row.status,
            result=row.result,
            result_title=titles.get(row.result)
            or (default_label(row.result) if row.result else None),
            appointment_at=row.appointment_at,
            in_call=row.claimed_by_id is not None
            and row.claim_expires_at is not None
            and row.claim_expires_at > now,
        )
        for case_id, row in entries.items()
    }
