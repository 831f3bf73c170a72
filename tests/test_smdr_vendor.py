"""Each format against its vendor's own sample records (tests/data/smdr/SOURCES.md), field by field,
with the vendor's documented meaning of each field; then the rules the issue found broken."""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest

from switchboard.smdr.charges import ChargeRule, Tariff
from switchboard.smdr.parsers import CallRecord, Direction, SmdrFormat, parser_for

DATA = Path(__file__).parent / "data" / "smdr"
TODAY = date(2026, 11, 20)
TRUNKS = frozenset({"211553", "211474", "stadionpbx"})  # the public Master.csv's SIP trunks
RULE = ChargeRule(Tariff(100, 60))


def read(fmt: SmdrFormat, name: str, **kw: object) -> tuple[list[CallRecord], int]:
    parser = parser_for(fmt, TODAY, **kw)  # type: ignore[arg-type]
    data = (DATA / name).read_bytes()
    records = [r for at in range(0, len(data), 7) for r in parser.feed(data[at : at + 7])]
    return records, parser.bad_lines


def fields(r: CallRecord) -> tuple[object, ...]:
    return (r.started_at, r.direction, r.extension, r.number, r.duration_s, r.ring_s, r.trunk, r.answered)


# --------------------------------------------------------------------------------- Avaya IP Office
def test_avaya_examples_as_the_field_list_reads_them() -> None:
    records, bad = read(SmdrFormat.AVAYA_IP_OFFICE, "avaya_ipo_examples.txt")
    lost, to_vm_1, to_vm_2, external, internal = records
    # "Lost incoming call": connected 00:00:00, rang 9 s, Party1 E4324 is the extension, T9161 the line.
    assert fields(lost) == (
        datetime(2008, 6, 28, 9, 28, 41),
        Direction.INCOMING,
        "4324",
        "8004206",
        0,
        9,
        "9161",
        False,
    )
    # "Call transferred to voicemail": one call (Call ID 1000014160), two segments, the first continued.
    assert (to_vm_1.call_id, to_vm_1.segment, to_vm_1.continued) == ("1000014160", 1, True)
    assert (to_vm_2.call_id, to_vm_2.segment, to_vm_2.continued) == ("1000014160", 2, False)
    assert (to_vm_1.extension, to_vm_1.duration_s, to_vm_1.ring_s, to_vm_1.hold_s) == ("4750", 13, 7, 11)
    assert (to_vm_2.extension, to_vm_2.duration_s) == ("", 21), "V9502 is voicemail, not a telephone"
    assert to_vm_1.started_at == to_vm_2.started_at, "every segment carries the call's start"
    # "External call": Is Internal 0, Direction I, rang 7 s, connected 5 s; 31 fields (later releases).
    assert fields(external) == (
        datetime(2008, 8, 1, 15, 14, 19),
        Direction.INCOMING,
        "23",
        "01707299900",
        5,
        7,
        "9001",
        True,
    )
    # "Internal call": Is Internal 1, whatever the Direction says.
    assert fields(internal)[1:6] == (Direction.INTERNAL, "4688", "4207", 44, 4)
    # "Call answered by voicemail" prints I in Is Internal, which the field list allows only as 0 or 1.
    assert bad == 1


def test_avaya_is_internal_outside_0_and_1_is_a_bad_line_never_an_external_call() -> None:
    line = (DATA / "avaya_ipo_examples.txt").read_text().splitlines()[0]
    for value in ("I", "2", "", "yes"):
        cols = line.split(",")
        cols[8] = value
        parser = parser_for(SmdrFormat.AVAYA_IP_OFFICE, TODAY)
        assert parser.feed((",".join(cols) + "\r\n").encode()) == []
        assert parser.bad_lines == 1 and "is_internal" in parser.last_error


