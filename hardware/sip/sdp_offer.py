"""Can the console's line take this offer? Read from the INVITE's SDP before the call rings, so a caller
whose telephone offers nothing the line speaks (opus only, video only) is told at once with 488 instead of
ringing until the PBX gives up. Sans-I/O, bounded, never raises: an offer it cannot read is left to pjsua2.

RFC 4566 §5.14 (m=, port 0 is a declined stream), §6 (a=rtpmap); RFC 3551 table 4 for the static payload
types; RFC 3264 §6: an answer needs at least one format in common on an audio stream we can accept.
"""

from __future__ import annotations

import re

# RFC 3551 table 4: static audio payload types (encoding/clock rate).
STATIC = {
    0: "pcmu/8000",
    3: "gsm/8000",
    4: "g723/8000",
    5: "dvi4/8000",
    6: "dvi4/16000",
    7: "lpc/8000",
    8: "pcma/8000",
    9: "g722/8000",  # RFC 3551 §4.5.2: G.722 is 16 kHz sound with an 8000 RTP clock, for history's sake
    10: "l16/44100",
    11: "l16/44100",
    12: "qcelp/8000",
    13: "cn/8000",
    14: "mpa/90000",
    15: "g728/8000",
    16: "dvi4/11025",
    17: "dvi4/22050",
    18: "g729/8000",
}
_MEDIA = re.compile(r"m=(\w+) ([0-9]{1,5})(?:/[0-9]{1,5})? ([A-Za-z0-9/]+)((?: [0-9]{1,3})*)", re.ASCII)
_RTPMAP = re.compile(r"a=rtpmap:([0-9]{1,3}) ([A-Za-z0-9._-]+)/([0-9]{1,6})", re.ASCII)
NOT_AUDIO = {"telephone-event", "cn", "red", "ulpfec", "rtx"}  # carried beside a codec, never instead


def line_codecs(codec_ids: list[str]) -> set[str]:
    """pjsua2's codec ids ("PCMU/8000/1", "G722/16000/1") as this module names formats."""
    names: set[str] = set()
    for codec in codec_ids:
        parts = codec.lower().split("/")
        if len(parts) >= 2:
            names.add(f"{parts[0]}/{parts[1]}")
            if parts[0] == "g722":
                names.add("g722/8000")  # its RTP clock in SDP (RFC 3551 §4.5.2)
    return names


def refusal(content_type: str, body: bytes, supported: set[str]) -> str:
    """Why the line cannot answer this offer ("" if it can, or if there is no SDP offer to judge)."""
    if not supported or not body.strip() or "application/sdp" not in content_type.lower():
        return ""
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        return ""
    offered: list[str] = []
    kinds: list[str] = []
    media: list[tuple[str, int, list[int]]] = []
    rtpmap: list[dict[int, str]] = []
    for line in text.splitlines()[:400]:
        m = _MEDIA.fullmatch(line.strip())
        if m:
            formats = [int(pt) for pt in m.group(4).split()]
            media.append((m.group(1).lower(), int(m.group(2)), formats))
            rtpmap.append({})
            continue
        r = _RTPMAP.match(line.strip())
        if r and rtpmap:
            rtpmap[-1][int(r.group(1))] = f"{r.group(2).lower()}/{r.group(3)}"
    for (kind, port, formats), names in zip(media, rtpmap, strict=True):
        kinds.append(kind)
        if kind != "audio" or port == 0:
            continue
        for pt in formats:
            name = names.get(pt) or STATIC.get(pt, "")
            if name and name.split("/", 1)[0] not in NOT_AUDIO:
                offered.append(name)
                if name in supported:
                    return ""
    if not media:
        return ""  # not an SDP we can read: pjsua2 decides
    if not offered:
        return f"no audio in the offer ({', '.join(sorted(set(kinds))) or 'no media'})"
    return f"no codec in common (offered {', '.join(dict.fromkeys(offered))})"
