"""The actor tests read private data as when the reading is not what they test: an operator, whose
role reads every page (docs/ROLES.md)."""

from __future__ import annotations

from switchboard.hotel import Actor, Role

READER = Actor(user="reader", position="Console 1", role=Role.OPERATOR)
