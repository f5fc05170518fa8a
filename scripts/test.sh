#!/usr/bin/env bash
# Set everything up, run the linter and the strict type check, then the whole test suite
# (headless).
set -euo pipefail
cd "$(dirname "$0")/.."
SETUP_EXTRA_PACKAGES="postgresql" bash scripts/setup.sh
.venv/bin/ruff check .
.venv/bin/mypy
# The PostgreSQL tests start a throwaway cluster per test process (scripts/pg-local.sh: Debian's
# postgresql is installed when missing, the server runs as an unprivileged user) in this run's
# folder; whatever is left there is stopped and removed at the end, even after a crash.
COUNTERPART_PG_TEST_ROOT=$(mktemp -d /tmp/counterpart-test-run.XXXXXX)
chmod 755 "$COUNTERPART_PG_TEST_ROOT"
export COUNTERPART_PG_TEST_ROOT
stop_clusters() {
    local dir
    for dir in "$COUNTERPART_PG_TEST_ROOT"/counterpart-pg-test-*; do
        [[ -d "$dir" ]] && PG_DIR="$dir" bash scripts/pg-local.sh stop || true
    done
    rm -rf "$COUNTERPART_PG_TEST_ROOT"
}
trap stop_clusters EXIT
# Two processes share the test files (a file stays in one, so its module fixtures are made once).
.venv/bin/python -m pytest -n "${TEST_WORKERS:-2}" --dist loadfile "$@"
