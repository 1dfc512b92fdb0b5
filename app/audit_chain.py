"""The audit trail as a hash chain (db/audit_hash.py): sealed as each transaction commits, checked
by `verify_chain` (`main.py audit verify`, and the window at start-up for those who audit).

Entries are written by many seats at once, and in the transaction of the action they record.
Each transaction's new entries are sealed at its commit, one transaction after another: on
PostgreSQL under an advisory lock held to the end of the transaction, on SQLite under the write
lock the transaction already holds (it wrote the entries). The seal reads the chain's last entry,
gives the transaction's entries the next places in the order they were written (id), and
commits with them; the unique index on `seq` refuses a second entry at the same place should
anything ever get past the lock. Entries that arrive from an outlet's sync file are written here
like any other and so join this database's chain in the order they arrive.

A chain shows an entry changed, removed or put in between others; it cannot show entries removed
from its end, nor new ones appended by someone who computes their hashes. The head (last place
and hash) printed by `audit verify`, and remembered by each seat whose check passed, anchors the
chain: a later check that no longer finds it reports the trail shortened or rewritten.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import Any

from sqlalchemy import (
    Connection,
    Engine,
    Executable,
    Row,
    Select,
    Update,
    bindparam,
    event,
    func,
    select,
    update,
)
from sqlalchemy.orm import Session

from app.i18n import pick
from app.progress import Progress
from db.audit_hash import (
    GENESIS,
    KEYS_KEY,
    PENDING_TOKEN,
    entry_hash,
    purged_personal,
    sealed_personal,
)
from db.models import AuditEntry

# Keys of personal values in the JSON kept beside the columns (audit before/after, Form B
# answers): their values enter the chain as salted digests, so that a purge past retention
# (app.retention) can blank them.
PERSONAL_KEYS = frozenset(
    {
        "applicant",
        "writer",  # a suggestion slip's writer (app.suggestion_box)
        "location",
        "phone",
        "phones",
        "phone_original",
        "phone_e164",
        "note",
        "said",
        "promised",
        "words",
        "respondent_words",
        "suggestion",
        "enterprise_contact",
        "complainant",
        "contact",
        "address",
        "complainant_opinion",
        "first_contact_note",
        "evaluator",  # 评价人 on an imported evaluation (issue 17)
        "verification",  # a 差评's 核实情况 and what the citizen was told (app.bad_reviews)
        "feedback_text",
    }
)
# pg_advisory_xact_lock's key for appending to the chain ("REVISIT\0").
CHAIN_LOCK_KEY = 0x5245564953495400
_VERIFY_BATCH = 2000
_CHAIN_ATTRIBUTES = ("seq", "hash", "personal", "pending")


# Sealing, as each transaction commits

# In Connection.info, beside db.audit_hash's PENDING_TOKEN (set by the column's default, for an
# entry written by any other means): the token and the rows of the entries `write_entry` wrote in
# this transaction, as the INSERT returned them — what the seal needs, without reading it back.
_WRITTEN = "revisitdesk.audit_written"
# Set when a savepoint rolled back after `write_entry` wrote: the rows it kept may be gone.
_UNSURE = "revisitdesk.audit_unsure"


def _hashed_columns():
    """What the seal needs of a new entry: its id and what its hash covers."""
    return (
        AuditEntry.id,
        AuditEntry.at,
        AuditEntry.actor,
        AuditEntry.action,
        AuditEntry.entity,
        AuditEntry.entity_uid,
        AuditEntry.before,
        AuditEntry.after,
    )


def _entry_columns():
    """What the chain's check reads of a sealed entry: the above, and its seal."""
    return (*_hashed_columns(), AuditEntry.seq, AuditEntry.hash, AuditEntry.personal)


def returning_entry(statement):
    """An INSERT of one audit entry made to return what the seal needs (`write_entry`)."""
    return statement.returning(*_hashed_columns())


def write_entry(connection: Connection, statement: Executable, values: dict[str, Any]) -> None:
    """Run `statement`, an INSERT of one entry made by `returning_entry`, and keep the row it
    returns (the values as stored: the id, the time, the actor's name looked up by the INSERT)
    for the seal at the commit, which then needs no statement to read them back — on PostgreSQL
    every statement is a round trip to the server (issue 23)."""
    info = connection.info
    written = info.get(_WRITTEN)
    if written is None:
        written = info[_WRITTEN] = (secrets.token_hex(16), [])
    row = connection.execute(statement, {**values, "pending": written[0]}).one()
    written[1].append(row)


