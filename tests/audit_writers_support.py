"""One till of the many-writers audit test (`test_audit_many_tills.py`), run as its own
process: `python -m tests.audit_writers_support DB TILL FIRST_COMPLAINT COUNT GO_FILE`.

It opens its own connection, waits until GO_FILE exists (so every till starts at once),
then authorises COUNT complaints' compensation, one after the other, through the real data
API (`db.service.compensation.authorise`) with the supervisor's PIN, and prints how many it did.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

SUPERVISOR_PIN = "2468"


def run(path: str, till: str, first: int, count: int, go: str) -> int:
    from db.errors import DatabaseLocked
    from db.service.compensation import authorise, lines_for
    from db.store.connection import open_database

    db = open_database(path, quick_check_ms=None)
    try:
        deadline = time.monotonic() + 30
        while not Path(go).exists():
            if time.monotonic() > deadline:
                raise SystemExit("never told to go")
            time.sleep(0.005)
        done = 0
        for complaint_id in range(first, first + count):
            for attempt in range(5):
                lines = [line for line in lines_for(db, complaint_id)
                         if line.status == "proposed"]
                try:
                    authorise(db, complaint_id, lines, SUPERVISOR_PIN, till)
                    break
                except DatabaseLocked:
                    # Waited the whole busy timeout (a CI machine busy with other tests):
                    # nothing was written, so the supervisor presses OK again, as at a till.
                    if attempt == 4:
                        raise
            done += 1
        return done
    finally:
        db.close()


if __name__ == "__main__":
    path, till, first, count, go = sys.argv[1:6]
    print(run(path, till, int(first), int(count), go))
