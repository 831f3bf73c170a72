"""a PMS wake-up merged into another call of the same minute still owes the PMS its one WA

Revision ID: 0017_wakeup_pms_due
Revises: 0016_wakeup_minute

``pms_due`` is the time the PMS asked for (FIAS WR TI with its seconds) when its request was taken as a
call the console had booked in that minute, or as the call of a room a PMS guest moved into: that call
answers the PMS (one WA, the PMS's DA/TI) when it ends.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from db.rows import UtcDateTime

revision = "0017_wakeup_pms_due"
down_revision = "0016_wakeup_minute"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("wakeups", sa.Column("pms_due", UtcDateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("wakeups") as table:
        table.drop_column("pms_due")
