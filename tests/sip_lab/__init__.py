"""The SIP lab for tests: Kamailio, baresip phones and sipp on loopback, on free ports."""

from tests.sip_lab.baresip import BaresipPhone
from tests.sip_lab.kamailio import KamailioLab
from tests.sip_lab.ports import free_port
from tests.sip_lab.sipp import run_sipp_calls

__all__ = ["BaresipPhone", "KamailioLab", "free_port", "run_sipp_calls"]
