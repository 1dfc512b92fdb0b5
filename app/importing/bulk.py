"""Inserting many rows of one table at the speed of the driver's own executemany.

SQLAlchemy's Core `insert()` with a list of dicts processes every row's parameters one by one
(a dict per row, its bind processors looked up per row, and with RETURNING a statement per
batch): at a city's 100 000 cases that was most of an import's write time. Here the statement is
compiled once, the columns' bind processors are looked up once and run column by column (a
column of few distinct values — dates, flags — converts each value once), and the driver gets
plain tuples (or dicts, for a driver with named parameters) in one `executemany` — the same
values and the same conversions (dates, uids, UTC times), in the session's own transaction.
"""

from __future__ import annotations

import os
import time
import uuid
from collections.abc import Callable, Collection, Sequence
from typing import Any

from sqlalchemy import Boolean, Date, Table, insert, text
from sqlalchemy.orm import Session


def reserve_ids(session: Session, table: Table, count: int) -> list[int]:
    """`count` new primary keys of `table`, for rows this transaction then inserts with them.

    PostgreSQL: taken from the table's sequence, as an insert without ids would. SQLite: the
    ones after the largest, which no other connection can take while this transaction has
    written (an import writes its batch first, so it holds the write lock here).
    """
    if count <= 0:
        return []
    connection = session.connection()
    if connection.dialect.name == "postgresql":
        rows = connection.execute(
            text(
                "SELECT nextval(pg_get_serial_sequence(:table, 'id')) FROM generate_series(1, :n)"
            ),
            {"table": table.name, "n": count},
        )
        return [row[0] for row in rows]
    if not connection.in_transaction():  # pragma: no cover - the callers always are
        raise RuntimeError("reserve_ids outside a transaction")
    # The table name comes from the models, never from a file.
    largest = connection.exec_driver_sql(f"SELECT coalesce(max(id), 0) FROM {table.name}")
    first = largest.scalar_one() + 1
    return list(range(first, first + count))


# UUIDv7 (RFC 9562): 48 bits of Unix milliseconds, the version, 12 bits, the variant, 62 bits.
_VERSION_7 = 0x7 << 76
_VARIANT = 0b10 << 62
_COUNTER_BITS = 61  # the low bits of rand_b a batch counts up in, from a random start


def time_ordered_uids(count: int, *, now_ms: int | None = None) -> list[uuid.UUID]:
    """`count` new uids in increasing order: UUIDv7, the milliseconds of now, then 12 random
    bits and a 62-bit field starting at a random number below 2**61 and counting up (RFC 9562,
    6.2 method 1: a batch made in one millisecond is ordered too). Successive inserts of them
    append to the uid index instead of landing anywhere in it."""
    return [uuid.UUID(int=value) for value in _uid_numbers(count, now_ms)]


def _uid_numbers(count: int, now_ms: int | None = None) -> range:
    if count <= 0:
        return range(0)
    if count >= 1 << (_COUNTER_BITS - 1):  # pragma: no cover - no file has that many rows
        raise ValueError(f"{count} uids at once")
    if now_ms is None:
        now_ms = time.time_ns() // 1_000_000
    random_bits = int.from_bytes(os.urandom(10), "big")
    rand_a = random_bits >> 68  # 12 bits
    start = random_bits & ((1 << (_COUNTER_BITS - 1)) - 1)  # room to count up in
    first = (now_ms & ((1 << 48) - 1)) << 80 | _VERSION_7 | rand_a << 64 | _VARIANT | start
    return range(first, first + count)


def time_ordered_uid_values(session: Session, table: Table, name: str, count: int) -> list:
    """time_ordered_uids for the uid column `name` of `table`, as its bind processor hands
    them to the driver (for insert_columns' `ready`): where that is the 32 hex digits (SQLite),
    they are written so at once, without a UUID object each."""
    dialect = session.connection().dialect
    convert = table.c[name].type.dialect_impl(dialect).bind_processor(dialect)
    sample = uuid.UUID(int=next(iter(_uid_numbers(1))))
    if convert is not None and convert(sample) == sample.hex:
        return [f"{value:032x}" for value in _uid_numbers(count)]
    uids = time_ordered_uids(count)
    return uids if convert is None else [convert(uid) for uid in uids]


def insert_rows(
    session: Session,
    table: Table,
    columns: Sequence[str],
    rows: Sequence[Sequence],
    constants: dict[str, object] | None = None,
) -> None:
    """Insert `rows` (values in the order of `columns`) into `table`; `constants`: columns with
    one value for every row (converted once). Every column with a default must be given: no
    default is computed here."""
    if not rows:
        return
    insert_columns(
        session, table, dict(zip(columns, zip(*rows, strict=True), strict=True)), constants
    )


def insert_columns(
    session: Session,
    table: Table,
    columns: dict[str, Sequence],
    constants: dict[str, object] | None = None,
    ready: Collection[str] = (),
) -> None:
    """Insert rows given column by column (`columns`: name -> its values, all as long), and
    `constants` (name -> the one value of every row); `ready`: columns whose values are
    already as the driver takes them (converted by their bind processor). Every column with a
    default must be given: no default is computed here."""
    lengths = {len(values) for values in columns.values()}
    if len(lengths) > 1:
        raise RuntimeError(f"insert into {table.name}: columns of lengths {sorted(lengths)}")
    count = lengths.pop() if lengths else 0
    if count == 0:
        return
    constants = constants or {}
    connection = session.connection()
    dialect = connection.dialect
    names = [*columns, *constants]
    compiled = insert(table).compile(dialect=dialect, column_keys=names)
    order = list(compiled.positiontup) if compiled.positional else list(compiled.binds)
    if sorted(order) != sorted(names):
        raise RuntimeError(f"insert into {table.name}: binds {order}, columns {names}")

    def processor(name: str) -> Callable[[Any], Any] | None:
        return table.c[name].type.dialect_impl(dialect).bind_processor(dialect)

    values: dict[str, Sequence] = {}
    for name, column in columns.items():
        convert = None if name in ready else processor(name)
        if convert is None:
            values[name] = column
        elif isinstance(table.c[name].type, (Date, Boolean)):
            values[name] = _converted_few(column, convert)
        else:
            values[name] = [None if v is None else convert(v) for v in column]
    for name, value in constants.items():
        convert = processor(name)
        values[name] = [convert(value) if convert and value is not None else value] * count
    params: list = list(zip(*(values[name] for name in order), strict=True))
    if not compiled.positional:
        params = [dict(zip(order, row, strict=True)) for row in params]
    connection.exec_driver_sql(compiled.string, params)


def _converted_few(column: Collection, convert: Callable[[Any], Any]) -> list:
    """A column of dates or flags converted: each distinct value once (a year of dates in a
    city's file), then looked up. Values equal as keys (True and 1) convert alike here."""
    table = {value: None if value is None else convert(value) for value in set(column)}
    return list(map(table.__getitem__, column))
