"""screenings: batch screenings, their items (stored inputs), results written once, decision log.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "screenings",
        sa.Column("id", sa.String(32), nullable=False),
        sa.Column("job_data", sa.LargeBinary(), nullable=True),
        sa.Column("job_filename", sa.String(255), nullable=False),
        sa.Column("job_hash", sa.String(64), nullable=False),
        sa.Column("job_summary", sa.Text(), nullable=False),
        sa.Column("scorer", sa.String(100), nullable=False),
        sa.Column("blind", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_screenings"),
    )
    op.create_index("ix_screenings_expires_at", "screenings", ["expires_at"])
    op.create_table(
        "screening_items",
        sa.Column("screening_id", sa.String(32), nullable=False),
        sa.Column("resume_hash", sa.String(64), nullable=False),
        sa.Column("filenames", sa.JSON(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=True),
        sa.Column("enqueued_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("lease_until", sa.DateTime(timezone=True), nullable=True),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["screening_id"],
            ["screenings.id"],
            name="fk_screening_items_screening_id_screenings",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("screening_id", "resume_hash", name="pk_screening_items"),
    )
    op.create_table(
        "screening_results",
        sa.Column("screening_id", sa.String(32), nullable=False),
        sa.Column("resume_hash", sa.String(64), nullable=False),
        sa.Column("score", sa.Float(), nullable=True),
        sa.Column("report", sa.Text(), nullable=True),
        sa.Column("error_code", sa.String(50), nullable=True),
        sa.Column("error_message", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["screening_id"],
            ["screenings.id"],
            name="fk_screening_results_screening_id_screenings",
            ondelete="CASCADE",
        ),
        # one result per (screening, resume): a task that runs twice cannot write twice
        sa.PrimaryKeyConstraint("screening_id", "resume_hash", name="pk_screening_results"),
    )
    op.create_table(
        "screening_decisions",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("screening_id", sa.String(32), nullable=False),
        sa.Column("resume_hash", sa.String(64), nullable=False),
        sa.Column("job_hash", sa.String(64), nullable=False),
        sa.Column("scorer", sa.String(100), nullable=False),
        sa.Column("score", sa.Float(), nullable=True),
        sa.Column("band", sa.String(20), nullable=True),
        sa.Column("criteria", sa.Text(), nullable=True),
        sa.Column("error_code", sa.String(50), nullable=True),
        sa.Column("screening_created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_screening_decisions"),
    )
    op.create_index("ix_screening_decisions_screening_id", "screening_decisions", ["screening_id"])
    op.create_index("ix_screening_decisions_expires_at", "screening_decisions", ["expires_at"])


def downgrade() -> None:
    op.drop_table("screening_decisions")
    op.drop_table("screening_results")
    op.drop_table("screening_items")
    op.drop_table("screenings")
