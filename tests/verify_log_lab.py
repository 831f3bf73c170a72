"""What the tamper-evidence tests share: the heads in anchor files, what the check finds against them,
and `main.py --verify-log` run as a person would run it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from db import anchor_file
from db.anchor_file import Head
from db.chain_anchor import check_anchors
from db.store import Store

ROOT = Path(__file__).resolve().parents[1]


def heads(*paths: Path) -> list[Head]:
    return [h for p in paths for h in anchor_file.read(p).heads]


def findings(store: Store, *paths: Path) -> list[str]:
    return [str(f) for f in check_anchors(store.engine, heads(*paths)).findings]


def verify(store: Store, *extra: str) -> subprocess.CompletedProcess[str]:
    url = store.engine.url.render_as_string(hide_password=False)
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--verify-log", "--database", url, *extra],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
