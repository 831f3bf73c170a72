"""the WA answer sent to the PMS for a wake-up it booked

Revision ID: 0003_wakeup_pms_answer
Revises: 0002_dialler_beats
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_wakeup_pms_answer"
down_revision = "0002_dialler_beats"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("wakeups") as table:
        table.add_column(sa.Column("pms_answer", sa.String(length=2), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("wakeups") as table:
        table.drop_column("pms_answer")
