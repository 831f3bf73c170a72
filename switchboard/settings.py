"""The console's settings: one INI file per position, readable and editable by hand.

A missing file means defaults (training PBX, SQLite in the user data folder,
language from the system).  A file that cannot be read or parsed is an
``InputError`` that says which file and what is wrong, never a traceback.
Sections other than the ones typed here are kept as text for the links that
read them (``section("pms")``), and written back unchanged.
"""

from __future__ import annotations

import configparser
import contextlib
import os
import stat
import tempfile
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
            # [database] keeps its time-outs here (its url is database_url)
            **({"database": {k: v for k, v in database.items() if k != "url"}} if database else {}),
            **{name: dict(parser[name]) for name in parser.sections() if name not in ("console", "database")},
        },
    )


def save(settings: ConsoleSettings, path: Path) -> None:
    """Write the file atomically, readable by this user only (it may hold the SIP and database passwords).

    The new text goes to a temporary file created with mode 0600 beside the old one, reaches the
    disk, and replaces it in one rename: never a half-written file, never a moment it is readable
    by others, whatever mode the old file had.
    """
    parser = configparser.ConfigParser(interpolation=None)
    parser["console"] = {"language": settings.language, "position": settings.position}
    for name, values in settings.sections.items():
        parser[name] = dict(values)
    parser["database"] = {**settings.sections.get("database", {}), "url": settings.database_url}
    pbx = dict(settings.sections.get("pbx", {}))
    pbx["mode"] = settings.pbx_mode
    parser["pbx"] = pbx
    path.parent.mkdir(parents=True, exist_ok=True, mode=PRIVATE_FOLDER)  # an existing folder is left as it is
    handle, name = tempfile.mkstemp(prefix=".console-", suffix=".tmp", dir=path.parent)  # mode 0600
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as f:
            parser.write(f)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(name, PRIVATE_FILE)
        os.replace(name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(name)
        raise
    _sync_folder(path.parent)


PRIVATE_FOLDER = 0o700
PRIVATE_FILE = 0o600


def private_folder(folder: Path) -> bool:
    """Make ``folder`` (and missing parents) 0700; an existing folder is narrowed to 0700 only if it is
    this user's own and not a shared one (sticky, like /tmp).  Whether it is private now."""
    folder.mkdir(parents=True, exist_ok=True, mode=PRIVATE_FOLDER)
    info = folder.stat()
    if info.st_mode & stat.S_ISVTX or info.st_uid != os.getuid():
        return False
    if info.st_mode & 0o777 != PRIVATE_FOLDER:
        os.chmod(folder, PRIVATE_FOLDER)
    return True


CONSOLE_FILES = ("*.db", "*.db-wal", "*.db-shm", "*.db-journal", "*.log", "*.log.*", "*.journal", "*.ini")


def restrict_files(folder: Path) -> list[Path]:
    """The data folder 0700 and the console's files in it (database, WAL, logs, journals) 0600.

    For the composition root at start, after ``os.umask(0o077)`` so that whatever it creates later
    is private from the start; this call mends what an older version left open.  Returns the files
    whose mode it changed.
    """
    private_folder(folder)
    changed: list[Path] = []
    for pattern in CONSOLE_FILES:
        for entry in folder.glob(pattern):
            if entry.is_file() and not entry.is_symlink() and entry.stat().st_mode & 0o777 != PRIVATE_FILE:
                os.chmod(entry, PRIVATE_FILE)
                changed.append(entry)
    return changed


def _sync_folder(folder: Path) -> None:
    """The rename reaches the disk too (a no-op where folders cannot be opened)."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


SECRET_WORDS = ("password", "secret", "token", "passphrase", "key")


@dataclass(frozen=True, slots=True)
class SettingChange:
    """One key whose value a save changed; a secret's values are never kept, only that it changed."""

    key: str  # "section.name", e.g. "pbx.server"
    old: str
    new: str
    secret: bool = False


def _is_secret(key: str) -> bool:
    name = key.rsplit(".", 1)[-1].lower()
    return any(word in name for word in SECRET_WORDS)


def _flat(settings: ConsoleSettings) -> dict[str, str]:
    values = {
        "console.language": settings.language,
        "console.position": settings.position,
        "database.url": settings.database_url,
        "pbx.mode": settings.pbx_mode,
    }
    for section, pairs in settings.sections.items():
        for name, value in pairs.items():
            values.setdefault(f"{section}.{name}", value)
    return values


def changes(old: ConsoleSettings, new: ConsoleSettings) -> list[SettingChange]:
    """What a save changes, key by key, for the audit trail (``db.audit_trail.record_settings``).

    A secret (a password, or the database address, which may carry one) is reported as changed
    with its values replaced by "***".
    """
    before, after = _flat(old), _flat(new)
    found = []
    for key in sorted(before.keys() | after.keys()):
        was, now = before.get(key, ""), after.get(key, "")
        if was == now:
            continue
        secret = _is_secret(key) or key == "database.url"
        found.append(SettingChange(key, "***" if secret else was, "***" if secret else now, secret))
    return found
