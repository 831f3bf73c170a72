"""Postings to the PMS (PS/PA) as the specification asks, with an injected clock: one outstanding,
"not now" answers (RY, BY, NA) retried after a pause that grows, nothing during the night audit,
posting numbers from their source and kept through retries; the minibar form of PS. And the
session's keep-alive (an LS nobody answers ends the connection) and the PMS's LE."""

from __future__ import annotations

import itertools
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from switchboard.clock import FakeClock
from switchboard.fias.postings import FIRST_PAUSE, LONGEST_PAUSE, CountedNumbers, Posting
from switchboard.fias.records import FiasRecord, stamped
from switchboard.fias.session import FiasSession, LinkPhase

T0 = datetime(2026, 11, 21, 1, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
CALL = Posting("1012", datetime(2026, 11, 20, 22, 14, 5), 1050, "0139 0123 4567", 121, "N")


def _alive(clock: FakeClock, numbers: CountedNumbers | None = None) -> FiasSession:
    session = FiasSession(clock.now, lambda _rec: None, numbers=numbers)
    session.connected()
    session.receive(stamped("LS", clock.now()))
    session.receive(stamped("LA", clock.now()))
    assert session.phase is LinkPhase.ALIVE
    return session


def _pa(ps: FiasRecord, status: str) -> FiasRecord:
    return FiasRecord("PA", (("AS", status), ("RN", ps.get("RN")), ("P#", ps.get("P#"))))


def _ps(records: list[FiasRecord]) -> list[FiasRecord]:
    return [r for r in records if r.kind == "PS"]


def _tick(session: FiasSession, clock: FakeClock) -> list[FiasRecord]:
    """A tick, with the PMS answering a keep-alive LS with LA as IFC does."""
    out = session.tick()
    if any(r.kind == "LS" for r in out):
        out += session.receive(stamped("LA", clock.now()))
    return out


def test_not_now_answers_are_retried_after_a_pause_that_doubles_never_in_a_tight_loop() -> None:
    clock = FakeClock(T0)
    session = _alive(clock)
    settled: list[bool] = []
    session.on_settled = lambda _p, posted: settled.append(posted)
    (ps,) = _ps(session.post(CALL))
    sent_at = [clock.now()]
    for status in ("RY", "BY", "NA", "RY", "RY", "RY", "RY"):
        assert _ps(session.receive(_pa(ps, status))) == []  # never straight back
        pause = min(FIRST_PAUSE * 2 ** (len(sent_at) - 1), LONGEST_PAUSE)
        clock.advance(pause - timedelta(seconds=1))
        assert _ps(_tick(session, clock)) == []
        clock.advance(timedelta(seconds=1))
        (again,) = _ps(_tick(session, clock))
        assert again.get("P#") == ps.get("P#")  # the same posting, its number kept
        sent_at.append(clock.now())
        ps = again
    gaps = [b - a for a, b in itertools.pairwise(sent_at)]
    assert gaps == sorted(gaps) and gaps[0] == FIRST_PAUSE and gaps[-1] == LONGEST_PAUSE
    session.receive(_pa(ps, "OK"))
    assert settled == [True] and session.pending_postings == 0


def test_no_posting_goes_between_night_audit_start_and_end() -> None:
    clock = FakeClock(T0)
    session = _alive(clock)
    session.receive(stamped("NS", clock.now()))
    assert _ps(session.post(CALL)) == []
    for _ in range(10):
        clock.advance(timedelta(minutes=5))
        assert _ps(_tick(session, clock)) == []
    (ps,) = _ps(session.receive(stamped("NE", clock.now())))
    assert ps.get("P#") == "1"


def test_a_night_audit_whose_end_never_came_holds_the_charges_only_for_so_long() -> None:
    clock = FakeClock(T0)
    session = _alive(clock)
    session.receive(stamped("NS", clock.now()))
    session.post(CALL)
    clock.advance(timedelta(hours=3, minutes=59))
    assert _ps(_tick(session, clock)) == []
    clock.advance(timedelta(minutes=2))
    assert len(_ps(_tick(session, clock))) == 1


def test_one_posting_outstanding_and_numbers_from_their_source() -> None:
    clock = FakeClock(T0)
    numbers = CountedNumbers(last=41)
    session = _alive(clock, numbers)
    (first,) = _ps(session.post(CALL))
    assert _ps(session.post(CALL)) == []  # waits for the PA of the first
    (second,) = _ps(session.receive(_pa(first, "OK")))
    assert (first.get("P#"), second.get("P#"), numbers.last) == ("42", "43", 43)
    assert CountedNumbers(last=99_999_999).take() == 1  # 1-99999999, then round again


def test_a_number_source_that_fails_holds_the_charge_without_losing_it() -> None:
    class Away:
        def take(self) -> int:
            raise OSError("database away")

    clock = FakeClock(T0)
    session = FiasSession(clock.now, lambda _rec: None, numbers=Away())
    session.connected()
    session.receive(stamped("LS", clock.now()))
    session.receive(stamped("LA", clock.now()))
    assert _ps(session.post(CALL)) == [] and session.pending_postings == 1


def test_a_minibar_posting_is_ps_of_type_m_with_article_and_count() -> None:
    """Minibar: PT=M (spec's PS table), article MA and number of articles M# as NethVoice's
    minibar.php sends them (nethesis/ns8-nethvoice, freepbx/usr/share/neth-hotel-fias/minibar.php)."""
    clock = FakeClock(T0)
    session = _alive(clock)
    (ps,) = _ps(session.post(Posting("1012", datetime(2026, 11, 21, 0, 40), 0, article="12", quantity=2)))
    assert (ps.get("RN"), ps.get("PT"), ps.get("MA"), ps.get("M#")) == ("1012", "M", "12", "2")
    assert not ps.has("TA")  # the PMS prices it
    assert (ps.get("DA"), ps.get("TI"), ps.get("P#")) == ("261121", "004000", "1")
    (priced,) = _ps(session.receive(_pa(ps, "OK")) + session.post(Posting("1012", T0, 800, article="7")))
    assert (priced.get("PT"), priced.get("TA"), priced.get("M#")) == ("M", "800", "1")


def test_a_keep_alive_left_unanswered_ends_the_connection() -> None:
    """Half-open TCP: writes succeed but nothing comes back. The LS sent after five idle minutes
    (spec: at most one a five minutes) must be answered within the answer time-out."""
    clock = FakeClock(T0)
    session = _alive(clock)
    clock.advance(timedelta(minutes=4, seconds=59))
    assert session.tick() == []
    clock.advance(timedelta(seconds=1))
    assert [r.kind for r in session.tick()] == ["LS"]
    clock.advance(timedelta(seconds=10))
    session.receive(stamped("LA", clock.now()))  # answered: the link stays
    clock.advance(timedelta(minutes=1))
    assert session.tick() == [] and session.phase is LinkPhase.ALIVE
    clock.advance(timedelta(minutes=4))
    assert [r.kind for r in session.tick()] == ["LS"]
    clock.advance(timedelta(seconds=29))
    assert session.tick() == [] and session.phase is LinkPhase.ALIVE
    clock.advance(timedelta(seconds=1))
    session.tick()
    assert session.phase is LinkPhase.ENDED and "keep-alive" in session.end_reason
    assert not session.ended_by_pms
    session.disconnected()
    assert session.phase is LinkPhase.DOWN and session.end_reason == ""


def test_any_record_answers_the_keep_alive_and_the_pms_le_is_answered_once() -> None:
    clock = FakeClock(T0)
    session = _alive(clock)
    clock.advance(timedelta(minutes=5))
    assert [r.kind for r in session.tick()] == ["LS"]
    session.receive(FiasRecord("RE", (("RN", "101"), ("DN", "Y"))))
    clock.advance(timedelta(minutes=1))
    session.tick()
    assert session.phase is LinkPhase.ALIVE
    assert [r.kind for r in session.receive(stamped("LE", clock.now()))] == ["LE"]
    assert session.phase is LinkPhase.ENDED and session.ended_by_pms
    # Nothing more on this connection: no LD for an LS, no answer to data, no keep-alive.
    assert session.receive(stamped("LS", clock.now())) == []
    clock.advance(timedelta(minutes=10))
    assert session.tick() == [] and session.post(CALL) == []


def test_a_link_start_left_unanswered_ends_the_connection() -> None:
    """Our LS (no LS came), or our link description after the PMS's LS, must be answered within the
    answer time-out (spec: LA after init is an application answer); else the connection is called again."""
    for opening in ("our LS", "their LS"):
        clock = FakeClock(T0)
        session = FiasSession(clock.now, lambda _rec: None)
        session.connected()
        if opening == "our LS":
            assert [r.kind for r in session.start()] == ["LS"]
        else:
            assert session.receive(stamped("LS", clock.now()))[-1].kind == "LA"
        clock.advance(timedelta(seconds=29))
        assert session.tick() == [] and session.phase is not LinkPhase.ENDED
        clock.advance(timedelta(seconds=1))
        session.tick()
        assert session.phase is LinkPhase.ENDED and "link start" in session.end_reason
    clock = FakeClock(T0)
    session = _alive(clock)
    clock.advance(timedelta(minutes=1))
    session.tick()
    assert session.phase is LinkPhase.ALIVE
