"""DND and class of service enforced by the PBX itself, when the PBX can be told (``[pbx] policy``).

``policy = kamailio``: the console keeps Kamailio's ``dnd`` and ``cos`` tables equal to its database
over the JSON-RPC at ``[pbx] registrations_url`` (see the README for the routing it needs).
``policy = none`` (the default): DND and barring are the console's alone; the log and the status
bar say so once, so nobody believes the PBX refuses calls it does not.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication

from console.context import Console
from db.room_policy import SqlRoomRules
from ui.main_window import MainWindow

log = logging.getLogger("switchboard")


def start_room_policy(console: Console, window: MainWindow) -> None:
    pbx = console.settings.section("pbx")
    choice = pbx.get("policy", "none").strip().lower()
    if console.training or choice in ("", "none"):
        if not console.training:
            log.warning("[pbx] policy = none: DND and class of service are kept by the console only")
            lamps = getattr(window.lamp_field, "model", None)
            if lamps is not None:
                lamps.dnd_console_only = True  # DND lamps marked, their tooltip says the PBX still rings
        return
    url = pbx.get("registrations_url", "").strip()
    if choice != "kamailio" or not url:
        log.error("[pbx] policy = %s needs policy = kamailio and registrations_url; not enforced", choice)
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
