"""RFC 4235 dialog-info bodies (the BLF NOTIFY payload) into one lamp state, without any I/O.

Every <dialog> is read, not only the first: a phone with a held call and a ringing one shows as ringing,
because the operator must see a room being called before anything else. Each dialog's direction, state
and remote party are kept too (bounded): a room that dialled an emergency number is seen from them
(``switchboard.emergency_dialogs``).
"""

from __future__ import annotations

import logging
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass

from switchboard.pbx import LampState

log = logging.getLogger(__name__)

NS = "{urn:ietf:params:xml:ns:dialog-info}"
MAX_BODY = 12288
MAX_DIALOGS = 32  # read from one document; a telephone has a handful at most
MAX_TEXT = 256  # an identity, a target, an id or a Call-ID longer than this is cut
_VERSION = re.compile(r"[0-9]{1,19}", re.ASCII)

# Which dialog wins when a phone has several: the one an operator most needs to know about.
_PRIORITY = {LampState.RINGING: 4, LampState.HELD: 3, LampState.BUSY: 2, LampState.IDLE: 1}


@dataclass(frozen=True, slots=True)
class Dialog:
    """One <dialog> of a document (RFC 4235 §4.1.6): who started it and who is at the other end."""

    id: str
    call_id: str  # "" when the notifier leaves it out (it is optional)
    direction: str  # "initiator": the watched telephone placed the call; "recipient"; or ""
    state: str  # lower case: trying, proceeding, early, confirmed, terminated
    remote_identity: str  # <remote><identity>: whom the telephone called (or who called it)
    remote_target: str  # <remote><target uri=...>


@dataclass(frozen=True)
class DialogInfo:
    """What one NOTIFY said about one watched extension."""

    entity: str  # the watched URI, e.g. sip:1203@127.0.0.1
    version: int | None
    full: bool  # state="full": replaces what we knew; "partial" adds to it
    lamp: LampState
    dialogs: tuple[Dialog, ...] = ()


def user_of(uri: str) -> str:
    """The user part of a ``sip:``, ``sips:`` or ``tel:`` URI (``<sip:0110@pbx;user=phone>`` -> ``0110``),
    or "" for anything else."""
    text = uri.strip()
    if text.startswith("<") and text.endswith(">"):
        text = text[1:-1].strip()
    scheme, colon, rest = text.partition(":")
    if not colon or scheme.lower() not in ("sip", "sips", "tel"):
        return ""
    if scheme.lower() == "tel":
        return rest.split(";", 1)[0]
    user, at, _host = rest.rpartition("@")  # "110@x@pbx" is not 110
    return user.split(";", 1)[0] if at else ""


def names_extension(info: DialogInfo, extension: str) -> bool:
    """Whether the document is about ``extension``: its entity's user part is the extension (or it names
    no entity). Only the user part is compared: the PBX writes the entity with its presentity domain
    (the lab's Kamailio ``sip:1208@127.0.0.1``) while the console subscribes ``sip:1208@host:port``, and
    a PBX with several addresses may name itself differently again; the subscription's dialog already
    says which PBX sent it."""
    return not info.entity or user_of(info.entity) == extension


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _dialog_lamp(dialog: ET.Element) -> LampState:
    state = ""
    held = False
    for child in dialog.iter():
        name = _local(child.tag)
        if name == "state" and not state:
            state = (child.text or "").strip().lower()
        elif name == "param" and (child.get("pname") or "").lower() == "+sip.rendering":
            held = held or (child.get("pval") or "").strip().lower() == "no"
    if state in ("trying", "proceeding", "early"):
        return LampState.RINGING
    if state == "confirmed":
        return LampState.HELD if held else LampState.BUSY
    if state == "terminated":
        return LampState.IDLE
    return LampState.UNKNOWN


def _text(value: str | None) -> str:
    return (value or "").strip()[:MAX_TEXT]


def _dialog(element: ET.Element) -> Dialog:
    state = element.find(f"{NS}state")
    remote = element.find(f"{NS}remote")
    identity = remote.find(f"{NS}identity") if remote is not None else None
    target = remote.find(f"{NS}target") if remote is not None else None
    return Dialog(
        id=_text(element.get("id")),
        call_id=_text(element.get("call-id")),
        direction=_text(element.get("direction")).lower(),
        state=_text(state.text if state is not None else "").lower(),
        remote_identity=_text(identity.text if identity is not None else ""),
        remote_target=_text(target.get("uri") if target is not None else ""),
    )


def parse_dialog_info(body: bytes | str) -> DialogInfo | None:
    """The lamp for a dialog-info document, or None (logged) if the body is not one.

    A NOTIFY body comes off the network: bounded in size, and never with a DOCTYPE (a dialog-info document
    needs none, and entity declarations are how an XML body makes a parser expand it a billion times)."""
    raw = body.encode("utf-8", errors="replace") if isinstance(body, str) else body
    if len(raw) > MAX_BODY:
        log.warning("dialog-info body of %d bytes ignored", len(raw))
        return None
    if b"\x00" in raw:  # UTF-16 or UTF-32 would carry a DOCTYPE past the check below
        log.warning("dialog-info body not XML: NUL bytes")
        return None
    if b"<!DOCTYPE" in raw.upper() or b"<!ENTITY" in raw.upper():
        log.warning("dialog-info body with a DOCTYPE or entities ignored")
        return None
    try:
        root = ET.fromstring(raw)
    except (ET.ParseError, ValueError) as exc:
        log.warning("dialog-info body not XML: %s", exc)
        return None
    if root.tag != f"{NS}dialog-info":  # RFC 4235 §4.1: the element in its namespace, nothing else
        log.warning("not a dialog-info document: <%s>", root.tag[:80])
        return None
    raw_version = (root.get("version") or "").strip()
    # xs:nonNegativeInteger in ASCII digits only: int() would also take '٣' or '²'-like digits.
    version = int(raw_version) if _VERSION.fullmatch(raw_version) else None
    elements = [d for d in root if d.tag == f"{NS}dialog"]
    if len(elements) > MAX_DIALOGS:
        log.warning("dialog-info with %d dialogs: the first %d read", len(elements), MAX_DIALOGS)
        elements = elements[:MAX_DIALOGS]
    lamps = [_dialog_lamp(d) for d in elements]
    known = [s for s in lamps if s is not LampState.UNKNOWN]
    if known:
        lamp: LampState = max(known, key=lambda s: _PRIORITY[s])
    elif lamps:
        lamp = LampState.UNKNOWN
    else:
        lamp = LampState.IDLE  # no dialogs at all: nothing going on at that phone
    return DialogInfo(
        entity=root.get("entity") or "",
        version=version,
        full=(root.get("state") or "full").lower() != "partial",
        lamp=lamp,
        dialogs=tuple(_dialog(d) for d in elements),
    )
