"""A caller asks for a guest who asked for privacy: what the operator says, and what is recorded.

The hotel's words ("not registered / may I take a message") come from ``[greeting] en.privacy`` and
``zh.privacy``; the operator reads them instead of ever giving a room or putting the call through. The
call goes to the guest only when the operator confirms the caller gave the agreed password or name;
the guest's extension is then looked up by the stay, at that moment, by the service
(``PrivacyCalls``), and never reaches a view. Both answers are recorded in the call's note.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import Enum
from typing import Protocol

from switchboard.hotel import Actor

# The hotel may change these in [greeting] en.privacy / zh.privacy.
PRIVACY_WORDS = {
    "en": "I'm sorry, we have no guest registered under that name. May I take a message?",
    "zh": "对不起，我们没有这位客人的登记。请问需要留言吗？",
}
LIMIT = 400


def privacy_words(greeting: Mapping[str, str]) -> dict[str, str]:
    """The hotel's words over the defaults, one per language; blank or overlong settings are ignored."""
    words = dict(PRIVACY_WORDS)
    for lang in words:
        text = " ".join(str(greeting.get(f"{lang}.privacy", "")).split())
        if text and len(text) <= LIMIT and text.isprintable():
            words[lang] = text
    return words


class PrivacyAnswer(Enum):
    """What the operator confirmed; the value is the call's note (a record, in the hotel's files)."""

    GAVE_WORD = "privacy: caller gave the agreed word"
    TOLD_WORDS = "privacy: caller told the hotel's words"


class PrivacyCalls(Protocol):
    def confirm(self, call_id: str, stay_id: int, answer: PrivacyAnswer, actor: Actor) -> str:
        """Record the answer in the call's note; with ``GAVE_WORD`` return the guest's extension now
        (``""`` when the guest is no longer in house or no longer private), else ``""``."""
        ...

    def take_message(self, stay_id: int, sender: str, callback: str, text: str, actor: Actor) -> None: ...
