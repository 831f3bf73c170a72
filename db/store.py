"""Opening the database, migrating it, and one unit of work per operator action.

SQLite in the user data folder is the default (WAL, foreign keys on); any
SQLAlchemy URL works, PostgreSQL for several positions.  A stale write under
optimistic locking becomes ``ConflictError``; a database that is away, slow,
read-only, full, or whose file was deleted or replaced becomes
``DatabaseUnavailable`` with a message key and the database named (never its
password).  Nothing of a failed unit of work is written: it rolls back whole.

On SQLite a unit of work starts with ``BEGIN IMMEDIATE``: writers queue for the
file's write lock (up to the busy time-out) before they read, so two positions
never act on what the other is changing.  On PostgreSQL the services lock the row
they decide on (``FOR UPDATE``) and the constraints settle the rest.
"""

from __future__ import annotations

import logging
import math
import shutil
import threading
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, inspect, text
from sqlalchemy.exc import ArgumentError, DBAPIError, IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from db.anchor_file import SESSION_KEY
from db.gui_bound import BOUND, GuiBound, Late
from db.schema_version import at_head
from db.storage_faults import FileIdentity, judge, unavailable, where_of
from switchboard.errors import ConflictError, ConsoleError, DatabaseState, DatabaseUnavailable, InputError

log = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).parent / "migrations"

LOW_DISK = 256 * 1024  # bytes free under which the probe reports the disk full before a save fails
StorageUnavailable = DatabaseUnavailable  # the older name, kept for callers that catch it
AWAY = frozenset({"storage.unreachable", "storage.timeout"})  # the server does not answer (not: it refuses)


@dataclass(frozen=True, slots=True)
class Timeouts:
    """Seconds the console waits on the database before telling the operator it is away.

    ``connect``: opening a connection to the server, waiting for a free pooled one, and how long
    sent data may go unacknowledged (a server whose packets are dropped never refuses);
    ``statement``: one statement on the server (PostgreSQL ``statement_timeout``; also the idle
    time before TCP keep-alives ask whether a silent server is still there); ``busy``: a SQLite
    writer waiting for another's lock.  Settings ``[database] connect_timeout``, ``statement_timeout``,
    ``busy_timeout``.
    """

    connect: float = 5.0
    statement: float = 5.0
    busy: float = 5.0

    @classmethod
    def from_settings(cls, values: Mapping[str, str]) -> Timeouts:
        """From the ``[database]`` section; missing keys keep their defaults, bad ones are an InputError."""
        found: dict[str, float] = {}
        for name in ("connect", "statement", "busy"):
            raw = str(values.get(f"{name}_timeout", "")).strip()
            if not raw:
                continue
            try:
                seconds = float(raw)
            except ValueError:
                seconds = math.nan
            if not 0.5 <= seconds <= 300:
                raise InputError(
                    "settings.database_timeout",
                    f"[database] {name}_timeout must be 0.5 to 300 seconds, not {raw!r}",
                    setting=f"{name}_timeout",
                    value=raw[:20],
                )
            found[name] = seconds
        return cls(**found)


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