def seal_pending(connection: Connection) -> int:
    """Seal the entries this connection's transaction wrote, after the chain's last; returns
    how many. Runs by itself just before every commit (`_seal_before_commit`)."""
    info = connection.info
    token = info.pop(PENDING_TOKEN, None)
    written = info.pop(_WRITTEN, None)
    unsure = info.pop(_UNSURE, False)
    if token is None and written is None:
        return 0
    if token is None and not unsure:
        rows: Sequence[Any] = sorted(written[1], key=lambda row: row.id)
    else:
        # Entries written by other means too (the ORM, an executemany), or a savepoint rolled
        # back: read them all back. Before the lock: the lock is held from here to the commit.
        tokens = [t for t in (token, written[0] if written else None) if t is not None]
        rows = connection.execute(_own_query(), {"tokens": tokens}).all()
        if not rows:
            return 0
    personals = [sealed_personal(row.before, row.after, PERSONAL_KEYS) for row in rows]
    head = _chain_head_locked(connection)
    seq, previous = (head[0], head[1]) if head is not None else (0, GENESIS)
    seals = []
    for row, personal in zip(rows, personals, strict=True):
        seq += 1
        previous = entry_hash(
            previous,
            seq,
            row.at,
            row.actor,
            row.action,
            row.entity,
            row.entity_uid,
            row.before,
            row.after,
            personal,
        )
        seals.append({"entry_id": row.id, "s": seq, "h": previous, "p": personal})
    sealed = connection.execute(_seal_statement(), seals).rowcount
    if sealed not in (len(seals), -1):  # -1: the driver does not count an executemany
        raise RuntimeError(f"audit seal: {sealed} of {len(seals)} entries found to seal")
    return len(seals)


def _chain_head_locked(connection: Connection) -> Row | tuple | None:
    """The chain's last entry (seq, hash), read once this transaction may append to it.

    PostgreSQL: under an advisory lock held to the commit. The last entry must be read by a
    statement that starts after the lock is granted (under READ COMMITTED each statement sees
    what was committed when it started, so a read begun before a wait would miss the entries
    the holder committed), so they are two statements — sent in one message, one round trip:
    the simple query protocol runs them one after the other, each with its own snapshot.
    SQLite: the transaction holds the write lock already (it wrote the entries)."""
    if connection.dialect.name != "postgresql":
        return connection.execute(_last_query()).first()
    result = connection.exec_driver_sql(_PG_LOCK_AND_LAST)  # an error raises here, wrapped
    try:
        cursor = result.cursor  # the lock's result first; the last entry's is the next set
        return cursor.fetchone() if cursor.nextset() else None
    finally:
        result.close()


# No parameters (psycopg then uses the simple query protocol, which takes two statements).
_PG_LOCK_AND_LAST = (
    f"SELECT pg_advisory_xact_lock({CHAIN_LOCK_KEY}); "
    "SELECT seq, hash FROM audit_entries WHERE seq IS NOT NULL ORDER BY seq DESC LIMIT 1"
)


@cache
def _own_query() -> Select:
    """Built once: the entries a transaction wrote, by their tokens, in the order written."""
    return (
        select(*_hashed_columns())
        .where(
            AuditEntry.seq.is_(None),
            AuditEntry.pending.in_(bindparam("tokens", expanding=True)),
        )
        .order_by(AuditEntry.id)
    )


@cache
def _last_query() -> Select:
    return (
        select(AuditEntry.seq, AuditEntry.hash)
        .where(AuditEntry.seq.is_not(None))
        .order_by(AuditEntry.seq.desc())
        .limit(1)
    )


@cache
def _seal_statement() -> Update:
    return (
        update(AuditEntry)
        .where(AuditEntry.id == bindparam("entry_id"))
        .values(
            seq=bindparam("s"),
            hash=bindparam("h"),
            personal=bindparam("p", type_=AuditEntry.personal.type),
            pending=None,
        )
    )


@event.listens_for(Engine, "commit")
def _seal_before_commit(connection: Connection) -> None:
    # In the transaction still: a failure here fails the commit, and everything rolls back.
    seal_pending(connection)


@event.listens_for(Engine, "rollback")
def _forget_pending(connection: Connection) -> None:
    connection.info.pop(PENDING_TOKEN, None)
    connection.info.pop(_WRITTEN, None)
    connection.info.pop(_UNSURE, None)


@event.listens_for(Engine, "rollback_savepoint")
def _unsure_after_savepoint(connection: Connection, _name, _context) -> None:
    if _WRITTEN in connection.info:
        connection.info[_UNSURE] = True


