#!/usr/bin/env bash
# Set everything up, build the demo database once, and start the console on it.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
DB=${COUNTERPART_DEMO_DB:-var/demo.sqlite}
if [ ! -f "$DB" ]; then
    mkdir -p "$(dirname "$DB")"
    .venv/bin/counterpart demo --db "$DB"
fi
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
    echo "No display found: starting under Xvfb (set DISPLAY to use your screen)." >&2
    exec xvfb-run -a -s "-screen 0 1440x900x24" .venv/bin/counterpart --db "$DB" "$@"
fi
exec .venv/bin/counterpart --db "$DB" "$@"
