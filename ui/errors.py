"""Puts a ``ConsoleError`` into words the operator reads, in the chosen language.

The domain raises errors with a stable key and arguments; wording lives here.
Keys without a translation here fall back to the English message the domain
wrote, which is still a clear sentence, never a traceback.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel

from switchboard.errors import ConsoleError, PermissionDenied

log = logging.getLogger(__name__)
T = TypeVar("T")


def explain(error: ConsoleError) -> str:
    wording = {
        "auth.wrong": QCoreApplication.translate("ConsoleError", "Wrong user name or password."),
        "auth.password_short": QCoreApplication.translate(
            "ConsoleError", "The password needs at least {minimum} characters."
        ),
        "auth.password_is_name": QCoreApplication.translate(
            "ConsoleError", "The password must not be the user name."
        ),
        "auth.username_space": QCoreApplication.translate("ConsoleError", "A user name has no spaces."),
        "auth.username_taken": QCoreApplication.translate(
            "ConsoleError", "The user name {username} is taken."
        ),
        "auth.denied": QCoreApplication.translate("ConsoleError", "Your role may not do this."),
        "settings.unreadable": QCoreApplication.translate(
            "ConsoleError", "The settings file {path} cannot be read: {reason}"
        ),
        "settings.language": QCoreApplication.translate("ConsoleError", "Unknown language {language}."),
        **_storage_wording(),
        **_guard_wording(),
        "storage.bad_url": QCoreApplication.translate(
            "ConsoleError", "The database address is not valid: {url}"
        ),
        "room.invalid": QCoreApplication.translate("ConsoleError", "There is no room {room}."),
        "text.empty": QCoreApplication.translate("ConsoleError", "Please fill in the {field}."),
        "text.too_long": QCoreApplication.translate(
            "ConsoleError", "The {field} is too long (at most {limit} characters)."
        ),
        "wakeup.no_guest": QCoreApplication.translate("ConsoleError", "Room {room} has no guest in house."),
        "wakeup.duplicate": QCoreApplication.translate(
            "ConsoleError", "Room {room} already has a wake-up call at {time}."
        ),
        "wakeup.changed": QCoreApplication.translate(
            "ConsoleError", "Someone else changed this wake-up call just now; the list is refreshed."
        ),
        "wakeup.state": QCoreApplication.translate(
            "ConsoleError", "This wake-up call cannot be changed any more."
        ),
        "wakeup.past": QCoreApplication.translate("ConsoleError", "{due} has already passed."),
        "wakeup.past_today": QCoreApplication.translate("ConsoleError", "{time} has already passed today."),
        "wakeup.repeat": QCoreApplication.translate("ConsoleError", "A wake-up call is once or daily."),
        "wakeup.personal_daily": QCoreApplication.translate(
            "ConsoleError", "A wake-up in person is booked one day at a time, not daily."
        ),
        "wakeup.bulk_format": QCoreApplication.translate(
            "ConsoleError", "Write a room and a time, for example: 1203 06:30 taxi at 7"
        ),
        "wakeup.bulk_time": QCoreApplication.translate("ConsoleError", "Not a time of day."),
        "message.no_guest": QCoreApplication.translate("ConsoleError", "Room {room} has no guest in house."),
        "message.changed": QCoreApplication.translate(
            "ConsoleError", "Someone else changed this message just now; the list is refreshed."
        ),
        "message.delivered": QCoreApplication.translate(
            "ConsoleError", "This message was already delivered."
        ),
        "stay.departure_before_arrival": QCoreApplication.translate(
            "ConsoleError", "Departure {departure} is before arrival {arrival}."
        ),
    }.get(error.key)
    if wording is None:
        return error.message
    try:
        return wording.format(**error.args_map)
    except (KeyError, IndexError):
        return error.message


def _storage_wording() -> dict[str, str]:
    """What is away when the database is (``DatabaseUnavailable``), and races another position won."""
    return {
        "storage.unreachable": QCoreApplication.translate(
            "ConsoleError",
            "The database {where} cannot be reached. Nothing was saved; check the network and that "
            "the database server is running.",
        ),
        "storage.timeout": QCoreApplication.translate(
            "ConsoleError",
            "The database {where} did not answer in time. Nothing was saved; try again in a moment.",
        ),
        "storage.busy": QCoreApplication.translate(
            "ConsoleError",
            "The database {where} is busy with another position's change. Nothing was saved; try again "
            "in a moment.",
        ),
        "storage.disk_full": QCoreApplication.translate(
            "ConsoleError",
            "The disk of the database {where} is full. Nothing was saved; free some space or call the "
            "administrator.",
        ),
        "storage.read_only": QCoreApplication.translate(
            "ConsoleError",
            "The database {where} is read-only: the console may not write its file or folder. Nothing "
            "was saved; call the administrator.",
        ),
        "storage.cannot_open": QCoreApplication.translate(
            "ConsoleError",
            "The database file {where} cannot be opened. Nothing was saved; call the administrator.",
        ),
        "storage.io_error": QCoreApplication.translate(
            "ConsoleError",
            "The disk of the database {where} reports an error. Nothing was saved; call the administrator.",
        ),
        "storage.corrupt": QCoreApplication.translate(
            "ConsoleError",
            "The database file {where} is damaged. Nothing was saved; call the administrator to restore "
            "the backup.",
        ),
        "storage.file_missing": QCoreApplication.translate(
            "ConsoleError",
            "The database file {where} was deleted while the console was running. Nothing more is saved "
            "until it is put back; call the administrator.",
        ),
        "storage.file_vanished": QCoreApplication.translate(
            "ConsoleError",
            "The database file {where} is missing, though this console made it before (deleted, or its "
            "disk not there?). Restore it from the backup; to begin with an empty hotel on purpose, "
            "delete {mark}.",
        ),
        "storage.file_replaced": QCoreApplication.translate(
            "ConsoleError",
            "The database file {where} was replaced by another file while the console was running. "
            "Nothing more is saved; restart the console once the administrator has checked the file.",
        ),
        "storage.server_memory": QCoreApplication.translate(
            "ConsoleError",
            "The database server {where} is out of memory. Nothing was saved; call the administrator.",
        ),
        "storage.server_busy": QCoreApplication.translate(
            "ConsoleError",
            "The database server {where} has too many connections. Nothing was saved; try again in a moment.",
        ),
        "storage.failed": QCoreApplication.translate(
            "ConsoleError",
            "The database {where} refused the change. Nothing was saved; call the administrator.",
        ),
        "settings.database_timeout": QCoreApplication.translate(
            "ConsoleError", "The setting {setting} must be 0.5 to 300 seconds, not {value}."
        ),
        "edit.conflict": QCoreApplication.translate(
            "ConsoleError",
            "Someone else changed this at the same moment; nothing was overwritten. Look again and repeat "
            "your change if it is still needed.",
        ),
        "edit.retry": QCoreApplication.translate(
            "ConsoleError",
            "Another position was changing the same thing; nothing was saved. Please try again.",
        ),
        "room.changed": QCoreApplication.translate(
            "ConsoleError",
            "Someone else changed room {room} just now; nothing was overwritten. Look again and repeat "
            "your change if it is still needed.",
        ),
        "move.wakeup_clash": QCoreApplication.translate(
            "ConsoleError",
            "Room {room} has a wake-up call at the same time as one of this guest's; nothing was moved. "
            "Please try again.",
        ),
    }


def attempt(message: QLabel, action: Callable[[], T]) -> T | None:
    """Run an action; a ``ConsoleError`` becomes a sentence in ``message`` and nothing else changes."""
    try:
        result = action()
    except ConsoleError as exc:
        log.info("not done: %s %s", exc.key, exc.args_map)
        message.setStyleSheet("color: #c62828; font-weight: bold;")
        message.setText(explain(exc))
        return None
    message.setStyleSheet("color: #2e7d32;")
    return result


def shown_to_role(message: QLabel, refused: str, read: Callable[[], T]) -> T | None:
    """A page's read of private data. Refused by the role (``PermissionDenied``), ``message`` says
    why (``refused``, in the page's words; or that nobody is signed in) and None comes back, so the
    page shows nothing; read, a refusal said before is taken away. Never a box: F5 still answers."""
    try:
        result = read()
    except PermissionDenied as exc:
        say_refused(message, refused, exc)
        return None
    take_refusal_away(message)
    return result


def say_refused(message: QLabel, refused: str, exc: PermissionDenied) -> None:
    """``shown_to_role``'s refusal, for a read whose answer came back from another thread."""
    log.debug("not shown: %s %s", exc.key, exc.args_map)
    message.setStyleSheet("color: #c62828; font-weight: bold;")
    if exc.args_map.get("role") == "no role":
        refused = QCoreApplication.translate("ConsoleError", "Nobody is signed in: sign in to see this.")
    message.setText(refused)
    message.setProperty("refusal", True)


def take_refusal_away(message: QLabel) -> None:
    """The read was allowed: a refusal said before is no longer true."""
    if message.property("refusal"):
        message.setProperty("refusal", False)
        message.clear()


def _guard_wording() -> dict[str, str]:
    """Sign-in, bad input, settings and closed shifts."""
    return {
        "auth.wait": QCoreApplication.translate(
            "ConsoleError", "Too many failed sign-ins: try again in {seconds} s."
        ),
        "auth.no_user": QCoreApplication.translate("ConsoleError", "There is no such user."),
        "text.control": QCoreApplication.translate("ConsoleError", "The {field} holds a control character."),
        "text.language": QCoreApplication.translate(
            "ConsoleError", "Not a language code (for example en or zh_CN)."
        ),
        "date.implausible": QCoreApplication.translate(
            "ConsoleError", "The {field} {day} is too far from today."
        ),
        "whereabouts.no_end": QCoreApplication.translate(
            "ConsoleError", "Whereabouts need the time they end."
        ),
        "settings.unwritable": QCoreApplication.translate(
            "ConsoleError", "The settings could not be saved to {path}."
        ),
        "logbook.closed": QCoreApplication.translate(
            "ConsoleError", "The shift of this entry is closed: write a correction instead."
        ),
        "logbook.not_author": QCoreApplication.translate(
            "ConsoleError", "Only the author may change an entry; write a correction."
        ),
        "retention.days": QCoreApplication.translate(
            "ConsoleError", "A retention period is 1 to 36600 days."
        ),
    }
