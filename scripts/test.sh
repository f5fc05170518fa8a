#!/usr/bin/env bash
# Set everything up, run the linter and the strict type check, then the whole test suite
# (headless).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/ruff check .
.venv/bin/mypy
# Two processes share the test files (a file stays in one, so its module fixtures are made once).
.venv/bin/python -m pytest -n "${TEST_WORKERS:-2}" --dist loadfile "$@"
