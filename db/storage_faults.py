"""What went wrong with the database, in words the operator can act on.

The driver's exception is sorted by its code (SQLite's error name, PostgreSQL's SQLSTATE)
into a ``DatabaseUnavailable`` with a message key, or a ``ConflictError`` when another
position got there first. The SQLite file is watched too: a file deleted or replaced under
a running console (device and inode no longer those opened) stops writes instead of letting
them land in an unlinked file.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import URL
from sqlalchemy.exc import DBAPIError, IntegrityError

from switchboard.errors import ConflictError, ConsoleError, DatabaseUnavailable

# SQLite error names (sqlite3.Error.sqlite_errorname) -> message key; "renew" drops the pool so the
# next connection opens the file afresh (a connection SQLite opened read-only stays read-only).
_SQLITE = {
    "SQLITE_FULL": ("storage.disk_full", True),
    "SQLITE_READONLY": ("storage.read_only", True),
    "SQLITE_CANTOPEN": ("storage.cannot_open", True),
    "SQLITE_BUSY": ("storage.busy", False),
    "SQLITE_LOCKED": ("storage.busy", False),
    "SQLITE_IOERR": ("storage.io_error", True),
    "SQLITE_CORRUPT": ("storage.corrupt", True),
    "SQLITE_NOTADB": ("storage.corrupt", True),
    "SQLITE_PERM": ("storage.read_only", True),
    "SQLITE_AUTH": ("storage.read_only", True),
}

# PostgreSQL SQLSTATE -> message key (classes 08 and 57P are the connection going away).
_POSTGRES = {
    "57014": "storage.timeout",  # query_canceled: statement_timeout
    "55P03": "storage.busy",  # lock_not_available
    "53100": "storage.disk_full",
    "53200": "storage.server_memory",
    "53300": "storage.server_busy",  # too_many_connections
    "25006": "storage.read_only",  # read_only_sql_transaction (a standby)
    "57P01": "storage.unreachable",  # admin_shutdown
    "57P02": "storage.unreachable",
    "57P03": "storage.unreachable",  # cannot_connect_now (starting up)
}
_RETRY = {"40001", "40P01"}  # serialization failure, deadlock: another position got there first

ENGLISH = {
    "storage.unreachable": "The database {where} cannot be reached",
    "storage.timeout": "The database {where} did not answer in time",
    "storage.busy": "The database {where} is busy with another position's change",
    "storage.disk_full": "The disk of the database {where} is full",
    "storage.read_only": "The database {where} is read-only",
    "storage.cannot_open": "The database file {where} cannot be opened",
    "storage.io_error": "The disk of the database {where} reports an error",
    "storage.corrupt": "The database file {where} is damaged",
    "storage.file_missing": "The database file {where} was deleted",
    "storage.file_replaced": "The database file {where} was replaced by another file",
    "storage.server_memory": "The database server {where} is out of memory",
    "storage.server_busy": "The database server {where} has too many connections",
    "storage.failed": "The database {where} refused the change",
}


def where_of(url: URL) -> str:
    """The database named for a person: the file, or server:port/database (never user or password)."""
    if url.get_backend_name() == "sqlite":
        return url.database or "(in memory)"
    host = url.host or "localhost"
    port = f":{url.port}" if url.port else ""
    return f"{host}{port}/{url.database or ''}"


def unavailable(key: str, where: str, detail: str = "") -> DatabaseUnavailable:
    message = ENGLISH.get(key, ENGLISH["storage.failed"]).format(where=where)
    if detail:
        message = f"{message}: {detail}"
    return DatabaseUnavailable(key, f"{message}; nothing was saved", where=where, detail=detail)


@dataclass(frozen=True, slots=True)
class Verdict:
    error: ConsoleError
    renew: bool  # drop the pool so new connections open the database afresh


def judge(exc: DBAPIError, url: URL) -> Verdict | None:
    """The error a person reads for a driver error, or None for one that is a bug (left raw)."""
    where = where_of(url)
    orig = exc.orig
    detail = _first_line(orig if orig is not None else exc)
    if url.get_backend_name() == "sqlite":
        name = str(getattr(orig, "sqlite_errorname", "") or "")
        for prefix, (key, renew) in _SQLITE.items():
            if name == prefix or name.startswith(prefix + "_"):
                if key == "storage.cannot_open" and url.database and not _folder_writable(url.database):
                    key = "storage.read_only"
                return Verdict(unavailable(key, where, detail), renew)
        return None
    state = str(getattr(orig, "sqlstate", "") or "")
    if state in _RETRY:
        return Verdict(
            ConflictError("edit.retry", "Another position was changing the same thing: please try again"),
            False,
        )
    if state in _POSTGRES:
        return Verdict(unavailable(_POSTGRES[state], where, detail), False)
    if exc.connection_invalidated or state.startswith("08") or not state:
        return Verdict(unavailable("storage.unreachable", where, detail), True)
    return None


@dataclass(frozen=True, slots=True)
class FileIdentity:
    """The SQLite file as it was opened: its device and inode."""

    path: Path
    device: int
    inode: int

    @classmethod
    def of(cls, path: Path) -> FileIdentity | None:
        try:
            st = os.stat(path)
        except OSError:
            return None
        return cls(path, st.st_dev, st.st_ino)

    def check(self) -> None:
        """Raise when the file is gone or is no longer the file opened."""
        try:
            st = os.stat(self.path)
        except FileNotFoundError:
            raise unavailable("storage.file_missing", str(self.path)) from None
        except OSError as exc:
            raise unavailable("storage.cannot_open", str(self.path), exc.strerror or "") from exc
        if (st.st_dev, st.st_ino) != (self.device, self.inode):
            raise unavailable("storage.file_replaced", str(self.path))


def _folder_writable(database: str) -> bool:
    folder = Path(database).parent
    return os.access(folder, os.W_OK) and (not Path(database).exists() or os.access(database, os.W_OK))


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0][:200] if text else type(exc).__name__


def breaks(exc: IntegrityError, index: str, table: str, *columns: str) -> bool:
    """Whether ``exc`` is the unique index ``index`` refusing a second row (PostgreSQL names the
    index, SQLite the columns)."""
    said = str(exc.orig if exc.orig is not None else exc)
    return index in said or f"UNIQUE constraint failed: {', '.join(f'{table}.{c}' for c in columns)}" in said
