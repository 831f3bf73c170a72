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
# Most tests wait in real time (outages of a minute, retry pauses, SIP calls ringing), so they run in four
# pytest processes side by side, each with its own PostgreSQL and SIP lab: the main one here, and beside it
# the long waiting tests (-m beside), the SIP lab's tests and the ten-minute wake-up chaos test. Their
# reports follow the main one; any that fails fails the run.
declare -A groups=(
    [beside]="beside"
    [sip]="sip and not beside and not chaos"
    [chaos]="chaos"
)
declare -A logs pids
for name in beside sip chaos; do
    logs[$name]="$(mktemp -t "switchboard-$name.XXXXXX")"
    extra=()
    if [ "$name" = chaos ]; then extra=(-s); fi  # its lateness figures
    .venv/bin/python -m pytest -p no:cacheprovider "${extra[@]}" -m "${groups[$name]}" >"${logs[$name]}" 2>&1 &
    pids[$name]=$!
done
failed=()
.venv/bin/python -m pytest -m "not beside and not sip and not chaos" || failed+=(main)
for name in beside sip chaos; do
    wait "${pids[$name]}" || failed+=("$name")
    echo "== pytest, -m \"${groups[$name]}\""
    cat "${logs[$name]}"
    rm -f "${logs[$name]}"
done
if [ "${#failed[@]}" -ne 0 ]; then
    echo "pytest failed in: ${failed[*]}"
    exit 1
fi
