"""pytest fixtures for the SIP lab; every process they start is stopped at teardown, even on failure."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from tests.sip_lab.baresip import BaresipPhone
from tests.sip_lab.kamailio import KamailioLab


@pytest.fixture
def kamailio() -> Iterator[KamailioLab]:
    """A fresh Kamailio (no auth) on a free port."""
    lab = KamailioLab(subs_max_expires=20)
    lab.start()
    try:
        yield lab
    finally:
        lab.close()


@pytest.fixture
def kamailio_auth() -> Iterator[KamailioLab]:
    """Kamailio with digest auth, not started: add_subscriber(ext, pw), then start()."""
    lab = KamailioLab(auth=True, subs_max_expires=20)
    try:
        yield lab
    finally:
        lab.close()


@pytest.fixture
def baresip_phone(kamailio: KamailioLab) -> Iterator[Callable[..., BaresipPhone]]:
    """Factory: baresip_phone("1205", auto_answer=True) -> a registered phone on the `kamailio` lab."""
    phones: list[BaresipPhone] = []

    def make(ext: str, auto_answer: bool = True, password: str | None = None) -> BaresipPhone:
        phone = BaresipPhone(ext, kamailio.domain, auto_answer=auto_answer, password=password)
        phones.append(phone)
        phone.start()
        phone.wait_registered()
        return phone

    try:
        yield make
    finally:
        for p in phones:
            p.close()
