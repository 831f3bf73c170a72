"""The console's settings: one INI file per position, readable and editable by hand.

A missing file means defaults (training PBX, SQLite in the user data folder,
language from the system).  A file that cannot be read or parsed is an
``InputError`` that says which file and what is wrong, never a traceback.
Sections other than the ones typed here are kept as text for the links that
read them (``section("pms")``), and written back unchanged.
"""

from __future__ import annotations

import configparser
import os
from dataclasses import dataclass, field, replace
from pathlib import Path

from switchboard.errors import InputError

APP_DIR = "hotel-switchboard"
LANGUAGES = ("", "zh_CN", "en")  # "" follows the system locale
PBX_MODES = ("training", "sip")


def data_dir() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / APP_DIR


def settings_path() -> Path:
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / APP_DIR / "console.ini"


@dataclass(frozen=True, slots=True)
class ConsoleSettings:
    language: str = ""
    position: str = "Console 1"
    database_url: str = ""  # empty: SQLite in the data folder
    pbx_mode: str = "training"
    sections: dict[str, dict[str, str]] = field(default_factory=dict)

    def section(self, name: str) -> dict[str, str]:
        return dict(self.sections.get(name, {}))

    def with_language(self, language: str) -> ConsoleSettings:
        return replace(self, language=check_language(language))

    def with_section(self, name: str, values: dict[str, str]) -> ConsoleSettings:
        sections = dict(self.sections)
        sections[name] = dict(values)
        return replace(self, sections=sections)


def check_language(language: str) -> str:
    if language not in LANGUAGES:
        raise InputError(
            "settings.language", f"Unknown language {language!r} (use zh_CN or en)", language=language
        )
    return language


def load(path: Path) -> ConsoleSettings:
    if not path.exists():
        return ConsoleSettings()
    parser = configparser.ConfigParser(interpolation=None)
    try:
        with path.open(encoding="utf-8") as f:
            parser.read_file(f)
    except (OSError, UnicodeDecodeError, configparser.Error) as exc:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise InputError(
            "settings.unreadable",
            f"The settings file {path} cannot be read: {reason}",
            path=str(path),
            reason=reason,
        ) from exc
    console = parser["console"] if parser.has_section("console") else {}
    database = parser["database"] if parser.has_section("database") else {}
    pbx = parser["pbx"] if parser.has_section("pbx") else {}
    mode = pbx.get("mode", "training").strip() or "training"
    if mode not in PBX_MODES:
        raise InputError(
            "settings.pbx_mode",
            f"The settings file {path} names an unknown PBX mode {mode!r} (use training or sip)",
            path=str(path),
            mode=mode,
        )
    return ConsoleSettings(
        language=check_language(console.get("language", "").strip()),
        position=console.get("position", "Console 1").strip() or "Console 1",
        database_url=database.get("url", "").strip(),
        pbx_mode=mode,
        sections={
            name: dict(parser[name]) for name in parser.sections() if name not in ("console", "database")
        },
    )


def save(settings: ConsoleSettings, path: Path) -> None:
    parser = configparser.ConfigParser(interpolation=None)
    parser["console"] = {"language": settings.language, "position": settings.position}
    parser["database"] = {"url": settings.database_url}
    for name, values in settings.sections.items():
        parser[name] = dict(values)
    pbx = dict(settings.sections.get("pbx", {}))
    pbx["mode"] = settings.pbx_mode
    parser["pbx"] = pbx
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    with tmp.open("w", encoding="utf-8") as f:
        parser.write(f)
    os.replace(tmp, path)  # never a half-written settings file
