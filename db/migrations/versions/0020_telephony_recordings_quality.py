"""calls through a softphone, recordings, quality inspection, do not call (issue 22): what the
telephone reported on each call attempt, call recordings, numbers never to be dialled, and the
quality-inspection scorecard, samples, reviews and scores. New tables and nullable columns only.

Revision ID: 0020
Revises: 0019
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import db.types

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "qc_criteria",
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("label", sa.String(length=100), nullable=False),
        sa.Column("label_en", sa.String(length=200), nullable=False),
        sa.Column("source", sa.String(length=50), nullable=True),
        sa.Column("weight", sa.Integer(), nullable=False),
        sa.Column("critical", sa.Boolean(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.Uuid(), nullable=False),
        sa.Column("origin", sa.String(length=64), nullable=True),
        sa.Column("created_at", db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", db.types.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_qc_criteria")),
        sa.UniqueConstraint("code", name=op.f("uq_qc_criteria_code")),
        sa.UniqueConstraint("uid", name=op.f("uq_qc_criteria_uid")),
    )
    op.create_table(
        "qc_samples",
        sa.Column("operator_id", sa.Integer(), nullable=False),
        sa.Column("period_start", sa.Date(), nullable=False),
        sa.Column("period_end", sa.Date(), nullable=False),
        sa.Column("seed", sa.Integer(), nullable=False),
        sa.Column("population", sa.Integer(), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("drawn_by_id", sa.Integer(), nullable=True),
        sa.Column("drawn_at", db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.Uuid(), nullable=False),
        sa.Column("origin", sa.String(length=64), nullable=True),
        sa.Column("created_at", db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", db.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["drawn_by_id"], ["staff.id"], name=op.f("fk_qc_samples_drawn_by_id_staff")
        ),
        sa.ForeignKeyConstraint(
            ["operator_id"], ["staff.id"], name=op.f("fk_qc_samples_operator_id_staff")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_qc_samples")),
        sa.UniqueConstraint("uid", name=op.f("uq_qc_samples_uid")),
    )
    with op.batch_alter_table("qc_samples", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_qc_samples_operator_id"), ["operator_id"], unique=False
        )

    op.create_table(
        "do_not_call",
        sa.Column("phone_e164", sa.String(length=20), nullable=False),
        sa.Column("source", sa.String(length=12), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("case_id", sa.Integer(), nullable=True),
        sa.Column("marked_at", db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("marked_by_id", sa.Integer(), nullable=True),
        sa.Column("cleared_at", db.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("cleared_by_id", sa.Integer(), nullable=True),
        sa.Column("clear_reason", sa.Text(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.Uuid(), nullable=False),
        sa.Column("origin", sa.String(length=64), nullable=True),
        sa.Column("created_at", db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", db.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_do_not_call_case_id_cases")
        ),
        sa.ForeignKeyConstraint(
            ["cleared_by_id"], ["staff.id"], name=op.f("fk_do_not_call_cleared_by_id_staff")
        ),
        sa.ForeignKeyConstraint(
            ["marked_by_id"], ["staff.id"], name=op.f("fk_do_not_call_marked_by_id_staff")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_do_not_call")),
        sa.UniqueConstraint("phone_e164", name=op.f("uq_do_not_call_phone_e164")),
        sa.UniqueConstraint("uid", name=op.f("uq_do_not_call_uid")),
    )
    op.create_table(
        "call_recordings",
        sa.Column("attachment_id", sa.Integer(), nullable=False),
        sa.Column("call_attempt_id", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("call_ref", sa.String(length=200), nullable=True),
        sa.Column("phone_e164", sa.String(length=20), nullable=True),
        sa.Column("operator_id", sa.Integer(), nullable=True),
        sa.Column("recorded_at", db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("duration_seconds", sa.Integer(), nullable=False),
        sa.Column("filename", sa.String(length=255), nullable=True),
        sa.Column("filed_by_id", sa.Integer(), nullable=True),
        sa.Column("filed_at", db.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.Uuid(), nullable=False),
        sa.Column("origin", sa.String(length=64), nullable=True),
        sa.Column("created_at", db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", db.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["attachment_id"],
            ["attachments.id"],
            name=op.f("fk_call_recordings_attachment_id_attachments"),
        ),
        sa.ForeignKeyConstraint(
            ["call_attempt_id"],
            ["call_attempts.id"],
            name=op.f("fk_call_recordings_call_attempt_id_call_attempts"),
        ),
        sa.ForeignKeyConstraint(
            ["filed_by_id"], ["staff.id"], name=op.f("fk_call_recordings_filed_by_id_staff")
        ),
        sa.ForeignKeyConstraint(
            ["operator_id"], ["staff.id"], name=op.f("fk_call_recordings_operator_id_staff")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_call_recordings")),
        sa.UniqueConstraint("attachment_id", name=op.f("uq_call_recordings_attachment_id")),
        sa.UniqueConstraint("uid", name=op.f("uq_call_recordings_uid")),
    )
    with op.batch_alter_table("call_recordings", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_call_recordings_call_attempt_id"), ["call_attempt_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_call_recordings_call_ref"), ["call_ref"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_call_recordings_recorded_at"), ["recorded_at"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_call_recordings_status"), ["status"], unique=False)

    op.create_table(
        "qc_reviews",
        sa.Column("sample_id", sa.Integer(), nullable=True),
        sa.Column("call_attempt_id", sa.Integer(), nullable=False),
        sa.Column("operator_id", sa.Integer(), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("reviewer_id", sa.Integer(), nullable=True),
        sa.Column("scored_at", db.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("points", sa.Integer(), nullable=True),
        sa.Column("max_points", sa.Integer(), nullable=True),
        sa.Column("critical_failed", sa.Boolean(), nullable=False),
        sa.Column("corrective_action_id", sa.Integer(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.Uuid(), nullable=False),
        sa.Column("origin", sa.String(length=64), nullable=True),
        sa.Column("created_at", db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", db.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["call_attempt_id"],
            ["call_attempts.id"],
            name=op.f("fk_qc_reviews_call_attempt_id_call_attempts"),
        ),
        sa.ForeignKeyConstraint(
            ["corrective_action_id"],
            ["corrective_actions.id"],
            name=op.f("fk_qc_reviews_corrective_action_id_corrective_actions"),
        ),
        sa.ForeignKeyConstraint(
            ["operator_id"], ["staff.id"], name=op.f("fk_qc_reviews_operator_id_staff")
        ),
        sa.ForeignKeyConstraint(
            ["reviewer_id"], ["staff.id"], name=op.f("fk_qc_reviews_reviewer_id_staff")
        ),
        sa.ForeignKeyConstraint(
            ["sample_id"], ["qc_samples.id"], name=op.f("fk_qc_reviews_sample_id_qc_samples")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_qc_reviews")),
        sa.UniqueConstraint("sample_id", "call_attempt_id", name="uq_qc_reviews_sample_call"),
        sa.UniqueConstraint("uid", name=op.f("uq_qc_reviews_uid")),
    )
    with op.batch_alter_table("qc_reviews", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_qc_reviews_call_attempt_id"), ["call_attempt_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_qc_reviews_operator_id"), ["operator_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_qc_reviews_sample_id"), ["sample_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_qc_reviews_scored_at"), ["scored_at"], unique=False)

    op.create_table(
        "qc_scores",
        sa.Column("review_id", sa.Integer(), nullable=False),
        sa.Column("criterion_code", sa.String(length=40), nullable=False),
        sa.Column("label", sa.String(length=100), nullable=False),
        sa.Column("weight", sa.Integer(), nullable=False),
        sa.Column("critical", sa.Boolean(), nullable=False),
        sa.Column("points", sa.Integer(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.Uuid(), nullable=False),
        sa.Column("origin", sa.String(length=64), nullable=True),
        sa.Column("created_at", db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", db.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["review_id"], ["qc_reviews.id"], name=op.f("fk_qc_scores_review_id_qc_reviews")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_qc_scores")),
        sa.UniqueConstraint("review_id", "criterion_code", name="uq_qc_scores_review_criterion"),
        sa.UniqueConstraint("uid", name=op.f("uq_qc_scores_uid")),
    )
    with op.batch_alter_table("qc_scores", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_qc_scores_review_id"), ["review_id"], unique=False)

    with op.batch_alter_table("call_attempts", schema=None) as batch_op:
        batch_op.add_column(sa.Column("telephony", sa.String(length=20), nullable=True))
        batch_op.add_column(sa.Column("call_ref", sa.String(length=200), nullable=True))
        batch_op.add_column(
            sa.Column("answered_at", db.types.UTCDateTime(timezone=True), nullable=True)
        )
        batch_op.add_column(
            sa.Column("ended_at", db.types.UTCDateTime(timezone=True), nullable=True)
        )
        batch_op.add_column(sa.Column("talk_seconds", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("end_reason", sa.String(length=200), nullable=True))
        batch_op.create_index(batch_op.f("ix_call_attempts_call_ref"), ["call_ref"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("call_attempts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_call_attempts_call_ref"))
        batch_op.drop_column("end_reason")
        batch_op.drop_column("talk_seconds")
        batch_op.drop_column("ended_at")
        batch_op.drop_column("answered_at")
        batch_op.drop_column("call_ref")
        batch_op.drop_column("telephony")

    with op.batch_alter_table("qc_scores", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_qc_scores_review_id"))

    op.drop_table("qc_scores")
    with op.batch_alter_table("qc_reviews", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_qc_reviews_scored_at"))
        batch_op.drop_index(batch_op.f("ix_qc_reviews_sample_id"))
        batch_op.drop_index(batch_op.f("ix_qc_reviews_operator_id"))
        batch_op.drop_index(batch_op.f("ix_qc_reviews_call_attempt_id"))

    op.drop_table("qc_reviews")
    with op.batch_alter_table("call_recordings", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_call_recordings_status"))
        batch_op.drop_index(batch_op.f("ix_call_recordings_recorded_at"))
        batch_op.drop_index(batch_op.f("ix_call_recordings_call_ref"))
        batch_op.drop_index(batch_op.f("ix_call_recordings_call_attempt_id"))

    op.drop_table("call_recordings")
    op.drop_table("do_not_call")
    with op.batch_alter_table("qc_samples", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_qc_samples_operator_id"))

    op.drop_table("qc_samples")
    op.drop_table("qc_criteria")
