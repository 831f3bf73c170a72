"""The operator's headset: PortAudio between the sound card and the SIP position's audio port.

The pjsua2 wheel has no sound devices, so call audio stops at an ``AudioMediaPort``
(``console_line.OperatorAudio``): frames heard queue up there, frames spoken are
queued for the caller. This stream moves them to and from the headset, 20 ms at a
time, on PortAudio's own thread. When the headset falls behind, the oldest heard
frames are dropped so the operator never hears the caller late.
"""

from __future__ import annotations

import logging
from collections import deque
from typing import Any, Protocol

log = logging.getLogger(__name__)

MOST_QUEUED = 4  # frames (80 ms) of call audio waiting for the headset before the oldest go


class AudioPort(Protocol):
    """Where call audio queues (``console_line.OperatorAudio.tap()``)."""

    @property
    def heard(self) -> deque[bytes]: ...

    def speak(self, frame: bytes) -> None: ...


class HeadsetError(Exception):
    """The headset could not be opened: no PortAudio, no such device, or the device refused."""


def devices() -> list[str]:
    """The sound devices PortAudio sees, by name, for the settings."""
    try:
        import sounddevice as sd
    except OSError:  # no PortAudio library on this machine
        return []
    return [str(d["name"]) for d in sd.query_devices()]


class Headset:
    def __init__(
        self, port: AudioPort, output: str = "default", input: str = "default", rate: int = 16000
    ) -> None:
        self._port = port
        self._output = output
        self._input = input
        self._rate = rate
        self._frame = rate // 50
        self._silence = bytes(self._frame * 2)
        self._stream: Any = None
        self.frames_played = 0
        self.frames_captured = 0
        self.underruns = 0

    def start(self) -> None:
        try:
            import sounddevice as sd
        except OSError as exc:
            raise HeadsetError(f"PortAudio is not installed: {exc}") from exc
        try:
            stream = sd.RawStream(
                samplerate=self._rate,
                blocksize=self._frame,
                channels=1,
                dtype="int16",
                device=(_device(self._input), _device(self._output)),
                callback=self._move,
                latency="low",
            )
            stream.start()
        except (sd.PortAudioError, ValueError) as exc:
            raise HeadsetError(f"headset {self._output!r}/{self._input!r}: {exc}") from exc
        self._stream = stream
        log.info("headset open: output %s, input %s, %d Hz", self._output, self._input, self._rate)

    def stop(self) -> None:
        stream, self._stream = self._stream, None
        if stream is not None:
            stream.stop()
            stream.close()

    def _move(self, indata: Any, outdata: Any, frames: int, _time: Any, status: Any) -> None:
        """PortAudio's thread: the caller's frame to the earpiece, the microphone's to the caller."""
        if status.output_underflow:
            self.underruns += 1
        heard = self._port.heard
        while len(heard) > MOST_QUEUED:
            heard.popleft()
        frame = self._silence
        if heard:
            frame = heard.popleft()
            self.frames_played += 1
        if len(frame) != len(outdata):
            frame = (frame + bytes(len(outdata)))[: len(outdata)]
        outdata[:] = frame
        self._port.speak(bytes(indata))
        self.frames_captured += 1


def _device(name: str) -> str | int | None:
    if name in ("", "default"):
        return None
    return int(name) if name.isdigit() else name
