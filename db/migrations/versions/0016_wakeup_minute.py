"""one open wake-up per room and *minute*: the unique index was on the exact due time, so a PMS
booking with seconds (FIAS TI070030) beside a console booking of 07:00 made two calls in one minute

Revision ID: 0016_wakeup_minute
Revises: 0015_pms_message_id

The due time keeps its seconds (the dialler rings then); the new column ``due_minute`` is it cut to
the minute, and the index holds that. Open calls that already share a room and minute are settled
first as 0007 did: the earliest stays, the later ones are cancelled as duplicates.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from db.rows import UtcDateTime

revision = "0016_wakeup_minute"
down_revision = "0015_pms_message_id"
branch_labels = None
depends_on = None

# switchboard.wakeup_status.OPEN, written out: a migration keeps the rule it was made with.
OPEN = "('booked', 'dialling', 'retry_wait', 'escalated', 'manual', 'handed_to_pbx')"
WAKEUP_OPEN = sa.text(f"status IN {OPEN}")


def upgrade() -> None:
    # a plain nullable column: SQLite adds it in place, no table rebuild
    op.add_column("wakeups", sa.Column("due_minute", UtcDateTime(), nullable=True))
    # both as DateTime, read and written alike (naive UTC): an untyped column would reach SQLite in
    # another text form than the mapped rows write, and the unique index would compare them as different
    wakeups = sa.table(
        "wakeups",
        sa.column("id", sa.Integer()),
        sa.column("due_at", sa.DateTime()),
        sa.column("due_minute", sa.DateTime()),
    )
    connection = op.get_bind()
    for wakeup_id, due in connection.execute(sa.select(wakeups.c.id, wakeups.c.due_at)).all():
        connection.execute(
            sa.update(wakeups)
            .where(wakeups.c.id == wakeup_id)
            .values(due_minute=due.replace(second=0, microsecond=0))
        )
    op.execute(
        sa.text(
            "UPDATE wakeups SET status = 'cancelled', outcome = 'duplicate' "
            f"WHERE status IN {OPEN} AND EXISTS (SELECT 1 FROM wakeups AS w "
            "WHERE w.room_number = wakeups.room_number AND w.due_minute = wakeups.due_minute "
            f"AND w.status IN {OPEN} AND (w.due_at < wakeups.due_at "
            "OR (w.due_at = wakeups.due_at AND w.id < wakeups.id)))"
        )
    )
    op.drop_index("uq_wakeups_open_room_due", table_name="wakeups")
    op.create_index(
        "uq_wakeups_open_room_due",
        "wakeups",
        ["room_number", "due_minute"],
        unique=True,
        sqlite_where=WAKEUP_OPEN,
        postgresql_where=WAKEUP_OPEN,
    )


def downgrade() -> None:
    op.drop_index("uq_wakeups_open_room_due", table_name="wakeups")
    op.create_index(
        "uq_wakeups_open_room_due",
        "wakeups",
        ["room_number", "due_at"],
        unique=True,
        sqlite_where=WAKEUP_OPEN,
        postgresql_where=WAKEUP_OPEN,
    )
    with op.batch_alter_table("wakeups") as table:
        table.drop_column("due_minute")
