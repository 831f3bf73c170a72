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
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from switchboard.errors import ConflictError, ConsoleError

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
        "storage.unreachable": QCoreApplication.translate(
            "ConsoleError",
            "Cannot open the database {url}. Check the address and that the server is running.",
        ),
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


def show_error(parent: QWidget | None, error: ConsoleError) -> None:
    """A message box for the operator; the log keeps the key and arguments."""
    log.info("shown to the operator: %s %s", error.key, error.args_map)
    title = (
        QCoreApplication.translate("ConsoleError", "Changed by someone else")
        if isinstance(error, ConflictError)
        else QCoreApplication.translate("ConsoleError", "Cannot do that")
    )
    QMessageBox.warning(parent, title, explain(error))


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
