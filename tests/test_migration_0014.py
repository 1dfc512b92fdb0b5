"""Migration 0014: the 差评 still in their callback at the upgrade wait for 核实 in the new
process; finished callbacks and callbacks that no 差评 opened get no 差评 record."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime

from sqlalchemy import insert, select

from db.migrate import run_migrations, upgrade_database
from db.models import BadReview, CallbackTask, Case, Evaluation, Unit


def test_open_bad_reviews_wait_for_verification_after_the_upgrade(any_db):
    engine = any_db.engine
    run_migrations(engine, "0013", downgrade=True)
    now = datetime(2026, 11, 16, 2, tzinfo=UTC)
    tracked = {"created_at": now, "updated_at": now}
    with engine.begin() as connection:

        def add(model, **values) -> int:
            values = {"uid": uuid.uuid4(), **tracked, **values}
            return connection.execute(
                insert(model.__table__).values(**values)
            ).inserted_primary_key[0]

        unit = add(Unit, name="历下区登记中心", active=True)
        tasks = {}
        for case_no, overall, status in (
            ("OPEN-BAD", "dissatisfied", "contacted"),
            ("DONE-BAD", "dissatisfied", "resolved"),
            ("OPEN-ITEM", "average", "open"),  # 服务态度 不满意 only: not a 差评
        ):
            case_id = add(
                Case,
                case_no=case_no,
                unit_id=unit,
                completed_on=date(2026, 11, 2),
                is_enterprise=False,
                has_valid_phone=False,
            )
            evaluation = add(
                Evaluation,
                case_id=case_id,
                channel="platform",
                round=1,
                evaluated_at=now,
                overall=overall,
                attitude="dissatisfied",
            )
            tasks[case_no] = add(
                CallbackTask,
                case_id=case_id,
                evaluation_id=evaluation,
                unit_id=unit,
                status=status,
                opened_at=now,
                reopened_count=0,
            )
    run_migrations(engine, "0014")
    upgrade_database(engine)
    with any_db.sessions() as session:
        reviews = session.execute(select(BadReview.callback_task_id, BadReview.stage)).all()
    assert reviews == [(tasks["OPEN-BAD"], "verify")]
