"""Inserting many rows of one table at the speed of the driver's own executemany.

SQLAlchemy's Core `insert()` with a list of dicts processes every row's parameters one by one
(a dict per row, its bind processors looked up per row, and with RETURNING a statement per
batch): at a city's 100 000 cases that was most of an import's write time. Here the statement is
compiled once, the columns' bind processors are looked up once, and the driver gets plain tuples
(or dicts, for a driver with named parameters) in one `executemany` — the same values and the
same conversions (dates, uids, UTC times), in the session's own transaction.
"""

from __future__ import annotations

from collections.abc import Sequence
from operator import itemgetter

from sqlalchemy import Table, insert, text
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


def insert_rows(
    session: Session,
    table: Table,
    columns: Sequence[str],
    rows: list[tuple],
    constants: dict[str, object] | None = None,
) -> None:
    """Insert `rows` (values in the order of `columns`) into `table`; `constants`: columns with
    one value for every row (converted once). Every column with a default must be given: no
    default is computed here."""
    if not rows:
        return
    constants = constants or {}
    connection = session.connection()
    dialect = connection.dialect
    names = [*columns, *constants]
    compiled = insert(table).compile(dialect=dialect, column_keys=names)
    order = list(compiled.positiontup) if compiled.positional else list(compiled.binds)
    if sorted(order) != sorted(names):
        raise RuntimeError(f"insert into {table.name}: binds {order}, columns {names}")

    def processor(name: str):
        return table.c[name].type.dialect_impl(dialect).bind_processor(dialect)

    fixed = []
    for name, value in constants.items():
        convert = processor(name)
        fixed.append(convert(value) if convert and value is not None else value)
    converters = [(i, processor(name)) for i, name in enumerate(columns)]
    converters = [(i, convert) for i, convert in converters if convert is not None]
    # Each row's values, then the constants; picked in the order of the statement's parameters.
    positions = [names.index(name) for name in order]
    pick = itemgetter(*positions) if len(positions) > 1 else lambda v: (v[positions[0]],)
    tail = tuple(fixed)
    params: list = []
    for row in rows:
        if converters:
            row = list(row)
            for i, convert in converters:
                if row[i] is not None:
                    row[i] = convert(row[i])
        params.append(pick((*row, *tail)))
    if not compiled.positional:
        params = [dict(zip(order, values, strict=True)) for values in params]
    connection.exec_driver_sql(compiled.string, params)
