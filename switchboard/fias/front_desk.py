"""What the PMS's records mean for the hotel: FIAS records onto FrontOffice and WakeUpDesk.

The PMS is one more source of changes, so its records call the same front-office
methods an operator's actions do (one path into the database, one audit trail).
A record that cannot be applied is logged and counted; the link carries on.
"""

from __future__ import annotations

import enum
import logging
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from switchboard.errors import ConsoleError
from switchboard.fias.records import FiasRecord
from switchboard.frontoffice import CheckIn, FrontOffice, GuestChange, WakeUpDesk
from switchboard.hotel import Actor, Housekeeping

log = logging.getLogger(__name__)

# RE RS maid-status codes; the vacant/occupied half lives in the stay, not here.
MAID_STATUS = {"1": Housekeeping.DIRTY, "2": Housekeeping.DIRTY, "3": Housekeeping.CLEAN,
               "4": Housekeeping.CLEAN, "5": Housekeeping.INSPECTED, "6": Housekeeping.INSPECTED}
MAID_CODE = {Housekeeping.DIRTY: "1", Housekeeping.CLEAN: "3", Housekeeping.INSPECTED: "5"}

# The spec: a GI applies defaults to fields not sent. A guest the PMS sent without a name is
# still checked in (the line must work) under this name, and the front desk is told to ask.
NAMELESS = "(?)"


class DeskNoticeKind(enum.Enum):
    NAME_MISSING = "pms.name_missing"


@dataclass(frozen=True, slots=True)
class DeskNotice:
    """Something the front desk must look at, from a PMS record the console applied as best it could."""

    kind: DeskNoticeKind
    room: str
    reservation: str


def _date(text: str) -> date | None:
    try:
        return datetime.strptime(text, "%y%m%d").date() if text else None
    except ValueError:
        return None


def _flag(text: str) -> bool | None:
    return {"Y": True, "N": False}.get(text.upper()) if text else None


def _level(text: str) -> int | None:
    return int(text) if text.isdigit() else None


