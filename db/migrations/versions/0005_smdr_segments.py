"""call records from the PBX: the PBX's call grouping and segment, hold and park time, the PBX's charge,
calls the PBX made on its own; one row per record (unique key among the PBX's records)

Revision ID: 0005_smdr_segments
Revises: 0004_call_charge_posting
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005_smdr_segments"
down_revision = "0004_call_charge_posting"
branch_labels = None
depends_on = None

_SMDR = sa.text("source = 'smdr'")


def upgrade() -> None:
    with op.batch_alter_table("call_records") as table:
        table.add_column(sa.Column("pbx_call", sa.String(length=64), nullable=False, server_default=""))
        table.add_column(sa.Column("segment", sa.Integer(), nullable=False, server_default="0"))
        table.add_column(sa.Column("hold_seconds", sa.Float(), nullable=False, server_default="0"))
        table.add_column(sa.Column("park_seconds", sa.Float(), nullable=False, server_default="0"))
        table.add_column(sa.Column("pbx_charge", sa.String(length=20), nullable=False, server_default=""))
        table.add_column(sa.Column("currency", sa.String(length=8), nullable=False, server_default=""))
        table.add_column(sa.Column("system_made", sa.String(length=40), nullable=False, server_default=""))
        table.create_index("ix_call_records_pbx_call", ["pbx_call"])
    # Records read twice before this key was unique: keep the first of each.
    op.execute(
        "DELETE FROM call_records WHERE source = 'smdr' AND id NOT IN "
        "(SELECT MIN(id) FROM call_records WHERE source = 'smdr' GROUP BY call_id)"
    )
    op.create_index(
        "uq_call_records_smdr_key",
        "call_records",
        ["call_id"],
        unique=True,
        sqlite_where=_SMDR,
        postgresql_where=_SMDR,
    )


def downgrade() -> None:
    op.drop_index("uq_call_records_smdr_key", table_name="call_records")
    with op.batch_alter_table("call_records") as table:
        table.drop_index("ix_call_records_pbx_call")
        for column in ("system_made", "currency", "pbx_charge", "park_seconds", "hold_seconds", "segment"):
            table.drop_column(column)
        table.drop_column("pbx_call")
