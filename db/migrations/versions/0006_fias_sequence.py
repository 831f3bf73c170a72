"""the PMS link's posting numbers (FIAS P#) kept across restarts

Revision ID: 0006_fias_sequence
Revises: 0004_call_charge_posting
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006_fias_sequence"
down_revision = "0004_call_charge_posting"
branch_labels = None
depends_on = None


def upgrade() -> None:
    table = op.create_table(
        "fias_sequences",
        sa.Column("name", sa.String(length=20), nullable=False),
        sa.Column("value", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_fias_sequences")),
    )
    op.bulk_insert(table, [{"name": "posting", "value": 0}])


def downgrade() -> None:
    op.drop_table("fias_sequences")
