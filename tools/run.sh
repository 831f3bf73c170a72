#!/usr/bin/env bash
# Installs the console on a fresh Debian 12 machine with Python 3.11 (Debian packages too;
# as root, or with sudo) and starts it: embedded SQLite, the demo hotel, the training PBX.
# Extra arguments go to main.py, e.g. `bash tools/run.sh --screenshot console.png`.
set -euo pipefail
cd "$(dirname "$0")/.."
source tools/packages.sh
install_packages "${RUN_PACKAGES[@]}"
make_venv ""
exec .venv/bin/python main.py "$@"
