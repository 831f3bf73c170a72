"""The ways a guest's name is written in free text, to find a privacy guest's name beside their room.

An operator types a name as it comes: the surname alone ("Mr Al-Rashid", "Huang"), the given name
first ("Omar Al-Rashid"), pinyin run together or split ("Huang Xiaoming", "Huang Xiao-Ming"), in
capitals, with accents or without, in full-width letters from a Chinese input method.  Text and
names are compared in one folded form (compatibility form, no accents, case folded) and the name's
words may be joined by nothing, a space, a hyphen, a dot or a comma.  A surname alone counts unless
it is an everyday word too ("Long", "Fan", "He"): those, and a given name alone, count only after a
title ("Ms Long", "Sheikh Omar").  What matches is replaced in the text as typed.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

MASK = "***"

# letters and digits of scripts that separate words with spaces: a Latin name must not start or end
# inside such a word; Han text runs without spaces, so a Han name has no such edge
_WORD = "0-9a-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff\u0590-\u06ff"
_JOIN = r"[\s\-\u2010-\u2015·・.,'’_]*"  # between the words of one name: nothing or a separator
_SPLIT = re.compile(r"[\s\-\u2010-\u2015·・.,'’_]+")
TITLES = (
    "mr", "mrs", "ms", "miss", "mx", "mister", "dr", "prof", "sir", "dame", "lady", "lord", "madam",
    "madame", "mme", "mlle", "herr", "frau", "sr", "sra", "srta", "sheikh", "sheikha", "shaikh",
    "sayed", "sayyid", "capt", "captain",
)  # fmt: skip
HONORIFICS = ("先生", "女士", "小姐", "太太", "夫人", "总", "老师")  # after a Han surname: 黄先生
HAN_COMPOUND_SURNAMES = (
    "欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "慕容", "令狐", "夏侯", "尉迟", "公孙", "长孙",
    "司徒", "端木", "独孤", "南宫", "宇文", "轩辕", "呼延", "澹台",
)  # fmt: skip
# Surnames that are also everyday words (English, or pinyin syllables that are English words):
# alone they would mask "the lift is long" or "a song in 624".  With a title they are masked.
_COMMON = """
    able baker bank banks bell best bird black blue bond boss bright brown buck burns bush call
    camp card case cash chase church clay cook cross dale dawn deal dean doll door down drew duke
    early east ferry field fish floor ford fountain fox frank free front gate gold golden good
    grant gray green grey guest hall hand hang hard hart hill holiday hope horn house hung hunt hunter
    joy keen king knight lake lamb land lane late law lift light lime little lock long love lucky
    mail major march mark marsh mason may mile miles mill moon more morning near new
    nice night noble north page park parks pass pearl penny pool porter post price quick rain
    ready rich ring rivers road rock room rose royal sale salt sand short silver sing singer
    small smart snow song south spring stand star steel stone storm street strong summer swan tang
    tea thing tower town trip wait walker wall ward warm water waters way well wells
    west white wild will wing winter wise wood woods young
"""
_SHORT = """
    a i am an as at be bo by do go ha he hi ho if in is it me my no of oh ok on or so to up us we
    all and any are bad big boy but can car day did end fan far few for fun get got had has her him
    his how its let lot man may new not now old one our out own pan put red run saw say see set she
    sit six son sun tan ten the too top two use van war was way who why win yes yet you
