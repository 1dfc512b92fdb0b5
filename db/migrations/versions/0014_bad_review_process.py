"""差评 process: verification, appeal, rectification and feedback of a bad review

A 差评 (总体 不满意) opens its second-round callback as before and now also a `bad_reviews`
record that goes through 核实 → 申诉复核 → 整改 → feedback → closed (app.bad_reviews), with the
appeal's evidence in `bad_review_evidence` (attachments). The callbacks still open at the upgrade
whose evaluation was a 差评 get their record, waiting for 核实; finished ones are history.

Revision ID: 0014
Revises: 0013
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

import db.types

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

_ACTIVE = ("open", "assigned", "contacted")


def _tracked() -> list[sa.Column]:
    return [
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.Uuid(), nullable=False),
        sa.Column("origin", sa.String(length=64), nullable=True),
        sa.Column("created_at", db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", db.types.UTCDateTime(timezone=True), nullable=False),
    ]


def _time(name: str) -> sa.Column:
    return sa.Column(name, db.types.UTCDateTime(timezone=True), nullable=True)


def _staff(table: str, name: str) -> tuple[sa.Column, sa.ForeignKeyConstraint]:
    return (
        sa.Column(name, sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint([name], ["staff.id"], name=op.f(f"fk_{table}_{name}_staff")),
    )


def upgrade() -> None:
    people = [
        _staff("bad_reviews", name)
        for name in (
            "verified_by_id",
            "appeal_filed_by_id",
            "appeal_decided_by_id",
            "rectify_planned_by_id",
            "rectified_by_id",
            "feedback_by_id",
            "closed_by_id",
        )
    ]
    op.create_table(
        "bad_reviews",
        sa.Column("callback_task_id", sa.Integer(), nullable=False),
        sa.Column("stage", sa.String(length=20), nullable=False),
        sa.Column("stands", sa.Boolean(), nullable=True),
        _time("verified_at"),
        people[0][0],
        sa.Column("found_true", sa.Boolean(), nullable=True),
        sa.Column("found_reasonable", sa.Boolean(), nullable=True),
        sa.Column("malicious", sa.Boolean(), nullable=True),
        sa.Column("verification", sa.Text(), nullable=True),
        sa.Column("malicious_reason", sa.Text(), nullable=True),
        _time("appeal_filed_at"),
        people[1][0],
        sa.Column("appeal_reasons", sa.Text(), nullable=True),
        sa.Column("appeal_due", sa.Date(), nullable=True),
        _time("appeal_decided_at"),
        people[2][0],
        sa.Column("appeal_decider", sa.String(length=20), nullable=True),
        sa.Column("appeal_decider_name", sa.String(length=100), nullable=True),
        sa.Column("appeal_upheld", sa.Boolean(), nullable=True),
        sa.Column("appeal_opinion", sa.Text(), nullable=True),
        sa.Column("rectify_due", sa.Date(), nullable=True),
        sa.Column("rectify_measures", sa.Text(), nullable=True),
        sa.Column("rectify_owner", sa.String(length=100), nullable=True),
        sa.Column("rectify_by", sa.Date(), nullable=True),
        _time("rectify_planned_at"),
        people[3][0],
        _time("rectified_at"),
        people[4][0],
        sa.Column("rectify_result", sa.Text(), nullable=True),
        _time("feedback_at"),
        people[5][0],
        sa.Column("feedback_means", sa.String(length=20), nullable=True),
        sa.Column("feedback_text", sa.Text(), nullable=True),
        sa.Column("feedback_satisfied", sa.Boolean(), nullable=True),
        _time("closed_at"),
        people[6][0],
        *_tracked(),
        sa.ForeignKeyConstraint(
            ["callback_task_id"],
            ["callback_tasks.id"],
            name=op.f("fk_bad_reviews_callback_task_id_callback_tasks"),
        ),
        *(constraint for _column, constraint in people),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bad_reviews")),
        sa.UniqueConstraint("callback_task_id", name=op.f("uq_bad_reviews_callback_task_id")),
        sa.UniqueConstraint("uid", name=op.f("uq_bad_reviews_uid")),
    )
    op.create_index("ix_bad_reviews_stage", "bad_reviews", ["stage"])

    op.create_table(
        "bad_review_evidence",
        sa.Column("bad_review_id", sa.Integer(), nullable=False),
        sa.Column("attachment_id", sa.Integer(), nullable=False),
        *_tracked(),
        sa.ForeignKeyConstraint(
            ["bad_review_id"],
            ["bad_reviews.id"],
            name=op.f("fk_bad_review_evidence_bad_review_id_bad_reviews"),
        ),
        sa.ForeignKeyConstraint(
            ["attachment_id"],
            ["attachments.id"],
            name=op.f("fk_bad_review_evidence_attachment_id_attachments"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bad_review_evidence")),
        sa.UniqueConstraint(
            "bad_review_id", "attachment_id", name="uq_bad_review_evidence_review_attachment"
        ),
        sa.UniqueConstraint("uid", name=op.f("uq_bad_review_evidence_uid")),
    )
    op.create_index(
        "ix_bad_review_evidence_bad_review_id", "bad_review_evidence", ["bad_review_id"]
    )
    _open_for_active_callbacks()


def _open_for_active_callbacks() -> None:
    """The 差评 whose callback is still open wait for 核实, as a new one would."""
    connection = op.get_bind()
    tasks = sa.table(
        "callback_tasks",
        sa.column("id", sa.Integer()),
        sa.column("evaluation_id", sa.Integer()),
        sa.column("status", sa.String()),
    )
    evaluations = sa.table(
        "evaluations", sa.column("id", sa.Integer()), sa.column("overall", sa.String())
    )
    ids = connection.execute(
        sa.select(tasks.c.id)
        .join(evaluations, evaluations.c.id == tasks.c.evaluation_id)
        .where(tasks.c.status.in_(_ACTIVE), evaluations.c.overall == "dissatisfied")
        .order_by(tasks.c.id)
    ).scalars()
    reviews = sa.table(
        "bad_reviews",
        sa.column("callback_task_id", sa.Integer()),
        sa.column("stage", sa.String()),
        sa.column("uid", sa.Uuid()),
        sa.column("created_at", db.types.UTCDateTime(timezone=True)),
        sa.column("updated_at", db.types.UTCDateTime(timezone=True)),
    )
    now = datetime.now(UTC)
    rows = [
        {
            "callback_task_id": task_id,
            "stage": "verify",
            "uid": uuid.uuid4(),
            "created_at": now,
            "updated_at": now,
        }
        for task_id in ids
    ]
    if rows:
        connection.execute(sa.insert(reviews), rows)


def downgrade() -> None:
    op.drop_index("ix_bad_review_evidence_bad_review_id", table_name="bad_review_evidence")
    op.drop_table("bad_review_evidence")
    op.drop_index("ix_bad_reviews_stage", table_name="bad_reviews")
    op.drop_table("bad_reviews")
