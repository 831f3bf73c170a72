"""The operator's headset over PortAudio and ALSA: what the caller says reaches the earpiece, what the
operator says reaches the call. The test device writes the earpiece to a file and plays a file as the
microphone, so both directions are checked by their tones."""

from __future__ import annotations

import array
import math
import time
from collections import deque
from collections.abc import Callable

import pytest

from hardware.sip.headset import Headset, HeadsetError, devices
from tests.conftest import HEADSET_DIR

RATE = 16000
FRAME = RATE // 50


def tone(hz: float, seconds: float, level: int = 8000) -> bytes:
    n = int(RATE * seconds)
    return array.array("h", (int(level * math.sin(2 * math.pi * hz * i / RATE)) for i in range(n))).tobytes()


def power(pcm: bytes, hz: float) -> float:
    """Goertzel: how much of ``hz`` is in the 16-bit samples."""
    samples = array.array("h", pcm[: len(pcm) // 2 * 2])
    coeff = 2 * math.cos(2 * math.pi * hz / RATE)
    s1 = s2 = 0.0
    for x in samples:
        s1, s2 = x + coeff * s1 - s2, s1
    return (s1 * s1 + s2 * s2 - coeff * s1 * s2) / max(1, len(samples)) ** 2


def voiced(pcm: bytes, frame: int = FRAME * 2) -> bytes:
    """The 20 ms frames that carry sound."""
    silence = bytes(frame)
    frames = (pcm[at : at + frame] for at in range(0, len(pcm) - frame + 1, frame))
    return b"".join(f for f in frames if f != silence)


class Port:
    """An audio port like the SIP position's: frames heard queue in, frames spoken are kept."""

    def __init__(self) -> None:
        self.heard: deque[bytes] = deque(maxlen=100)
        self.spoken: list[bytes] = []

    def speak(self, frame: bytes) -> None:
        self.spoken.append(frame)


def eventually(check: Callable[[], bool], timeout: float = 5.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and not check():
        time.sleep(0.02)
    assert check()


def test_the_test_headset_devices_are_listed() -> None:
    assert {"test_earpiece", "test_microphone"} <= set(devices())


def test_the_caller_is_heard_in_the_earpiece_and_the_microphone_reaches_the_call() -> None:
    (HEADSET_DIR / "microphone.raw").write_bytes(tone(660, 3.0))
    port = Port()
    caller = tone(440, 1.0)
    headset = Headset(port, output="test_earpiece", input="test_microphone", rate=RATE)
    headset.start()
    try:
        for at in range(0, len(caller), FRAME * 2):
            while len(port.heard) > 2:  # the call delivers a frame every 20 ms, not all at once
                time.sleep(0.005)
            port.heard.append(caller[at : at + FRAME * 2])
        eventually(lambda: len(port.spoken) > 40)
    finally:
        headset.stop()
    earpiece = (HEADSET_DIR / "earpiece.raw").read_bytes()
    assert headset.frames_played >= 45, "nearly every frame of the caller's second was played"
    played = voiced(earpiece)  # the test device has no clock: silence fills the gaps between frames
    assert len(played) >= 45 * FRAME * 2
    assert power(played, 440) > 20 * power(played, 660), "the earpiece carries the caller's tone"
    spoken = b"".join(port.spoken)
    assert power(spoken, 660) > 20 * power(spoken, 440), "the call carries the operator's microphone"
    assert all(len(f) == FRAME * 2 for f in port.spoken)


def test_a_late_headset_drops_old_audio_rather_than_lag() -> None:
    port = Port()
    for _ in range(50):
        port.heard.append(bytes(FRAME * 2))
    headset = Headset(port, output="test_earpiece", input="test_microphone", rate=RATE)
    headset.start()
    try:
        eventually(lambda: headset.frames_captured > 5)
    finally:
        headset.stop()
    assert headset.frames_played < 20 and not port.heard


def test_a_missing_device_is_named() -> None:
    with pytest.raises(HeadsetError, match="no such headset"):
        Headset(Port(), output="no such headset").start()
