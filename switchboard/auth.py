"""Roles and what each may do.

Each role sees and changes only what its job needs: front desk books wake-ups
but does not edit the logbook of a closed shift; duty managers review and
annotate; administrators manage users and settings.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from switchboard.errors import PermissionDenied
from switchboard.hotel import Role


class Permission(Enum):
    HANDLE_CALLS = "handle_calls"
    BOOK_WAKEUPS = "book_wakeups"
    HANDLE_ESCALATIONS = "handle_escalations"
    MANAGE_STAYS = "manage_stays"  # check-in, check-out, room move, VIP marks
    SET_DND = "set_dnd"
    TAKE_MESSAGES = "take_messages"
    WRITE_LOGBOOK = "write_logbook"
    ANNOTATE_LOGBOOK = "annotate_logbook"
    REVIEW_LOGBOOK = "review_logbook"  # search, export, see unacknowledged handovers
    EDIT_HOTEL_INFO = "edit_hotel_info"
    PRINT_REPORTS = "print_reports"
    MANAGE_USERS = "manage_users"
    CHANGE_SETTINGS = "change_settings"


_P = Permission
GRANTS: dict[Role, frozenset[Permission]] = {
    Role.OPERATOR: frozenset(
        {
            _P.HANDLE_CALLS,
            _P.BOOK_WAKEUPS,
            _P.HANDLE_ESCALATIONS,
            _P.SET_DND,
            _P.TAKE_MESSAGES,
            _P.WRITE_LOGBOOK,
            _P.PRINT_REPORTS,
        }
    ),
    Role.FRONT_DESK: frozenset({_P.BOOK_WAKEUPS, _P.MANAGE_STAYS, _P.SET_DND, _P.TAKE_MESSAGES}),
    Role.DUTY_MANAGER: frozenset(
        {
            _P.HANDLE_ESCALATIONS,
            _P.WRITE_LOGBOOK,
            _P.ANNOTATE_LOGBOOK,
            _P.REVIEW_LOGBOOK,
            _P.EDIT_HOTEL_INFO,
            _P.PRINT_REPORTS,
            _P.SET_DND,
            _P.TAKE_MESSAGES,
        }
    ),
    Role.ADMINISTRATOR: frozenset(Permission),
}


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
