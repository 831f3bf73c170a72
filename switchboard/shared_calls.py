"""Calls to the operator number shared by several training positions on one database, as the PBX
shares them among SIP positions: one position's training PBX (the one holding the lead, a lease in the
database) invents the callers and rings the operator number; every position not on break offers each
call; the first to answer takes it (the database decides) and it leaves the other queues. With no
position signed in, a call goes to night service. A call parked or camped at a position that signs out
rings the operator number again, as a recall, on every position."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol, runtime_checkable

from switchboard.pbx import CallKind

NIGHT_SERVICE = "night service"  # ``taken_by`` of a call that rang while no position was signed in
LEAD_S = 5.0  # how long the lead holds without being renewed (a position that died gives it up so)


@dataclass(frozen=True)
class SharedCall:
    """A call to the operator number as every training position sees it; ``recall_of`` the park slot or
    extension of a call handed back to all positions; ``taken_by`` the position that answered it."""

    call_key: str
    caller: str
    caller_name: str
    kind: CallKind
    offered_at: datetime
    recall_of: str = ""
    taken_by: str = ""
    order: int = 0  # the operator number's order of its calls (the database's, once rung); 0: not rung


class OperatorCalls(Protocol):
    """The shared calls (db/training_calls.py). Every method may raise ``DatabaseUnavailable``."""

    position: str

    def lead(self, for_s: float) -> bool:
        """Take or keep the lead (the position that invents callers); True if this position has it."""
        ...

    def resign(self) -> None: ...

    def ring(self, call: SharedCall) -> SharedCall | None:
        """Ring the operator number: the call with its ``order``; None (recorded as night service) when no
        position is signed in."""
        ...

    def waiting(self, fresh_s: float, recall_s: float, after: int = 0) -> list[SharedCall]:
        """The calls nobody has taken: rung within ``fresh_s`` (recalls within ``recall_s``), in the order
        they rang; with ``after``, only those rung after that ``order`` (what changed since a read)."""
        ...

    def night_service(self, fresh_s: float, after: int) -> list[SharedCall]:
        """The calls rung within ``fresh_s`` after ``order`` that went to night service."""
        ...

    def take(self, call_key: str) -> str:
        """Answer a call here: "" if this position has it now, else the position that took it first."""
        ...

    def taken(self, call_keys: Collection[str]) -> dict[str, str]:
        """Of these calls, those another position took, and by whom."""
        ...

    def tidy(self, older_than_s: float) -> None: ...


@runtime_checkable
class SharesCalls(Protocol):
    """A training PBX whose calls to the operator number are shared with the other training positions."""

    def share_calls(self, calls: OperatorCalls) -> None: ...


@runtime_checkable
class HandsOverAside(Protocol):
    """A position whose calls parked or camped here go to every position when its operator signs out
    (the console stays up on the sign-in cover): over SIP by REFER to the operator number; on the
    training PBX as a recall rung on the shared operator number."""

    def hand_over_aside(self) -> None: ...
