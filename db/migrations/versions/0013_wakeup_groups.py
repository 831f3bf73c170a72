"""group wake-ups (one time for a PMS group, a floor or a list of rooms) and personal wake-ups
(the operator calls in person; the dialler only from dial_at on)

Revision ID: 0013_wakeup_groups
Revises: 0004_call_charge_posting
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from db.rows import UtcDateTime

revision = "0013_wakeup_groups"
down_revision = "0004_call_charge_posting"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "wakeup_groups",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("label", sa.String(length=80), nullable=False),
        sa.Column("booked_at", UtcDateTime(), nullable=False),
        sa.Column("booked_by", sa.String(length=80), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_wakeup_groups")),
    )
    # plain columns and an index: SQLite adds them in place (no table rebuild that could lose the partial
    # unique index on open wake-ups)
    op.add_column("wakeups", sa.Column("group_id", sa.Integer(), nullable=True))
    op.add_column("wakeups", sa.Column("personal", sa.Boolean(), nullable=False, server_default=sa.false()))
    op.add_column("wakeups", sa.Column("dial_at", UtcDateTime(), nullable=True))
    op.create_index(op.f("ix_wakeups_group_id"), "wakeups", ["group_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_wakeups_group_id"), table_name="wakeups")
    with op.batch_alter_table("wakeups") as table:
        table.drop_column("dial_at")
        table.drop_column("personal")
        table.drop_column("group_id")
    op.drop_table("wakeup_groups")
