"""Who the SIP position trusts (the PBX's addresses, ``[pbx] trusted`` addresses, networks and names, its own
line by exact address) and what the link monitor gets of the rest: counts, and bad frames at a bounded rate.
Addresses from RFC 5737's documentation ranges (192.0.2.0/24, 198.51.100.0/24) and the loopback."""

from __future__ import annotations

from hardware.sip.sip_guard import FRAMES_PER_S, SipGuard, ipv4_of
from switchboard.clock import FakeClock
from switchboard.link_monitor import LinkCounters, LinkJournal, RawFrame
from switchboard.pbx import LinkName


def test_the_pbx_its_cluster_and_nobody_else_are_trusted(clock: FakeClock) -> None:
    guard = SipGuard(
        "127.0.0.1:5060", ["198.51.100.0/28", "192.0.2.7", "localhost", "[::1]:5060", " "], clock, print
    )
    for address in ("127.0.0.1", "198.51.100.0", "198.51.100.15", "192.0.2.7", "::1"):
        assert guard.trusts((address, 5060)), address
    for address in ("127.0.0.2", "198.51.100.16", "192.0.2.8", "10.0.0.1", "", "not-an-address", "::2"):
        assert not guard.trusts((address, 5060)), address
    guard.also(("192.0.2.50", 40000))  # the console's own pjsua2 line: that port only
    assert guard.trusts(("192.0.2.50", 40000)) and guard.is_line(("192.0.2.50", 40000))
    assert not guard.trusts(("192.0.2.50", 40001))


def test_a_name_is_looked_up_once_and_an_address_is_itself() -> None:
    assert ipv4_of("localhost") == "127.0.0.1"
    assert ipv4_of("192.0.2.1") == "192.0.2.1"


def test_what_is_dropped_is_counted_and_shown_at_a_bounded_rate(clock: FakeClock) -> None:
    sent: list[object] = []
    guard = SipGuard("127.0.0.1", [], clock, sent.append)
    for n in range(FRAMES_PER_S * 5):
        guard.bad(f"INVITE {n}".encode(), ("192.0.2.66", 5060), "not the PBX", foreign=True)
    guard.bad(b"\xff\x00", ("127.0.0.1", 5060), "not a SIP start line", foreign=False)
    guard.good()
    guard.publish(force=True)
    frames = [e for e in sent if isinstance(e, RawFrame)]
    assert len(frames) == FRAMES_PER_S  # a flood costs the window at most this many frames a second
    assert frames[0].data.startswith(b"[192.0.2.66:5060 not the PBX] INVITE 0") and frames[0].bad
    assert all(f.link is LinkName.PBX for f in frames)
    counters = [e for e in sent if isinstance(e, LinkCounters)]
    assert counters[-1].errors == FRAMES_PER_S * 5 + 1 and counters[-1].records_in == 1
    assert (guard.refused, guard.rejected) == (FRAMES_PER_S * 5, 1)
    journal = LinkJournal()
    for event in sent:
        journal.take(event)
    assert journal.links[LinkName.PBX].counters == counters[-1]
    assert len(journal.links[LinkName.PBX].frames) == FRAMES_PER_S
