"""What the wiring modules share: the console's parts and the settings readers."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication, QWidget

from switchboard import demo_hotel
from switchboard.auth import User
from switchboard.clock import Clock
from switchboard.fias.front_desk import PmsFrontDesk
from switchboard.hotel import Actor, Housekeeping
from switchboard.link_monitor import LinkJournal
from switchboard.pbx import PbxPosition
from switchboard.settings import ConsoleSettings
from ui.bridge import EventBridge

if TYPE_CHECKING:  # the database layer (SQLAlchemy) loads after the window is first drawn
    from db.store import Store
    from db.users import UserDirectory

log = logging.getLogger("switchboard")


@dataclass
class Console:
    """What the pages are built from."""

    app: QApplication
    settings: ConsoleSettings
    settings_file: Path
    data_dir: Path
    clock: Clock
    store: Store
    users: UserDirectory
    pbx: PbxPosition
    bridge: EventBridge
    language: str
    training: bool
    user: User | None = None
    panels: dict[str, QWidget] = field(default_factory=dict)
    sign_in_id: int | None = None
    headless: bool = False
    on_quit: list[Callable[[], None]] = field(default_factory=list)
    links: LinkJournal = field(default_factory=LinkJournal)  # what the link monitor shows
    on_user: list[Callable[[], None]] = field(default_factory=list)  # someone signed in or out
    # a room's maid status set at this console: (room, status, occupied), e.g. the PMS link's RE RS
    housekeeping_news: list[Callable[[str, Housekeeping, bool], None]] = field(default_factory=list)
    # a message from the PMS delivered at this console: (room, reservation, PMS number), e.g. its XD
    pms_message_delivered: list[Callable[[str, str, str], None]] = field(default_factory=list)
    pms_desk: PmsFrontDesk | None = None  # the PMS link's front desk, when [pms] url is set

    def __setattr__(self, name: str, value: object) -> None:
        super().__setattr__(name, value)
        if name == "user":  # what the menus offer follows who is signed in
            for hook in self.__dict__.get("on_user", ()):
                hook()

    @property
    def actor(self) -> Actor:
        if self.user is None:
            return Actor(user="?", position=self.settings.position)
        return Actor(user=self.user.username, position=self.settings.position, role=self.user.role)

    def hotel_name(self) -> str:
        return demo_hotel.HOTEL_NAME if self.training else self.settings.section("hotel").get("name", "")


def seconds(value: str | None, default: float) -> float:
    """A number of seconds from the settings; anything unusable means the default (and is logged)."""
    if not value:
        return default
    try:
        number = float(value)
    except ValueError:
        log.warning("setting %r is not a number of seconds; using %s", value, default)
        return default
    return number if 1 <= number <= 600 else default


def yes(text: str | None) -> bool:
    """A yes/no setting."""
    return (text or "").strip().lower() in ("yes", "true", "1", "on")
