"""Compile every ``resources/i18n/*.ts`` into a ``.qm`` beside it (run by the set-up scripts).

Usage: ``python tools/build_translations.py`` (compile), or
``python tools/build_translations.py --extract ui/foo.py [...]`` to create or update
``resources/i18n/foo_zh_CN.ts`` from the strings in those files (existing translations kept).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
I18N = ROOT / "resources" / "i18n"


def _tool(name: str) -> str:
    exe = Path(sys.executable).parent / f"pyside6-{name}"
    if exe.exists():
        return str(exe)
    found = shutil.which(f"pyside6-{name}")
    if not found:
        raise SystemExit(f"pyside6-{name} not found: install PySide6 into this Python first")
    return found


def compile_all() -> int:
    sources = sorted(I18N.glob("*.ts"))
    for ts in sources:
        qm = ts.with_suffix(".qm")
        subprocess.run([_tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)
    print(f"translations: {len(sources)} compiled")
    return 0


def extract(files: list[str]) -> int:
    for name in files:
        stem = Path(name).stem
        ts = I18N / f"{stem}_zh_CN.ts"
        subprocess.run(
            [_tool("lupdate"), "-silent", "-no-obsolete", name, "-ts", str(ts)], check=True, cwd=ROOT
        )
        print(ts.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--extract":
        raise SystemExit(extract(sys.argv[2:]))
    raise SystemExit(compile_all())
