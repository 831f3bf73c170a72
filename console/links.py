"""The links to the PMS (FIAS) and to the PBX's call records (SMDR), and the link monitor."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer

from console.context import Console, yes
from db.call_records import ChargeDue, SqlCallRecords
from db.emergencies import SqlEmergencies
from db.fias_sequence import SqlPostingNumbers
from db.frontoffice import SqlFrontOffice
from db.pms_wakeups import SqlPmsAnswers, SqlPmsWakeUps
from db.rooms import SqlRoomOfExtension
from switchboard.emergency import EmergencyDialled, EmergencyNumbers, Source
from switchboard.errors import ConsoleError
from switchboard.fias.front_desk import PmsFrontDesk
from switchboard.fias.session import Posting
from switchboard.hotel import Actor
from switchboard.pbx import LinkName, LinkStateChanged, LinkStatus
from switchboard.room_codes import MaidCode, RoomCodes
from switchboard.smdr.charges import ChargeRule, Tariff
from switchboard.smdr.parsers import CallRecord
from switchboard.smdr.records import Direction
from ui.main_window import MainWindow

if TYPE_CHECKING:  # pyserial loads only when a link is configured
    from hardware.fias_link import FiasLink
    from hardware.smdr_reader import SmdrReader

log = logging.getLogger("switchboard")


def _seconds(section: dict[str, str], key: str, default: float) -> float:
    """A time-out from the settings: a positive number of seconds, else ``ValueError`` naming the key."""
    text = section.get(key, "").strip()
    if not text:
        return default
    try:
        value = float(text)
    except ValueError:
        raise ValueError(f"[pms] {key} = {text!r} is not a number of seconds") from None
    if not 0 < value <= 86_400:
        raise ValueError(f"[pms] {key} = {text!r} is out of range")
    return value


def start_pms_link(console: Console) -> FiasLink | None:
    """The FIAS link to the PMS when ``[pms] url`` is set; its records go into the one front office.

    It runs on its own thread: its front office tells only the PBX (thread-safe) about DND and lamps;
    the window learns of the changes through the change feed, like those of any other position."""
    pms = console.settings.section("pms")
    url = pms.get("url", "").strip()
    if not url:
        return None
    from hardware.fias_link import FiasLink, LinkSettings

    try:
        settings = LinkSettings(
            url,
            serial_framing=yes(pms.get("serial_framing")),
            baudrate=int(pms.get("baud", "9600")),
            parity=pms.get("parity", "N")[:1].upper() or "N",
            bytesize=int(pms.get("data_bits", "8")),
            stopbits=int(pms.get("stop_bits", "1")),
            encoding=pms.get("encoding", "utf-8"),
            answer_timeout_s=_seconds(pms, "answer_timeout_seconds", 30.0),
            keep_alive_s=_seconds(pms, "keep_alive_seconds", 300.0),
            retry_pause_s=_seconds(pms, "posting_retry_seconds", 15.0),
            quiet_after_end_s=_seconds(pms, "quiet_after_end_seconds", 30.0),
        )
    except ValueError as exc:
        log.error("PMS link settings not usable: %s", exc)
        console.bridge.post(
            LinkStateChanged(LinkName.PMS, LinkStatus.DOWN, console.clock.now(), f"settings: {exc}")
        )
        return None
    office = SqlFrontOffice(
        console.store, console.clock, on_dnd=console.pbx.set_dnd, on_lamp=console.pbx.set_message_lamp
    )
    holder: list[PmsFrontDesk] = []
    link = FiasLink(
        settings,
        console.clock,
        lambda rec: holder[0].apply(rec),
        console.bridge.post,
        numbers=SqlPostingNumbers(console.store),  # P# go on after a restart
    )
    desk = PmsFrontDesk(office, SqlPmsWakeUps(console.store, console.clock), link.send)
    desk.on_notice = console.bridge.post  # e.g. a guest checked in without a name: the window says so
    console.housekeeping_news.append(desk.housekeeping_changed)  # maid status set here: RE RS
    console.pms_message_delivered.append(desk.message_retrieved)  # a PMS message delivered here: XD
    holder.append(desk)
    console.pms_desk = desk
    answers = SqlPmsAnswers(console.store, console.clock)

    def answer_wakeups() -> None:
        """Each wake-up the PMS booked gets its one WA when the dialler (or a person) has finished it."""
        for owed in answers.owed():
            if owed.status != "--":
                desk.wake_up_finished(owed.room, owed.due_at, owed.status)
            answers.answered(owed.wakeup_id, owed.status)

    timer = QTimer(console.app)
    timer.timeout.connect(answer_wakeups)
    timer.start(2000)
    link.start()
    console.on_quit.append(link.stop)
    return link


def start_smdr_reader(console: Console, pms_link: FiasLink | None) -> SmdrReader | None:
    """The PBX's call records when ``[smdr] url`` is set: stored against rooms, charges posted to the PMS.

    Charges still owed from before a restart go out first; the PMS's answer to each is recorded."""
    smdr = console.settings.section("smdr")
    url = smdr.get("url", "").strip()
    if not url:
        return None
    from hardware.smdr_reader import SmdrReader, SmdrSettings

    try:
        # a built-in format or the hotel's own [smdr.profile NAME]; trunks, the Mitel login password
        settings = SmdrSettings.from_section(smdr, console.settings.sections)
        per_unit = int(smdr.get("cents_per_unit", "0"))
        tariff = Tariff(per_unit, int(smdr.get("unit_seconds", "60")), int(smdr.get("setup_cents", "0")))
        if tariff.unit_s <= 0:
            raise ValueError("unit_seconds must be above 0")
        rule = ChargeRule(tariff, free_s=int(smdr.get("free_seconds", "0"))) if per_unit else None
    except ValueError as exc:
        log.error("SMDR settings not usable: %s", exc)
        console.bridge.post(
            LinkStateChanged(LinkName.SMDR, LinkStatus.DOWN, console.clock.now(), f"settings: {exc}")
        )
        return None
    post = yes(smdr.get("post_charges"))
    if post and pms_link is None:
        post = False
        log.warning("[smdr] post_charges is set but no PMS link is configured: charges are not posted")
    calls = SqlCallRecords(console.store, console.clock, rule, post_charges=post)
    zone = console.clock.now().tzinfo

    def post_charge(charge: ChargeDue) -> None:
        assert pms_link is not None
        started = charge.started_at.astimezone(zone)
        pms_link.post(
            Posting(
                charge.room,
                started,
                charge.cents,
                charge.digits,
                charge.duration_s,
                charge.call_type,
                reference=charge.record_id,
            )
        )

    backstop = EmergencyBackstop(console)
    codes = RoomCodes.from_settings(console.settings.section("pms"))

    def deliver(records: list[CallRecord]) -> None:
        for charge in calls.store(records).charges:
            post_charge(charge)
        backstop.check(records)
        if pms_link is not None and console.pms_desk is not None:
            pass_room_codes(console, pms_link, console.pms_desk, codes, records)

    if pms_link is not None:

        def settled(posting: Posting, posted: bool) -> None:
            try:
                calls.answered(posting.reference, posted)
            except Exception:  # the answer is logged; the charge stays due and is posted again on restart
                log.exception("PMS answer to posting %d not recorded", posting.reference)

        pms_link.session.on_settled = settled
        if post:
            for charge in calls.charges_due():
                post_charge(charge)
    reader = SmdrReader(settings, console.clock, deliver, console.bridge.post)
    reader.start()
    console.on_quit.append(reader.stop)
    return reader


