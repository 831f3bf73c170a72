"""The console's PMS link against an IFC written from the FIAS specification (tests/fias_ifc.py),
over TCP and over a socat pty pair with the serial framing (LRC, ACK/NAK)."""

from __future__ import annotations

import itertools
import shutil
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from hardware.fias_link import FiasLink, LinkSettings
from switchboard.clock import SystemClock
from switchboard.fias.front_desk import NAMELESS, DeskNotice, DeskNoticeKind, PmsFrontDesk
from switchboard.fias.session import LinkPhase, Posting
from switchboard.hotel import Housekeeping
from switchboard.link_monitor import RawFrame
from switchboard.pbx import LinkStateChanged, LinkStatus
from tests.fias_hotel import MemoryHotel
from tests.fias_ifc import Ifc, Rec, SerialWire, ifc_on_tcp, stamp
from tests.test_fias_link import SocatPair, eventually

pytestmark = pytest.mark.beside  # waits in real time: run beside the rest (tools/test.sh)


@dataclass
class Rig:
    ifc: Ifc
    hotel: MemoryHotel
    link: FiasLink
    desk: PmsFrontDesk
    events: list[object]
    serial: bool
    pair: SocatPair | None = None

    def restart_ifc(self) -> None:
        """The PMS's interface starts again (TCP: it waits for the console to call; serial: same line)."""
        if self.pair is not None:
            self.ifc.attach(SerialWire(self.pair.a))

    def up(self) -> None:
        assert self.ifc.alive.wait(15)
        eventually(lambda: self.link.session.phase is LinkPhase.ALIVE)


@contextmanager
def rig_for(kind: str, tmp_path: Path, encoding: str = "utf-8", **settings: Any) -> Iterator[Rig]:
    options = {"listen_s": 0.5, "ack_timeout_s": 0.5, **settings}
    with ExitStack() as stack:
        pair: SocatPair | None = None
        if kind == "tcp":
            ifc, port = stack.enter_context(ifc_on_tcp(encoding=encoding))
            url = f"socket://127.0.0.1:{port}"
        else:
            assert shutil.which("socat"), "socat is part of the test packages"
            pair = SocatPair(tmp_path)
            pair.start()
            stack.callback(pair.stop)
            ifc = Ifc(serial_framing=True, encoding=encoding, ack_timeout_s=0.5)
            ifc.attach(SerialWire(pair.a))
            stack.callback(ifc.detach)
            url = pair.b
        hotel = MemoryHotel()
        events: list[object] = []
        holder: list[PmsFrontDesk] = []
        link = FiasLink(
            LinkSettings(url, serial_framing=kind == "pty", encoding=encoding, **options),
            SystemClock(),
            lambda rec: holder[0].apply(rec),
            events.append,
        )
        desk = PmsFrontDesk(hotel, hotel, link.send)
        holder.append(desk)
        link.start()
        stack.callback(link.stop)
        yield Rig(ifc, hotel, link, desk, events, kind == "pty", pair)


WIRES = ["tcp", pytest.param("pty", marks=pytest.mark.slow)]


@pytest.mark.parametrize("kind", WIRES)
def test_link_end_is_answered_and_the_line_dropped(kind: str, tmp_path: Path) -> None:
    """Spec p.27: on LE the other side answers LE and the port is dropped; no new handshake follows
    on that connection, and the console calls again on a new one."""
    with rig_for(kind, tmp_path) as rig:
        rig.up()
        first = rig.ifc.connection
        rig.ifc.end_link()
        rig.ifc.wait_for("LE", connection=first, timeout=5)
        ended_at = time.monotonic()
        eventually(
            lambda: any(
                isinstance(e, LinkStateChanged) and e.status is LinkStatus.DOWN and "LE" in e.detail
                for e in rig.events
            ),
            timeout=5,
        )
        if not rig.serial:
            assert rig.ifc.closed_by_console.wait(3), "the console hangs up after its LE"
        time.sleep(1.0)  # anything the console still had to say on this connection would be in by now
        after = [r.kind for r in rig.ifc.on_connection(first) if r.at >= ended_at]
        assert after == [], f"records after LE on the ended connection: {after}"
        les = rig.ifc.records("LE", connection=first)
        assert len(les) == 1
        # The PMS comes back: a fresh link start on a new connection, and the link is up again.
        rig.restart_ifc()
        eventually(lambda: rig.ifc.connection > first, timeout=15)
        rig.ifc.wait_for("LD", connection=rig.ifc.connection, timeout=15)
        rig.up()


