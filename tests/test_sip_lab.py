"""The SIP lab itself: Kamailio on a free port, baresip phones calling each other, sipp through the proxy."""

from pathlib import Path

import pytest

from tests.sip_lab import BaresipPhone, KamailioLab, run_sipp_calls

pytestmark = pytest.mark.sip


def test_two_phones_call_through_kamailio(kamailio: KamailioLab, baresip_phone) -> None:
    room = baresip_phone("1205", auto_answer=False)
    caller = baresip_phone("1203")
    caller.dial("1205")
    incoming = room.wait_event("CALL_INCOMING")
    assert "1203" in incoming.get("peeruri", "")
    room.accept()
    room.wait_event("CALL_ESTABLISHED")
    caller.wait_event("CALL_ESTABLISHED")
    assert "1205" in kamailio.rpc("dlg.list") or "1203" in kamailio.rpc("dlg.list")
    caller.hangup()
    room.wait_event("CALL_CLOSED")


def test_sipp_calls_reach_an_answering_phone(kamailio: KamailioLab, baresip_phone, tmp_path: Path) -> None:
    baresip_phone("100")
    result = run_sipp_calls(kamailio.domain, "100", tmp_path / "sipp", calls=3, rate=2, limit=1, hold_ms=200)
    assert result.ok, result.stdout[-2000:] + result.stderr[-2000:]


def test_digest_auth_accepts_the_right_password_only(kamailio_auth: KamailioLab) -> None:
    kamailio_auth.add_subscriber("1205", "secret1205")
    kamailio_auth.start()
    good = BaresipPhone("1205", kamailio_auth.domain, password="secret1205")
    bad = BaresipPhone("1205", kamailio_auth.domain, password="wrong")
    try:
        good.start()
        good.wait_registered()
        bad.start()
        with pytest.raises(TimeoutError):
            bad.wait_registered(timeout=3)
    finally:
        good.close()
        bad.close()


def test_restart_keeps_the_port(kamailio: KamailioLab) -> None:
    port = kamailio.port
    kamailio.restart()
    assert kamailio.running and kamailio.port == port
