"""A call-record format as data: where each field is, what it may hold, what its codes mean.

A hotel's engineer describes a PBX the console does not know in the settings file, one
``[smdr.profile NAME]`` section, and names it in ``[smdr] format``; the built-in formats
(``builtin.py``) are profiles too. Keys of a profile section:

- ``layout``: ``fixed`` (columns) or ``csv``; ``delimiter`` for csv (default ``,``).
- ``fields``: ``name place`` pairs, comma-separated. For fixed layouts the place is ``first-last``
  (1-based character positions, ``first-`` to the end of the line); for csv the 1-based column.
  Names: start (date and time), date, time, duration, ring, extension, number, trunk, type,
  direction, account, call_id, caller, called, answered, charge, currency.
- ``check_NAME``: a regular expression the field must match whole (after trimming blanks);
  a line whose field does not match is a bad line, never a wrong record.
- ``datetime_format``, ``date_format``, ``time_format``: strftime letters (``%Y/%m/%d %H:%M:%S``).
- ``time_is``: ``start`` or ``end`` (Panasonic prints the time a call ended).
- ``direction_field`` and ``direction_codes``: ``code:in|out|internal|skip`` pairs (``skip``: the
  line is no call, e.g. a buffer-full notice). Without them the direction comes from the parties:
  ``station`` (a regular expression for the hotel's telephones, its first group the extension) and
  ``trunk_party`` decide which of ``caller`` and ``called`` is the telephone.
- ``number_marks``: ``mark:in|internal`` pairs; a number starting with the mark (or ending with it,
  written ``$mark``) has that direction and loses the mark (Panasonic's ``<I>`` and ``EXT``).
- ``unanswered``: the extension text of a call nobody answered (Mitel's ``*****``).
- ``answered_codes``: values of the ``answered`` field that mean answered.
- ``not_calls``: a regular expression; lines it matches (report headers) are skipped, not bad.
- ``record_start``: a regular expression for the beginning of a record, to find a record glued
  behind half a line.
- ``min_fields`` / ``max_fields`` (csv), ``min_length`` / ``max_length`` (fixed).
- ``tcp_framing``: ``lines`` or ``length32`` (a 4-byte little-endian length before each record);
  ``login``: ``mitel_5000`` (with ``[smdr] password``) or ``hex:…`` bytes sent after connecting.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from switchboard.smdr.records import Direction
from switchboard.smdr.timefmt import TimeFormat

FIELD_NAMES = (
    "start",
    "date",
    "time",
    "duration",
    "ring",
    "extension",
    "number",
    "trunk",
    "type",
    "direction",
    "account",
    "call_id",
    "caller",
    "called",
    "answered",
    "charge",
    "currency",
)
SKIP = "skip"
_DIRECTIONS: dict[str, Direction | str] = {
    "in": Direction.INCOMING,
    "out": Direction.OUTGOING,
    "internal": Direction.INTERNAL,
    SKIP: SKIP,
}
_PRINTABLE = r"[^\x00-\x1f\x7f]*"


@dataclass(frozen=True, slots=True)
class Field:
    name: str
    start: int  # 0-based column (csv) or character (fixed)
    end: int = 0  # fixed: one past the last character; 0 to the end of the line
    check: re.Pattern[str] | None = None


@dataclass(frozen=True)
class Profile:
    name: str
    layout: str = "csv"
    fields: tuple[Field, ...] = ()
    delimiter: str = ","
    datetime_format: TimeFormat | None = None
    date_format: TimeFormat | None = None
    time_format: TimeFormat | None = None
    time_is_end: bool = False
    direction_field: str = ""
    direction_codes: dict[str, Direction | str] = field(default_factory=dict)
    number_marks: tuple[tuple[str, Direction], ...] = ()
    station: re.Pattern[str] | None = None
    trunk_party: re.Pattern[str] | None = None
    unanswered: str = ""
    answered_codes: frozenset[str] = frozenset()
    not_calls: re.Pattern[str] | None = None
    record_start: re.Pattern[str] | None = None
    min_fields: int = 1
    max_fields: int = 200
    tcp_framing: str = "lines"
    login: str = ""
    dialect: str = ""  # built-in rules beyond the generic ones: avaya, asterisk
    documented: str = ""  # where the layout comes from

    def place(self, name: str) -> Field | None:
        for f in self.fields:
            if f.name == name:
                return f
        return None


def _regex(text: str, key: str) -> re.Pattern[str]:
    try:
        return re.compile(text)
    except re.error as exc:
        raise ValueError(f"{key}: {exc}") from exc


def _fields(spec: str, layout: str, checks: dict[str, str], allowed: tuple[str, ...]) -> tuple[Field, ...]:
    out: list[Field] = []
    for part in (p.strip() for p in spec.split(",")):
        if not part:
            continue
        bits = part.split()
        if len(bits) != 2:
            raise ValueError(f"fields: {part!r} is not 'name place'")
        name, place = bits
        if name not in allowed:
            raise ValueError(f"fields: unknown field {name!r} (known: {', '.join(allowed)})")
        if layout == "fixed":
            found = re.fullmatch(r"(\d+)-(\d*)", place)
            if not found or int(found[1]) < 1 or (found[2] and int(found[2]) < int(found[1])):
                raise ValueError(f"fields: {name} needs first-last character positions, not {place!r}")
            start, end = int(found[1]) - 1, int(found[2]) if found[2] else 0
        else:
            if not place.isdigit() or int(place) < 1:
                raise ValueError(f"fields: {name} needs a column number from 1, not {place!r}")
            start, end = int(place) - 1, 0
        check = checks.get(name)
        out.append(Field(name, start, end, _regex(check, f"check_{name}") if check is not None else None))
    if not out:
        raise ValueError("fields: none given")
    return tuple(out)


def _pairs(text: str, key: str) -> list[tuple[str, str]]:
    pairs = []
    for part in (p.strip() for p in text.split(",")):
        if not part:
            continue
        code, sep, meaning = part.rpartition(":")
        if not sep or not code:
            raise ValueError(f"{key}: {part!r} is not 'code:meaning'")
        pairs.append((code.strip(), meaning.strip()))
    return pairs


def profile_from_section(name: str, values: dict[str, str], extra_fields: tuple[str, ...] = ()) -> Profile:
    """A profile from its settings section; ``ValueError`` says which key is wrong and why."""
    v = {k.strip().lower(): val.strip() for k, val in values.items()}
    layout = v.get("layout", "csv")
    if layout not in ("csv", "fixed"):
        raise ValueError(f"layout: {layout!r} (use fixed or csv)")
    checks = {k[6:]: val for k, val in v.items() if k.startswith("check_")}
    fields = _fields(v.get("fields", ""), layout, checks, FIELD_NAMES + extra_fields)
    codes: dict[str, Direction | str] = {}
    for code, meaning in _pairs(v.get("direction_codes", ""), "direction_codes"):
        if meaning not in _DIRECTIONS:
            raise ValueError(f"direction_codes: {meaning!r} for {code!r} (use in, out, internal or skip)")
        codes[code] = _DIRECTIONS[meaning]
    marks = []
    for mark, meaning in _pairs(v.get("number_marks", ""), "number_marks"):
        direction = _DIRECTIONS.get(meaning)
        if not isinstance(direction, Direction):
            raise ValueError(f"number_marks: {meaning!r} for {mark!r} (use in, out or internal)")
        marks.append((mark, direction))
    framing = v.get("tcp_framing", "lines")
    if framing not in ("lines", "length32"):
        raise ValueError(f"tcp_framing: {framing!r} (use lines or length32)")
    login = v.get("login", "")
    if login and login != "mitel_5000" and not login.startswith("hex:"):
        raise ValueError(f"login: {login!r} (use mitel_5000 or hex:…)")
    if login.startswith("hex:"):
        try:
            bytes.fromhex(login[4:])
        except ValueError as exc:
            raise ValueError(f"login: {exc}") from exc
    time_is = v.get("time_is", "start")
    if time_is not in ("start", "end"):
        raise ValueError(f"time_is: {time_is!r} (use start or end)")
    direction_field = v.get("direction_field", "")
    if direction_field and direction_field not in {f.name for f in fields}:
        raise ValueError(f"direction_field: {direction_field!r} is not among the fields")

    def fmt(key: str) -> TimeFormat | None:
        return TimeFormat(v[key]) if v.get(key) else None

    def number(key: str, default: int) -> int:
        try:
            return int(v.get(key, default))
        except ValueError as exc:
            raise ValueError(f"{key}: {v[key]!r} is no number") from exc

    size = ("min_fields", "max_fields") if layout == "csv" else ("min_length", "max_length")
    profile = Profile(
        name=name,
        layout=layout,
        fields=fields,
        delimiter=v.get("delimiter", ",") or ",",
        datetime_format=fmt("datetime_format"),
        date_format=fmt("date_format"),
        time_format=fmt("time_format"),
        time_is_end=time_is == "end",
        direction_field=direction_field,
        direction_codes=codes,
        number_marks=tuple(marks),
        station=_regex(v["station"], "station") if v.get("station") else None,
        trunk_party=_regex(v["trunk_party"], "trunk_party") if v.get("trunk_party") else None,
        unanswered=v.get("unanswered", ""),
        answered_codes=frozenset(c.strip() for c in v.get("answered_codes", "").split(",") if c.strip()),
        not_calls=_regex(v["not_calls"], "not_calls") if v.get("not_calls") else None,
        record_start=_regex(v["record_start"], "record_start") if v.get("record_start") else None,
        min_fields=number(size[0], 1),
        max_fields=number(size[1], 200 if layout == "csv" else 4096),
        tcp_framing=framing,
        login=login,
        dialect=v.get("dialect", ""),
        documented=v.get("documented", ""),
    )
    if not (profile.direction_field or profile.number_marks or profile.station or profile.dialect):
        raise ValueError("direction: give direction_field and direction_codes, number_marks, or station")
    if profile.direction_field and not profile.direction_codes:
        raise ValueError("direction_codes: needed with direction_field")
    if profile.place("start") is None and profile.place("time") is None:
        raise ValueError("fields: a start (date and time) or a time field is needed")
    if profile.place("start") is not None and profile.datetime_format is None:
        raise ValueError("datetime_format: needed for the start field")
    return profile


def mitel_login(password: str) -> bytes:
    """The Mitel 5000 collector's login: its byte count (LE, itself excluded), 0x84, the password, NUL."""
    secret = password.encode("ascii", errors="strict")
    if len(secret) > 15 or b"\x00" in secret:
        raise ValueError("the Mitel SMDR password is up to 15 ASCII characters")
    body = b"\x84" + secret + b"\x00"
    return len(body).to_bytes(4, "little") + body


def login_frame(profile: Profile, password: str = "") -> bytes:
    if profile.login == "mitel_5000":
        return mitel_login(password)
    if profile.login.startswith("hex:"):
        return bytes.fromhex(profile.login[4:])
    return b""


PRINTABLE = re.compile(_PRINTABLE)
