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
if [ "$#" -gt 0 ]; then
    exec .venv/bin/python -m pytest "$@"
fi
# The tests that mostly wait in real time (outages of a minute, retry pauses, minute boundaries) run in a
# second pytest process beside the rest, each with its own PostgreSQL and SIP lab: the whole run takes
# about as long as the rest alone. The ten-minute wake-up chaos test runs in a third. Their reports follow
# the main one.
beside_log="$(mktemp -t switchboard-beside.XXXXXX)"
chaos_log="$(mktemp -t switchboard-chaos.XXXXXX)"
.venv/bin/python -m pytest -p no:cacheprovider -m beside >"$beside_log" 2>&1 &
beside=$!
.venv/bin/python -m pytest -p no:cacheprovider -s -m chaos >"$chaos_log" 2>&1 &
chaos=$!
status=0
.venv/bin/python -m pytest -m "not beside and not chaos" || status=$?
beside_status=0
wait "$beside" || beside_status=$?
chaos_status=0
wait "$chaos" || chaos_status=$?
echo "== pytest, the tests run beside (-m beside)"
cat "$beside_log"
echo "== pytest, the chaos test (-m chaos)"
cat "$chaos_log"
rm -f "$beside_log" "$chaos_log"
if [ "$status" -ne 0 ] || [ "$beside_status" -ne 0 ] || [ "$chaos_status" -ne 0 ]; then
    echo "pytest failed: main run exit $status, beside run exit $beside_status, chaos run exit $chaos_status"
    exit 1
fi