# What each guest field the console asks for in its LR means at the front office, with a value to
# send (the forms of the specification's field table, p.39-47). SF is a flag and RN/G# name the stay.
GUEST_FIELDS: dict[str, tuple[str, str, object]] = {
    "GN": ("name", "Müller-王", "Müller-王"),
    "GF": ("first_name", "Anna", "Anna"),
    "GT": ("title", "Dr.", "Dr."),
    "GL": ("language", "GE", "GE"),
    "GV": ("vip_level", "3", 3),
    "GG": ("group", "GRP7", "GRP7"),
    "GA": ("arrival", "261120", date(2026, 11, 20)),
    "GD": ("departure", "261124", date(2026, 11, 24)),
    "GS": ("share", "Y", True),
    "CS": ("class_of_service", "2", 2),
}
# GuestChange (switchboard/frontoffice.py) has no place for these: a guest already in house keeps them.
NOT_CHANGEABLE = {"GG", "GA", "GS"}


def _asked(rig: Rig, kind: str) -> list[str]:
    text = rig.ifc.link_records[kind]
    return [text[i : i + 2] for i in range(0, len(text), 2)]


@pytest.mark.parametrize("kind", WIRES)
def test_every_guest_field_the_console_asks_for_reaches_the_front_office(kind: str, tmp_path: Path) -> None:
    """GI, GC and GI with SF in a resync: each field named in the console's own LR is applied."""
    with rig_for(kind, tmp_path) as rig:
        rig.up()
        hotel = rig.hotel
        gi = [f for f in _asked(rig, "GI") if f in GUEST_FIELDS]
        assert {"GN", "GF", "CS"} <= set(gi)
        rig.ifc.send("GI", ("RN", "1201"), ("G#", "81"), *[(f, GUEST_FIELDS[f][1]) for f in gi])
        eventually(lambda: "1201" in hotel.snapshot())
        for field in gi:
            attr, _, value = GUEST_FIELDS[field]
            assert hotel.stays["1201"][attr] == value, field
        eventually(lambda: hotel.cos.get("1201") == 2)

        # GC: every field the LR for GC names, changed; the order of fields is free (p.21).
        gc = [f for f in _asked(rig, "GC") if f in GUEST_FIELDS and f not in NOT_CHANGEABLE]
        assert {"GN", "GF", "CS"} <= set(gc)
        changed = {"GN": "Li", "GF": "Wei", "GT": "Ms.", "GL": "ZH", "GV": "1", "GD": "261126", "CS": "0"}
        rig.ifc.send("GC", *[(f, changed[f]) for f in reversed(gc)], ("G#", "81"), ("RN", "1201"))
        eventually(lambda: hotel.cos.get("1201") == 0)
        stay = hotel.stays["1201"]
        assert (stay["name"], stay["first_name"], stay["title"]) == ("Li", "Wei", "Ms.")
        assert stay["language"] == "ZH"
        assert (stay["vip_level"], stay["departure"]) == (1, date(2026, 11, 26))

        # A GC with only a first name and an empty name field changes the first name only.
        rig.ifc.send("GC", ("RN", "1201"), ("G#", "81"), ("GN", ""), ("GF", "Xiaowei"))
        eventually(lambda: hotel.stays["1201"]["first_name"] == "Xiaowei")
        assert hotel.stays["1201"]["name"] == "Li"

        # A resync resends the guest (GI with SF): first name and class of service are applied.
        rig.ifc.send("DS", *stamp())
        rig.ifc.send("GI", ("RN", "1201"), ("G#", "81"), ("GN", "Li"), ("GF", "Wei"), ("CS", "3"), ("SF", ""))
        rig.ifc.send("DE", *stamp())
        eventually(lambda: hotel.cos.get("1201") == 3)
        eventually(lambda: hotel.stays["1201"]["first_name"] == "Wei")
        assert hotel.snapshot() == {"1201": ("81", "Li")}


