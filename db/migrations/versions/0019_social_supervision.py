"""social supervision beside the phone revisits (issue 21): satisfaction surveys (W 附录 E),
the suggestion box and book with their slips (W 7.1.3.2), the outlet assessment score sheet and
assessments (W 7.2, 附录 G), and commendations (J 5.5). Plain CREATE TABLE only.

Revision ID: 0019
Revises: 0018
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import db.types

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "assessment_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("group_name", sa.String(length=50), nullable=False),
        sa.Column("name", sa.String(length=50), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("standard", sa.Text(), nullable=False),
        sa.Column("points_tenths", sa.Integer(), nullable=False),
        sa.Column("rule", sa.String(length=30), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_assessment_items")),
        sa.UniqueConstraint("number", name=op.f("uq_assessment_items_number")),
    )
    op.create_table(
        "outlet_assessments",
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("period_start", sa.Date(), nullable=False),
        sa.Column("period_end", sa.Date(), nullable=False),
        sa.Column("assessed_on", sa.Date(), nullable=False),
        sa.Column("assessors", sa.String(length=200), nullable=True),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("total_tenths", sa.Integer(), nullable=True),
        sa.Column("grade", sa.String(length=12), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("finalized_at", db.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.Uuid(), nullable=False),
        sa.Column("origin", sa.String(length=64), nullable=True),
        sa.Column("created_at", db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", db.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["created_by_id"], ["staff.id"], name=op.f("fk_outlet_assessments_created_by_id_staff")
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["units.id"], name=op.f("fk_outlet_assessments_unit_id_units")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outlet_assessments")),
        sa.UniqueConstraint("uid", name=op.f("uq_outlet_assessments_uid")),
    )
    with op.batch_alter_table("outlet_assessments", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_outlet_assessments_period_end"), ["period_end"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_outlet_assessments_unit_id"), ["unit_id"], unique=False
        )

    op.create_table(
        "satisfaction_surveys",
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("surveyed_on", sa.Date(), nullable=False),
        sa.Column("sheet_no", sa.String(length=30), nullable=True),
        sa.Column("age_band", sa.String(length=12), nullable=True),
        sa.Column("environment", sa.String(length=12), nullable=True),
        sa.Column("attitude", sa.String(length=12), nullable=True),
        sa.Column("efficiency", sa.String(length=12), nullable=True),
        sa.Column("consultation", sa.String(length=12), nullable=True),
        sa.Column("discipline", sa.String(length=12), nullable=True),
        sa.Column("facilities", sa.String(length=12), nullable=True),
        sa.Column("overall", sa.String(length=12), nullable=True),
        sa.Column("channels", sa.JSON(), nullable=False),
        sa.Column("improvement", sa.Text(), nullable=True),
        sa.Column("fingerprint", sa.String(length=64), nullable=True),
        sa.Column("entered_by_id", sa.Integer(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.Uuid(), nullable=False),
        sa.Column("origin", sa.String(length=64), nullable=True),
        sa.Column("created_at", db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", db.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["entered_by_id"],
            ["staff.id"],
            name=op.f("fk_satisfaction_surveys_entered_by_id_staff"),
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["units.id"], name=op.f("fk_satisfaction_surveys_unit_id_units")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_satisfaction_surveys")),
        sa.UniqueConstraint("uid", name=op.f("uq_satisfaction_surveys_uid")),
    )
    with op.batch_alter_table("satisfaction_surveys", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_satisfaction_surveys_surveyed_on"), ["surveyed_on"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_satisfaction_surveys_unit_id"), ["unit_id"], unique=False
        )
        batch_op.create_index(
            "uq_satisfaction_surveys_unit_fingerprint", ["unit_id", "fingerprint"], unique=True
        )

    op.create_table(
        "suggestion_box_checks",
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(length=10), nullable=False),
        sa.Column("checked_on", sa.Date(), nullable=False),
        sa.Column("checked_at", db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("checked_by_id", sa.Integer(), nullable=True),
        sa.Column("slip_count", sa.Integer(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.Uuid(), nullable=False),
        sa.Column("origin", sa.String(length=64), nullable=True),
        sa.Column("created_at", db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", db.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["checked_by_id"],
            ["staff.id"],
            name=op.f("fk_suggestion_box_checks_checked_by_id_staff"),
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["units.id"], name=op.f("fk_suggestion_box_checks_unit_id_units")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_suggestion_box_checks")),
        sa.UniqueConstraint("uid", name=op.f("uq_suggestion_box_checks_uid")),
        sa.UniqueConstraint(
            "unit_id", "source", "checked_on", name=op.f("uq_suggestion_box_checks_unit_id")
        ),
    )
    with op.batch_alter_table("suggestion_box_checks", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_suggestion_box_checks_checked_on"), ["checked_on"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_suggestion_box_checks_unit_id"), ["unit_id"], unique=False
        )

    op.create_table(
        "outlet_assessment_scores",
        sa.Column("assessment_id", sa.Integer(), nullable=False),
        sa.Column("item_number", sa.Integer(), nullable=False),
        sa.Column("group_name", sa.String(length=50), nullable=False),
        sa.Column("item_name", sa.String(length=50), nullable=False),
        sa.Column("standard", sa.Text(), nullable=False),
        sa.Column("points_tenths", sa.Integer(), nullable=False),
        sa.Column("score_tenths", sa.Integer(), nullable=False),
        sa.Column("deductions", sa.JSON(), nullable=False),
        sa.Column("record", sa.Text(), nullable=True),
        sa.Column("computed", sa.Boolean(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.Uuid(), nullable=False),
        sa.Column("origin", sa.String(length=64), nullable=True),
        sa.Column("created_at", db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", db.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["assessment_id"],
            ["outlet_assessments.id"],
            name=op.f("fk_outlet_assessment_scores_assessment_id_outlet_assessments"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outlet_assessment_scores")),
        sa.UniqueConstraint(
            "assessment_id", "item_number", name=op.f("uq_outlet_assessment_scores_assessment_id")
        ),
        sa.UniqueConstraint("uid", name=op.f("uq_outlet_assessment_scores_uid")),
    )
    with op.batch_alter_table("outlet_assessment_scores", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_outlet_assessment_scores_assessment_id"), ["assessment_id"], unique=False
        )

    op.create_table(
        "suggestion_slips",
        sa.Column("check_id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("staff_id", sa.Integer(), nullable=True),
        sa.Column("writer", sa.String(length=100), nullable=True),
        sa.Column("contact", sa.String(length=100), nullable=True),
        sa.Column("complaint_id", sa.Integer(), nullable=True),
        sa.Column("acknowledged_at", db.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("acknowledged_by_id", sa.Integer(), nullable=True),
        sa.Column("acknowledgement", sa.Text(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.Uuid(), nullable=False),
        sa.Column("origin", sa.String(length=64), nullable=True),
        sa.Column("created_at", db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", db.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["acknowledged_by_id"],
            ["staff.id"],
            name=op.f("fk_suggestion_slips_acknowledged_by_id_staff"),
        ),
        sa.ForeignKeyConstraint(
            ["check_id"],
            ["suggestion_box_checks.id"],
            name=op.f("fk_suggestion_slips_check_id_suggestion_box_checks"),
        ),
        sa.ForeignKeyConstraint(
            ["complaint_id"],
            ["complaints.id"],
            name=op.f("fk_suggestion_slips_complaint_id_complaints"),
        ),
        sa.ForeignKeyConstraint(
            ["staff_id"], ["staff.id"], name=op.f("fk_suggestion_slips_staff_id_staff")
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["units.id"], name=op.f("fk_suggestion_slips_unit_id_units")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_suggestion_slips")),
        sa.UniqueConstraint("uid", name=op.f("uq_suggestion_slips_uid")),
    )
    with op.batch_alter_table("suggestion_slips", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_suggestion_slips_check_id"), ["check_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_suggestion_slips_complaint_id"), ["complaint_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_suggestion_slips_staff_id"), ["staff_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_suggestion_slips_unit_id"), ["unit_id"], unique=False)

    op.create_table(
        "commendations",
        sa.Column("staff_id", sa.Integer(), nullable=True),
        sa.Column("unit_id", sa.Integer(), nullable=True),
        sa.Column("case_id", sa.Integer(), nullable=True),
        sa.Column("source", sa.String(length=20), nullable=False),
        sa.Column("call_attempt_id", sa.Integer(), nullable=True),
        sa.Column("slip_id", sa.Integer(), nullable=True),
        sa.Column("complaint_id", sa.Integer(), nullable=True),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("recorded_by_id", sa.Integer(), nullable=True),
        sa.Column("exemplary", sa.Boolean(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.Uuid(), nullable=False),
        sa.Column("origin", sa.String(length=64), nullable=True),
        sa.Column("created_at", db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", db.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["call_attempt_id"],
            ["call_attempts.id"],
            name=op.f("fk_commendations_call_attempt_id_call_attempts"),
        ),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_commendations_case_id_cases")
        ),
        sa.ForeignKeyConstraint(
            ["complaint_id"],
            ["complaints.id"],
            name=op.f("fk_commendations_complaint_id_complaints"),
        ),
        sa.ForeignKeyConstraint(
            ["recorded_by_id"], ["staff.id"], name=op.f("fk_commendations_recorded_by_id_staff")
        ),
        sa.ForeignKeyConstraint(
            ["slip_id"],
            ["suggestion_slips.id"],
            name=op.f("fk_commendations_slip_id_suggestion_slips"),
        ),
        sa.ForeignKeyConstraint(
            ["staff_id"], ["staff.id"], name=op.f("fk_commendations_staff_id_staff")
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["units.id"], name=op.f("fk_commendations_unit_id_units")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_commendations")),
        sa.UniqueConstraint("uid", name=op.f("uq_commendations_uid")),
    )
    with op.batch_alter_table("commendations", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_commendations_case_id"), ["case_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_commendations_received_on"), ["received_on"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_commendations_staff_id"), ["staff_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_commendations_unit_id"), ["unit_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("commendations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_commendations_unit_id"))
        batch_op.drop_index(batch_op.f("ix_commendations_staff_id"))
        batch_op.drop_index(batch_op.f("ix_commendations_received_on"))
        batch_op.drop_index(batch_op.f("ix_commendations_case_id"))

    op.drop_table("commendations")
    with op.batch_alter_table("suggestion_slips", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_suggestion_slips_unit_id"))
        batch_op.drop_index(batch_op.f("ix_suggestion_slips_staff_id"))
        batch_op.drop_index(batch_op.f("ix_suggestion_slips_complaint_id"))
        batch_op.drop_index(batch_op.f("ix_suggestion_slips_check_id"))

    op.drop_table("suggestion_slips")
    with op.batch_alter_table("outlet_assessment_scores", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_outlet_assessment_scores_assessment_id"))

    op.drop_table("outlet_assessment_scores")
    with op.batch_alter_table("suggestion_box_checks", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_suggestion_box_checks_unit_id"))
        batch_op.drop_index(batch_op.f("ix_suggestion_box_checks_checked_on"))

    op.drop_table("suggestion_box_checks")
    with op.batch_alter_table("satisfaction_surveys", schema=None) as batch_op:
        batch_op.drop_index("uq_satisfaction_surveys_unit_fingerprint")
        batch_op.drop_index(batch_op.f("ix_satisfaction_surveys_unit_id"))
        batch_op.drop_index(batch_op.f("ix_satisfaction_surveys_surveyed_on"))

    op.drop_table("satisfaction_surveys")
    with op.batch_alter_table("outlet_assessments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_outlet_assessments_unit_id"))
        batch_op.drop_index(batch_op.f("ix_outlet_assessments_period_end"))

    op.drop_table("outlet_assessments")
    op.drop_table("assessment_items")
