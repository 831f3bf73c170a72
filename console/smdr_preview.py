"""``main.py --smdr-preview FILE [--format NAME]``: how each line of a capture from the PBX's call-record
port parses, field by field, and which lines are bad and why, before the PBX is connected."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from switchboard import settings as console_settings
from switchboard.errors import ConsoleError
from switchboard.smdr.parsers import profile_named, trunk_list
from switchboard.smdr.preview import render_preview


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="main.py --smdr-preview", description="Show how a call-record capture parses, line by line."
    )
    parser.add_argument("--smdr-preview", metavar="FILE", type=Path, required=True)
    parser.add_argument("--format", default="", help="a built-in format or a [smdr.profile NAME] section")
    parser.add_argument("--settings", type=Path, default=console_settings.settings_path())
    args = parser.parse_args(argv)
    try:
        settings = console_settings.load(args.settings)
        smdr = settings.section("smdr")
        profile = profile_named(args.format or smdr.get("format", "avaya_ipo"), settings.sections)
        data = args.smdr_preview.read_bytes()
    except (ValueError, OSError, ConsoleError) as exc:
        print(f"smdr preview: {exc}", file=sys.stderr)
        return 2
    sys.stdout.write(render_preview(data, profile, trunks=trunk_list(smdr.get("trunks", ""))))
    return 0
