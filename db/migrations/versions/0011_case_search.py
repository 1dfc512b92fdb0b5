"""cases.applicant and case_phones.e164 indexed for the case list's searches; ix_cases_unit_id gone

案件查询 finds a case by the applicant's name (a prefix) or by the number someone calls from;
without these a search read every one of a city's million cases (0.3–1 s). ix_cases_unit_id
was redundant (ix_cases_unit_completed starts with unit_id) and cost every imported case time.

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-22 10:00:00
"""

from __future__ import annotations

from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_cases_applicant",
        "cases",
        ["applicant"],
        postgresql_ops={"applicant": "varchar_pattern_ops"},
    )
    op.create_index("ix_case_phones_e164", "case_phones", ["e164"])
    op.drop_index("ix_cases_unit_id", table_name="cases")


def downgrade() -> None:
    op.create_index("ix_cases_unit_id", "cases", ["unit_id"])
    op.drop_index("ix_case_phones_e164", table_name="case_phones")
    op.drop_index("ix_cases_applicant", table_name="cases")
