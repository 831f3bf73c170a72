"""The console's command line, its log file and how a start-up problem is told."""

from __future__ import annotations

import argparse
import logging
import logging.handlers
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox

from switchboard import settings as console_settings

log = logging.getLogger("switchboard")

SCREENSHOT_WAIT_MS = 2500


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="main.py",
        description="Hotel switchboard console. Without options: the settings file, or the training PBX "
        "with the demo hotel in a database in your user data folder.",
    )
    parser.add_argument(
        "--settings",
        type=Path,
        help="settings file (default: %(default)s)",
        default=console_settings.settings_path(),
    )
    parser.add_argument(
        "--data-dir",
        type=Path,
        default=None,
        help=f"folder for the database and logs (default: {console_settings.data_dir()})",
    )
    parser.add_argument(
        "--database",
        metavar="URL",
        default=None,
        help="SQLAlchemy database address, e.g. postgresql+psycopg://user@host/db",
    )
    parser.add_argument(
        "--language",
        choices=["zh_CN", "en"],
        default=None,
        help="user interface language (default: the setting, else the system's)",
    )
    parser.add_argument(
        "--screenshot",
        type=Path,
        metavar="PATH",
        default=None,
        help="start, wait until the window has drawn, save a PNG of it to PATH and exit",
    )
    parser.add_argument("--timezone", default=None, help="the hotel's time zone, e.g. Asia/Shanghai")
    parser.add_argument(
        "--wait",
        type=float,
        default=SCREENSHOT_WAIT_MS / 1000,
        metavar="SECONDS",
        help="with --screenshot: how long the console runs before the picture (default %(default)s)",
    )
    parser.add_argument(
        "--page",
        type=int,
        default=0,
        metavar="N",
        help="with --screenshot: show page N (0 is the lamp field)",
    )
    parser.add_argument(
        "--answer-first",
        action="store_true",
        help="with --screenshot: answer the first waiting call before the picture (shows the screen pop)",
    )
    parser.add_argument("--quit-when-drawn", action="store_true", help=argparse.SUPPRESS)  # bench/startup.py
    return parser.parse_args(argv)


def setup_logging(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    handler = logging.handlers.RotatingFileHandler(
        folder / "console.log", maxBytes=5_000_000, backupCount=5, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)


def tell(text: str, *, headless: bool) -> None:
    """A start-up problem, in words: on stderr always, in a box when someone is looking."""
    print(text, file=sys.stderr)
    log.error("%s", text)
    if not headless:
        QMessageBox.critical(None, QCoreApplication.translate("Console", "Switchboard"), text)


def tell_beside(text: str) -> QMessageBox:
    """A start-up problem met once the window is up and answering calls (the training start's second
    step): said as ``tell`` says it, in a box that blocks no window, so the call keys (F5, F6...) go on
    working until the operator has read it. Closing it is the caller's to act on (``finished``)."""
    print(text, file=sys.stderr)
    log.error("%s", text)
    box = QMessageBox(QMessageBox.Icon.Critical, QCoreApplication.translate("Console", "Switchboard"), text)
    # Modal to its parent window only, and it has none: no window is blocked, yet it is the console's
    # box in front (QApplication.activeModalWidget), kept above the window the operator works in.
    box.setWindowModality(Qt.WindowModality.WindowModal)
    box.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint)
    box.show()
    return box
