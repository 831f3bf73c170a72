"""races closed by the database: one open wake-up per room and minute, one open DND period per room

Revision ID: 0007_race_constraints
Revises: 0004_call_charge_posting

Two positions booking the same room for the same minute, or switching DND at the same
moment, are settled by these partial unique indexes, on SQLite and PostgreSQL alike.
Rows that already break them (left by the old check-then-insert) are settled first: the
earliest open wake-up of a room and minute stays, the later ones are cancelled as
duplicates; the newest open DND period of a room stays, older ones are closed.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007_race_constraints"
down_revision = "0004_call_charge_posting"
branch_labels = None
depends_on = None

# switchboard.wakeup_status.OPEN, written out: a migration keeps the rule it was made with.
OPEN = "('booked', 'dialling', 'retry_wait', 'escalated', 'manual', 'handed_to_pbx')"
WAKEUP_OPEN = sa.text(f"status IN {OPEN}")
DND_OPEN = sa.text("cleared_at IS NULL")


def upgrade() -> None:
    op.execute(
        sa.text(
            "UPDATE wakeups SET status = 'cancelled', outcome = 'duplicate' "
            f"WHERE status IN {OPEN} AND EXISTS (SELECT 1 FROM wakeups AS w "
            "WHERE w.room_number = wakeups.room_number AND w.due_at = wakeups.due_at "
            f"AND w.status IN {OPEN} AND w.id < wakeups.id)"
        )
    )
    op.execute(
        sa.text(
            "UPDATE dnd_periods SET cleared_at = set_at, cleared_by = 'duplicate' "
            "WHERE cleared_at IS NULL AND EXISTS (SELECT 1 FROM dnd_periods AS d "
            "WHERE d.room_id = dnd_periods.room_id AND d.cleared_at IS NULL AND d.id > dnd_periods.id)"
        )
    )
    op.create_index(
        "uq_wakeups_open_room_due",
        "wakeups",
        ["room_number", "due_at"],
        unique=True,
        sqlite_where=WAKEUP_OPEN,
        postgresql_where=WAKEUP_OPEN,
    )
    op.create_index(
        "uq_dnd_periods_open_room",
        "dnd_periods",
        ["room_id"],
        unique=True,
        sqlite_where=DND_OPEN,
        postgresql_where=DND_OPEN,
    )


def downgrade() -> None:
    op.drop_index("uq_dnd_periods_open_room", table_name="dnd_periods")
    op.drop_index("uq_wakeups_open_room_due", table_name="wakeups")
