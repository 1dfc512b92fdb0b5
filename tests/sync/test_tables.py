"""Every record that travels is declared, in an order that lets a file be applied top to bottom."""

from __future__ import annotations

from app.sync.tables import LOCAL_ONLY, META_COLUMNS, STAFF_COLUMNS, STAY_HOME, TABLE_NAMES, TABLES
from db.models import Base, Tracked


def test_every_tracked_table_travels_or_says_why_not():
    tracked = {
        mapper.class_.__tablename__
        for mapper in Base.registry.mappers
        if issubclass(mapper.class_, Tracked)
    }
    assert tracked == set(TABLE_NAMES) | set(STAY_HOME)
    assert not set(TABLE_NAMES) & set(STAY_HOME)


def test_references_point_to_tables_applied_before():
    for position, spec in enumerate(TABLES):
        earlier = TABLE_NAMES[:position]
        for column in spec.table.columns:
            if column.foreign_keys and column.name not in META_COLUMNS:
                travels = column.name in spec.columns
                assert (
                    travels
                    or column.name in LOCAL_ONLY.get(spec.name, ())
                    or (spec.name == "staff")
                ), f"{spec.name}.{column.name}: declare whether it travels"
                if travels:
                    assert spec.refs[column.name] in earlier, f"{spec.name}.{column.name}"


def test_staff_carry_no_role_and_no_secret():
    (staff,) = [spec for spec in TABLES if spec.name == "staff"]
    assert staff.columns == STAFF_COLUMNS
    assert not {"role", "password_hash", "username"} & set(staff.columns)


def test_an_installations_own_keys_never_travel():
    """Its private keys stay in its database (and its backups, encrypted to it)."""
    from db.models import InstallationKeys, SyncPeer

    assert not issubclass(InstallationKeys, Tracked) and not issubclass(SyncPeer, Tracked)
    assert "installation_keys" not in TABLE_NAMES and "sync_peers" not in TABLE_NAMES