"""
COMMON_WORDS = frozenset(_COMMON.split()) | frozenset(_SHORT.split())


def _is_han(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"


def _fold_char(ch: str) -> str:
    plain = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
    plain = plain.casefold()
    return "".join(c for c in unicodedata.normalize("NFKD", plain) if not unicodedata.combining(c))


def fold(text: str) -> str:
    """``text`` in the form names are compared in: compatibility characters (full-width letters and
    digits), no accents, case folded."""
    return "".join(_fold_char(ch) for ch in text)


def _folded_with_map(text: str) -> tuple[str, list[int]]:
    """The folded text, and for each of its characters the index of the character it came from."""
    out: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(text):
        f = _fold_char(ch)
        out.append(f)
        where.extend([i] * len(f))
    return "".join(out), where


def _words(part: str) -> list[str]:
    return [w for w in _SPLIT.split(fold(part)) if w]


def _seq(words: Sequence[str]) -> str:
    return _JOIN.join(re.escape(w) for w in words)


def _letters(words: Iterable[str]) -> int:
    return sum(1 for w in words for ch in w if ch.isalpha())


@dataclass(frozen=True)
class GuestName:
    """A guest's name as the hotel holds it: ``name`` as stored ("Al-Rashid, Omar", "黄晓明", "Smith"),
    ``first_name`` when kept apart, ``romanised`` (pinyin for a Han name), ``title``."""

    name: str
    first_name: str = ""
    romanised: str = ""
    title: str = ""


def _parts(guest: GuestName) -> list[tuple[list[str], list[str]]]:
    """(surname words, given-name words) in each script the name is known in."""
    name = guest.name.strip()
    found: list[tuple[list[str], list[str]]] = []
    han = [ch for ch in name if _is_han(ch)]
    if han and len(han) == len(name.replace(" ", "")):
        cut = 2 if len(han) > 2 and "".join(han[:2]) in HAN_COMPOUND_SURNAMES else 1
        if len(han) >= 2:
            found.append(([fold("".join(han[:cut]))], [fold("".join(han[cut:]))]))
        syllables = _words(guest.romanised)
        if len(syllables) == len(han) and len(syllables) >= 2:
            found.append((syllables[:cut], syllables[cut:]))
        elif syllables:
            found.append((syllables, []))
        return found
    if "," in name:
        surname, given = name.split(",", 1)
        found.append((_words(surname), _words(given)))
    elif guest.first_name.strip():
        found.append((_words(name), _words(guest.first_name)))
    else:
        words = _words(name)
        found.append((words[-1:], words[:-1]) if len(words) > 1 else (words, []))
    romanised = _words(guest.romanised)
    if romanised and romanised != found[0][0] + found[0][1]:
        found.append((romanised, []))
    return found


def _form(words: Sequence[str]) -> tuple[int, str, bool]:
    """(length, pattern, whether it is Han) of a name written as ``words``."""
    return len("".join(words)), _seq(words), _is_han(words[0][:1])


def _forms(guest: GuestName) -> tuple[list[tuple[int, str, bool]], list[tuple[int, str, bool]]]:
    """(forms that are the name on their own, name parts that count after a title)."""
    alone: list[tuple[int, str, bool]] = []
    after_title: list[tuple[int, str, bool]] = []
    whole = _words(guest.name)
    if whole and not guest.first_name.strip():  # a name kept apart from its first name is the surname
        alone.append(_form(whole))
    for surname, given in _parts(guest):
        if not surname:
            continue
        if _is_han(surname[0][:1]):
            if given:
                alone.append(_form(surname + given))
            alone.extend(_form([surname[0] + h]) for h in HONORIFICS)
            continue
        alone.append(_form(surname + given))
        if given:
            alone.append(_form(given + surname))
            if _letters(surname) >= 2 and "".join(surname) not in COMMON_WORDS:
                alone.append(_form(surname))
            after_title.append(_form(given))
        after_title.append(_form(surname))
    keep = [f for f in dict.fromkeys(alone) if f[0] >= 2]
    titled = [f for f in dict.fromkeys(after_title) if f[0] >= 1]
    return sorted(keep, key=lambda f: -f[0]), sorted(titled, key=lambda f: -f[0])


def name_pattern(guests: Iterable[GuestName]) -> re.Pattern[str] | None:
    """One pattern for the ways ``guests``' names are written, over folded text; the name is the
    match, or its group ``n`` after a title.  None when no guest has a name to look for."""
    alone: list[tuple[int, str, bool]] = []
    titled: list[tuple[int, str, bool]] = []
    titles = set(TITLES)
    for guest in guests:
        a, t = _forms(guest)
        alone.extend(a)
        titled.extend(t)
        own = fold(guest.title).strip(". ")
        if own and re.fullmatch(rf"[{_WORD}]+", own):
            titles.add(own)
    alone = sorted(dict.fromkeys(alone), key=lambda f: -f[0])
    titled = sorted(dict.fromkeys(titled), key=lambda f: -f[0])
    if not alone:
        return None
    branches = []
    if titled:
        words = "|".join(re.escape(t) for t in sorted(titles, key=len, reverse=True))
        inner = "|".join(p for _, p, han in alone + titled if not han)
        branches.append(rf"(?<![{_WORD}])(?:{words})(?:\.\s*|\s+)(?P<n>{inner})(?![{_WORD}])")
    for _, form, han in alone:
        branches.append(form if han else rf"(?<![{_WORD}])(?:{form})(?![{_WORD}])")
    return re.compile("|".join(branches))


def names_room(text: str, room: str) -> bool:
    """Whether ``text`` names room ``room`` (as a number of its own, in any width of digits)."""
    number = fold(room).strip()
    if not number:
        return False
    plain = fold(text)
    return number in plain and bool(re.search(rf"(?<![0-9a-z]){re.escape(number)}(?![0-9a-z])", plain))


def mask_names(text: str, pattern: re.Pattern[str] | None) -> str:
    """``text`` with every name ``pattern`` finds replaced by the mask, the rest as typed."""
    if pattern is None or not text:
        return text
    plain, where = _folded_with_map(text)
    spans: list[tuple[int, int]] = []
    for m in pattern.finditer(plain):
        a, b = m.span("n") if m.groupdict().get("n") is not None else m.span()
        if b <= a:
            continue
        start, end = where[a], where[b - 1] + 1
        while end < len(text) and not _fold_char(text[end]):  # an accent typed after the last letter
            end += 1
        spans.append((start, end))
    for start, end in reversed(spans):
        text = text[:start] + MASK + text[end:]
    return text
