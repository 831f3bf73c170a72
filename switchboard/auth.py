"""Roles and what each may do: one table, checked by every service.

Each role sees and changes only what its job needs: front desk books wake-ups
but does not edit the logbook of a closed shift; duty managers review and
annotate; administrators manage users and settings.  ``require(actor, ...)``
is what every ``db/`` service calls first; the window only hides what the
service would refuse anyway.  ``docs/ROLES.md`` shows the same table.

Links (the PMS, the call-record reader, the wake-up dialler, the clocks that
expire DND or escalate wake-ups) act as ``Actor.link(name)``: no role, a user
name starting with ``link:``.  They hold ``LINK_GRANTS``, the parts of the
hotel they feed; an actor with neither a role nor a link name may do nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from switchboard.errors import PermissionDenied
from switchboard.hotel import Actor, Role


class Permission(Enum):
    HANDLE_CALLS = "handle_calls"  # call notes, categories, call-backs
    BOOK_WAKEUPS = "book_wakeups"
    HANDLE_ESCALATIONS = "handle_escalations"
    MANAGE_STAYS = "manage_stays"  # check-in, check-out, guest change (privacy, VIP), room move
    SET_ROOM_STATE = "set_room_state"  # housekeeping status, class of service
    SET_DND = "set_dnd"
    TAKE_MESSAGES = "take_messages"  # messages, message lamp, whereabouts
    WRITE_LOGBOOK = "write_logbook"  # entries, corrections, resolutions, handovers, board notices, duties
    ANNOTATE_LOGBOOK = "annotate_logbook"
    REVIEW_LOGBOOK = "review_logbook"  # search, export, earlier versions of an entry
    CLOSE_SHIFTS = "close_shifts"
    EDIT_HOTEL_INFO = "edit_hotel_info"  # hotel information pages, timed duty definitions
    PRINT_REPORTS = "print_reports"
    READ_AUDIT = "read_audit"
    MANAGE_USERS = "manage_users"  # create, unlock
    CHANGE_SETTINGS = "change_settings"
    WATCH_LINKS = "watch_links"  # the link monitor's raw frames
    PURGE_DATA = "purge_data"  # the retention job
    EVACUATE = "evacuate"  # start and stop the evacuation roll-call (the password is asked again)
    # reads of private data: what a role's work needs to see, beside what it may change
    READ_LOGBOOK = "read_logbook"  # the logbook's entries and search, the latest handover
    READ_WAKEUPS = "read_wakeups"  # wake-ups booked and their history
    READ_MESSAGES = "read_messages"  # guest messages waiting
    READ_ROOMS = "read_rooms"  # the room board: rooms, guests, DND, VIPs
    READ_BOARD = "read_board"  # today's board: notices, arrivals and VIPs, room moves, whereabouts


_P = Permission
_READ_ALL = (_P.READ_LOGBOOK, _P.READ_WAKEUPS, _P.READ_MESSAGES, _P.READ_ROOMS, _P.READ_BOARD)
GRANTS: dict[Role, frozenset[Permission]] = {
    Role.OPERATOR: frozenset(
        {
            _P.HANDLE_CALLS,
            _P.BOOK_WAKEUPS,
            _P.HANDLE_ESCALATIONS,
            _P.SET_DND,
            _P.TAKE_MESSAGES,
            _P.WRITE_LOGBOOK,
            _P.CLOSE_SHIFTS,  # their own, at the handover; shifts also close themselves
            _P.PRINT_REPORTS,
            *_READ_ALL,
        }
    ),
    Role.FRONT_DESK: frozenset(
        {
            _P.BOOK_WAKEUPS,
            _P.MANAGE_STAYS,
            _P.SET_ROOM_STATE,
            _P.SET_DND,
            _P.TAKE_MESSAGES,
            # what the desk books and takes, the rooms and arrivals it checks in; not the logbook
            _P.READ_WAKEUPS,
            _P.READ_MESSAGES,
            _P.READ_ROOMS,
            _P.READ_BOARD,
        }
    ),
    Role.DUTY_MANAGER: frozenset(
        {
            _P.HANDLE_ESCALATIONS,
            _P.WRITE_LOGBOOK,
            _P.ANNOTATE_LOGBOOK,
            _P.REVIEW_LOGBOOK,
            _P.CLOSE_SHIFTS,
            _P.EDIT_HOTEL_INFO,
            _P.PRINT_REPORTS,
            _P.READ_AUDIT,
            _P.SET_DND,
            _P.TAKE_MESSAGES,
            _P.EVACUATE,
            *_READ_ALL,
        }
    ),
    Role.ADMINISTRATOR: frozenset(Permission),
}

LINK_GRANTS: frozenset[Permission] = frozenset(
    {
        _P.HANDLE_CALLS,
        _P.BOOK_WAKEUPS,
        _P.HANDLE_ESCALATIONS,
        _P.MANAGE_STAYS,
        _P.SET_ROOM_STATE,
        _P.SET_DND,
        _P.TAKE_MESSAGES,
        _P.CLOSE_SHIFTS,
        _P.PURGE_DATA,
    }
)


def is_link(actor: Actor) -> bool:
    return actor.role is None and actor.user.startswith("link:")


def allowed(actor: Actor, permission: Permission) -> bool:
    if actor.role is not None:
        return permission in GRANTS[actor.role]
    return is_link(actor) and permission in LINK_GRANTS


def require(actor: Actor, permission: Permission) -> None:
    """Refuse (``PermissionDenied``) unless the actor's role or link holds ``permission``."""
    if not allowed(actor, permission):
        who = actor.role.value if actor.role is not None else "no role"
        raise PermissionDenied(
            "auth.denied",
            f"{actor.user} ({who}) may not {permission.value.replace('_', ' ')}",
            permission=permission.value,
            role=who,
        )


@dataclass(frozen=True, slots=True)
class User:
    id: int
    username: str
    display_name: str
    role: Role
    language: str = ""

    def may(self, permission: Permission) -> bool:
        return permission in GRANTS[self.role]

    def require(self, permission: Permission) -> None:
        if not self.may(permission):
            raise PermissionDenied(
                "auth.denied",
                f"{self.display_name} ({self.role.value}) may not {permission.value.replace('_', ' ')}",
                permission=permission.value,
                role=self.role.value,
            )


MIN_PASSWORD = 8


def check_new_password(password: str, username: str) -> None:
    """A password for a real install: long enough, not the user name."""
    from switchboard.errors import InputError

    if len(password) < MIN_PASSWORD:
        raise InputError(
            "auth.password_short",
            f"The password needs at least {MIN_PASSWORD} characters",
            minimum=MIN_PASSWORD,
        )
    if password.strip().lower() == username.strip().lower():
        raise InputError("auth.password_is_name", "The password must not be the user name")
