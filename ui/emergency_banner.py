"""The emergency alarm above the call queue: who dialled which emergency number, and who is in that
room, until a person acknowledges it. Not a box: the call keys go on working while it shows."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from switchboard.emergency import Alarm, Occupant
from ui.wings import wing_text

ACK_KEY = "Ctrl+Shift+E"
BEEP_EVERY_MS = 1500


class EmergencyBanner(QFrame):
    """Shows every open alarm, newest first; hidden while there is none. ``acknowledge`` carries the
    alarm's id. ``sound`` is what makes the alarm heard (a beep by default)."""

    acknowledge = Signal(int)

    def __init__(
        self,
        now: Callable[[], datetime],
        *,
        sound: Callable[[], None] = QApplication.beep,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("emergencyBanner")
        self.setStyleSheet(
            "#emergencyBanner { background: #b00020; border-radius: 6px; }"
            "#emergencyBanner QLabel { color: white; }"
            "#emergencyBanner QPushButton { background: white; color: #b00020; font-weight: bold; }"
        )
        self._now = now
        self._sound = sound
        self._alarms: list[Alarm] = []
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 15pt; font-weight: bold;")
        self.title.setWordWrap(True)
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.ack = QPushButton()
        self.ack.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # never takes the keyboard from the call keys
        self.ack.clicked.connect(self._acknowledge_first)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.ack)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.details)
        # as tall as its words: the queue below keeps its room
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self._beeper = QTimer(self)
        self._beeper.timeout.connect(self._beep)
        self.setVisible(False)

    @property
    def alarms(self) -> Sequence[Alarm]:
        return tuple(self._alarms)

    def show_alarms(self, alarms: Sequence[Alarm]) -> None:
        """The open alarms as the database has them now."""
        self._alarms = sorted((a for a in alarms if a.open), key=lambda a: a.at, reverse=True)
        if not self._alarms:
            self._beeper.stop()
            self.setVisible(False)
            return
        first = self._alarms[0]
        self.title.setText(self._short(first))  # a few words that fit: the rest below
        lines = [self._headline(first), self._describe(first)]
        lines += [self._headline(a) for a in self._alarms[1:]]
        self.details.setText("\n".join(lines))
        self.ack.setText(self.tr("Acknowledge (%1)").replace("%1", ACK_KEY))
        self.setMinimumHeight(self.sizeHint().height())  # never squeezed out of sight by the column
        if not self.isVisible():
            self.setVisible(True)
            self._beep()
        if not self._beeper.isActive():
            self._beeper.start(BEEP_EVERY_MS)

    def acknowledge_first(self) -> None:
        """The key: acknowledges the newest open alarm."""
        self._acknowledge_first()

    def _acknowledge_first(self) -> None:
        if self._alarms:
            self.acknowledge.emit(self._alarms[0].id)

    def _beep(self) -> None:
        self._sound()

    def _headline(self, alarm: Alarm) -> str:
        where = (
            self.tr("Room %1").replace("%1", alarm.room)
            if alarm.room
            else self.tr("Extension %1").replace("%1", alarm.extension)
        )
        state = self.tr("call still up") if alarm.up else self.tr("call ended")
        return (
            self.tr("EMERGENCY %1 dialled from %2 at %3 (%4)")
            .replace("%1", alarm.number)
            .replace("%2", where)
            .replace("%3", f"{alarm.at.astimezone(self._now().tzinfo):%H:%M:%S}")
            .replace("%4", state)
        )

    def _short(self, alarm: Alarm) -> str:
        where = alarm.room or alarm.extension
        return self.tr("EMERGENCY %1 · room %2").replace("%1", alarm.number).replace("%2", where)

    def _describe(self, alarm: Alarm) -> str:
        lines = []
        if alarm.floor is not None and alarm.wing:
            lines.append(
                self.tr("Floor %1 · %2 · extension %3")
                .replace("%1", str(alarm.floor))
                .replace("%2", wing_text(alarm.wing))
                .replace("%3", alarm.extension)
            )
        elif alarm.floor is not None:
            lines.append(
                self.tr("Floor %1 · extension %2")
                .replace("%1", str(alarm.floor))
                .replace("%2", alarm.extension)
            )
        if not alarm.occupants and alarm.room:
            lines.append(self.tr("Nobody is checked in to this room."))
        lines += [self._occupant(o) for o in alarm.occupants]
        if alarm.escalated_at is not None:
            lines.append(self.tr("Not acknowledged in time: duty manager and security called."))
        return "\n".join(lines)

    def _occupant(self, guest: Occupant) -> str:
        parts = [f"{guest.title} {guest.name}".strip()]
        if guest.privacy:  # the guest's own call, like the screen pop: the name with the warning
            parts.append(self.tr("PRIVACY: not to be named to callers"))
        if guest.vip_level:
            parts.append(self.tr("VIP %1").replace("%1", str(guest.vip_level)))
        if guest.language:
            parts.append(self.tr("speaks %1").replace("%1", guest.language))
        if guest.party:
            parts.append(self.tr("with %1").replace("%1", guest.party))
        if guest.notes:
            parts.append(self.tr("notes: %1").replace("%1", guest.notes))
        return " · ".join(parts)
