"""one history again: the migrations of this round, each written on 0004, joined

Revision ID: 0014_one_history
Revises: 0005_smdr_segments, 0006_fias_sequence, 0007_race_constraints, 0008_roles_chain,
    0009_emergencies, 0010_call_claims, 0011_roll_calls, 0012_position_states, 0013_wakeup_groups
"""

from __future__ import annotations

revision = "0014_one_history"
down_revision = (
    "0005_smdr_segments",
    "0006_fias_sequence",
    "0007_race_constraints",
    "0008_roles_chain",
    "0009_emergencies",
    "0010_call_claims",
    "0011_roll_calls",
    "0012_position_states",
    "0013_wakeup_groups",
)
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass  # nothing to change: the branches touch different tables


def downgrade() -> None:
    pass