def test_avaya_system_made_calls_are_not_charged_to_the_room() -> None:
    records, bad = read(SmdrFormat.AVAYA_IP_OFFICE, "avaya_ipo_targeting.txt")
    twin, internal, conference, _ = records
    assert bad == 0
    # Mobile twinning: the external leg is on E203's record with External Targeting Cause "U MT".
    assert (twin.direction, twin.extension, twin.number, twin.trunk, twin.answered) == (
        Direction.OUTGOING,
        "203",
        "9416",
        "9005",
        True,
    )
    assert twin.system_made == "U MT" and RULE.cents(twin) == 0
    assert RULE.cents(replace(twin, system_made="")) == 100, "the same call placed by the room is charged"
    assert (internal.direction, internal.extension, internal.number) == (Direction.INTERNAL, "207", "203")
    assert conference.system_made == "U CfP" and conference.continued and RULE.cents(conference) == 0


def test_avaya_call_charge_and_currency_are_kept() -> None:
    line = (DATA / "avaya_ipo_examples.txt").read_text().splitlines()[4].split(",")
    line[20], line[21] = "1.25", "GBP"  # fields 21 and 22: Call Charge, Currency
    (record,) = parser_for(SmdrFormat.AVAYA_IP_OFFICE, TODAY).feed((",".join(line) + "\n").encode())
    assert (record.pbx_charge, record.currency) == ("1.25", "GBP")


# --------------------------------------------------------------------------------- Mitel 5000
def test_mitel_5000_manual_record_serial_and_tcp() -> None:
    (serial,), bad = read(SmdrFormat.MITEL_5000, "mitel_5000_manual.txt")
    assert bad == 0
    assert fields(serial) == (
        datetime(2026, 11, 20, 8, 36),
        Direction.OUTGOING,
        "11202",
        "961-9000",
        3,
        0,
        "94003",
        True,
    )
    assert serial.call_type == "TLC"
    (tcp,), bad = read(SmdrFormat.MITEL_5000, "mitel_5000_tcp.bin", length_framing=True)
    assert bad == 0 and fields(tcp) == fields(serial) and tcp.raw == serial.raw


def test_mitel_operator_international_is_outgoing_and_charged() -> None:
    """TYP O/I is the manual's "Operator and International": a call out, chargeable."""
    line = "O/I 01508 94001 00441234567890               22:14 00:02:01 $00.00".ljust(80)
    (record,) = parser_for(SmdrFormat.MITEL_5000, TODAY).feed(line.encode() + b"\r\n")
    assert (record.direction, record.extension, record.number) == (
        Direction.OUTGOING,
        "01508",
        "00441234567890",
    )
    assert RULE.cents(record) == 300


def test_mitel_account_codes_of_16_digits_are_whole() -> None:
    line = "LOC 00712 94001 5551234                      23:01 S=000090 $00.00 1234567890123456*"
    (record,) = parser_for(SmdrFormat.MITEL_5000, TODAY).feed(line.encode() + b"\r\n")
    assert record.account == "1234567890123456" and record.duration_s == 90


# --------------------------------------------------------------------------------- Asterisk cdr_csv
def test_asterisk_station_side_comes_from_the_channels() -> None:
    records, bad = read(SmdrFormat.ASTERISK_CSV, "asterisk_public_master.csv", trunks=TRUNKS)
    assert bad == 0
    hangup, ring_301, to_trunk, chain_301, trunk_to_chain, answered_301, local_out, forwarded, busy = records
    # No dstchannel: the trunk's call ended in the dialplan; no telephone took it.
    assert (hangup.direction, hangup.extension, hangup.number, hangup.trunk) == (
        Direction.INCOMING,
        "",
        "89245555937",
        "211474",
    )
    # The answering telephone is in dstchannel; dst (211553) is the DID dialled, never the room.
    assert (ring_301.direction, ring_301.extension, ring_301.number, ring_301.trunk, ring_301.answered) == (
        Direction.INCOMING,
        "301",
        "89245555937",
        "211553",
        False,
    )
    assert (to_trunk.extension, to_trunk.direction) == ("", Direction.INCOMING)
    # A Local/…;2 half between the trunk and the telephone: still the telephone's incoming call.
    assert (chain_301.direction, chain_301.extension, chain_301.answered) == (Direction.INCOMING, "301", True)
    assert trunk_to_chain.extension == ""
    assert (answered_301.extension, answered_301.duration_s, answered_301.trunk) == ("301", 17, "211553")
    # Legs of one call share its linkedid.
    assert chain_301.call_id == trunk_to_chain.call_id == answered_301.call_id == "1706407446.50"
    # A chain dialling out on a trunk by itself: no room placed it, nobody is charged.
    assert (local_out.direction, local_out.extension, local_out.trunk) == (
        Direction.OUTGOING,
        "",
        "stadionpbx",
    )
    assert local_out.system_made and RULE.cents(local_out) == 0
    assert (forwarded.extension, forwarded.duration_s, forwarded.ring_s) == ("", 30, 6)
    assert (busy.answered, busy.call_id) == (False, "mainserverdss-1706443058.100")
    assert all(r.extension in ("", "301") for r in records), "no trunk is ever taken for a room"


