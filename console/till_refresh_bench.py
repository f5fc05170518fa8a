"""Figures for several tills on one PostgreSQL server (issue 11's benchmarks).

`till_refresh_p95_ms(url)`: a purchase committed at "till 2" until "till 1"'s open
profile shows it (through NOTIFY, the watcher's LISTEN connection and the data bus; target
<= 500 ms). Run it with `python -m console.till_refresh_bench URL` (a database `counterpart
db init` made; it adds a few staff, one customer and purchases). `counterpart bench --db
URL` prints it too.
"""

from __future__ import annotations

import statistics
import sys
import time

from PySide6.QtWidgets import QApplication

from db.customers.purchases import add_product, record_purchase
from db.store.connection import open_database


def _p95(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=20, method="inclusive")[-1]


def till_refresh_p95_ms(url: str, rounds: int = 20) -> float:
    """The p95, in ms, over `rounds` purchases committed at one till until another till's
    open profile model shows them."""
    from console.cmd_run import create_window
    from db.customers.records import create_customer
    from db.models import CustomerInput
    from widgets.dialogs import FakeDialogService

    app = QApplication.instance() or QApplication([])
    here = open_database(url)
    there = open_database(url)
    window = create_window(here, dialogs=FakeDialogService(), defer_extras=True)
    try:
        customer = create_customer(here, CustomerInput(name="Bench Refresh"))
        product = add_product(here, f"BENCH{time.time_ns()}", "Bench item", "food", 100)
        window.open_customer(customer.id)
        model = window.profile_panel.history_model
        samples: list[float] = []
        for _round in range(rounds):
            before = model.rowCount()
            start = time.perf_counter()
            record_purchase(there, customer.id, [(product.id, 1)])  # commits at till 2
            while model.rowCount() == before:
                app.processEvents()
                time.sleep(0.001)
                if time.perf_counter() - start > 10:
                    raise TimeoutError("the other till never showed the purchase")
            samples.append((time.perf_counter() - start) * 1000)
            time.sleep(0.05)  # commits land at any point of the watcher's interval
        return _p95(samples)
    finally:
        window.change_watcher.stop()
        window.close()
        there.close()
        here.close()


def main(argv: list[str]) -> int:
    figure = till_refresh_p95_ms(argv[0])
    print(f"till_refresh_p95_ms {figure:.1f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
