"""The settings file: defaults when missing, a clear message when unreadable, kept sections."""

from __future__ import annotations

from pathlib import Path

import pytest

from switchboard import settings
from switchboard.errors import InputError


def test_missing_file_means_training_defaults(tmp_path: Path) -> None:
    loaded = settings.load(tmp_path / "none.ini")
    assert loaded.pbx_mode == "training"
    assert loaded.database_url == ""
    assert loaded.language == ""


def test_round_trip_keeps_sections_it_does_not_know(tmp_path: Path) -> None:
    path = tmp_path / "c.ini"
    chosen = settings.ConsoleSettings(
        language="zh_CN", position="总机 2", database_url="postgresql+psycopg://op@db/hotel", pbx_mode="sip"
    ).with_section("pms", {"transport": "serial", "port": "/dev/ttyS0", "baud": "9600"})
    settings.save(chosen, path)
    again = settings.load(path)
    assert again.language == "zh_CN"
    assert again.position == "总机 2"
    assert again.database_url == "postgresql+psycopg://op@db/hotel"
    assert again.pbx_mode == "sip"
    assert again.section("pms") == {"transport": "serial", "port": "/dev/ttyS0", "baud": "9600"}
    assert not path.with_suffix(".tmp").exists()


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"[console\nlanguage = en\n", "cannot be read"),
        (b"\xff\xfe\x00garbage", "cannot be read"),
        (b"no section header\n", "cannot be read"),
        (b"[console]\nlanguage = klingon\n", "Unknown language"),
        (b"[pbx]\nmode = isdn\n", "unknown PBX mode"),
    ],
)
def test_a_bad_file_gets_a_clear_message(tmp_path: Path, content: bytes, words: str) -> None:
    path = tmp_path / "c.ini"
    path.write_bytes(content)
    with pytest.raises(InputError) as err:
        settings.load(path)
    assert words in str(err.value)
    assert "Traceback" not in str(err.value)


def test_unreadable_file_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "dir.ini"
    path.mkdir()  # a folder where the file should be: reading it fails
    with pytest.raises(InputError) as err:
        settings.load(path)
    assert err.value.key == "settings.unreadable"
    assert str(path) in str(err.value)
