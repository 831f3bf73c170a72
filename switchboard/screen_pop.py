"""Who is calling: what the caller panel shows the moment a call is answered,
and the greeting line the operator reads.

The records come through ``CallerLookup`` (implemented in ``db/``); the
greeting is plain text filled from the hotel's wording, in the guest's
language where the hotel has one (Chinese or English), so it can be tested
without a window.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from typing import Protocol


class CallerKind(Enum):
    ROOM = "room"
    DEPARTMENT = "department"
    STAFF = "staff"
    OUTSIDE = "outside"


@dataclass(frozen=True, slots=True)
class CallerInfo:
    number: str
    kind: CallerKind
    label: str = ""  # department or staff name; "" for rooms and outside lines
    label_zh: str = ""
    room: str = ""
    guest_name: str = ""
    romanised: str = ""
    title: str = ""
    vip_level: int = 0
    language: str = ""
    company: str = ""
    companions: str = ""
    privacy: bool = False
    privacy_note: str = ""
    dnd: bool = False
    messages_waiting: int = 0
    wakeup_at: datetime | None = None
    whereabouts: str = ""

    @property
    def is_guest(self) -> bool:
        return bool(self.guest_name)


class CallerLookup(Protocol):
    def who(self, number: str) -> CallerInfo: ...


# The hotel may change these; {title} and {surname} are filled from the guest record.
GREETINGS = {
    "en": {
        "morning": "Good morning, {title} {surname}. This is the operator, how may I help you?",
        "afternoon": "Good afternoon, {title} {surname}. This is the operator, how may I help you?",
        "evening": "Good evening, {title} {surname}. This is the operator, how may I help you?",
        "night": "Good morning, {title} {surname}. This is the operator, how may I help you?",
        "plain": "Good {part}, operator speaking, how may I help you?",
    },
    "zh": {
        "morning": "{surname}{title}，早上好！这里是总机，请问有什么可以帮您？",
        "afternoon": "{surname}{title}，下午好！这里是总机，请问有什么可以帮您？",
        "evening": "{surname}{title}，晚上好！这里是总机，请问有什么可以帮您？",
        "night": "{surname}{title}，您好！这里是总机，请问有什么可以帮您？",
        "plain": "您好，这里是总机，请问有什么可以帮您？",
    },
}

CHINESE_TITLES = {"先生", "女士", "小姐", "博士", "教授", "董事长", "总经理", "经理"}


def part_of_day(at: datetime) -> str:
    """Morning from 05:00, afternoon from 12:00, evening from 18:00; after midnight it is night, which
    English greets as morning (a guest rung at 01:00 is not wished a good evening)."""
    if at.hour < 5:
        return "night"
    if at.hour < 12:
        return "morning"
    return "afternoon" if at.hour < 18 else "evening"


def surname(name: str) -> str:
    """The surname to greet by: "Smith, John" -> "Smith"; "张伟" -> "张"; "欧阳娜娜" -> "欧阳"."""
    if "," in name:
        return name.split(",", 1)[0].strip()
    if name and all("\u4e00" <= ch <= "\u9fff" for ch in name):
        return name[:2] if name[:2] in {"欧阳", "司马", "诸葛", "上官", "东方", "慕容"} else name[:1]
    return name.split()[-1] if name.split() else name


def greeting(info: CallerInfo, at: datetime, wording: dict[str, dict[str, str]] | None = None) -> str:
    """The line to read on answering, in Chinese for Chinese-speaking guests, else English."""
    texts = wording or GREETINGS
    part = part_of_day(at)
    chinese = info.language == "zh" or info.title in CHINESE_TITLES
    lang = "zh" if chinese else "en"
    if not info.is_guest or (info.privacy and not info.guest_name):
        return texts[lang]["plain"].format(part="morning" if part == "night" else part)
    return texts[lang][part].format(title=info.title, surname=surname(info.guest_name)).replace("  ", " ")


def greeting_wording(overrides: dict[str, str]) -> dict[str, dict[str, str]]:
    """The hotel's own wording over the defaults: keys like ``en.morning`` or ``zh.plain``.

    A wording with an unknown placeholder is refused, so a typo in the settings
    never reaches the operator as a broken sentence."""
    wording = {lang: dict(parts) for lang, parts in GREETINGS.items()}
    for key, text in overrides.items():
        lang, _, part = key.partition(".")
        if lang in wording and part in wording[lang] and text.strip():
            try:
                text.format(title="", surname="", part="")
            except (KeyError, IndexError, ValueError):
                continue
            wording[lang][part] = text.strip()
    return wording
