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
(``LIVE_WINDOW``).
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from datetime import datetime, timedelta

from switchboard.dialoginfo import Dialog, DialogInfo
from switchboard.emergency import EmergencyDialled, EmergencyNumbers, Source

log = logging.getLogger(__name__)

LIVE_STATES = frozenset({"trying", "proceeding", "early", "confirmed"})
UNKEYED = "dialog:"  # the call key of a dialog the notifier gave no Call-ID
LIVE_WINDOW = timedelta(minutes=1)  # an unkeyed dialog this close to a live alarm is the same call
MAX_CALL_ID = 200  # the alarm book's call key column
REMEMBERED = 512  # calls already told, per position: each NOTIFY of the call names it again


def user_of(uri: str) -> str:
    """The user part of a ``sip:``, ``sips:`` or ``tel:`` URI (``<sip:0110@pbx;user=phone>`` -> ``0110``),
    or "" for anything else."""
    text = uri.strip()
    if text.startswith("<") and text.endswith(">"):
        text = text[1:-1].strip()
    scheme, colon, rest = text.partition(":")
    if not colon or scheme.lower() not in ("sip", "sips", "tel"):
        return ""
    if scheme.lower() == "tel":
        return rest.split(";", 1)[0]
    user, at, _host = rest.rpartition("@")  # "110@x@pbx" is not 110
    return user.split(";", 1)[0] if at else ""


def _call_key(extension: str, dialog: Dialog, at: datetime) -> str:
    call_id = dialog.call_id
    if 0 < len(call_id) <= MAX_CALL_ID and call_id.isascii() and call_id.isprintable():
        return call_id
    ident = "".join(ch for ch in dialog.id if (ch.isascii() and ch.isalnum()) or ch in "-_.")[:64]
    return f"{UNKEYED}{extension}:{ident}:{at:%Y%m%d%H%M}"


def emergency_in(
    extension: str, info: DialogInfo, numbers: EmergencyNumbers, at: datetime
) -> list[EmergencyDialled]:
    """Each live call in ``info`` that ``extension`` placed to an emergency number. A terminated dialog
    raises nothing here: a call both live paths missed is the call records' to raise."""
    if not extension.isascii() or not extension.isdigit():
        return []
    entity = user_of(info.entity)
    if entity and entity != extension:
        log.warning("dialog-info for %r in the subscription of %s ignored", entity[:40], extension)
        return []
    found: list[EmergencyDialled] = []
    for dialog in info.dialogs:
        if dialog.direction != "initiator" or dialog.state not in LIVE_STATES:
            continue
        number = numbers.match(user_of(dialog.remote_identity)) or numbers.match(
            user_of(dialog.remote_target)
        )
        if number is not None:
            key = _call_key(extension, dialog, at)
            found.append(EmergencyDialled(key, extension, number, at, Source.LAMPS))
    return found


class EmergencyDialogs:
    """Tells each emergency call once per position, however many NOTIFYs name it (trying, early,
    confirmed): the alarm book would make them one alarm anyway, this spares it the asking."""

    def __init__(self) -> None:
        self._told: OrderedDict[tuple[str, str], None] = OrderedDict()

    def heard(
        self, extension: str, info: DialogInfo, numbers: EmergencyNumbers, at: datetime
    ) -> list[EmergencyDialled]:
        fresh: list[EmergencyDialled] = []
        for dialled in emergency_in(extension, info, numbers, at):
            key = dialled.call_key
            seen = (extension, key.rsplit(":", 1)[0] if key.startswith(UNKEYED) else key)  # not the minute
            if seen in self._told:
                continue
            self._told[seen] = None
            if len(self._told) > REMEMBERED:
                self._told.popitem(last=False)
            fresh.append(dialled)
        return fresh
