"""Latin-script forms of guest names for the directory: pinyin and its initials
for Chinese names (张伟 -> "zhang wei", "zw"), the name itself, folded, otherwise."""

from __future__ import annotations

import unicodedata


def _is_han(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff"


def romanise(name: str) -> tuple[str, str]:
    """(romanised, initials) for a name in any script."""
    if any(_is_han(ch) for ch in name):
        from pypinyin import Style, lazy_pinyin  # its phrase dictionary takes a fifth of a second to load

        syllables = [s for s in lazy_pinyin(name, style=Style.NORMAL, errors="ignore") if s.strip()]
        return " ".join(syllables), "".join(s[0] for s in syllables)
    plain = unicodedata.normalize("NFKD", name)
    plain = "".join(ch for ch in plain if not unicodedata.combining(ch))
    words = [w for w in "".join(ch if ch.isalnum() else " " for ch in plain.casefold()).split() if w]
    return " ".join(words), "".join(w[0] for w in words)
