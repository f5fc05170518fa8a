#!/usr/bin/env bash
# Set everything up, run the linter and the strict type check, then the whole test suite
# (headless).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/ruff check .
.venv/bin/mypy
.venv/bin/python -m pytest "$@"
