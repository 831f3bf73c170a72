"""The vendors' call-record lines of tests/data/outsider and what each vendor's document says they mean
(SOURCES.md there names the documents): the rows the console must store, in the order sent."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from switchboard.smdr.parsers import SmdrFormat

DATA = Path(__file__).parent / "data" / "outsider"
ROOMS = ("4731", "4324", "2889", "2910", "1110", "2863", "11202", "2001", "2017", "1234", "224", "504")
ASTERISK_TRUNKS = frozenset({"avayaG700", "avayaipo", "KTTK"})

# (format, file, extra settings, expected rows in the order sent). Each expectation is what the vendor's
# document says the line means; SOURCES.md names the document.
VENDORS: dict[str, tuple[SmdrFormat, str, dict[str, Any], list[dict[str, Any]]]] = {
    "asterisk": (
        SmdrFormat.ASTERISK_CSV,
        "asterisk_capture.csv",
        {"trunks": ASTERISK_TRUNKS},
        [
            # room 2889's call out: first the Local leg (no time talked), then the trunk leg, 183 s billsec
            {
                "caller": "2889",
                "called": "09243820431",
                "room": "2889",
                "talk": 0,
                "charged": False,
                "call": "1536293101.12458",
            },
            {
                "direction": "out",
                "caller": "2889",
                "called": "09243820431",
                "room": "2889",
                "talk": 183,
                "answered": True,
                "charged": True,
                "start": "09-07 11:05:20",
                "call": "1536293101.12458",
            },
            # a caller on trunk KTTK answered by room 2910 (dstchannel), dst "1" is the IVR choice
            {
                "direction": "in",
                "caller": "9996837840",
                "called": "2910",
                "room": "2910",
                "talk": 50,
                "answered": True,
                "charged": False,
            },
            # the trunk side of an outgoing leg: no room's call
            {"room": "", "charged": False},
            # the Avaya tie trunk rings room 1110, NO ANSWER
            {
                "direction": "in",
                "caller": "3711",
                "called": "1110",
                "room": "1110",
                "talk": 0,
                "answered": False,
                "charged": False,
            },
            # telephone 1111 calls 1314, NO ANSWER: internal
            {
                "direction": "internal",
                "caller": "1111",
                "called": "1314",
                "talk": 0,
                "answered": False,
                "charged": False,
            },
        ],
    ),
    "avaya_ipo": (
        SmdrFormat.AVAYA_IP_OFFICE,
        "avaya_ipo_capture.txt",
        {},
        [
            # call 1949529 in two segments (Continuation 1, then 0): from a SIP trunk to voicemail
            {
                "direction": "in",
                "caller": "9145661757@172.16.2.10",
                "talk": 27,
                "call": "1949529",
                "charged": False,
            },
            {
                "direction": "in",
                "caller": "9145661757@172.16.2.10",
                "talk": 0,
                "call": "1949529",
                "charged": False,
            },
            # Is Internal = 1: internal, from E3776, never answered
            {
                "direction": "internal",
                "caller": "3776",
                "called": "78007750775",
                "talk": 0,
                "answered": False,
                "charged": False,
            },
            # line 4 (room 4731's call out with External Targeting Cause U) is checked on its own below
            # Avaya's "Lost incoming call": rang 9 s at 4324, never connected
            {
                "direction": "in",
                "caller": "8004206",
                "called": "4324",
                "room": "4324",
                "talk": 0,
                "ring": 9,
                "answered": False,
                "charged": False,
                "start": "06-28 09:28:41",
            },
            # Avaya's "Internal call": 4688 to 4207, 44 s after 4 s ringing
            {
                "direction": "internal",
                "caller": "4688",
                "called": "4207",
                "talk": 44,
                "ring": 4,
                "charged": False,
            },
        ],
    ),
    "mitel_5000": (
        SmdrFormat.MITEL_5000,
        "mitel_5000_manual_record.txt",
        {},
        # TLC = toll local: out from 11202 on trunk 94003 to 961-9000 at 08:36, 3 s, cost $00.00
        [{"direction": "out", "caller": "11202", "room": "11202", "talk": 3, "charged": True}],
    ),
    "nec_sl": (
        SmdrFormat.NEC_SL,
        "nec_sl_sample.txt",
        {},
        [
            {
                "direction": "out",
                "caller": "2001",
                "called": "2142623801",
                "room": "2001",
                "talk": 10,
                "charged": True,
            },
            {
                "direction": "in",
                "caller": "2142623802",
                "called": "2017",
                "room": "2017",
                "talk": 20,
                "charged": False,
            },
            {
                "direction": "in",
                "caller": "2142623801",
                "room": "",
                "talk": 0,
                "answered": False,
                "charged": False,
            },
        ],
    ),
    "panasonic_kx": (
        SmdrFormat.PANASONIC_KX,
        "panasonic_pattern_a_rows.txt",
        {},
        [
            # *123 is a verified code, not a telephone: no room pays; 1 min 5 s; time printed is the END
            {
                "direction": "out",
                "called": "1234567890123456",
                "room": "",
                "talk": 65,
                "charged": False,
                "start": "01-02 10:28:55",
            },
            {"direction": "in", "called": "1234", "room": "1234", "talk": 65, "ring": 5, "charged": False},
            {"direction": "in", "called": "1234", "room": "1234", "talk": 65, "ring": 5, "charged": False},
        ],
    ),
    "mitel_mivb": (
        SmdrFormat.MITEL_MIVOICE_BUSINESS,
        "mivb_example4.txt",
        {},
        # tie trunk 116 dialled hunt group 63; station 224 answered after 7 s; 1 min 12 s
        [{"direction": "in", "called": "224", "room": "224", "talk": 72, "ring": 7, "charged": False}],
    ),
    "threecx": (
        SmdrFormat.THREECX,
        "threecx_line.txt",
        {},
        # +353861777149 to Ext.960, queue-forwarded (QFwdToDNA) to 504 who took it: 5 min 36 s
        [
            {
                "direction": "in",
                "caller": "+353861777149",
                "called": "504",
                "room": "504",
                "talk": 336,
                "answered": True,
                "charged": False,
                "start": "09-19 13:33:54",
            }
        ],
    ),
}


def sample_lines(name: str) -> list[bytes]:
    """The vendor's lines for ``name`` as sent in the field-by-field tests (Avaya's line 4, the call out
    with External Targeting Cause U, has a test of its own)."""
    lines = (DATA / VENDORS[name][1]).read_bytes().splitlines()
    return [line for i, line in enumerate(lines) if not (name == "avaya_ipo" and i == 3)]
