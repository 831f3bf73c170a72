"""The second live path of the emergency alarm: the lamp field's dialog-info.

The console subscribes to every room's dialog state for its lamps. When a room's telephone places a call
(``direction="initiator"``, RFC 4235 §4.1.6.1), the PBX names whom it called in ``<remote><identity>``
and ``<remote><target>``; if that is an emergency number (bare or after the outside-line prefix, the
same rule as the PBX's MESSAGE), the position hears of it as an ``EmergencyDialled`` with
``Source.LAMPS``.

One call, one alarm: the key is the dialog's Call-ID, the same Call-ID the PBX's MESSAGE carries (the
lab's Kamailio sends ``$ci`` in both), so the database's unique call key makes the two paths, and every
position, one alarm. A notifier that leaves the Call-ID out gets a key of the extension, the dialog id
and the minute, and the alarm book matches it to a live alarm of the same room and number close in time
(``LIVE_WINDOW``), or to an alarm of the same room and number whose call is still up.

When the room hangs up, the dialog's ``terminated`` state tells the position so
(``EmergencyCallEnded``, with the Call-ID, or the room and dialog id without one) and the alarm stops
saying the call is up. Ending never raises: a terminated dialog no alarm knows of changes nothing.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from datetime import datetime, timedelta

from switchboard.dialoginfo import Dialog, DialogInfo, names_extension, user_of
from switchboard.emergency import EmergencyCallEnded, EmergencyDialled, EmergencyNumbers, Source

log = logging.getLogger(__name__)

LIVE_STATES = frozenset({"trying", "proceeding", "early", "confirmed"})
UNKEYED = "dialog:"  # the call key of a dialog the notifier gave no Call-ID
LIVE_WINDOW = timedelta(minutes=1)  # an unkeyed dialog this close to a live alarm is the same call
MAX_CALL_ID = 200  # the alarm book's call key column
REMEMBERED = 512  # calls already told, per position: each NOTIFY of the call names it again


def _ident(dialog: Dialog) -> str:
    return "".join(ch for ch in dialog.id if (ch.isascii() and ch.isalnum()) or ch in "-_.")[:64]


def _call_id(dialog: Dialog) -> str:
    call_id = dialog.call_id
    ok = 0 < len(call_id) <= MAX_CALL_ID and call_id.isascii() and call_id.isprintable()
    return call_id if ok else ""


def _call_key(extension: str, dialog: Dialog, at: datetime) -> str:
    return _call_id(dialog) or f"{UNKEYED}{extension}:{_ident(dialog)}:{at:%Y%m%d%H%M}"


def ended_key(extension: str, dialog: Dialog) -> str:
    """The key an ended call is told with: its Call-ID, or ``dialog:EXT:ID`` (the told key without its
    minute, which the alarm book matches as a prefix)."""
    return _call_id(dialog) or f"{UNKEYED}{extension}:{_ident(dialog)}"


def _placed(extension: str, info: DialogInfo, numbers: EmergencyNumbers) -> list[tuple[Dialog, str]]:
    """The dialogs of ``info`` that ``extension`` placed to an emergency number, with the number."""
    if not extension.isascii() or not extension.isdigit():
        return []
    if not names_extension(info, extension):
        log.warning("dialog-info for %r in the subscription of %s ignored", info.entity[:60], extension)
        return []
    found: list[tuple[Dialog, str]] = []
    for dialog in info.dialogs:
        if dialog.direction != "initiator":
            continue
        number = numbers.match(user_of(dialog.remote_identity)) or numbers.match(
            user_of(dialog.remote_target)
        )
        if number is not None:
            found.append((dialog, number))
    return found


def emergency_in(
    extension: str, info: DialogInfo, numbers: EmergencyNumbers, at: datetime
) -> list[EmergencyDialled]:
    """Each live call in ``info`` that ``extension`` placed to an emergency number. A terminated dialog
    raises nothing here: a call both live paths missed is the call records' to raise."""
    return [
        EmergencyDialled(_call_key(extension, dialog, at), extension, number, at, Source.LAMPS)
        for dialog, number in _placed(extension, info, numbers)
        if dialog.state in LIVE_STATES
    ]


def ended_in(
    extension: str, info: DialogInfo, numbers: EmergencyNumbers, at: datetime
) -> list[EmergencyCallEnded]:
    """Each emergency call in ``info`` that ``extension`` placed and that is over (RFC 4235 §4.1.6.2:
    ``terminated``)."""
    return [
        EmergencyCallEnded(ended_key(extension, dialog), extension, number, at)
        for dialog, number in _placed(extension, info, numbers)
        if dialog.state == "terminated"
    ]


class EmergencyDialogs:
    """Tells each emergency call once per position, however many NOTIFYs name it (trying, early,
    confirmed): the alarm book would make them one alarm anyway, this spares it the asking."""

    def __init__(self) -> None:
        self._told: OrderedDict[tuple[str, str], None] = OrderedDict()
        self._ended: OrderedDict[tuple[str, str], None] = OrderedDict()

    def heard(
        self, extension: str, info: DialogInfo, numbers: EmergencyNumbers, at: datetime
    ) -> list[EmergencyDialled]:
        fresh: list[EmergencyDialled] = []
        for dialled in emergency_in(extension, info, numbers, at):
            key = dialled.call_key
            seen = (extension, key.rsplit(":", 1)[0] if key.startswith(UNKEYED) else key)  # not the minute
            if seen in self._told:
                continue
            _remember(self._told, seen)
            fresh.append(dialled)
        return fresh

    def ended(
        self, extension: str, info: DialogInfo, numbers: EmergencyNumbers, at: datetime
    ) -> list[EmergencyCallEnded]:
        """Each emergency call of ``extension`` over, told once per position (a renewed subscription's
        first document may name the terminated call again)."""
        fresh: list[EmergencyCallEnded] = []
        for over in ended_in(extension, info, numbers, at):
            seen = (extension, over.call_key)
            if seen in self._ended:
                continue
            _remember(self._ended, seen)
            fresh.append(over)
        return fresh


def _remember(seen: OrderedDict[tuple[str, str], None], key: tuple[str, str]) -> None:
    seen[key] = None
    if len(seen) > REMEMBERED:
        seen.popitem(last=False)
