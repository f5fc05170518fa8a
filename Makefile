.PHONY: run test bench lint
run:
	bash scripts/run-demo.sh
test:
	bash scripts/test.sh
bench:
	bash scripts/bench.sh
lint:
	.venv/bin/ruff check . && .venv/bin/mypy