@event.listens_for(Session, "after_commit")
def _expire_sealed(session: Session) -> None:
    """Entries the session holds were sealed behind its back: read their seal anew if asked."""
    for item in list(session.identity_map.values()):
        if isinstance(item, AuditEntry):
            session.expire(item, _CHAIN_ATTRIBUTES)


# Purging personal values


def purge_entry_values(
    before: Any,
    after: Any,
    personal: Mapping[str, Any] | None,
    sealed: bool,
    scrub: Callable[[Any, frozenset[str]], Any],
) -> tuple[Any, Any, Mapping[str, Any] | None]:
    """An entry's values before and after with its personal values blanked by `scrub(value,
    keys)`, and its `personal` then: the digests that keep the chain whole, without the salt.
    A sealed entry blanks only the keys it was sealed with (a key declared personal later stays,
    or the chain would break); an entry outside the chain blanks every personal key."""
    if not sealed:
        return scrub(before, PERSONAL_KEYS), scrub(after, PERSONAL_KEYS), personal
    if not personal:
        return before, after, personal
    keys = frozenset(personal.get(KEYS_KEY) or ())
    new_before, new_after = scrub(before, keys), scrub(after, keys)
    if (new_before, new_after) == (before, after):
        return before, after, personal
    return new_before, new_after, purged_personal(before, after, personal)


# Checking the chain


@dataclass(frozen=True)
class ChainHead:
    """The chain's last entry: its place and hash, to write down and check against later."""

    seq: int
    hash: str
    entry_id: int

    def anchor(self) -> str:
        return f"{self.seq}:{self.hash}"


def parse_anchor(text: str) -> tuple[int, str]:
    """ "SEQ:HASH" as `audit verify` printed it; ValueError when it is not one."""
    seq, _sep, digest = text.strip().partition(":")
    digest = digest.strip().lower()
    if (
        not seq.strip().isdigit()
        or len(digest) != 64
        or any(c not in "0123456789abcdef" for c in digest)
    ):
        raise ValueError(
            pick(
                f"锚点应为“序号:哈希”（审计校验输出的形式），不能是“{text}”",
                f"An anchor is SEQ:HASH (as audit verify prints it), not {text!r}",
            )
        )
    return int(seq), digest


# What a break is, for people: the entry where the chain stops holding, and why.
ALTERED, MISSING, UNSEALED, ANCHOR_LOST, ANCHOR_CHANGED = (
    "altered",
    "missing",
    "unsealed",
    "anchor_lost",
    "anchor_changed",
)


@dataclass(frozen=True)
class ChainBreak:
    kind: str
    entry_id: int | None = None
    seq: int | None = None
    at: datetime | None = None
    action: str | None = None
    missing: int = 0  # MISSING: how many places before this entry are empty
    anchor_seq: int | None = None  # ANCHOR_*: the place that was anchored

    def describe(self) -> str:
        from app.zone import LOCAL_ZONE

        when = self.at.astimezone(LOCAL_ZONE).strftime("%Y-%m-%d %H:%M:%S") if self.at else ""
        entry = pick(
            f"第 {self.entry_id} 条审计记录（链中第 {self.seq} 位，{when}，{self.action}）",
            f"audit entry #{self.entry_id} (place {self.seq} in the chain, {when}, {self.action})",
        )
        if self.kind == ALTERED:
            return pick(
                f"{entry}与其哈希不符：此记录或其前一条在写入后被修改过。",
                f"{entry} does not match its hash: it, or the entry before it, was changed "
                "after it was written.",
            )
        if self.kind == MISSING:
            first = (self.seq or 0) - self.missing
            return pick(
                f"{entry}之前缺少 {self.missing} 条记录（链中第 {first} 位起）：记录被删除了。",
                f"{self.missing} entr{'y' if self.missing == 1 else 'ies'} missing before "
                f"{entry} (from place {first} on): entries were deleted.",
            )
        if self.kind == UNSEALED:
            return pick(
                f"第 {self.entry_id} 条审计记录（{when}，{self.action}）不在链中：它不是由本程序"
                "写入的，而是被直接插入数据库的。",
                f"Audit entry #{self.entry_id} ({when}, {self.action}) is outside the chain: "
                "it was put into the database directly, not written by the app.",
            )
        if self.kind == ANCHOR_LOST:
            return pick(
                f"先前记下的链中第 {self.anchor_seq} 位已不存在：链尾的记录被删除了，"
                "或数据库被换成了较早的备份。",
                f"Place {self.anchor_seq} of the chain, noted earlier, is gone: entries were "
                "removed from the end, or the database was replaced by an earlier backup.",
            )
        return pick(
            f"链中第 {self.anchor_seq} 位与先前记下的不同：审计记录被整体改写过，"
            "或数据库被换成了另一个。",
            f"Place {self.anchor_seq} of the chain differs from what was noted earlier: the "
            "trail was rewritten, or the database was replaced by another.",
        )


