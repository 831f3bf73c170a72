"""Emergency calls on every position: the alarm above the queue, its acknowledgement, the call-out
when nobody acknowledges, and the ways the console hears of such a call (the PBX, the call records,
the trainer)."""

from __future__ import annotations

import logging
import random
from datetime import timedelta

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication

from console.callout import CallOut
from console.context import Console
from db.emergencies import SqlEmergencies
from db.lamp_field import SqlLampField
from switchboard.emergency import Alarm, EmergencyCallEnded, EmergencyDialled, EmergencyNumbers, Source
from switchboard.errors import ConsoleError
from switchboard.hotel import Actor
from ui.emergency_banner import ACK_KEY, EmergencyBanner
from ui.errors import explain
from ui.main_window import MainWindow

log = logging.getLogger("switchboard")


class EmergencyDesk:
    """What this position does with emergency calls. ``heard`` takes an ``EmergencyDialled`` on the
    GUI thread (from the bridge, the call records or the trainer)."""

    def __init__(self, console: Console, window: MainWindow) -> None:
        self.console = console
        self.window = window
        section = console.settings.section("emergency")
        self.numbers = EmergencyNumbers.from_settings(section)
        try:
            within = float(section.get("acknowledge_within_s", "30"))
        except ValueError:
            within = 30.0
        self.within = timedelta(seconds=min(max(within, 5.0), 600.0))
        self.book = SqlEmergencies(console.store, console.clock)
        self.callout = CallOut(console, window)
        self.banner = EmergencyBanner(console.clock.now)
        self.banner.acknowledge.connect(self.acknowledge)
        window.attendant.insertWidget(0, self.banner)  # above the queue
        self._seen: set[int] = set()
        self.refresh_timer = QTimer(window)
        self.refresh_timer.timeout.connect(self.refresh)
        self.refresh_timer.start(1000)  # another position's alarm, or its acknowledgement, within a second
        console.on_quit.append(self.refresh_timer.stop)

    @property
    def link(self) -> Actor:
        """The PBX raised it, through this position."""
        return Actor.link(self.console.settings.position)

    def heard(self, dialled: EmergencyDialled) -> None:
        try:
            alarm, new = self.book.raise_alarm(dialled, self.link)
        except ConsoleError as exc:
            log.error("emergency call from %s to %s not recorded: %s", dialled.extension, dialled.number, exc)
            self.window.show_alarm(  # the database is away: the operator must still know at once
                QCoreApplication.translate("Console", "EMERGENCY %1 dialled from extension %2")
                .replace("%1", dialled.number)
                .replace("%2", dialled.extension)
            )
            return
        if new:
            log.warning("EMERGENCY: extension %s dialled %s", alarm.extension, alarm.number)
        self.refresh()

    def call_ended(self, over: EmergencyCallEnded) -> None:
        """The room hung up: the banner stops saying the call is still up, on every position."""
        try:
            self.book.call_ended(over, self.link)
        except ConsoleError as exc:
            log.warning("the end of the emergency call from %s not recorded: %s", over.extension, exc)
            return
        self.refresh()

    def refresh(self) -> None:
        try:
            alarms = self.book.open_alarms()
            now = self.console.clock.now()
            overdue = [a for a in alarms if a.overdue(now, self.within)]
            called = [a for a in overdue if self.book.escalated(a.id, self.link)]  # one position each
            if overdue:
                alarms = self.book.open_alarms()
        except ConsoleError as exc:
            log.warning("emergency alarms not read: %s", exc)
            return
        fresh = [a for a in alarms if a.id not in self._seen]
        self._seen.update(a.id for a in alarms)
        self.banner.show_alarms(alarms)
        if fresh:  # cannot be missed: the window comes to the front and the task bar flashes
            self.window.show()
            self.window.raise_()
            QApplication.alert(self.window, 0)
        for alarm in called:
            self.call_out(alarm)

    def call_out(self, alarm: Alarm) -> None:
        """Nobody acknowledged in time: the duty manager and security are called on the wake-up lines
        with a message naming the room (``[emergency] call_out`` = their extensions)."""
        where = alarm.room or alarm.extension
        log.error(
            "EMERGENCY from %s (%s) not acknowledged: calling out %s",
            where,
            alarm.number,
            self.callout.extensions,
        )
        self.window.statusBar().showMessage(
            QCoreApplication.translate(
                "Console", "Emergency from %1 not acknowledged: calling the duty manager and security"
            ).replace("%1", where),
            60_000,
        )
        self.callout.place(alarm)

    def acknowledge(self, alarm_id: int) -> None:
        try:
            alarm = self.book.acknowledge(alarm_id, self.console.actor)
        except ConsoleError as exc:
            self.window.statusBar().showMessage(explain(exc), 15_000)
            return
        if alarm.acknowledged_by != self.console.actor.user:
            self.window.statusBar().showMessage(
                QCoreApplication.translate("Console", "Already acknowledged by %1").replace(
                    "%1", alarm.acknowledged_by
                ),
                10_000,
            )
        self.refresh()


def start_emergency_desk(console: Console, window: MainWindow) -> EmergencyDesk:
    desk = EmergencyDesk(console, window)
    window.add_console_action(
        QCoreApplication.translate("Console", "&Acknowledge the emergency call"),
        ACK_KEY,
        desk.banner.acknowledge_first,
    )
    if console.training:
        lamps = SqlLampField(console.store)

        def simulate() -> None:
            rooms = [lamp.extension for lamp in lamps.field_lamps() if lamp.occupied]
            if not rooms:
                return
            extension = random.choice(rooms)
            now = console.clock.now()
            desk.heard(
                EmergencyDialled(f"training-{now.timestamp()}", extension, "110", now, Source.TRAINING)
            )

        window.add_console_action(
            QCoreApplication.translate("Console", "Training: a room dials &110"), "Ctrl+Alt+E", simulate
        )
    desk.refresh()  # alarms still open from before a restart
    return desk
