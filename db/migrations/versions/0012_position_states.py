"""position states (on break) and calls parked or camped at any position

Revision ID: 0012_position_states
Revises: 0004_call_charge_posting
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import db.rows

revision = "0012_position_states"
down_revision = "0004_call_charge_posting"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "position_states",
        sa.Column("position", sa.String(length=80), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("operator", sa.String(length=80), nullable=False),
        sa.Column("since", db.rows.UtcDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("position", name=op.f("pk_position_states")),
    )
    op.create_table(
        "shared_parks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("call_key", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("slot", sa.String(length=20), nullable=True),
        sa.Column("target", sa.String(length=20), nullable=False),
        sa.Column("position", sa.String(length=80), nullable=False),
        sa.Column("caller", sa.String(length=80), nullable=False),
        sa.Column("caller_name", sa.String(length=120), nullable=False),
        sa.Column("since", db.rows.UtcDateTime(), nullable=False),
        sa.Column("picked_by", sa.String(length=80), nullable=False),
        sa.Column("picked_contact", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_shared_parks")),
        sa.UniqueConstraint("call_key", name=op.f("uq_shared_parks_call_key")),
        sa.UniqueConstraint("slot", name=op.f("uq_shared_parks_slot")),
    )
    op.create_index(op.f("ix_shared_parks_position"), "shared_parks", ["position"])


def downgrade() -> None:
    op.drop_index(op.f("ix_shared_parks_position"), table_name="shared_parks")
    op.drop_table("shared_parks")
    op.drop_table("position_states")
