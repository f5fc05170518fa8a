#!/usr/bin/env bash
# Set everything up and run the benchmarks (builds var/bench.sqlite once; slow the first time).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/counterpart bench --db "${COUNTERPART_BENCH_DB:-var/bench.sqlite}" "$@"