class PmsFrontDesk:
    """Applies PMS records; ``send`` takes records for the PMS (the session queues them)."""

    def __init__(self, front_office: FrontOffice, wakeups: WakeUpDesk,
                 send: Callable[[FiasRecord], object], actor: Actor | None = None) -> None:
        self._front = front_office
        self._wakeups = wakeups
        self._send = send
        self._actor = actor or Actor.link("PMS")
        # WA must echo the DA/TI exactly as the WR sent them, so keep the originals.
        self._requested: dict[tuple[str, datetime], tuple[str, str]] = {}
        # Wake-ups already given their WA: the PMS repeating the WR (after a reconnect) gets no other.
        self._answered: deque[tuple[str, datetime]] = deque(maxlen=2000)
        self.on_notice: Callable[[DeskNotice], None] = lambda _notice: None
        self.applied = 0
        self.failed = 0
        self.unknown = 0

    def apply(self, rec: FiasRecord) -> None:
        handler = getattr(self, "_on_" + rec.kind, None)
        if handler is None:
            self.unknown += 1
            log.info("FIAS record %s ignored (not used by the console)", rec.kind)
            return
        try:
            handler(rec)
        except (ConsoleError, ValueError) as exc:
            self.failed += 1
            log.warning("FIAS %s not applied: %s (%s)", rec.kind, exc, rec)
        else:
            self.applied += 1

    # --- guests ------------------------------------------------------------
    def _check_in(self, rec: FiasRecord) -> CheckIn:
        return CheckIn(
            room=rec.get("RN"), name=rec.get("GN").strip() or NAMELESS, reservation=rec.get("G#"),
            first_name=rec.get("GF"), title=rec.get("GT"), language=rec.get("GL"),
            vip_level=_level(rec.get("GV")) or 0, arrival=_date(rec.get("GA")),
            departure=_date(rec.get("GD")), group=rec.get("GG"), share=_flag(rec.get("GS")) is True,
            class_of_service=_level(rec.get("CS")),
        )

    def _change(self, rec: FiasRecord, room: str) -> GuestChange:
        def given(field: str) -> str | None:
            # An empty field is "not sent" (the spec: only the statuses present change).
            return rec.get(field) or None
        return GuestChange(
            room=room, reservation=rec.get("G#"), name=given("GN"), first_name=given("GF"),
            title=given("GT"), language=given("GL"), vip_level=_level(rec.get("GV")),
            departure=_date(rec.get("GD")), class_of_service=_level(rec.get("CS")),
            group=given("GG"), arrival=_date(rec.get("GA")), share=_flag(rec.get("GS")),
        )

    def _class_of_service(self, rec: FiasRecord, room: str) -> None:
        """CS belongs to the room's line: set it whichever way the guest came in or changed."""
        level = _level(rec.get("CS"))
        if level is not None:
            self._front.set_class_of_service(room, level, self._actor)

    def _on_GI(self, rec: FiasRecord) -> None:
        if rec.has("SF"):
            # In a resync the guest may already be in: the last record for a room wins.
            try:
                self._front.change_guest(self._change(rec, rec.get("RN")), self._actor)
            except ConsoleError:
                pass
            else:
                self._class_of_service(rec, rec.get("RN"))
                return
        self._front.check_in(self._check_in(rec), self._actor)
        self._class_of_service(rec, rec.get("RN"))
        if not rec.get("GN").strip():
            log.warning("PMS checked room %s in without a guest name; the front desk is asked", rec.get("RN"))
            self.on_notice(DeskNotice(DeskNoticeKind.NAME_MISSING, rec.get("RN"), rec.get("G#")))

    def _on_GO(self, rec: FiasRecord) -> None:
        self._front.check_out(rec.get("RN"), rec.get("G#"), self._actor)

    def _on_GC(self, rec: FiasRecord) -> None:
        room = rec.get("RN")
        if rec.get("RO") and rec.get("RO") != room:
            self._front.move_room(rec.get("RO"), room, rec.get("G#"), self._actor)
        change = self._change(rec, room)
        if any(v is not None for v in (change.name, change.first_name, change.title, change.language,
                                        change.vip_level, change.departure, change.class_of_service,
                                        change.group, change.arrival, change.share)):
            self._front.change_guest(change, self._actor)
        self._class_of_service(rec, room)

    # --- room equipment ----------------------------------------------------
    def _on_RE(self, rec: FiasRecord) -> None:
        room = rec.get("RN")
        dnd, lamp, cos = _flag(rec.get("DN")), _flag(rec.get("ML")), _level(rec.get("CS"))
        if dnd is not None:
            self._front.set_dnd(room, dnd, self._actor)
        if lamp is not None:
            self._front.set_message_lamp(room, lamp, self._actor)
        if cos is not None:
            self._front.set_class_of_service(room, cos, self._actor)
        maid = MAID_STATUS.get(rec.get("RS"))
        if maid is not None:
            self._front.set_housekeeping(room, maid, self._actor)

    # --- wake-ups ----------------------------------------------------------
    def _due(self, rec: FiasRecord) -> datetime:
        return datetime.strptime(rec.get("DA") + rec.get("TI").ljust(6, "0")[:6], "%y%m%d%H%M%S")

    def _on_WR(self, rec: FiasRecord) -> None:
        room = rec.get("RN")
        try:
            due = self._due(rec)
            if (room, due) in self._answered:
                log.info("WR repeated for the wake-up of %s at %s, already answered", room, due)
                return
            self._wakeups.book(room, due, self._actor)
        except ConsoleError as exc:
            if exc.key != "wakeup.duplicate":
                self._refuse(rec)
                raise
            # The PMS repeating a WR (after a reconnect, say): the same wake-up, answered once when done.
            log.info("WR repeated for the wake-up of %s at %s, already booked", room, due)
        except ValueError:
            self._refuse(rec)
            raise
        self._requested.setdefault((room, due), (rec.get("DA"), rec.get("TI")))

    def _refuse(self, rec: FiasRecord) -> None:
        """Refused (past time, unknown room): this is the one final answer for it."""
        answer = (("RN", rec.get("RN")), ("DA", rec.get("DA")), ("TI", rec.get("TI")), ("AS", "UR"))
        self._send(FiasRecord("WA", answer))

    def _on_WC(self, rec: FiasRecord) -> None:
        due = self._due(rec) if rec.get("DA") and rec.get("TI") else None
        self._wakeups.cancel(rec.get("RN"), due, self._actor)
        if due is not None:
            self._requested.pop((rec.get("RN"), due), None)

    def wake_up_finished(self, room: str, due_at: datetime, status: str) -> None:
        """The dialler's final word on a wake-up (OK, BY, NR, DE): exactly one WA for it."""
        if (room, due_at) in self._answered:
            log.warning("wake-up of %s at %s already answered to the PMS; no second WA", room, due_at)
            return
        da, ti = self._requested.pop((room, due_at), (due_at.strftime("%y%m%d"), due_at.strftime("%H%M%S")))
        self._answered.append((room, due_at))
        self._send(FiasRecord("WA", (("RN", room), ("DA", da), ("TI", ti), ("AS", status))))

    # --- messages ----------------------------------------------------------
    def _on_XL(self, rec: FiasRecord) -> None:
        room, text, reservation, number = rec.get("RN"), rec.get("MT"), rec.get("G#"), rec.get("MI")
        self._front.take_message(room, "PMS", text, self._actor, reservation=reservation, message_id=number)

    def _on_XT(self, rec: FiasRecord) -> None:
        if rec.get("MT"):
            self._on_XL(rec)

    def _on_XD(self, rec: FiasRecord) -> None:
        log.info("PMS marked message %s of room %s retrieved", rec.get("MI"), rec.get("RN"))

    # --- resync ------------------------------------------------------------
    def _on_DS(self, rec: FiasRecord) -> None:
        self._front.begin_resync(self._actor)

    def _on_DE(self, rec: FiasRecord) -> None:
        self._front.end_resync(self._actor)

    def _on_NS(self, rec: FiasRecord) -> None:
        log.info("PMS night audit started")

    def _on_NE(self, rec: FiasRecord) -> None:
        log.info("PMS night audit ended")

    # --- console → PMS -----------------------------------------------------
    def housekeeping_changed(self, room: str, status: Housekeeping, occupied: bool = False) -> None:
        """Maid status set at the console goes to the PMS as RE RS (DND never does: PMS→ only).
        The spec's codes say vacant or occupied too: 1/2 dirty, 3/4 clean, 5/6 inspected."""
        code = MAID_CODE.get(status)
        if code is not None:
            self._send(FiasRecord("RE", (("RN", room), ("RS", str(int(code) + occupied)))))

    def maid_code_dialled(self, room: str, code: int, maid: str = "") -> bool:
        """A room status a maid dialled as a feature code on the room's telephone, as RE RS (N 2;
        1-6 cleaning states, 8 DND on, 9 make up room, 10 all off, others as the PMS is set up),
        with the maid's ID when the PBX knows it. False, and nothing sent, for a code out of range."""
        if not 1 <= code <= 99 or not room.strip():
            log.warning("maid code %r from room %r not sent to the PMS: not a FIAS room status", code, room)
            return False
        who = (("ID", _clean_id(maid)),) if _clean_id(maid) else ()
        self._send(FiasRecord("RE", (("RN", room.strip()), ("RS", str(code)), *who)))
        return True

    def message_retrieved(self, room: str, reservation: str, message_id: str) -> None:
        """The guest has heard or read a PMS message (``MI`` as the PMS numbered it in XL/XT): XD."""
        self._send(FiasRecord("XD", (("RN", room), ("G#", reservation), ("MI", message_id))))


def _clean_id(text: str) -> str:
    """A user ID for the PMS: ANS, at most 16 characters (spec RE table)."""
    return "".join(ch for ch in text if ch.isprintable() and ch != "|")[:16]
