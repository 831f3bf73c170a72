"""Wake-up calls of a period whatever became of them, with every attempt: the morning audit and the
printed morning-call list read this."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from switchboard.desk import AttemptView, WakeUpView
from switchboard.hotel import Actor


@dataclass(frozen=True, slots=True)
class WakeUpRecord:
    """One call with its attempts."""

    call: WakeUpView
    attempts: tuple[AttemptView, ...]
    private: bool  # the guest asked for privacy: the name never stands beside the room


class WakeUpHistory(Protocol):
    def between(self, since: datetime, until: datetime, actor: Actor) -> Sequence[WakeUpRecord]: ...
