"""The console's tables as SQLAlchemy 2.0 typed rows, every one importable from here.

Rows stay in ``db/``; services turn them into ``switchboard`` dataclasses.  The schema itself is
created only by the Alembic migrations in ``db/migrations``.  The rows live in modules by subject
(``row_base``: the metadata, ``Base`` and ``UtcDateTime``; ``user_rows``, ``stay_rows``,
``wakeup_rows``, ``logbook_rows``, ``call_rows``, ``position_rows``, ``emergency_rows``); importing
this module puts every one of their tables in ``Base.metadata``, which the Alembic environment and the
migrations rely on.
"""

from __future__ import annotations

from db.call_rows import CallbackTaskRow, CallRecordRow, FiasSequenceRow
from db.emergency_rows import EMERGENCY_UNKEYED_UP, EmergencyRow, RollCallRoomRow, RollCallRow
from db.logbook_rows import (
    DailyInfoRow,
    DutyManagerRow,
    HandoverItemRow,
    HandoverRow,
    HotelInfoRow,
    LogbookEntryRow,
    LogbookVersionRow,
    ShiftRow,
    SignInRow,
    TimedDutyRow,
    TimedDutyTickRow,
)
from db.position_rows import CallClaimRow, ChangeRow, PositionStateRow, SharedParkRow
from db.row_base import NAMING, Base, UtcDateTime
from db.stay_rows import (
    DndRow,
    ExtensionRow,
    GuestRow,
    MessageRow,
    RoomMoveRow,
    RoomRow,
    StayRow,
    WhereaboutsRow,
)
from db.user_rows import AuditRow, UserRow
from db.wakeup_rows import WAKEUP_OPEN, DiallerBeatRow, WakeUpAttemptRow, WakeUpGroupRow, WakeUpRow, minute_of
from switchboard.hotel import MAX_WING as WING_LENGTH

__all__ = [
    "EMERGENCY_UNKEYED_UP",
    "NAMING",
    "WAKEUP_OPEN",
    "WING_LENGTH",
    "AuditRow",
    "Base",
    "CallClaimRow",
    "CallRecordRow",
    "CallbackTaskRow",
    "ChangeRow",
    "DailyInfoRow",
    "DiallerBeatRow",
    "DndRow",
    "DutyManagerRow",
    "EmergencyRow",
    "ExtensionRow",
    "FiasSequenceRow",
    "GuestRow",
    "HandoverItemRow",
    "HandoverRow",
    "HotelInfoRow",
    "LogbookEntryRow",
    "LogbookVersionRow",
    "MessageRow",
    "PositionStateRow",
    "RollCallRoomRow",
    "RollCallRow",
    "RoomMoveRow",
    "RoomRow",
    "SharedParkRow",
    "ShiftRow",
    "SignInRow",
    "StayRow",
    "TimedDutyRow",
    "TimedDutyTickRow",
    "UserRow",
    "UtcDateTime",
    "WakeUpAttemptRow",
    "WakeUpGroupRow",
    "WakeUpRow",
    "WhereaboutsRow",
    "minute_of",
]