def test_asterisk_outgoing_room_is_the_channel_whatever_caller_id_it_showed() -> None:
    line = (
        '"","+862188001234","013901234567","from-internal","""Room 1508"" <+862188001234>",'
        '"PJSIP/1508-00000001","PJSIP/stadionpbx-00000002","Dial","PJSIP/013901234567@stadionpbx",'
        '"2026-11-20 22:14:05","2026-11-20 22:14:09","2026-11-20 22:16:10",125,121,"ANSWERED","BILLING",'
        '"1700000000.1","","","1700000000.1",1'
    )
    (record,) = parser_for(SmdrFormat.ASTERISK_CSV, TODAY, trunks=TRUNKS).feed(line.encode() + b"\n")
    assert (record.direction, record.extension, record.number, record.trunk) == (
        Direction.OUTGOING,
        "1508",
        "013901234567",
        "stadionpbx",
    )
    assert (record.duration_s, record.ring_s, RULE.cents(record)) == (121, 4, 300)


# disposition, amaflags, start, billsec longer than duration
@pytest.mark.parametrize("column, value", [(14, "MAYBE"), (15, "SOMETIMES"), (9, "yesterday"), (13, "18")])
def test_asterisk_undocumented_values_are_bad_lines(column: int, value: str) -> None:
    line = (DATA / "asterisk_public_master.csv").read_text().splitlines()[5]
    cols = next(csv.reader([line]))
    cols[column] = value
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow(cols)
    parser = parser_for(SmdrFormat.ASTERISK_CSV, TODAY, trunks=TRUNKS)
    assert len(parser.feed(line.encode() + b"\n")) == 1, "the line as Asterisk wrote it is read"
    assert parser.feed(out.getvalue().encode()) == [] and parser.bad_lines == 1


# --------------------------------------------------------------------------------- the formats added
def test_3cx_record() -> None:
    (record,), bad = read(SmdrFormat.THREECX, "threecx_cdr.txt")
    assert bad == 0
    assert fields(record) == (
        datetime(2023, 9, 19, 13, 33, 54),
        Direction.INCOMING,
        "504",
        "+353861777149",
        336,
        0,
        "",
        True,
    )
    assert record.call_id == "00000C21DE5C2470_6531"


def test_mitel_mivoice_business_examples() -> None:
    (ex1, ex3, ex5), bad = read(SmdrFormat.MITEL_MIVOICE_BUSINESS, "mivb_examples.txt")
    assert bad == 0
    # Example 1: June 13, 11:42 a.m., station 214, trunk 54, 613-592-2122, 8 min 29 s, answer supervision.
    assert fields(ex1) == (
        datetime(2026, 6, 13, 11, 42),
        Direction.OUTGOING,
        "214",
        "6135952122",
        509,
        0,
        "T054",
        True,
    )
    # Example 3: January 30, 3:10 p.m., trunk 102 rang in to station 201, answered after 8 s, 2 min 22 s.
    assert fields(ex3)[:3] == (datetime(2026, 1, 30, 15, 10), Direction.INCOMING, "201")
    assert (ex3.duration_s, ex3.ring_s, ex3.trunk) == (142, 8, "T102")
    # Example 5: the attendant dialled 1-654-599-6951 for station 201 at 3:27 p.m., 35 min 11 s, trunk 52.
    assert fields(ex5) == (
        datetime(2026, 1, 30, 15, 27),
        Direction.OUTGOING,
        "201",
        "16545996951",
        2111,
        0,
        "T052",
        True,
    )


