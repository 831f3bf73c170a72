"""The spec-written IFC (tests/fias_ifc.py) checked against the specification's own samples before
it is trusted as a peer: the LRC bytes of Oracle's RS-232 log examples and its example records."""

from __future__ import annotations

import pytest

from tests.fias_ifc import join, lrc, split

# Record (between STX and ETX) and the LRC byte Oracle's logs show after it (spec p.95 worked
# example and the RS-232 logs of p.103-107; see tests/data/fias/SOURCES.md).
SPEC_LRC = [
    (b"12345", ord("2")),
    (b"LS|DA161117|TI102926|", ord("w")),
    (b"LD|DA161117|TI102203|V#1.0|IFWW|", ord("9")),
    (b"LA|DA161117|TI102204|", ord("n")),
    (b"LE|DA161117|TI102631|", ord("h")),
    (b"LR|RIGI|FLRNGNGVG#GLGGGSSFA0A1A2A3A4A5A6A7A8A9|", 0x15),
]


@pytest.mark.parametrize(("record", "expected"), SPEC_LRC)
def test_the_peer_computes_the_lrc_oracle_shows(record: bytes, expected: int) -> None:
    assert lrc(record) == expected


# Example records from the specification's GI/GC and PS/PA sections (p.39-47, p.78-86).
SPEC_RECORDS = [
    "GI|RN2781|G#12345|GNGuest, Mr.|GLEA|GV3|GGA123|GSN|",
    "GC|G#35869|GNShare1|RN312|GSN|RO332|GSN|",
    "PA|RN2781|ASOK|P#1729|DA000915|TI123545|",
]


@pytest.mark.parametrize("text", SPEC_RECORDS)
def test_the_peer_reads_and_writes_the_spec_examples_as_they_are(text: str) -> None:
    rec = split(text, 1)
    assert rec is not None
    assert join(rec.kind, *rec.fields) == text


def test_repeated_fields_keep_their_order() -> None:
    """p.45: in a room move GS follows each room field it belongs to."""
    rec = split("GC|G#35869|GNShare1|RN312|GSN|RO332|GSN|", 1)
    assert rec is not None
    assert [name for name, _ in rec.fields] == ["G#", "GN", "RN", "GS", "RO", "GS"]