@pytest.mark.parametrize("kind", WIRES)
def test_a_repeated_wake_up_request_is_the_same_wake_up_with_one_answer(kind: str, tmp_path: Path) -> None:
    """Spec p.67-69: no reply to WR; exactly one final WA per wake-up, its DA and TI as the WR sent them.
    The PMS repeating the WR (on the same link, and after a reconnect) changes nothing."""
    with rig_for(kind, tmp_path) as rig:
        rig.up()
        rig.ifc.send("GI", ("RN", "712"), ("G#", "4712"), ("GN", "Li"), ("GS", "N"))
        wr = (("RN", "712"), ("DA", "261121"), ("TI", "063015"))
        rig.ifc.send("WR", *wr)
        rig.ifc.send("WR", *wr)
        due = datetime(2026, 11, 21, 6, 30, 15)
        eventually(lambda: rig.desk.applied >= 3)
        first = rig.ifc.connection
        rig.ifc.detach()  # the line drops; the PMS sends the WR again on the next link
        rig.restart_ifc()
        eventually(lambda: rig.ifc.connection > first)
        rig.up()
        rig.ifc.send("WR", *wr)
        eventually(lambda: rig.desk.applied >= 4)
        time.sleep(0.5)
        assert rig.ifc.records("WA") == [], "no WA before the wake-up has run"
        assert rig.hotel.wakeups == {("712", due)} and rig.desk.failed == 0
        rig.desk.wake_up_finished("712", due, "OK")
        rig.ifc.wait_for("WA")
        rig.ifc.send("WR", *wr)  # once more, after it was answered
        eventually(lambda: rig.desk.applied >= 5)
        rig.desk.wake_up_finished("712", due, "OK")
        time.sleep(0.5)
        answers = [(a.get("RN"), a.get("DA"), a.get("TI"), a.get("AS")) for a in rig.ifc.records("WA")]
        assert answers == [("712", "261121", "063015", "OK")]


@pytest.mark.parametrize("kind", WIRES)
def test_a_posting_put_off_by_the_pms_goes_again_after_growing_pauses(kind: str, tmp_path: Path) -> None:
    """Spec p.78-86: one PS outstanding, each waiting for its PA; RY and BY mean "later", so the
    posting goes again after a pause that grows; none goes during the night audit (NS..NE, p.38)."""
    with rig_for(kind, tmp_path, retry_pause_s=0.5) as rig:
        rig.up()
        settled: list[bool] = []
        rig.link.session.on_settled = lambda _posting, posted: settled.append(posted)
        rig.ifc.pa_statuses.extend(["RY", "BY", "RY", "OK"])
        rig.link.post(Posting("1012", datetime(2026, 11, 20, 22, 14, 5), 1050, "0139 0123 4567", 121, "N"))
        sent = rig.ifc.wait_for("PS", 4, timeout=15)
        eventually(lambda: settled == [True])
        gaps = [b.at - a.at for a, b in itertools.pairwise(sent)]
        assert gaps[0] >= 0.45 and gaps[1] >= 0.95 and gaps[2] >= 1.95, gaps
        assert {p.get("P#") for p in sent} == {sent[0].get("P#")}
        time.sleep(0.5)
        assert len(rig.ifc.records("PS")) == 4

        rig.ifc.send("NS", *stamp())
        eventually(lambda: rig.link.session.postings.night_audit_since is not None)
        rig.link.post(Posting("1012", datetime(2026, 11, 21, 2, 1), 300, "88", 30, "L"))
        time.sleep(2.5)
        assert len(rig.ifc.records("PS")) == 4, "no posting during the night audit"
        rig.ifc.send("NE", *stamp())
        after = rig.ifc.wait_for("PS", 5, timeout=10)[-1]
        assert int(after.get("P#") or 0) == int(sent[0].get("P#") or 0) + 1
        eventually(lambda: settled == [True, True])


@pytest.mark.parametrize("kind", WIRES)
def test_a_check_in_without_a_guest_name_still_checks_the_room_in(kind: str, tmp_path: Path) -> None:
    """Spec p.39-42: defaults apply to the fields a GI does not send; the room's line must work.
    The guest gets a placeholder name and the front desk is told to ask for the real one."""
    with rig_for(kind, tmp_path) as rig:
        notices: list[DeskNotice] = []
        rig.desk.on_notice = notices.append
        rig.up()
        rig.ifc.send("GI", ("RN", "1501"), ("G#", "91"), ("GL", "EA"), ("GS", "N"))
        rig.ifc.send("GI", ("RN", "1502"), ("G#", "92"), ("GN", ""), ("GS", "N"))
        rig.ifc.send("GI", ("RN", "1503"), ("G#", "93"), ("GN", "   "))
        eventually(lambda: len(rig.hotel.snapshot()) == 3)
        placeholders = {"1501": ("91", NAMELESS), "1502": ("92", NAMELESS), "1503": ("93", NAMELESS)}
        assert rig.hotel.snapshot() == placeholders
        assert [(n.kind, n.room, n.reservation) for n in notices] == [
            (DeskNoticeKind.NAME_MISSING, "1501", "91"),
            (DeskNoticeKind.NAME_MISSING, "1502", "92"),
            (DeskNoticeKind.NAME_MISSING, "1503", "93"),
        ]
        # The name, once the PMS sends it, replaces the placeholder.
        rig.ifc.send("GC", ("RN", "1501"), ("G#", "91"), ("GN", "Okafor"))
        eventually(lambda: rig.hotel.snapshot()["1501"] == ("91", "Okafor"))
        assert rig.desk.failed == 0


