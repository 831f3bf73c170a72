"""one emergency alarm told without a Call-ID per room and number while its call is up

Revision ID: 0020_emergency_unkeyed
Revises: 0019_training_calls

A notifier that leaves the Call-ID out of its dialog-info gives each position a key of its own
making (``dialog:EXT:ID:MINUTE``); two positions raising the same call in the same moment are
settled by this partial unique index, on SQLite and PostgreSQL alike. Rows that already break it
are settled first: the newest such alarm of a room and number stays up, the older ones are marked
ended (their calls cannot all still be up).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0020_emergency_unkeyed"
down_revision = "0019_training_calls"
branch_labels = None
depends_on = None

# db.rows.EMERGENCY_UNKEYED_UP, written out: a migration keeps the rule it was made with.
UNKEYED_UP = "up AND substr(call_key, 1, 7) = 'dialog:'"


def upgrade() -> None:
    op.execute(
        sa.text(
            "UPDATE emergencies SET up = (1 = 0) "
            f"WHERE {UNKEYED_UP} AND EXISTS (SELECT 1 FROM emergencies AS e "
            "WHERE e.extension = emergencies.extension AND e.number = emergencies.number "
            "AND e.up AND substr(e.call_key, 1, 7) = 'dialog:' AND e.id > emergencies.id)"
        )
    )
    op.create_index(
        "uq_emergencies_unkeyed_up",
        "emergencies",
        ["extension", "number"],
        unique=True,
        sqlite_where=sa.text(UNKEYED_UP),
        postgresql_where=sa.text(UNKEYED_UP),
    )


def downgrade() -> None:
    op.drop_index("uq_emergencies_unkeyed_up", table_name="emergencies")
