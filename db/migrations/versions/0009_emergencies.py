"""emergency calls from the rooms: one alarm per call, acknowledged once, escalated once

Revision ID: 0009_emergencies
Revises: 0004_call_charge_posting
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import db.rows

revision = "0009_emergencies"
down_revision = "0004_call_charge_posting"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "emergencies",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("call_key", sa.String(length=200), nullable=False),
        sa.Column("extension", sa.String(length=20), nullable=False),
        sa.Column("room_number", sa.String(length=8), nullable=False),
        sa.Column("floor", sa.Integer(), nullable=True),
        sa.Column("number", sa.String(length=32), nullable=False),
        sa.Column("at", db.rows.UtcDateTime(), nullable=False),
        sa.Column("source", sa.String(length=20), nullable=False),
        sa.Column("up", sa.Boolean(), nullable=False),
        sa.Column("occupants", sa.JSON(), nullable=False),
        sa.Column("acknowledged_at", db.rows.UtcDateTime(), nullable=True),
        sa.Column("acknowledged_by", sa.String(length=80), nullable=False),
        sa.Column("acknowledged_position", sa.String(length=80), nullable=False),
        sa.Column("escalated_at", db.rows.UtcDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_emergencies")),
        sa.UniqueConstraint("call_key", name=op.f("uq_emergencies_call_key")),
    )
    op.create_index(op.f("ix_emergencies_extension"), "emergencies", ["extension"])
    op.create_index(op.f("ix_emergencies_at"), "emergencies", ["at"])


def downgrade() -> None:
    op.drop_index(op.f("ix_emergencies_at"), table_name="emergencies")
    op.drop_index(op.f("ix_emergencies_extension"), table_name="emergencies")
    op.drop_table("emergencies")
