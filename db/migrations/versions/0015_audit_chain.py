"""audit entries chained by hash; staff remember when their password was set

Each audit entry gets its place in a hash chain (`seq`, `hash`), the salt or digests of its
personal values (`personal`) and, until sealed, the token of the transaction that wrote it
(`pending`); see db/audit_hash.py. The entries already there are sealed here, in the order they
were written (id). Triggers refuse to delete an entry or to change a sealed one's chain, time,
actor, action or record: only its values before and after may change, as a retention purge
blanks personal ones (the chain then checks them against their digests).

A password already set counts as set now: its age starts with this version. A demo database
no longer keeps the demo accounts' password in the settings, only who they are.

Revision ID: 0015
Revises: 0014
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import db.types
from db.audit_hash import GENESIS, entry_hash, sealed_personal

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

# app.retention.PERSONAL_KEYS as it was when this migration was written: the keys whose values
# the entries already there keep as salted digests in the chain.
PERSONAL_KEYS_0015 = frozenset(
    {
        "applicant",
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
    }
)
_BATCH = 1000
_CHAIN_COLUMNS = ("at", "actor", "action", "entity", "entity_uid", "seq", "hash")


def _row(prefix: str) -> str:
    return "(" + ", ".join(f"{prefix}.{column}" for column in _CHAIN_COLUMNS) + ")"


SQLITE_TRIGGERS = (
    """CREATE TRIGGER tr_audit_entries_no_delete BEFORE DELETE ON audit_entries BEGIN
        SELECT RAISE(ABORT, 'audit entries are kept: they cannot be deleted');
    END""",
    f"""CREATE TRIGGER tr_audit_entries_sealed BEFORE UPDATE OF {", ".join(_CHAIN_COLUMNS)}
        ON audit_entries WHEN OLD.seq IS NOT NULL BEGIN
        SELECT RAISE(ABORT, 'a sealed audit entry cannot be changed');
    END""",
)
POSTGRES_FUNCTION = f"""
CREATE FUNCTION audit_entries_guard() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'audit entries are kept: they cannot be deleted';
    END IF;
    IF OLD.seq IS NOT NULL AND {_row("OLD")} IS DISTINCT FROM {_row("NEW")} THEN
        RAISE EXCEPTION 'a sealed audit entry cannot be changed';
    END IF;
    RETURN NEW;
END
$$ LANGUAGE plpgsql
"""
POSTGRES_TRIGGER = """
CREATE TRIGGER tr_audit_entries_guard BEFORE DELETE OR UPDATE ON audit_entries
FOR EACH ROW EXECUTE FUNCTION audit_entries_guard()
"""


def _columns() -> tuple[sa.Column, ...]:
    return (
        sa.Column("seq", sa.Integer(), nullable=True),
        sa.Column("hash", sa.String(length=64), nullable=True),
        sa.Column("personal", sa.JSON(), nullable=True),
        sa.Column("pending", sa.String(length=32), nullable=True),
    )


def upgrade() -> None:
    for column in _columns():
        op.add_column("audit_entries", column)
    op.create_index("uq_audit_entries_seq", "audit_entries", ["seq"], unique=True)
    op.add_column(
        "staff",
        sa.Column("password_changed_at", db.types.UTCDateTime(timezone=True), nullable=True),
    )
    staff = sa.table(
        "staff",
        sa.column("password_hash", sa.String()),
        sa.column("password_changed_at", db.types.UTCDateTime(timezone=True)),
    )
    op.get_bind().execute(
        sa.update(staff)
        .where(staff.c.password_hash.is_not(None))
        .values(password_changed_at=db.types.utcnow())
    )
    _forget_demo_passwords()
    _seal_existing_entries()
    if op.get_bind().dialect.name == "postgresql":
        op.execute(POSTGRES_FUNCTION)
        op.execute(POSTGRES_TRIGGER)
    else:
        for trigger in SQLITE_TRIGGERS:
            op.execute(trigger)


def _forget_demo_passwords() -> None:
    connection = op.get_bind()
    settings = sa.table("settings", sa.column("key", sa.String()), sa.column("value", sa.JSON()))
    listed = connection.scalar(sa.select(settings.c.value).where(settings.c.key == "demo.accounts"))
    if isinstance(listed, list):
        kept = [
            {k: v for k, v in account.items() if k != "password"}
            if isinstance(account, dict)
            else account
            for account in listed
        ]
        connection.execute(
            sa.update(settings).where(settings.c.key == "demo.accounts").values(value=kept)
        )


def _seal_existing_entries() -> None:
    connection = op.get_bind()
    entries = sa.table(
        "audit_entries",
        sa.column("id", sa.Integer()),
        sa.column("at", db.types.UTCDateTime(timezone=True)),
        sa.column("actor", sa.String()),
        sa.column("action", sa.String()),
        sa.column("entity", sa.String()),
        sa.column("entity_uid", sa.Uuid()),
        sa.column("before", sa.JSON()),
        sa.column("after", sa.JSON()),
        sa.column("seq", sa.Integer()),
        sa.column("hash", sa.String()),
        sa.column("personal", sa.JSON()),
    )
    seal = (
        sa.update(entries)
        .where(entries.c.id == sa.bindparam("entry_id"))
        .values(
            seq=sa.bindparam("new_seq"),
            hash=sa.bindparam("new_hash"),
            personal=sa.bindparam("new_personal", type_=sa.JSON()),
        )
    )
    previous, seq, last_id = GENESIS, 0, 0
    while True:
        rows = connection.execute(
            sa.select(
                entries.c.id,
                entries.c.at,
                entries.c.actor,
                entries.c.action,
                entries.c.entity,
                entries.c.entity_uid,
                entries.c.before,
                entries.c.after,
            )
            .where(entries.c.id > last_id)
            .order_by(entries.c.id)
            .limit(_BATCH)
        ).all()
        if not rows:
            return
        updates = []
        for row in rows:
            seq += 1
            personal = sealed_personal(row.before, row.after, PERSONAL_KEYS_0015)
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
            updates.append(
                {"entry_id": row.id, "new_seq": seq, "new_hash": previous, "new_personal": personal}
            )
        connection.execute(seal, updates)
        last_id = rows[-1].id


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER tr_audit_entries_guard ON audit_entries")
        op.execute("DROP FUNCTION audit_entries_guard()")
    else:
        op.execute("DROP TRIGGER tr_audit_entries_sealed")
        op.execute("DROP TRIGGER tr_audit_entries_no_delete")
    op.drop_index("uq_audit_entries_seq", table_name="audit_entries")
    # SQLite 3.35+ drops a column in place (as 0009 and 0013 do).
    for column in reversed(_columns()):
        op.execute(f"ALTER TABLE audit_entries DROP COLUMN {column.name}")
    op.execute("ALTER TABLE staff DROP COLUMN password_changed_at")
