#!/usr/bin/env bash
# Installs everything the tests need on a fresh Debian 12 machine with Python 3.11
# (Debian packages too; as root, or with sudo), then runs the linters and every test.
# Extra arguments go to pytest, e.g. `bash tools/test.sh -k wakeup`.
set -euo pipefail
cd "$(dirname "$0")/.."
source tools/packages.sh
install_packages "${RUN_PACKAGES[@]}" "${TEST_PACKAGES[@]}"
make_venv "[test]"

echo "== ruff"
.venv/bin/ruff check .
echo "== mypy"
.venv/bin/mypy
echo "== import-linter"
.venv/bin/lint-imports
echo "== pytest"
export QT_QPA_PLATFORM=offscreen
exec .venv/bin/python -m pytest "$@"
