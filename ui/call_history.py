"""The call history panel: one line per transfer, saying who went to whom, when, and what came of it.

The line of a transfer changes in place while the PBX tells more (ringing, then answered or back at the
console), so the operator reads one line per caller sent on, newest first. A privacy guest's name is
never put beside a number here: such a caller shows by number only.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QStringListModel, Qt
from PySide6.QtWidgets import QLabel, QListView, QVBoxLayout, QWidget

from switchboard.screen_pop import CallerInfo, CallerKind
from switchboard.transfer_log import TransferOutcome, TransferResult

MAX_LINES = 200
UNDER_WAY = {TransferResult.RINGING, TransferResult.CAMPED}
WAITED_FOR = {TransferResult.BUSY, TransferResult.NO_ANSWER}
Who = Callable[[str], CallerInfo]


def party_name(info: CallerInfo, chinese: bool) -> str:
    """The name to show beside a number: a guest (with VIP stars), a department or staff; "" if none
    may be shown (privacy) or none is known."""
    if info.kind in (CallerKind.DEPARTMENT, CallerKind.STAFF):
        return info.label_zh if chinese and info.label_zh else info.label
    if info.kind is CallerKind.ROOM and info.is_guest and not info.privacy:
        stars = " " + "★" * info.vip_level if info.vip_level else ""
        return f"{info.guest_name} {info.title}".strip() + stars
    return ""


def result_words() -> dict[TransferResult, str]:
    return {
        TransferResult.ANSWERED: QCoreApplication.translate("CallHistory", "answered"),
        TransferResult.RINGING: QCoreApplication.translate("CallHistory", "ringing there"),
        TransferResult.CAMPED: QCoreApplication.translate("CallHistory", "waiting (camped on)"),
        TransferResult.RECALLED: QCoreApplication.translate(
            "CallHistory", "not answered: back at the console"
        ),
        TransferResult.BUSY: QCoreApplication.translate("CallHistory", "busy: not sent"),
        TransferResult.NO_ANSWER: QCoreApplication.translate("CallHistory", "no answer: not sent"),
        TransferResult.DND: QCoreApplication.translate("CallHistory", "do-not-disturb: not sent"),
        TransferResult.NOT_FOUND: QCoreApplication.translate("CallHistory", "no such extension: not sent"),
        TransferResult.REFUSED: QCoreApplication.translate("CallHistory", "refused by the PBX"),
        TransferResult.CALLER_GONE: QCoreApplication.translate("CallHistory", "caller hung up"),
    }


class CallHistory(QWidget):
    """The outcome lines, newest first."""

    def __init__(self, who: Who, *, chinese: bool = False, parent: Any = None) -> None:
        super().__init__(parent)
        self._who = who
        self._chinese = chinese
        self._lines: list[tuple[str, str, TransferResult, str]] = []  # (call id, target, result, text)
        self.hidden: dict[str, str] = {}  # number never shown (a privacy guest's extension) -> its label
        self.title = QLabel(self.tr("Transfers"))
        self.title.setStyleSheet("font-weight: bold;")
        self.model = QStringListModel(self)
        self.view = QListView()
        self.view.setObjectName("callHistory")
        self.view.setModel(self.model)
        self.view.setWordWrap(True)
        self.view.setMinimumHeight(80)
        self.view.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.view.setResizeMode(QListView.ResizeMode.Adjust)
        # A scroll bar that comes and goes changes the width after the lines were laid out (and cut).
        self.view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.addWidget(self.title)
        layout.addWidget(self.view, 1)

    def party(self, number: str) -> str:
        """``8105 Huang Lei``: the number and, where it may be shown, the name."""
        if number in self.hidden:
            return self.hidden[number]
        name = party_name(self._who(number), self._chinese) if number else ""
        return f"{number} {name}".strip()

    def line(self, outcome: TransferOutcome) -> str:
        return (
            self.tr("%1  %2 → %3: %4")
            .replace("%1", outcome.at.strftime("%H:%M"))
            .replace("%2", self.party(outcome.caller))
            .replace("%3", self.party(outcome.target))
            .replace("%4", result_words()[outcome.result])
        )

    def add(self, outcome: TransferOutcome) -> None:
        """A new outcome, or the next word on a transfer already listed (same call, same target)."""
        line = (outcome.call_id, outcome.target, outcome.result, self.line(outcome))
        for row, (call_id, target, result, _text) in enumerate(self._lines):
            same = call_id == outcome.call_id and target == outcome.target
            waits = outcome.result is TransferResult.CAMPED and result in WAITED_FOR  # "busy", then "wait"
            if same and (result in UNDER_WAY or waits):
                del self._lines[row]  # the same transfer, now further on: its line moves to the top
                break
        self._lines.insert(0, line)
        del self._lines[MAX_LINES:]
        self.model.setStringList(self.texts())

    def texts(self) -> list[str]:
        return [text for _c, _t, _r, text in self._lines]
