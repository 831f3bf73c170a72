"""The first step of the start: the window with its lamp field (empty until the database is read), the
call queue and the park area, joined to the PBX, before the database layer is imported. The rest
(``console.compose``) is built once the window has been drawn; until then the status bar says the
database is being opened, and a call that rings is answered with F5 as at any other time."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from console.context import Console, seconds
from hardware.training_pbx import TrainingPbx
from switchboard import demo_hotel
from switchboard.call_queue import CallQueue
from switchboard.clock import Clock
from switchboard.hotel import ExtensionKind
from switchboard.link_monitor import LinkJournal
from switchboard.pbx import LampChanged, LinkStateChanged, PbxPosition
from switchboard.settings import ConsoleSettings
from ui import i18n
from ui.blf_model import BlfModel
from ui.blf_view import LampField
from ui.bridge import EventBridge
from ui.main_window import MainWindow
from ui.park_panel import ParkPanel
from ui.queue_panel import QueuePanel

if TYPE_CHECKING:
    from db.store import Store


@dataclass
class Shell:
    """What stands before the database is open, and what the second step fills in."""

    window: MainWindow
    model: BlfModel
    bridge: EventBridge
    pbx: PbxPosition
    queue: QueuePanel
    park: ParkPanel
    links: LinkJournal = field(default_factory=LinkJournal)
    console: Console | None = None  # once the database is open
    store: Store | None = None
    routes: dict[type, Callable[[object], None]] = field(default_factory=dict)
    name_of: Callable[[str], str] = lambda _number: ""  # the caller's name, once the database is read


def training_pbx(clock: Clock) -> TrainingPbx:
    """The training PBX on the demo hotel's extension plan, every room taken as let until the lamp
    field is read from the database (``TrainingPbx.set_plan``)."""
    plan = demo_hotel.extensions()
    return TrainingPbx(
        clock,
        [e.number for e in plan],
        departments=[e.number for e in plan if e.kind is ExtensionKind.DEPARTMENT],
    )


def build_shell(
    settings: ConsoleSettings, clock: Clock, pbx: PbxPosition, language: str, *, training: bool
) -> Shell:
    """The window, an empty lamp field, the queue and the park area, with the call keys working."""
    chinese = i18n.is_chinese(language)
    model = BlfModel()
    window = MainWindow(
        clock,
        lamp_field=LampField(model, chinese=chinese),
        training=training,
        hotel=demo_hotel.HOTEL_NAME_ZH if chinese and training else demo_hotel.HOTEL_NAME,
        user_name="",
        position=settings.position,
        language=settings.language,
    )
    bridge = EventBridge()
    holder: list[Shell] = []

    def is_dnd(extension: str) -> bool:
        lamp = model.lamp_of(extension)
        return lamp is not None and lamp.dnd

    def operator() -> str:
        console = holder[0].console if holder else None
        return console.actor.user if console is not None else ""

    def name_of(number: str) -> str:
        return holder[0].name_of(number) if holder else ""

    queue_panel, park_panel = build_queue(
        window, settings, clock, pbx, bridge, is_dnd=is_dnd, operator=operator, name_of=name_of
    )
    shell = Shell(window, model, bridge, pbx, queue_panel, park_panel)
    holder.append(shell)

    def route(event: object) -> None:
        """Events for the window's own parts: those the second step adds are in ``shell.routes``."""
        special = shell.routes.get(type(event))
        if special is not None:
            special(event)
            return
        if isinstance(event, LampChanged):
            model.apply(event)
        elif shell.links.take(event) and isinstance(event, LinkStateChanged):
            window.on_event(event)  # raw frames and counters are for the link monitor only

    bridge.arrived.connect(route)
    window.statusBar().showMessage(QCoreApplication.translate("Console", "Opening the database…"))
    return shell


def build_queue(
    window: MainWindow,
    settings: ConsoleSettings,
    clock: Clock,
    pbx: PbxPosition,
    bridge: EventBridge,
    *,
    is_dnd: Callable[[str], bool],
    operator: Callable[[], str],
    name_of: Callable[[str], str],
) -> tuple[QueuePanel, ParkPanel]:
    """The call queue with its keys (F5 answers) and the park area, at the top of the attendant column."""
    attendant = settings.section("attendant")
    queue = CallQueue(
        clock,
        ring_limit_s=seconds(attendant.get("ring_warning_s"), 12.0),
        held_limit_s=seconds(attendant.get("held_warning_s"), 30.0),
    )
    queue_panel = QueuePanel(queue, pbx, is_dnd=is_dnd, operator=operator, name_of=name_of)
    park_panel = ParkPanel(queue, clock, queue_panel.pick_up, name_of=name_of)
    queue_panel.changed.connect(park_panel.refresh)
    window.add_attendant_panel(queue_panel, 3)
    window.add_attendant_panel(park_panel, 1)
    bridge.arrived.connect(queue_panel.on_event)
    queue_panel.failed.connect(lambda text: window.statusBar().showMessage(text, 15_000))

    def emergency(caller: str) -> None:
        text = QCoreApplication.translate("Console", "EMERGENCY CALL from %1: answer with F5")
        window.statusBar().showMessage(text.replace("%1", caller), 60_000)
        QApplication.alert(window, 0)
        QApplication.beep()

    queue_panel.emergency.connect(emergency)
    for key, what in queue_panel.key_list():
        window.add_key(key, what)
    return queue_panel, park_panel
