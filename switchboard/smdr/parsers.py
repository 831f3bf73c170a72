"""The call-record formats by name, and a parser for each: built-in profiles or a hotel's own.

``[smdr] format`` names a built-in format (``SmdrFormat``) or a ``[smdr.profile NAME]`` section of
the settings file (``profile.py`` says what such a section holds).
"""

from __future__ import annotations

import enum
from datetime import date

from switchboard.smdr.builtin import builtin_profiles
from switchboard.smdr.parser import ProfileParser, Reading
from switchboard.smdr.profile import Profile, profile_from_section
from switchboard.smdr.records import CallRecord, Direction

__all__ = [
    "PROFILE_SECTION",
    "CallRecord",
    "Direction",
    "Profile",
    "ProfileParser",
    "Reading",
    "SmdrFormat",
    "SmdrParser",
    "builtin",
    "parser_for",
    "profile_named",
    "trunk_list",
]

SmdrParser = ProfileParser
PROFILE_SECTION = "smdr.profile "


class SmdrFormat(enum.Enum):
    AVAYA_IP_OFFICE = "avaya_ipo"
    MITEL_5000 = "mitel_5000"
    ASTERISK_CSV = "asterisk_csv"
    MITEL_MIVOICE_BUSINESS = "mitel_mivb"
    NEC_SL = "nec_sl"
    PANASONIC_KX = "panasonic_kx"
    THREECX = "threecx"


_BUILTIN = builtin_profiles()


def builtin(fmt: SmdrFormat) -> Profile:
    return _BUILTIN[fmt.value]


def profile_named(name: str, sections: dict[str, dict[str, str]] | None = None) -> Profile:
    """The profile ``[smdr] format`` names: a ``[smdr.profile NAME]`` section of the settings, else a
    built-in format. ``ValueError`` says what is unknown or wrong."""
    name = name.strip()
    section = (sections or {}).get(PROFILE_SECTION + name)
    if section is not None:
        try:
            return profile_from_section(name, section)
        except ValueError as exc:
            raise ValueError(f"[{PROFILE_SECTION}{name}] {exc}") from exc
    if name in _BUILTIN:
        return _BUILTIN[name]
    known = ", ".join(sorted(_BUILTIN))
    raise ValueError(f"no call-record format {name!r}: use one of {known} or add [{PROFILE_SECTION}{name}]")


def trunk_list(text: str) -> frozenset[str]:
    """``[smdr] trunks``: channel endpoints (SIP peers, PJSIP endpoints) that are trunks, comma-separated."""
    return frozenset(name.strip() for name in text.split(",") if name.strip())


def parser_for(
    fmt: SmdrFormat | Profile,
    today: date | None = None,
    *,
    trunks: frozenset[str] = frozenset(),
    length_framing: bool = False,
) -> ProfileParser:
    profile = fmt if isinstance(fmt, Profile) else _BUILTIN[fmt.value]
    return ProfileParser(profile, today, trunks=trunks, length_framing=length_framing)
