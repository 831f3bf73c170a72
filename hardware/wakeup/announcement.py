"""A spoken announcement made of recorded phrases: "Emergency call from room" + its characters.

The call-out after an unacknowledged emergency names the room, in the hotel's language, without a
speech synthesiser on the console's computer: the phrase and each digit are recordings
(``resources/sounds/emergency_<lang>_*.wav``, 8 kHz 16-bit mono like the wake-up message) joined
into one file the wake-up line plays.
"""

from __future__ import annotations

import wave
from collections.abc import Sequence
from pathlib import Path

SOUNDS = Path(__file__).resolve().parent.parent.parent / "resources" / "sounds"
PARAMS = (1, 2, 8000)  # channels, sample width, rate: what the lines play


def parts_for(room: str, number: str, language: str, sounds: Path = SOUNDS) -> list[Path]:
    """The recordings that say it: the opening phrase, the room's characters one by one (those
    with a recording), the number dialled, and the closing phrase; in English if the language has none."""
    lang = language if (sounds / f"emergency_{language}_from.wav").exists() else "en"

    def say(name: str) -> list[Path]:
        path = sounds / f"emergency_{lang}_{name}.wav"
        return [path] if path.exists() else []

    out = say("from")
    for ch in room:
        out += say(ch.lower()) if ch.isascii() and ch.isalnum() else []
    out += say("dialled")
    for ch in number:
        out += say(ch) if ch.isascii() and ch.isdigit() else []
    return out + say("go")


def join(parts: Sequence[Path], target: Path) -> Path:
    """One WAV of ``parts`` in order, with a short pause between them; every part must be 8 kHz mono."""
    pause = b"\x00\x00" * 1200  # 150 ms
    frames: list[bytes] = []
    for part in parts:
        with wave.open(str(part), "rb") as w:
            if (w.getnchannels(), w.getsampwidth(), w.getframerate()) != PARAMS:
                raise ValueError(f"{part.name} is not 8 kHz 16-bit mono")
            frames += [w.readframes(w.getnframes()), pause]
    target.parent.mkdir(parents=True, exist_ok=True)
    with wave.open(str(target), "wb") as out:
        out.setnchannels(PARAMS[0])
        out.setsampwidth(PARAMS[1])
        out.setframerate(PARAMS[2])
        out.writeframes(b"".join(frames * 2))  # said twice
    return target
