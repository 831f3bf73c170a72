"""a room's wing, and the wing of a roll-call, of each room it rang and of an emergency alarm

Revision ID: 0018_wings
Revises: 0017_wakeup_pms_due

The hotel's wing ("East", "West") beside its floor: a roll-call can be started for one wing, and the
emergency alarm names the floor and the wing. Rooms of a hotel without wings keep NULL, as do the
roll-calls and alarms made before.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0018_wings"
down_revision = "0017_wakeup_pms_due"
branch_labels = None
depends_on = None

TABLES = ("rooms", "roll_calls", "roll_call_rooms", "emergencies")
WING_LENGTH = 40  # db.rows.WING_LENGTH when this was written


def upgrade() -> None:
    for table in TABLES:
        op.add_column(table, sa.Column("wing", sa.String(length=WING_LENGTH), nullable=True))


def downgrade() -> None:
    # ALTER TABLE ... DROP COLUMN on both (SQLite since 3.35): a batch copy of roll_calls or rooms would
    # drop a table other tables' foreign keys point at, which SQLite refuses with the keys enforced
    for table in reversed(TABLES):
        op.drop_column(table, "wing")
