"""sign-in lockout on users; hash chains over the audit trail and the logbook; earlier versions of logbook entries

Revision ID: 0008_roles_chain
Revises: 0004_call_charge_posting
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from db.chain import seal_existing
from db.rows import UtcDateTime

revision = "0008_roles_chain"
down_revision = "0004_call_charge_posting"
branch_labels = None
depends_on = None

CHAINED = ("audit_log", "logbook_entries")


def upgrade() -> None:
    with op.batch_alter_table("users") as table:
        table.add_column(sa.Column("failed_signins", sa.Integer(), nullable=False, server_default="0"))
        table.add_column(sa.Column("locked_at", UtcDateTime(), nullable=True))
    for name in CHAINED:
        with op.batch_alter_table(name) as table:
            table.add_column(sa.Column("chain_seq", sa.Integer(), nullable=True))
            table.add_column(sa.Column("chain_hash", sa.String(length=64), nullable=False, server_default=""))
            table.create_unique_constraint(f"uq_{name}_chain_seq", ["chain_seq"])
    op.create_table(
        "logbook_versions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("entry_id", sa.Integer(), nullable=False),
        sa.Column("version_no", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("replaced_at", UtcDateTime(), nullable=False),
        sa.Column("replaced_by", sa.String(length=80), nullable=False),
        sa.Column("chain_seq", sa.Integer(), nullable=True),
        sa.Column("chain_hash", sa.String(length=64), nullable=False, server_default=""),
        sa.ForeignKeyConstraint(
            ["entry_id"],
            ["logbook_entries.id"],
            name="fk_logbook_versions_entry_id_logbook_entries",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_logbook_versions"),
        sa.UniqueConstraint("entry_id", "version_no", name="uq_logbook_versions_entry_id"),
        sa.UniqueConstraint("chain_seq", name="uq_logbook_versions_chain_seq"),
    )
    op.create_index("ix_logbook_versions_entry_id", "logbook_versions", ["entry_id"])
    connection = op.get_bind()
    for name in CHAINED:  # rows written before the chains: sealed in the order they were written
        seal_existing(connection, name)


def downgrade() -> None:
    op.drop_index("ix_logbook_versions_entry_id", table_name="logbook_versions")
    op.drop_table("logbook_versions")
    for name in CHAINED:
        with op.batch_alter_table(name) as table:
            table.drop_constraint(f"uq_{name}_chain_seq", type_="unique")
            table.drop_column("chain_hash")
            table.drop_column("chain_seq")
    with op.batch_alter_table("users") as table:
        table.drop_column("locked_at")
        table.drop_column("failed_signins")
