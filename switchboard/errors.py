"""Errors the domain raises for the UI to explain to a person.

Each carries a stable ``key`` (the UI looks up its translated wording) and the
``args`` to fill in; ``str()`` gives an English fallback for logs.
"""

from __future__ import annotations


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
