"""SMDR parsing speed per format: the golden lines repeated, fed in 4 KiB chunks."""

from __future__ import annotations

import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from switchboard.smdr.parsers import SmdrFormat, parser_for

DATA = Path(__file__).resolve().parent.parent / "tests" / "data" / "smdr"
FILES = {SmdrFormat.AVAYA_IP_OFFICE: "avaya_ipo.txt", SmdrFormat.MITEL_5000: "mitel_5000.txt",
         SmdrFormat.ASTERISK_CSV: "asterisk_master.csv"}


def main() -> None:
    rates = []
    for fmt, name in FILES.items():
        good = [line for line in (DATA / name).read_bytes().splitlines(keepends=True)
                if parser_for(fmt, date(2026, 11, 20)).feed(line)]
        stream = b"".join(good) * (60_000 // len(good))
        parser = parser_for(fmt, date(2026, 11, 20))
        started = time.perf_counter()
        count = 0
        for at in range(0, len(stream), 4096):
            count += len(parser.feed(stream[at : at + 4096]))
        rate = count / (time.perf_counter() - started)
        rates.append(rate)
        print(f"{fmt.value}: records={count} records_per_s={rate:.0f}")
    print(f"smdr_parse: min_records_per_s={min(rates):.0f}")


if __name__ == "__main__":
    main()