@pytest.mark.parametrize("kind", WIRES)
@pytest.mark.parametrize(
    ("encoding", "name"),
    [
        # 億 is 0x83 0x7C in GBK/GB18030: its second byte is '|', the field separator, so the
        # record must be decoded before it is split (spec p.21: extended characters per site code page).
        ("gb18030", "王億"),
        ("gbk", "欧阳億"),
        ("latin-1", "Müller-Françoise"),
        ("utf-8", "Ахмед 李"),
    ],
)
def test_names_in_the_site_code_page_arrive_whole(
    kind: str, encoding: str, name: str, tmp_path: Path
) -> None:
    with rig_for(kind, tmp_path, encoding=encoding) as rig:
        rig.up()
        rig.ifc.send("GI", ("RN", "0808"), ("G#", "88"), ("GN", name), ("GS", "N"))
        eventually(lambda: "0808" in rig.hotel.snapshot())
        assert rig.hotel.snapshot()["0808"] == ("88", name)
        assert not [e for e in rig.events if isinstance(e, RawFrame) and e.bad]


@pytest.mark.parametrize("kind", WIRES)
def test_bytes_that_do_not_decode_are_shown_and_logged_not_silently_replaced(
    kind: str, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with rig_for(kind, tmp_path, encoding="utf-8") as rig:
        rig.up()
        rig.ifc.send_raw(b"GI|RN0909|G#99|GNWang\xff\xfeLi|GSN|")  # not UTF-8 (a GBK PMS set up as UTF-8)
        eventually(lambda: "0909" in rig.hotel.snapshot())
        bad = [e for e in rig.events if isinstance(e, RawFrame) and e.bad]
        assert [e.data for e in bad] == [b"GI|RN0909|G#99|GNWang\xff\xfeLi|GSN|"]
        assert any("ff fe" in r.getMessage() and r.levelname == "WARNING" for r in caplog.records)
        assert rig.hotel.snapshot()["0909"] == ("99", "Wang\ufffd\ufffdLi")  # kept, and visibly damaged


@pytest.mark.parametrize("encoding", ["utf-16", "utf-32", "no-such-code-page"])
def test_a_code_page_that_cannot_carry_fias_is_a_settings_error(encoding: str) -> None:
    with pytest.raises(ValueError):
        LinkSettings("socket://127.0.0.1:1", encoding=encoding)
    assert LinkSettings("socket://127.0.0.1:1", encoding="GB18030").encoding == "gb18030"


@pytest.mark.parametrize("kind", WIRES)
def test_a_pms_that_stops_answering_is_noticed_and_called_again(kind: str, tmp_path: Path) -> None:
    """A half-open line: the console's writes go nowhere and nothing comes back. Its keep-alive LS
    (p.27: answered LA by IFC) goes unanswered, so it hangs up and starts the link again."""
    with rig_for(kind, tmp_path, keep_alive_s=1.0, answer_timeout_s=2.0) as rig:
        rig.up()
        first = rig.ifc.connection
        rig.ifc.wait_for("LS", connection=first, timeout=5)  # a keep-alive, answered
        assert rig.link.session.phase is LinkPhase.ALIVE
        rig.ifc.silent = True
        silent_at = time.monotonic()
        eventually(
            lambda: any(isinstance(e, LinkStateChanged) and e.status is LinkStatus.DOWN for e in rig.events),
            timeout=15,
        )
        assert time.monotonic() - silent_at < 10
        if not rig.serial:  # on RS-232 the missing ACK already tells (FIPS ENQ retries)
            downs = [
                e.detail
                for e in rig.events
                if isinstance(e, LinkStateChanged) and e.status is LinkStatus.DOWN
            ]
            assert any("keep-alive" in d for d in downs), downs
        rig.ifc.silent = False
        if rig.serial:
            rig.restart_ifc()
        eventually(lambda: rig.ifc.connection > first, timeout=15)
        rig.up()
        eventually(
            lambda: [e.status for e in rig.events if isinstance(e, LinkStateChanged)][-1] is LinkStatus.UP
        )


def _announced(rig: Rig, rec: Rec) -> None:
    """Spec p.28: the vendor announces in its LR every field it will send in a record."""
    fields = _asked(rig, rec.kind)
    assert all(name in fields for name, _ in rec.fields), (rec.kind, rec.fields, fields)


@pytest.mark.parametrize("kind", WIRES)
def test_room_status_message_retrieved_and_minibar_go_to_the_pms(kind: str, tmp_path: Path) -> None:
    """PBX to PMS: RE with RS (spec RE table: 1-6 dirty/clean/inspected vacant/occupied, 8 DND on,
    9 make up room, 10 all off), XD for a message retrieved (p.51-59), PS with PT=M for a minibar
    article dialled from the room (PS table; MA and M# as NethVoice's minibar.php sends them)."""
    with rig_for(kind, tmp_path) as rig:
        rig.up()
        rig.desk.housekeeping_changed("712", Housekeeping.CLEAN)
        rig.desk.housekeeping_changed("714", Housekeeping.INSPECTED, occupied=True)
        assert rig.desk.maid_code_dialled("712", 9, "Maid5")
        assert not rig.desk.maid_code_dialled("712", 0) and not rig.desk.maid_code_dialled("712", 100)
        rig.desk.message_retrieved("712", "4712", "903")
        rig.link.post(Posting("712", datetime(2026, 11, 21, 0, 40, 12), 0, article="12", quantity=2))
        res = rig.ifc.wait_for("RE", 3)
        assert [(r.get("RN"), r.get("RS"), r.get("ID")) for r in res] == [
            ("712", "3", None),
            ("714", "6", None),
            ("712", "9", "Maid5"),
        ]
        (xd,) = rig.ifc.wait_for("XD")
        assert (xd.get("RN"), xd.get("G#"), xd.get("MI")) == ("712", "4712", "903")
        (ps,) = rig.ifc.wait_for("PS")
        assert (ps.get("RN"), ps.get("PT"), ps.get("MA"), ps.get("M#")) == ("712", "M", "12", "2")
        assert (ps.get("DA"), ps.get("TI"), ps.get("P#")) == ("261121", "004012", "1")
        for rec in [*res, xd, ps]:
            _announced(rig, rec)
        assert not any(r.get("DN") is not None for r in res), "DND is never sent to the PMS"


@pytest.mark.parametrize("kind", WIRES)
def test_the_specifications_example_records_are_applied(kind: str, tmp_path: Path) -> None:
    """Oracle's own example records (GI/GC p.39-47, RE p.62-67, WR/WA p.67-69), sent as printed."""
    with rig_for(kind, tmp_path) as rig:
        rig.up()
        for text in (
            "GI|RN2781|G#12345|GNGuest, Mr.|GLEA|GV3|GGA123|GSN|",
            "GC|RN2781|G#12345|GNGast, Hr.|GLGE|",
            "RE|RN2781|MLY|",
            "RE|RN2781|CS2|DNN|",
            "RE|RN2781|RS3|",
            "WR|RN2781|DA001031|TI070000|",  # 31 Oct 2000: long past, so refused, with its one answer
        ):
            rig.ifc.send_raw(text.encode())
        eventually(lambda: rig.desk.applied + rig.desk.failed == 6)
        stay = rig.hotel.stays["2781"]
        assert (stay["name"], stay["language"]) == ("Gast, Hr.", "GE")
        assert (stay["vip_level"], stay["group"]) == (3, "A123")
        assert (rig.hotel.lamp["2781"], rig.hotel.cos["2781"], rig.hotel.dnd["2781"]) == (True, 2, False)
        assert rig.hotel.maid["2781"] is Housekeeping.CLEAN
        (wa,) = rig.ifc.wait_for("WA")
        assert [wa.get(f) for f in ("RN", "DA", "TI", "AS")] == ["2781", "001031", "070000", "UR"]
        rig.ifc.send_raw(b"GO|RN2781|G#12345|GSN|")  # the spec's GO example, for this room
        eventually(lambda: "2781" not in rig.hotel.snapshot())
