"""The wake-up dialler process: ``python main.py --dialler`` (the console starts it by itself).

It runs apart from the console window, so closing or crashing a window does not
stop wake-up calls; see ``hardware/wakeup/dialler.py`` for what it does."""

from __future__ import annotations

import argparse
import logging
import logging.handlers
import os
import signal
import socket
import sys
import threading
from collections.abc import Mapping
from datetime import timedelta
from pathlib import Path
from types import TracebackType

from sqlalchemy.exc import SQLAlchemyError

from db.anchor_file import DIALLER_ANCHOR
from db.roll_calls import SqlRollCalls
from db.room_policy import SqlRoomRules
from db.store import Store, sqlite_url
from db.wakeup_handover import SqlPbxHandover
from db.wakeup_reconcile import ANSWER_WITHIN, SqlDiallerBook, answer_within
from hardware.wakeup.dialler import Dialler, RollCallPause, RollCallTurn, sip_reachable
from hardware.wakeup.journal_file import JournalBusy, JournalFile
from hardware.wakeup.journalled import JournalledBook
from hardware.wakeup.lines import Lines, SipLines, TrainingLines
from hardware.wakeup.pbx_link import PbxWakeUpLink
from hardware.wakeup.roll_caller import RollCaller
from switchboard import settings as console_settings
from switchboard.clock import Clock, SystemClock, zone_named
from switchboard.errors import ConsoleError
from switchboard.roll_call import RETRY_AFTER
from switchboard.room_policy import policy_choice
from switchboard.wakeup_plan import rules_from

