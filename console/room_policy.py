"""DND and class of service enforced by the PBX itself, when the PBX can be told (``[pbx] policy``).

``policy = kamailio``: the console keeps Kamailio's ``dnd`` and ``cos`` tables equal to its database
over the JSON-RPC at ``[pbx] registrations_url`` (see the README for the routing it needs).
``policy = fias`` (implied by ``[wakeup] mode = pbx`` when ``policy`` is not set): the wake-up link
to the PBX (the dialler process) also sends ``RE`` with ``DN`` and ``CS`` for every room, as far as
the PBX's ``LR`` asked for them; the link's beat says which, and while the PBX takes no ``DN`` the
lamps mark DND as the console's alone.
``policy = none`` (the default otherwise): DND and barring are the console's alone; the log and the
status bar say so once, so nobody believes the PBX refuses calls it does not.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QTimer

from console.context import Console
from db.room_policy import SqlRoomRules
from db.wakeup_book import SqlWakeUpBook
from switchboard.desk import DiallerState
from switchboard.errors import DatabaseUnavailable
from switchboard.room_policy import policy_choice, told_fields
from ui.blf_model import BlfModel
from ui.main_window import MainWindow

log = logging.getLogger("switchboard")


def start_room_policy(console: Console, window: MainWindow) -> None:
    pbx = console.settings.section("pbx")
    wakeup = console.settings.section("wakeup")
    choice = policy_choice(pbx, wakeup)
    lamps = getattr(window.lamp_field, "model", None)
    if console.training or choice == "none":
        if not console.training:
            log.warning("[pbx] policy = none: DND and class of service are kept by the console only")
            if lamps is not None:
                lamps.dnd_console_only = True  # DND lamps marked, their tooltip says the PBX still rings
        return
    if choice == "fias" and wakeup.get("mode", "dial").strip().lower() == "pbx":
        _follow_fias_link(console, window)
        return
    url = pbx.get("registrations_url", "").strip()
    if choice != "kamailio" or not url:
        log.error(
            "[pbx] policy = %s needs kamailio with registrations_url, or fias with [wakeup] mode = pbx;"
            " not enforced",
            choice,
        )
        if lamps is not None:
            lamps.dnd_console_only = True
        window.statusBar().showMessage(
            QCoreApplication.translate(
                "Console", "The PBX is not told about DND and call barring: check [pbx] policy"
            ),
            60_000,
        )
        return
    from hardware.sip.room_policy import KamailioRoomPolicy

    policy = KamailioRoomPolicy(url, SqlRoomRules(console.store).wanted)
    policy.start()
    console.on_quit.append(policy.stop)


def mark_lamps(lamps: BlfModel | None, state: DiallerState | None) -> bool | None:
    """From the wake-up link's beat: DND lamps marked as the console's alone while the PBX takes no DN.
    None (lamps as they were) while no link to the PBX is up: what it took when last up still holds."""
    fields = told_fields(state.detail) if state is not None else None
    if fields is None:
        return None
    console_only = "DN" not in fields
    if lamps is not None:
        lamps.set_dnd_console_only(console_only)
    return console_only


def _follow_fias_link(console: Console, window: MainWindow) -> None:
    """Read the wake-up link's beat every few seconds: the lamps mark DND as the console's alone while
    the PBX takes no DN in RE (its LR did not ask for it), and the status bar says so once."""
    book = SqlWakeUpBook(console.store, console.clock)
    said: list[bool] = []

    def check() -> None:
        try:
            state = book.dialler()
        except DatabaseUnavailable:
            return  # the database watch tells the operator; the lamps keep what they last showed
        console_only = mark_lamps(getattr(window.lamp_field, "model", None), state)
        if console_only and not said:
            said.append(True)
            log.warning("the PBX's FIAS link takes no DN in RE: DND is kept by the console only")
            window.statusBar().showMessage(
                QCoreApplication.translate(
                    "Console", "The PBX did not ask to be told about DND: DND is kept by the console only"
                ),
                60_000,
            )

    check()
    timer = QTimer(window)
    timer.timeout.connect(check)
    timer.start(5_000)
    console.on_quit.append(timer.stop)
