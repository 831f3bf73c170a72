"""evacuation roll-calls and their rooms

Revision ID: 0011_roll_calls
Revises: 0004_call_charge_posting
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import db.rows

revision = "0011_roll_calls"
down_revision = "0004_call_charge_posting"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "roll_calls",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("scope", sa.String(length=20), nullable=False),
        sa.Column("floor", sa.Integer(), nullable=True),
        sa.Column("started_at", db.rows.UtcDateTime(), nullable=False),
        sa.Column("started_by", sa.String(length=80), nullable=False),
        sa.Column("stopped_at", db.rows.UtcDateTime(), nullable=True),
        sa.Column("stopped_by", sa.String(length=80), nullable=False),
        sa.Column("running", sa.Boolean(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_roll_calls")),
        sa.UniqueConstraint("running", name=op.f("uq_roll_calls_running")),
    )
    op.create_table(
        "roll_call_rooms",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("roll_call_id", sa.Integer(), nullable=False),
        sa.Column("room_number", sa.String(length=8), nullable=False),
        sa.Column("extension", sa.String(length=20), nullable=False),
        sa.Column("floor", sa.Integer(), nullable=False),
        sa.Column("guests", sa.String(length=400), nullable=False),
        sa.Column("language", sa.String(length=10), nullable=False),
        sa.Column("answer", sa.String(length=20), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("last_at", db.rows.UtcDateTime(), nullable=True),
        sa.Column("detail", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["roll_call_id"], ["roll_calls.id"], name=op.f("fk_roll_call_rooms_roll_call_id_roll_calls")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_roll_call_rooms")),
    )
    op.create_index(op.f("ix_roll_call_rooms_roll_call_id"), "roll_call_rooms", ["roll_call_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_roll_call_rooms_roll_call_id"), table_name="roll_call_rooms")
    op.drop_table("roll_call_rooms")
    op.drop_table("roll_calls")
