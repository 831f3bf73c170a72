"""calls to the operator number claimed by one position (parallel ringing on every position)

Revision ID: 0010_call_claims
Revises: 0004_call_charge_posting
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import db.rows

revision = "0010_call_claims"
down_revision = "0004_call_charge_posting"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "call_claims",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("call_key", sa.String(length=200), nullable=False),
        sa.Column("position", sa.String(length=80), nullable=False),
        sa.Column("at", db.rows.UtcDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_call_claims")),
        sa.UniqueConstraint("call_key", name=op.f("uq_call_claims_call_key")),
    )
    op.create_index(op.f("ix_call_claims_at"), "call_claims", ["at"])


def downgrade() -> None:
    op.drop_index(op.f("ix_call_claims_at"), table_name="call_claims")
    op.drop_table("call_claims")
