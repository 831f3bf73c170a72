"""Whether the database already stands at the newest schema, told without loading Alembic.

Alembic takes a third of a second to import; a console that starts every morning on a
database that is already current need not pay it. The heads are read from the migration
files themselves (their ``revision`` and ``down_revision`` lines), so a new migration is
seen without any list to keep, and anything unexpected means "not sure": migrate.
"""

from __future__ import annotations

import ast
from pathlib import Path

from sqlalchemy import Connection, inspect, text

VERSIONS = Path(__file__).parent / "migrations" / "versions"


def _names(node: ast.expr) -> set[str]:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return {node.value}
    if isinstance(node, ast.Tuple | ast.List):
        return {n for element in node.elts for n in _names(element)}
    return set()


def heads_on_disk(folder: Path = VERSIONS) -> frozenset[str]:
    """The revisions no other migration builds on; empty when a file cannot be read plainly."""
    revisions: set[str] = set()
    below: set[str] = set()
    for path in sorted(folder.glob("*.py")):
        if path.name.startswith("__"):
            continue
        found: dict[str, set[str]] = {}
        for statement in ast.parse(path.read_text(encoding="utf-8")).body:
            if not isinstance(statement, ast.Assign):
                continue
            target = statement.targets[0]
            if isinstance(target, ast.Name) and target.id in ("revision", "down_revision"):
                found[target.id] = _names(statement.value)
        if len(found.get("revision", ())) != 1:
            return frozenset()
        revisions |= found["revision"]
        below |= found.get("down_revision", set())
    return frozenset(revisions - below)


def at_head(connection: Connection, folder: Path = VERSIONS) -> bool:
    """True when the database's Alembic versions are exactly the heads on disk."""
    heads = heads_on_disk(folder)
    if not heads or not inspect(connection).has_table("alembic_version"):
        return False
    stamped = {row[0] for row in connection.execute(text("SELECT version_num FROM alembic_version"))}
    return stamped == set(heads)
