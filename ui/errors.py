"""Puts a ``ConsoleError`` into words the operator reads, in the chosen language.

The domain raises errors with a stable key and arguments; wording lives here.
Keys without a translation here fall back to the English message the domain
wrote, which is still a clear sentence, never a traceback.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from switchboard.errors import ConflictError, ConsoleError

log = logging.getLogger(__name__)


def _t(text: str) -> str:
    return QCoreApplication.translate("ConsoleError", text)


def explain(error: ConsoleError) -> str:
    wording = {
        "auth.wrong": _t("Wrong user name or password."),
        "auth.password_short": _t("The password needs at least {minimum} characters."),
        "auth.password_is_name": _t("The password must not be the user name."),
        "auth.username_space": _t("A user name has no spaces."),
        "auth.username_taken": _t("The user name {username} is taken."),
        "auth.denied": _t("Your role may not do this."),
        "settings.unreadable": _t("The settings file {path} cannot be read: {reason}"),
        "settings.language": _t("Unknown language {language}."),
        "storage.unreachable": _t(
            "Cannot open the database {url}. Check the address and that the server is running."
        ),
        "storage.bad_url": _t("The database address is not valid: {url}"),
        "room.invalid": _t("There is no room {room}."),
        "text.empty": _t("Please fill in the {field}."),
        "text.too_long": _t("The {field} is too long (at most {limit} characters)."),
        "stay.departure_before_arrival": _t("Departure {departure} is before arrival {arrival}."),
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
