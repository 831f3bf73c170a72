"""Opening the database, migrating it, and one unit of work per operator action.

SQLite in the user data folder is the default (WAL, foreign keys on); any
SQLAlchemy URL works, PostgreSQL for several positions.  A stale write under
optimistic locking becomes ``ConflictError``; an unreachable server becomes
``StorageUnavailable`` with a message a person can act on.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.exc import ArgumentError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from switchboard.errors import ConflictError, ConsoleError

log = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).parent / "migrations"


class StorageUnavailable(ConsoleError):
    """The database cannot be opened or reached."""


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


class Store:
    """The database behind the console: engine, migrations, sessions."""

    def __init__(self, url: str, *, echo: bool = False) -> None:
        self.url = url
        try:
            kwargs: dict[str, Any] = {"echo": echo}
            if url.startswith("postgresql"):
                kwargs["pool_pre_ping"] = True
                kwargs.setdefault("connect_args", {})["connect_timeout"] = 5
            if url.startswith("sqlite"):
                kwargs.setdefault("connect_args", {})["timeout"] = 15
            self.engine: Engine = create_engine(url, **kwargs)
        except (ArgumentError, SQLAlchemyError, ImportError, ValueError) as exc:
            raise StorageUnavailable(
                "storage.bad_url",
                f"The database address is not valid: {_redact(url)} ({exc})",
                url=_redact(url),
            ) from exc
        if self.engine.dialect.name == "sqlite":
            event.listen(self.engine, "connect", _sqlite_pragmas)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def check(self) -> None:
        """Connect once, so a bad address fails at start-up with a clear message."""
        try:
            with self.engine.connect():
                pass
        except (OperationalError, SQLAlchemyError, OSError) as exc:
            raise StorageUnavailable(
                "storage.unreachable",
                f"Cannot open the database {_redact(self.url)}: {_first_line(exc)}",
                url=_redact(self.url),
            ) from exc

    def migrate(self) -> None:
        """Bring the schema up to the newest migration (all heads)."""
        self.check()
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS))
        config.set_main_option("sqlalchemy.url", self.url.replace("%", "%%"))
        with self.engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "heads")
        log.info("database %s at the newest schema", _redact(self.url))

    def table_names(self) -> list[str]:
        return sorted(inspect(self.engine).get_table_names())

    @contextmanager
    def unit(self) -> Iterator[Session]:
        """One transaction: commit on success, roll back on any error.

        A stale optimistic-lock write surfaces as ``ConflictError``.
        """
        session = self._sessions()
        try:
            yield session
            session.commit()
        except StaleDataError as exc:
            session.rollback()
            raise ConflictError(
                "edit.conflict", "Someone else changed this at the same time; nothing was overwritten"
            ) from exc
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for reading only."""
        session = self._sessions()
        try:
            yield session
        finally:
            session.rollback()
            session.close()

    def dispose(self) -> None:
        self.engine.dispose()


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _redact(url: str) -> str:
    """The URL without its password, for messages and logs."""
    if "@" in url and "://" in url:
        scheme, rest = url.split("://", 1)
        creds, host = rest.rsplit("@", 1)
        user = creds.split(":", 1)[0]
        return f"{scheme}://{user}:***@{host}"
    return url


def _first_line(exc: BaseException) -> str:
    text = str(getattr(exc, "orig", None) or exc)
    return text.strip().splitlines()[0] if text.strip() else type(exc).__name__
