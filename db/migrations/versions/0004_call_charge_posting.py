"""whether a call record's charge is still to be posted to the PMS, was posted, or was refused

Revision ID: 0004_call_charge_posting
Revises: 0003_wakeup_pms_answer
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_call_charge_posting"
down_revision = "0003_wakeup_pms_answer"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("call_records") as table:
        table.add_column(sa.Column("posting", sa.String(length=10), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("call_records") as table:
        table.drop_column("posting")
