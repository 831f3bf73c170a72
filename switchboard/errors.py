"""Errors the domain raises for the UI to explain to a person.

Each carries a stable ``key`` (the UI looks up its translated wording) and the
``args`` to fill in; ``str()`` gives an English fallback for logs.
"""

from __future__ import annotations

from dataclasses import dataclass


class ConsoleError(Exception):
    """Base for errors that are shown to the operator, never as a traceback."""

    def __init__(self, key: str, message: str, **args: object) -> None:
        super().__init__(message)
        self.key = key
        self.args_map = args
        self.message = message

    def __str__(self) -> str:
        return self.message


class InputError(ConsoleError):
    """Bad input from a person or a link: nothing was changed."""


class ConflictError(ConsoleError):
    """Someone else changed the same thing first: nothing was overwritten."""


class PermissionDenied(ConsoleError):
    """The signed-in user's role may not do this."""


class NotFound(ConsoleError):
    """The thing asked for does not exist (any more)."""


class DatabaseUnavailable(ConsoleError):
    """The database cannot be reached or written just now: nothing of this action was saved.

    ``args_map["where"]`` names the database (server and database name, or the file), never a password;
    the key says what is away (unreachable, time-out, read-only, full disk, file deleted or replaced).
    """


@dataclass(frozen=True, slots=True)
class DatabaseState:
    """What a health probe of the database found, for the status bar's DATABASE lamp and banner.

    ``key`` is empty when the database answered and can be written; otherwise it is the message key
    of the ``DatabaseUnavailable`` a write would raise now.
    """

    where: str
    key: str = ""
    detail: str = ""
    seconds: float = 0.0  # how long the probe took

    @property
    def up(self) -> bool:
        return not self.key