def test_nec_sample_report() -> None:
    header = (
        " " * 60
        + "12/09/2026 PAGE 001\r\nCLASS TIME  DATE  LINE    DURATION  STATION     DIALLED No./CLI\r\n"
    )
    parser = parser_for(SmdrFormat.NEC_SL, TODAY)
    records = parser.feed(header.encode() + (DATA / "nec_sl_report.txt").read_bytes())
    assert parser.bad_lines == 0, "report headers are no calls, and no bad lines either"
    pot, pin, no_answer = records
    assert fields(pot) == (
        datetime(2026, 12, 9, 10, 52),
        Direction.OUTGOING,
        "2001",
        "2142623801",
        10,
        0,
        "002",
        True,
    )
    assert pot.account == "08754"
    assert (pin.direction, pin.extension, pin.duration_s) == (Direction.INCOMING, "2017", 20)
    assert (no_answer.answered, no_answer.extension, no_answer.account, no_answer.number) == (
        False,
        "",
        "",
        "2142623801",
    )


def test_panasonic_pattern_a() -> None:
    (rang, answered, out), bad = read(SmdrFormat.PANASONIC_KX, "panasonic_pattern_a.txt")
    assert bad == 0
    # <I> marks an incoming call; Ring 5'15 is 5 min 15 s; Duration 00:00'00 means nobody answered.
    assert fields(rang)[1:] == (Direction.INCOMING, "1200", "12345678901234567890", 0, 315, "01", False)
    # The time printed is the end of the call: 10:07 a.m. less 1 min 5 s.
    assert fields(answered) == (
        datetime(2002, 1, 2, 10, 5, 55),
        Direction.INCOMING,
        "1200",
        "",
        65,
        5,
        "01",
        True,
    )
    assert answered.account == "9876543210"
    assert fields(out)[1:5] == (Direction.OUTGOING, "1200", "1234567890123456", 65)


def test_asterisk_a_room_dialling_out_through_a_local_chain_is_the_rooms_call() -> None:
    """Lines written here on the public file's pattern (the room's leg into the chain, then the chain's
    leg to the trunk, one linkedid): charged to the room. The chain's leg alone (its first leg not read,
    or an incoming call forwarded out) is charged to nobody."""
    room_leg = (
        '"","1508","013901234567","from-internal","""Room 1508"" <1508>","PJSIP/1508-00000010",'
        '"Local/013901234567@route-00000003;1","Dial","Local/013901234567@route","2026-11-20 22:14:05",'
        '"2026-11-20 22:14:09","2026-11-20 22:16:10",125,121,"ANSWERED","DOCUMENTATION","1763676845.40","",'
        '"","1763676845.40",90'
    )
    chain_leg = (
        '"","1508","013901234567","route","""Room 1508"" <1508>","Local/013901234567@route-00000003;2",'
        '"PJSIP/stadionpbx-00000011","Dial","PJSIP/013901234567@stadionpbx","2026-11-20 22:14:05",'
        '"2026-11-20 22:14:09","2026-11-20 22:16:10",125,121,"ANSWERED","DOCUMENTATION","1763676845.42","",'
        '"","1763676845.40",91'
    )
    parser = parser_for(SmdrFormat.ASTERISK_CSV, TODAY, trunks=TRUNKS)
    leg, out = parser.feed(f"{room_leg}\n{chain_leg}\n".encode())
    assert (leg.direction, leg.extension, RULE.cents(leg)) == (Direction.INTERNAL, "1508", 0)
    assert (out.direction, out.extension, out.trunk, out.system_made) == (
        Direction.OUTGOING,
        "1508",
        "stadionpbx",
        "",
    )
    assert RULE.cents(out) == 300, "one charge for the call, on the leg that reached the trunk"
    (alone,) = parser_for(SmdrFormat.ASTERISK_CSV, TODAY, trunks=TRUNKS).feed(chain_leg.encode() + b"\n")
    assert (alone.extension, RULE.cents(alone)) == ("", 0) and alone.system_made
