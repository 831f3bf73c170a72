"""The link monitor's frames without the guests: FIAS names and message texts, dialled numbers.

FIAS records are the examples of the FIAS specification as quoted in shared/reference/protocols.md
(1.7 guest data, 1.10 messages); the call-record line is the first line of
tests/data/smdr/asterisk_public_master.csv (a public cdr_csv file, see tests/data/smdr/SOURCES.md).
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from switchboard.frame_privacy import mask_call_line, mask_fias, masked
from switchboard.link_monitor import RawFrame
from switchboard.pbx import LinkName

SMDR = Path(__file__).parent / "data" / "smdr" / "asterisk_public_master.csv"


def test_guest_fields_are_masked_and_the_rest_kept() -> None:
    assert mask_fias(b"GI|RN2781|G#12345|GNGuest, Mr.|GLEA|GV3|GGA123|GSN|") == (
        b"GI|RN2781|G#12345|GN***|GLEA|GV3|GGA123|GSN|"
    )
    assert mask_fias(b"GC|RN2781|G#12345|GNGast, Hr.|GLGE|") == b"GC|RN2781|G#12345|GN***|GLGE|"
    assert mask_fias(b"GO|RN9327|G#12345|GSN|") == b"GO|RN9327|G#12345|GSN|"
    assert mask_fias(b"XT|RN248|G#35850|MI903|MTPlease call Mrs Lee|DA090616|TI1200|") == (
        b"XT|RN248|G#35850|MI903|MT***|DA090616|TI1200|"
    )
    framed = b"\x02GI|RN332|G#35869|GNShare1|GLGE|GV0|GA090616|GD090617|GSN|\x03"
    assert mask_fias(framed) == b"\x02GI|RN332|G#35869|GN***|GLGE|GV0|GA090616|GD090617|GSN|\x03"


def test_dialled_numbers_keep_three_digits_and_extensions() -> None:
    line = SMDR.read_bytes().splitlines()[0]
    shown = mask_call_line(line)
    assert b"89245555937" in line and b"89245555937" not in shown
    assert b'"892***"' in shown and b"211474" in shown  # the extension stays
    assert b"2024-01-27 15:07:24" in shown  # times are not numbers to hide


def test_a_frame_is_masked_by_its_link() -> None:
    at = datetime(2026, 11, 20, 14, 0, tzinfo=UTC)
    pms = masked(RawFrame(LinkName.PMS, False, b"GI|RN101|GNSmith|", at))
    assert pms.data == b"GI|RN101|GN***|" and pms.link is LinkName.PMS and pms.at == at
    smdr = masked(RawFrame(LinkName.SMDR, False, b"8613800138000", at))
    assert smdr.data == b"861***"