SOUNDS = Path(__file__).resolve().parent / "resources" / "sounds"
RECORDINGS = {"en": SOUNDS / "wakeup_en.wav", "zh": SOUNDS / "wakeup_zh.wav"}
DATABASE_VARIABLE = "SWITCHBOARD_DATABASE_URL"  # how the console passes the address (not visible in ps)
log = logging.getLogger("dialler")


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="main.py --dialler", description="The wake-up dialler.")
    parser.add_argument("--dialler", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--settings", type=Path, default=console_settings.settings_path())
    parser.add_argument("--data-dir", type=Path, default=None)
    parser.add_argument("--database", metavar="URL", default=None)
    parser.add_argument("--timezone", default=None)
    args, _ignored = parser.parse_known_args(argv)
    return args


class PromptRollCalls(SqlRollCalls):
    """The roll-call book, asked whether a roll-call runs with the wake-up book's deadline: the
    dialler asks at every turn, and a database that drops packets must not hold its wake-ups."""

    def running_id(self) -> int | None:
        return answer_within(super().running_id, ANSWER_WITHIN)


def roll_caller(book: SqlRollCalls, lines: Lines, clock: Clock, section: Mapping[str, str]) -> RollCaller:
    """The roll-call on the dialler's lines, timed by ``[rollcall]`` ring_seconds (30), listen_seconds
    (20) and retry_seconds (0: how soon a room that did not say 1 or 2 is rung again; 0 rings it on
    the next free line). An unusable value is logged and its default used."""

    def number(key: str, fallback: float, low: float, high: float) -> float:
        text = section.get(key, "").strip()
        if not text:
            return fallback
        try:
            value = float(text)
        except ValueError:
            value = low - 1
        if not low <= value <= high:
            log.warning(
                "[rollcall] %s = %r is not between %g and %g; using %g", key, text, low, high, fallback
            )
            return fallback
        return value

    return RollCaller(
        book,
        lines,
        clock,
        ring_s=number("ring_seconds", 30.0, 5, 120),
        listen_s=number("listen_seconds", 20.0, 5, 120),
        retry_after=timedelta(seconds=number("retry_seconds", RETRY_AFTER.total_seconds(), 0, 3600)),
    )


def main(argv: list[str]) -> int:
    stop = threading.Event()
    why: list[str] = []

    def stopping(number: int, _frame: object) -> None:
        why.append(signal.Signals(number).name)
        stop.set()

    signal.signal(signal.SIGTERM, stopping)  # first: a stop asked for while starting is a stop too
    signal.signal(signal.SIGINT, stopping)
    args = parse_args(argv)
    folder = args.data_dir or console_settings.data_dir()
    folder.mkdir(parents=True, exist_ok=True)
    handler = logging.handlers.RotatingFileHandler(
        folder / "dialler.log", maxBytes=5_000_000, backupCount=5, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.basicConfig(level=logging.INFO, handlers=[handler, logging.StreamHandler()])
    log_what_kills(log)
    try:
        settings = console_settings.load(args.settings)
        url = args.database or os.environ.get(DATABASE_VARIABLE) or settings.database_url
        store = Store(url or sqlite_url(folder / "switchboard.db"), anchor=folder / DIALLER_ANCHOR)
    except ConsoleError as exc:
        log.error("the dialler cannot start: %s", exc)
        return 2
    migrated = True
    try:
        store.migrate()
    except (ConsoleError, SQLAlchemyError, OSError) as exc:  # away now: dial from the journal meanwhile
        log.error("the database cannot be reached at start (%s); the dialler works from its journal", exc)
        migrated = False
    clock = SystemClock(zone_named(args.timezone or settings.section("hotel").get("timezone")))
    rules, notes = rules_from(settings.section("wakeup"))
    for note in notes:
        log.warning("%s", note)
    wakeup = settings.section("wakeup")
    if wakeup.get("mode", "dial").strip().lower() == "pbx":
        url = wakeup.get("pbx_url", "").strip()
        if not url:
            log.error(
                "[wakeup] mode = pbx needs pbx_url (e.g. socket://pbx:5010); due calls go to the operators"
            )
            return 2
        log.info("wake-ups are handed to the PBX at %s", url)
        told = policy_choice(settings.section("pbx"), wakeup) == "fias"  # RE with DN and CS on this link
        PbxWakeUpLink(
            url,
            SqlPbxHandover(store, clock),
            clock.now,
            rooms=SqlRoomRules(store).by_room if told else None,
            serial_framing=wakeup.get("pbx_serial_framing", "").strip().lower() in ("yes", "true", "1", "on"),
        ).run(stop)
        store.dispose()
        log.info("dialler stopped (%s)", ", ".join(why) or "asked to")
        return 0
    try:
        journal = JournalFile(folder, rules)
    except JournalBusy as exc:
        log.error("the dialler does not start: %s", exc)
        return 3
    server = settings.section("pbx").get("server", "").strip()
    lines: Lines
    loopback = server.startswith(("127.", "localhost"))  # a PBX on this machine: stay on loopback
    if settings.pbx_mode == "sip" and server:
        pbx = settings.section("pbx")
        lines = SipLines(
            server,
            rules.lines,
            host=pbx.get("local_address", "127.0.0.1" if loopback else ""),
            log_path=folder / "lines.log",
            # besides the PBX's own addresses, who may speak in the lines' calls (a cluster's other nodes)
            trusted=pbx.get("trusted", "").split(","),
        )
        reachable = lambda: sip_reachable(server)  # noqa: E731
    else:
        longest = (rules.ring_time + rules.listen_time).total_seconds()  # no call lasts longer
        lines, reachable = TrainingLines(rules.lines, (min(3.0, longest / 2), min(12.0, longest))), None
    name = f"dialler@{socket.gethostname()}"
    log.info(
        "dialler %s started: %d lines, %s", name, rules.lines, "SIP " + server if reachable else "training"
    )
    book = JournalledBook(SqlDiallerBook(store, clock, rules, migrate=not migrated), journal, clock.now)
    roll_calls = PromptRollCalls(store, clock)
    # On a SIP PBX the dialler rings an evacuation roll-call; in training mode the console rings it on
    # its own training lines. Either way the wake-ups wait while it runs.
    roll_call: RollCallTurn = (
        roll_caller(roll_calls, lines, clock, settings.section("rollcall"))
        if reachable
        else RollCallPause(roll_calls.running_id)
    )
    dialler = Dialler(
        book,
        lines,
        rules,
        RECORDINGS,
        name=name,
        reachable=reachable,
        roll_call=roll_call,
        away=lambda: book.away,
    )
    try:
        dialler.run(stop)
    finally:
        book.close()
        store.dispose()
    log.info("dialler stopped (%s)", ", ".join(why) or "asked to")
    return 0


def log_what_kills(logger: logging.Logger) -> None:
    """An exception nobody caught goes to the dialler's log, not only to a console nobody reads."""

    def unhandled(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        logger.critical("the dialler stops on an unexpected error", exc_info=(kind, exc, tb))

    def unhandled_in_thread(args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            logger.critical(
                "thread %s died",
                args.thread.name if args.thread else "?",
                exc_info=(args.exc_type, args.exc_value, args.exc_traceback),
            )

    sys.excepthook = unhandled
    threading.excepthook = unhandled_in_thread


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
