"""Outside tester, night round 4, issue 13: signed out with callers ringing, worked as an operator.

The whole training console in a child process (``tests.outsider_round4_console``): the operator
signs in through the sign-in box, parks a guest (F9), two more guests ring, Console → Sign out; then
on the cover F5, F7, F5, F6, F9 with a screenshot after each, and Ctrl+P / Ctrl+H."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from tests.test_outsider_night_round4_start import child


@pytest.fixture(scope="module", params=["en", "zh_CN"])
def signed_out(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    folder: Path = tmp_path_factory.mktemp(f"signout-{request.param}")
    rc, report, stderr = child(folder, "signout", request.param)
    assert rc == 0 and "Traceback" not in stderr, stderr[-2000:]
    return report


def test_the_cover_hides_the_screen_and_counts_the_callers(signed_out: dict[str, Any]) -> None:
    r = signed_out["signed_out"]
    assert signed_out["signed_in"]["covered"] is False
    assert r["covered"] is True and r["sign_in_open"] is True
    assert r["user"] in ("(signed out)", "（已签退）")
    assert {"302", "303"} <= set(r["waiting"])
    assert str(len(r["waiting"])) in r["cover_text"]


def test_call_keys_on_the_cover_answer_hold_and_release(signed_out: dict[str, Any]) -> None:
    r = signed_out["signed_out"]
    first = r["after_f5"]["active"]
    assert first is not None and first not in r["after_f5"]["waiting"]  # F5 answered the first caller
    assert r["after_f7"]["active"] is None and r["after_f7"]["held"] == [first]  # F7 held it
    second = r["after_second_f5"]["active"]
    assert second is not None and second != first  # F5 again: the next one, the held one kept
    assert r["after_f6"]["active"] is None and r["after_f6"]["held"] == [first]  # F6 released only it
    assert second not in r["after_f6"]["waiting"]
    assert r["after_f9"]["active"] is None and r["after_f9"]["held"] == [first]  # F9 with nothing: nothing


def test_the_cover_stops_counting_the_call_on_the_headset_as_waiting(signed_out: dict[str, Any]) -> None:
    r = signed_out["signed_out"]
    before = r["cover_text"]
    after = r["after_f5"]["cover"]
    assert after != before, (before, after)
    # the caller answered from the cover is named as on the line, and no longer counted as waiting
    talking, _, others = after.partition(" · ")
    assert talking.startswith(("On the line: ", "通话中：")), after
    counted = re.match(r"\d+", others)
    waiting_after = int(counted.group()) if counted else 0
    waiting_before = int(re.match(r"\d+", before).group())  # type: ignore[union-attr]
    assert waiting_after == waiting_before - 1, (before, after)


def test_console_keys_open_nothing_while_signed_out(signed_out: dict[str, Any]) -> None:
    assert signed_out["signed_out"]["opened_by_ctrl_keys"] == []