@dataclass(frozen=True)
class ChainReport:
    """What `verify_chain` found: `entries` entries hold from the first to `head`; `breaks`, in
    this order, where the chain first stops holding, the first entry outside it, and the anchor
    no longer found (those there are)."""

    entries: int
    head: ChainHead | None
    breaks: tuple[ChainBreak, ...] = ()
    unsealed_count: int = 0  # entries outside the chain

    @property
    def intact(self) -> bool:
        return not self.breaks

    def summary(self) -> str:
        if self.intact:
            if self.head is None:
                return pick("审计记录为空。", "The audit trail is empty.")
            return pick(
                f"审计链完整：共 {self.entries} 条记录，最新为链中第 {self.head.seq} 位。",
                f"The audit chain holds: {self.entries} entries, the last at place "
                f"{self.head.seq}.",
            )
        lines = [pick("审计链已被破坏：", "The audit chain is broken:")]
        lines += [problem.describe() for problem in self.breaks]
        if self.unsealed_count > 1:
            lines.append(
                pick(
                    f"不在链中的记录共 {self.unsealed_count} 条。",
                    f"{self.unsealed_count} entries in all are outside the chain.",
                )
            )
        return "\n".join(lines)


def verify_chain(
    session: Session,
    anchor: tuple[int, str] | None = None,
    progress: Progress | None = None,
) -> ChainReport:
    """Walk the chain from its first entry and report where it first breaks, the entries
    outside it, and whether the entry at `anchor` (seq, hash) is still the one noted."""
    total = session.scalar(select(func.count()).where(AuditEntry.seq.is_not(None))) or 0
    expected, previous, checked = 1, GENESIS, 0
    last: Any = None
    anchored: Any = None
    breaks: list[ChainBreak] = []
    rows = session.execute(
        select(*_entry_columns())
        .where(AuditEntry.seq.is_not(None))
        .order_by(AuditEntry.seq)
        .execution_options(yield_per=_VERIFY_BATCH)
    )
    for row in rows:
        if anchor is not None and row.seq == anchor[0]:
            anchored = row
        if breaks:
            continue  # past the break: only looking for the anchored place
        if row.seq != expected:
            breaks.append(_break(MISSING, row, missing=row.seq - expected))
            continue
        computed = entry_hash(
            previous,
            row.seq,
            row.at,
            row.actor,
            row.action,
            row.entity,
            row.entity_uid,
            row.before,
            row.after,
            row.personal,
        )
        if computed != row.hash:
            breaks.append(_break(ALTERED, row))
            continue
        previous, expected, checked, last = row.hash, expected + 1, checked + 1, row
        if progress is not None and checked % _VERIFY_BATCH == 0:
            progress(checked, total)
    outside = session.execute(
        select(AuditEntry.id, AuditEntry.at, AuditEntry.action)
        .where(AuditEntry.seq.is_(None))
        .order_by(AuditEntry.id)
        .limit(1)
    ).first()
    unsealed_count = 0
    if outside is not None:
        breaks.append(
            ChainBreak(UNSEALED, entry_id=outside.id, at=outside.at, action=outside.action)
        )
        unsealed_count = session.scalar(select(func.count()).where(AuditEntry.seq.is_(None))) or 0
    if anchor is not None and anchored is None:
        breaks.append(ChainBreak(ANCHOR_LOST, anchor_seq=anchor[0]))
    elif anchor is not None and anchored.hash != anchor[1]:
        breaks.append(ChainBreak(ANCHOR_CHANGED, anchor_seq=anchor[0]))
    if progress is not None:
        progress(checked, total)
    head = ChainHead(last.seq, last.hash, last.id) if last is not None else None
    return ChainReport(checked, head, tuple(breaks), unsealed_count)


def _break(kind: str, row: Any, *, missing: int = 0) -> ChainBreak:
    return ChainBreak(
        kind, entry_id=row.id, seq=row.seq, at=row.at, action=row.action, missing=missing
    )