class Store:
    """The database behind the console: engine, migrations, sessions, health."""

    def __init__(
        self, url: str, *, echo: bool = False, timeouts: Timeouts | None = None, anchor: Path | None = None
    ) -> None:
        self.url = url
        self.timeouts = timeouts or Timeouts()
        try:
            self.engine: Engine = create_engine(url, echo=echo, **self._engine_options(url))
        except (ArgumentError, SQLAlchemyError, ImportError, ValueError) as exc:
            raise DatabaseUnavailable(
                "storage.bad_url",
                f"The database address is not valid: {_redact(url)} ({exc})",
                url=_redact(url),
                where=_redact(url),
            ) from exc
        self.where = where_of(self.engine.url)
        self._file: Path | None = None
        self._identity: FileIdentity | None = None
        if self.engine.dialect.name == "sqlite":
            database = self.engine.url.database or ""
            if database and database != ":memory:" and not database.startswith("file:"):
                self._file = Path(database).absolute()
                self._identity = FileIdentity.of(self._file)
            event.listen(self.engine, "connect", _sqlite_connect)
            event.listen(self.engine, "begin", self._sqlite_begin)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        writer = self.engine.execution_options(sqlite_immediate=True)
        self._writers = sessionmaker(writer, expire_on_commit=False)
        self.anchor = anchor
        self._gui: GuiBound | None = None
        self._gui_ident: int | None = None
        self._away: tuple[str, str] | None = None  # (key, detail) while a network database does not answer

    @property
    def anchor(self) -> Path | None:
        """The file each commit's new chain heads are appended to (``db/anchor_file.py``); None: not kept."""
        return self._anchor

    @anchor.setter
    def anchor(self, path: Path | None) -> None:
        self._anchor = path
        self._writers.configure(info={SESSION_KEY: path} if path is not None else {})

    def _engine_options(self, url: str) -> dict[str, Any]:
        t = self.timeouts
        if url.startswith("postgresql"):
            statement_ms = int(t.statement * 1000)
            return {
                "pool_pre_ping": True,
                "pool_timeout": t.connect,
                "connect_args": {
                    "connect_timeout": max(2, math.ceil(t.connect)),  # libpq's floor is 2 s
                    "options": f"-c statement_timeout={statement_ms}",
                    # A server whose packets are dropped never refuses: the TCP time-outs notice it.
                    "keepalives": 1,
                    "keepalives_idle": max(1, math.ceil(t.statement)),
                    "keepalives_interval": 1,
                    "keepalives_count": 2,
                    "tcp_user_timeout": int(t.connect * 1000),  # sent data unacknowledged this long
                },
            }
        if url.startswith("sqlite"):
            return {"connect_args": {"timeout": t.busy}}
        return {}

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def guard_gui_thread(self, thread: threading.Thread | None = None) -> None:
        """Hold the database calls of ``thread`` (the GUI's; the calling one by default) under
        ``db.gui_bound.BOUND``: while a network database is away they fail at once, and the first
        call that meets a silent server is cut off after the bound; on SQLite a writer on that thread
        waits no longer than the bound for another's lock. Someone must probe (``DatabaseWatch``):
        only ``probe`` finds a database that was away again."""
        chosen = thread or threading.current_thread()
        self._gui_ident = chosen.ident
        if self.dialect != "sqlite" and self._gui is None:
            self._gui = GuiBound(self.engine, chosen, self._gone_silent)

    @property
    def away(self) -> bool:
        """A network database did not answer (a call anywhere, or the probe) and no probe found it since."""
        return self._away is not None

    def check(self) -> None:
        """Connect once, so a bad address fails at start-up with a clear message."""
        try:
            with self.engine.connect():
                pass
        except DBAPIError as exc:
            verdict = judge(exc, self.engine.url)
            if verdict is not None and verdict.error.key != "storage.unreachable":
                raise verdict.error from exc  # read-only, full, damaged... said as such at start too
            raise DatabaseUnavailable(
                "storage.unreachable",
                f"Cannot open the database {_redact(self.url)}: {_first_line(exc)}",
                url=_redact(self.url),
                where=self.where,
            ) from exc
        except (SQLAlchemyError, OSError) as exc:
            raise DatabaseUnavailable(
                "storage.unreachable",
                f"Cannot open the database {_redact(self.url)}: {_first_line(exc)}",
                url=_redact(self.url),
                where=self.where,
            ) from exc
        self._remember_file()

    def migrate(self) -> None:
        """Bring the schema up to the newest migration (all heads)."""
        self.check()
        self._check_file()
        with self.engine.connect() as connection:
            current = at_head(connection)
        if current:  # the usual morning: nothing to do, and Alembic need not be loaded
            self._remember_file()
            return
        from alembic import command
        from alembic.config import Config

        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS))
        config.set_main_option("sqlalchemy.url", self.url.replace("%", "%%"))
        with self.engine.begin() as connection:
            if self.dialect == "postgresql":
                connection.execute(text("SET LOCAL statement_timeout = 0"))  # a migration may take long
            config.attributes["connection"] = connection
            command.upgrade(config, "heads")
        self._remember_file()
        log.info("database %s at the newest schema", _redact(self.url))

    def table_names(self) -> list[str]:
        return sorted(inspect(self.engine).get_table_names())

    @contextmanager
    def unit(self) -> Iterator[Session]:
        """One transaction: commit on success, roll back on any error.

        A stale optimistic-lock write surfaces as ``ConflictError``; a database that is
        away, slow, read-only or full as ``DatabaseUnavailable``.
        """
        self._check_file()
        connection = self._gui_connection()
        session = self._writers() if connection is None else self._writers(bind=connection)
        try:
            yield session
            with self._watched(connection):
                session.commit()
            self._remember_file()
        except BaseException as exc:
            with self._watched(connection):
                _quietly_roll_back(session)
            self._raise_for(exc)
            raise
        finally:
            with self._watched(connection):
                _quietly_close(session, connection)

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for reading only."""
        self._check_file()
        connection = self._gui_connection()
        session = self._sessions() if connection is None else self._sessions(bind=connection)
        try:
            yield session
        except BaseException as exc:
            self._raise_for(exc)
            raise
        finally:
            with self._watched(connection):
                _quietly_roll_back(session)
                _quietly_close(session, connection)

    def probe(self) -> DatabaseState:
        """Whether the database answers now and can be written; never raises, bounded by the time-outs.

        Blocking: call it off the GUI thread (``db.health.DatabaseWatch`` does, every few seconds).
        """
        started = time.monotonic()
        try:
            self._check_file()
            if self._file is not None and shutil.disk_usage(self._file.parent).free < LOW_DISK:
                raise unavailable("storage.disk_full", self.where)
            with self.unit() as s:  # a write transaction: SQLite takes its write lock, as a save would
                s.execute(text("SELECT 1"))
        except DatabaseUnavailable as exc:
            detail = str(exc.args_map.get("detail", ""))
            self._note(exc.key, detail)
            return DatabaseState(self.where, exc.key, detail, _since(started))
        except ConsoleError as exc:
            return DatabaseState(self.where, exc.key, exc.message, _since(started))
        except Exception as exc:  # a probe reports, it never raises
            log.warning("database probe failed unexpectedly", exc_info=True)
            return DatabaseState(self.where, "storage.failed", _first_line(exc), _since(started))
        self._note("", "")
        return DatabaseState(self.where, seconds=_since(started))

    def dispose(self) -> None:
        self.engine.dispose()

    # ------------------------------------------------------------ the GUI thread's bound

    def _gui_connection(self) -> Connection | None:
        """On the guarded GUI thread of a network database: a connection that answered just now,
        or DatabaseUnavailable at once (away) or after the bound. None elsewhere: the session takes
        its connection from the pool itself, bounded by the time-outs only."""
        gui = self._gui
        if gui is None or not gui.on_gui_thread():
            return None
        if self._away is not None:
            key, detail = self._away
            raise unavailable(key, self.where, detail)
        try:
            return gui.connect()
        except Late as exc:
            raise self._gone_silent(str(exc)) from None
        except BaseException as exc:
            self._raise_for(exc)
            raise

    @contextmanager
    def _watched(self, connection: Connection | None) -> Iterator[None]:
        if connection is None or self._gui is None:
            yield
            return
        with self._gui.watched(connection):
            yield

    def _gone_silent(self, detail: str) -> DatabaseUnavailable:
        self._note("storage.timeout", detail)
        return unavailable("storage.timeout", self.where, detail)

    def _note(self, key: str, detail: str) -> None:
        """What the latest call or probe learnt: away (the server does not answer), or it answered."""
        if self.dialect == "sqlite":
            return
        self._away = (key, detail) if key in AWAY else None

    def _sqlite_begin(self, connection: Connection) -> None:
        if self._gui_ident is not None:  # the GUI thread waits the bound for a lock, others the busy time-out
            gui = threading.get_ident() == self._gui_ident
            waits = BOUND if gui else self.timeouts.busy
            connection.exec_driver_sql(f"PRAGMA busy_timeout = {int(waits * 1000)}")
        _sqlite_begin(connection)

    # ------------------------------------------------------------ faults

    def _remember_file(self) -> None:
        if self._file is not None and self._identity is None:
            self._identity = FileIdentity.of(self._file)

    def _check_file(self) -> None:
        if self._identity is not None:
            self._identity.check()

    def _raise_for(self, exc: BaseException) -> None:
        """Raise the error a person reads for ``exc``; return for errors that stay as they are."""
        if isinstance(exc, ConsoleError):
            return
        if self._gui is not None and self._gui.on_gui_thread() and self._gui.fired:
            self._gui.fired = False
            detail = f"no answer within {self._gui.bound * 1000:.0f} ms"
            log.warning("database away: a call on the GUI thread waited %s", detail)
            raise self._gone_silent(detail) from exc
        if isinstance(exc, StaleDataError):
            raise ConflictError(
                "edit.conflict", "Someone else changed this at the same time; nothing was overwritten"
            ) from exc
        if isinstance(exc, IntegrityError):
            return  # a rule of the schema: the service that knows the rule says what it means
        if isinstance(exc, DBAPIError):
            verdict = judge(exc, self.engine.url)
            if verdict is None:
                return
            if verdict.renew:
                self.engine.dispose()  # connections opened read-only or broken are not reused
            self._note(verdict.error.key, str(verdict.error.args_map.get("detail", "")))
            log.warning("database away: %s", verdict.error)
            raise verdict.error from exc


def _sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    # The driver's own transaction handling would begin only at the first write, after the reads a
    # decision was made on; ``_sqlite_begin`` begins every transaction itself instead.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _sqlite_begin(connection: Connection) -> None:
    immediate = connection.get_execution_options().get("sqlite_immediate", False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def _quietly_roll_back(session: Session) -> None:
    try:
        session.rollback()
    except SQLAlchemyError:
        log.debug("rollback on a connection that is gone", exc_info=True)


def _quietly_close(session: Session, connection: Connection | None = None) -> None:
    try:
        session.close()
        if connection is not None:
            connection.close()  # back to the pool
    except SQLAlchemyError:
        log.debug("closing a session on a connection that is gone", exc_info=True)


def _since(started: float) -> float:
    return round(time.monotonic() - started, 3)


def _redact(url: str) -> str:
    """The URL without its password, for messages and logs."""
    if "@" in url and "://" in url:
        scheme, rest = url.split("://", 1)
        creds, host = rest.rsplit("@", 1)
        user = creds.split(":", 1)[0]
        return f"{scheme}://{user}:***@{host}"
    return url


def _first_line(exc: BaseException) -> str:
    text_ = str(getattr(exc, "orig", None) or exc)
    return text_.strip().splitlines()[0] if text_.strip() else type(exc).__name__
