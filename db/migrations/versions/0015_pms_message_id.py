"""a PMS message keeps the PMS's number for it (FIAS MI), so its delivery can be told back (XD)

Revision ID: 0015_pms_message_id
Revises: 0014_one_history
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0015_pms_message_id"
down_revision = "0014_one_history"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "guest_messages", sa.Column("pms_id", sa.String(length=20), nullable=False, server_default="")
    )


def downgrade() -> None:
    with op.batch_alter_table("guest_messages") as table:
        table.drop_column("pms_id")