def open_link_monitor(console: Console, window: MainWindow, link: LinkName) -> None:
    """The engineer's window onto the PMS and SMDR links; one per console, opened again if closed. Its
    module loads when it is first opened, not at the start."""
    from ui.link_monitor import LinkMonitor

    monitor = console.panels.get("link_monitor")
    if not isinstance(monitor, LinkMonitor):
        pms_encoding = console.settings.section("pms").get("encoding", "utf-8").strip() or "utf-8"
        monitor = LinkMonitor(console.links, encodings={LinkName.PMS: pms_encoding})
        monitor.setParent(window, monitor.windowFlags() | Qt.WindowType.Window)
        console.panels["link_monitor"] = monitor
    monitor.show_link(link)


class EmergencyBackstop:
    """A call record of an emergency number raises the alarm late when the live paths (the PBX's
    message, the lamps) missed the call; one they caught joins its alarm. Runs on the reader's thread:
    it only writes the alarm, which every position's desk reads within a second."""

    def __init__(self, console: Console) -> None:
        self.numbers = EmergencyNumbers.from_settings(console.settings.section("emergency"))
        self.book = SqlEmergencies(console.store, console.clock)
        self.actor = Actor.link("SMDR")

    def check(self, records: list[CallRecord]) -> None:
        for record in records:
            number = self.numbers.match(record.number) if record.direction is not Direction.INCOMING else None
            if number is None or not record.extension:
                continue
            key = f"smdr:{record.extension}:{record.started_at.isoformat()}:{number}"
            dialled = EmergencyDialled(
                key, record.extension, number, record.started_at, Source.RECORDS, up=False
            )
            try:
                self.book.raise_alarm(dialled, self.actor)
            except ConsoleError as exc:
                log.error("emergency call record from %s not raised: %s", record.extension, exc)


def pass_room_codes(
    console: Console, link: FiasLink, desk: PmsFrontDesk, codes: RoomCodes, records: list[CallRecord]
) -> None:
    """Maid status and minibar codes dialled on a room telephone, as the call records show them, go to
    the PMS (RE RS; PS with PT=M). Runs on the reader's thread: the desk and the link queue what they send."""
    if not codes.maid_prefix and not codes.minibar_prefix:
        return
    rooms = SqlRoomOfExtension(console.store)
    for record in records:
        code = codes.read(record.number) if record.direction is not Direction.INCOMING else None
        if code is None:
            continue
        room = rooms.room_of(record.extension)
        if not room:
            log.warning("code %s from %s, which is no room's: not sent", record.number, record.extension)
            continue
        if isinstance(code, MaidCode):
            desk.maid_code_dialled(room, code.status, code.maid)
        else:
            link.post(Posting(room, record.started_at, 0, article=code.article, quantity=code.quantity))
