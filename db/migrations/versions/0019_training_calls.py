"""the training PBX shared by several positions: calls to the operator number and the lead

Revision ID: 0019_training_calls
Revises: 0018_wings
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import db.rows

revision = "0019_training_calls"
down_revision = "0018_wings"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "training_calls",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("call_key", sa.String(length=64), nullable=False),
        sa.Column("caller", sa.String(length=80), nullable=False),
        sa.Column("caller_name", sa.String(length=120), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("recall_of", sa.String(length=20), nullable=False),
        sa.Column("offered_at", db.rows.UtcDateTime(), nullable=False),
        sa.Column("taken_by", sa.String(length=80), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_training_calls")),
        sa.UniqueConstraint("call_key", name=op.f("uq_training_calls_call_key")),
    )
    op.create_index(op.f("ix_training_calls_offered_at"), "training_calls", ["offered_at"])
    op.create_table(
        "training_lead",
        sa.Column("name", sa.String(length=20), nullable=False),
        sa.Column("position", sa.String(length=80), nullable=False),
        sa.Column("until", db.rows.UtcDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_training_lead")),
    )


def downgrade() -> None:
    op.drop_table("training_lead")
    op.drop_index(op.f("ix_training_calls_offered_at"), table_name="training_calls")
    op.drop_table("training_calls")
