"""The ways a privacy guest's name is written, and what must stay as typed.

The guests are the demo hotel's two privacy guests (``switchboard/demo_hotel.py``): "Al-Rashid,
Omar" (romanised "al rashid omar", title Sheikh) and 黄晓明 (pinyin "huang xiao ming", 先生), and a
guest with a short surname kept apart from the given name.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from switchboard.frame_privacy import masked
from switchboard.guest_names import GuestName, fold, mask_names, name_pattern, names_room
from switchboard.link_monitor import RawFrame
from switchboard.pbx import LinkName

OMAR = GuestName("Al-Rashid, Omar", "", "al rashid omar", "Sheikh")
HUANG = GuestName("黄晓明", "", "huang xiao ming", "先生")
LI = GuestName("Li", "Wei", "li wei", "Mr")
LONG = GuestName("Long", "Mary", "long mary", "Ms")
NAMES = name_pattern([OMAR, HUANG, LI, LONG])


@pytest.mark.parametrize(
    "written",
    [
        "Al-Rashid, Omar in 624 leaves at 3",
        "AL-RASHID OMAR in 624",
        "al rashid omar 624",
        "Omar Al-Rashid (624)",
        "Omar AlRashid (624)",
        "Mr Al-Rashid in 624",
        "Mr. Al-Rashid in 624",
        "Al-Rashid in 624",
        "Sheikh Omar in 624",
        "Ａｌ－Ｒａｓｈｉｄ in ６２４",
        "Huang Xiaoming in 338",
        "Huang Xiao Ming in 338",
        "Huang Xiao-Ming in 338",
        "HuangXiaoming 338",
        "Xiaoming Huang 338",
        "Huáng Xiǎomíng 338",
        "Ｈｕａｎｇ Ｘｉａｏ Ｍｉｎｇ in 338",
        "Mr Huang in 338",
        "Huang in 338",
        "黄晓明在338",
        "黄先生在338房",
        "Mr Li in 1203",
        "Li Wei in 1203",
        "Wei Li in 1203",
        "Ms Long in 1501",
        "Mary Long in 1501",
    ],
)
def test_the_ways_of_writing_a_name_are_masked(written: str) -> None:
    shown = mask_names(written, NAMES)
    assert "***" in shown, shown
    for part in ("Rashid", "Ｒａｓｈｉｄ", "Huang", "Huáng", "Ｈｕａｎｇ", "Xiao", "黄", "Li ", "Long"):
        assert part.casefold() not in shown.casefold() or part.casefold() in written.casefold().replace(
            part.casefold(), "", 1
        ), shown


@pytest.mark.parametrize(
    "written",
    [
        "624",  # a room number alone
        "Room 624 asked for towels",
        "Guest in 338 wants quiet",
        "The lift is long out of order near 1501",  # Long alone is a common word
        "Omar called about 624",  # a given name alone, without a title
        "Shanghai trip for 338",  # huang inside another word
        "Rashidun museum tour, 624",
        "Lift 2 noisy",
        "Please deliver a newspaper to 1203",  # "li" inside words
        "黄色的花 338",  # 黄 (yellow) alone is not the surname
        "Mr Wang in 624",  # someone else
    ],
)
def test_ordinary_words_and_room_numbers_stay(written: str) -> None:
    assert mask_names(written, NAMES) == written


def test_only_the_name_is_replaced_and_the_title_and_the_rest_stay_as_typed() -> None:
    assert mask_names("Mr Al-Rashid（６２４）asked", NAMES) == "Mr ***（６２４）asked"
    assert mask_names("Sheikh Omar Al-Rashid, 624", NAMES) == "Sheikh ***, 624"
    assert mask_names("Ｈｕａｎｇ Ｘｉａｏ Ｍｉｎｇ，３３８", NAMES) == "***，３３８"


def test_a_room_is_named_in_any_width_of_digits_and_never_inside_a_longer_number() -> None:
    assert names_room("Ｈｕａｎｇ in ３３８", "338")
    assert names_room("338.", "338") and names_room("(338)", "338")
    assert not names_room("13380000000", "338") and not names_room("Room 3380", "338")
    assert fold("ＡＢＣ１２３Ｍüller") == "abc123muller"


def test_a_short_surname_alone_counts_unless_it_is_an_everyday_word() -> None:
    he = name_pattern([GuestName("何伟", "", "he wei", "先生")])
    assert mask_names("Li in 1203", NAMES) == "*** in 1203"
    assert mask_names("He is in 338, ask He Wei", he) == "He is in 338, ask ***"
    assert mask_names("Mr He in 338", he) == "Mr *** in 338"
    assert mask_names("Mr. Wei in 338", he) == "Mr. *** in 338"


def test_no_names_no_pattern() -> None:
    assert name_pattern([]) is None
    assert mask_names("Al-Rashid in 624", None) == "Al-Rashid in 624"


def test_the_link_monitor_masks_a_privacy_guests_name_in_a_call_record() -> None:
    """An Asterisk caller-ID name and an Avaya party name (fields as in tests/data/smdr) carrying a
    privacy guest's name next to the extension."""
    at = datetime(2026, 11, 20, 14, 0, tzinfo=UTC)
    asterisk = b'"","624","0","from-internal","""Al-Rashid Omar"" <624>","PJSIP/624-0000000a","",'
    avaya = b"2026/11/20 14:00:00,00:00:27,2,624,O,900,900,,0,1000001,0,E624,HUANG XIAOMING,T9001,Line 1.1"
    for line in (asterisk, avaya):
        shown = masked(RawFrame(LinkName.SMDR, False, line, at), NAMES).data
        assert b"***" in shown and b"624" in shown, shown
        assert b"Rashid" not in shown and b"HUANG" not in shown, shown
    plain = b"2026/11/20 14:00:00,00:00:27,2,625,O,900,900,,0,1000002,0,E625,Room 625,T9001,Line 1.1"
    frame = RawFrame(LinkName.SMDR, False, plain, at)
    assert masked(frame, NAMES).data == masked(frame).data and b"Room 625" in masked(frame).data
    gbk = "GI|RN338|XX黄晓明|".encode("gb18030")  # a field the FIAS masking does not know
    shown = masked(RawFrame(LinkName.PMS, False, gbk, at), NAMES, "gb18030").data
    assert "黄晓明".encode("gb18030") not in shown and b"RN338" in shown
