"""The start-up shortcut: a database at the newest schema is known without loading Alembic,
and anything else (a new database, an older one, a migration file added) still migrates."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import create_engine, text

from db.schema_version import VERSIONS, at_head, heads_on_disk
from db.store import Store, sqlite_url


def _migration(folder: Path, name: str, down: str | None) -> None:
    (folder / f"{name}.py").write_text(
        f'"""{name}"""\nrevision = "{name}"\ndown_revision = {down!r}\n',
        encoding="utf-8",
    )


def test_heads_follow_the_files(tmp_path: Path) -> None:
    _migration(tmp_path, "a1", None)
    _migration(tmp_path, "b1", "a1")
    _migration(tmp_path, "c1", "a1")  # two branches
    assert heads_on_disk(tmp_path) == {"b1", "c1"}
    (tmp_path / "d1.py").write_text('revision = "d1"\ndown_revision = ("b1", "c1")\n', encoding="utf-8")
    assert heads_on_disk(tmp_path) == {"d1"}  # a merge
    (tmp_path / "odd.py").write_text("revision = make_one()\n", encoding="utf-8")
    assert heads_on_disk(tmp_path) == frozenset()  # not read plainly: not sure, so migrate


def test_the_project_has_heads_and_a_migrated_database_stands_at_them(tmp_path: Path) -> None:
    assert heads_on_disk(VERSIONS)
    engine = create_engine(sqlite_url(tmp_path / "fresh.db"))
    with engine.connect() as connection:
        assert not at_head(connection)  # a new database
    store = Store(sqlite_url(tmp_path / "fresh.db"))
    store.migrate()
    with store.engine.connect() as connection:
        assert at_head(connection)
    with store.engine.begin() as connection:
        connection.execute(text("DELETE FROM alembic_version"))
        connection.execute(text("INSERT INTO alembic_version VALUES ('0001_initial')"))
    with store.engine.connect() as connection:
        assert not at_head(connection)  # an older database
    store.dispose()
