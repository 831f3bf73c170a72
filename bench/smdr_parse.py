"""SMDR parsing speed per format: each format's sample records repeated, fed in 4 KiB chunks.

Every field of every record is checked as in production (the built-in profiles); Mitel 5000 is
measured twice, as serial lines and as TCP frames with their 4-byte length. The rate is per second of
the process's own CPU time, best of three runs, so other work on a shared machine does not count.
"""

from __future__ import annotations

import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from switchboard.smdr.parsers import SmdrFormat, parser_for

DATA = Path(__file__).resolve().parent.parent / "tests" / "data" / "smdr"
TODAY = date(2026, 11, 20)
TRUNKS = frozenset({"211553", "211474", "stadionpbx"})
FILES = {
    SmdrFormat.AVAYA_IP_OFFICE: "avaya_ipo_examples.txt",
    SmdrFormat.MITEL_5000: "mitel_5000.txt",
    SmdrFormat.ASTERISK_CSV: "asterisk_public_master.csv",
    SmdrFormat.MITEL_MIVOICE_BUSINESS: "mivb_examples.txt",
    SmdrFormat.NEC_SL: "nec_sl_report.txt",
    SmdrFormat.PANASONIC_KX: "panasonic_pattern_a.txt",
    SmdrFormat.THREECX: "threecx_cdr.txt",
}
RECORDS = 60_000


def rate(fmt: SmdrFormat, stream: bytes, framed: bool = False) -> tuple[int, float]:
    best = 0.0
    for _ in range(3):
        parser = parser_for(fmt, TODAY, trunks=TRUNKS, length_framing=framed)
        started = time.process_time()
        count = 0
        for at in range(0, len(stream), 4096):
            count += len(parser.feed(stream[at : at + 4096]))
        best = max(best, count / (time.process_time() - started))
    return count, best


def main() -> None:
    rates = []
    for fmt, name in FILES.items():
        lines = (DATA / name).read_bytes().splitlines()
        good = [line + b"\r\n" for line in lines if parser_for(fmt, TODAY, trunks=TRUNKS).feed(line + b"\n")]
        count, per_s = rate(fmt, b"".join(good) * (RECORDS // len(good)))
        rates.append(per_s)
        print(f"{fmt.value}: records={count} records_per_s={per_s:.0f}")
        if fmt is SmdrFormat.MITEL_5000:
            frames = b"".join(len(line).to_bytes(4, "little") + line for line in good)
            count, per_s = rate(fmt, frames * (RECORDS // len(good)), framed=True)
            rates.append(per_s)
            print(f"{fmt.value} (TCP frames): records={count} records_per_s={per_s:.0f}")
    print(f"smdr_parse: min_records_per_s={min(rates):.0f}")


if __name__ == "__main__":
    main()
