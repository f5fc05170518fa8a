"""`concurrent_authorise_p95_ms`: several tills authorising compensation at once on one
PostgreSQL server (issue 11's benchmark; target <= 200 ms with 8 tills).

Each till is its own process with its own connection, started together; each authorises
`each` complaints' proposed refunds through the real data API (`db.service.compensation.authorise`:
the supervisor's PIN check at the shop's real scrypt cost, the single-use approval, the
audit append serialised by the write lock) and times every call. The figure is the p95 over
all calls. On one machine the tills also share its cores for the PIN hashes, which real
tills (one machine each) do not: a small machine overstates it.

Run: `python -m console.concurrent_authorise_bench URL [TILLS] [EACH] [--cheap-pin]` on a
database made by `counterpart db init` (it adds two staff and TILLS x EACH complaints);
`--cheap-pin` stores the supervisor's PIN hash at scrypt cost 2**4 (a diagnostic: the
database's part without the hashes competing for the cores). `counterpart bench --db URL`
prints it too.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

SUPERVISOR_PIN = "8642"
ROOT = Path(__file__).resolve().parent.parent


def _p95(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=20, method="inclusive")[-1]


def _worker(url: str, till: str, first: int, count: int, go: str) -> list[list[float]]:
    """One till: wait for `go`, then authorise complaints first..first+count-1, timed:
    [whole call, of which the PIN hash (scrypt, `approvals.verify_pin`)] in ms per call."""
    from db.security import approvals
    from db.service.compensation import authorise, lines_for
    from db.store.connection import open_database

    real_verify: Callable[..., bool] = vars(approvals)["verify_pin"]  # imported there
    in_grant = [0.0]

    def timed_verify(*args: Any, **kwargs: Any) -> bool:
        start = time.perf_counter()
        try:
            return real_verify(*args, **kwargs)
        finally:
            in_grant[0] += time.perf_counter() - start

    setattr(approvals, "verify_pin", timed_verify)  # noqa: B010 (not exported by approvals)

    db = open_database(url)
    try:
        deadline = time.monotonic() + 60
        while not Path(go).exists():
            if time.monotonic() > deadline:
                raise SystemExit("never told to go")
            time.sleep(0.002)
        took: list[list[float]] = []
        for complaint_id in range(first, first + count):
            lines = [ln for ln in lines_for(db, complaint_id) if ln.status == "proposed"]
            in_grant[0] = 0.0
            start = time.perf_counter()
            authorise(db, complaint_id, lines, SUPERVISOR_PIN, till)
            took.append([(time.perf_counter() - start) * 1000, in_grant[0] * 1000])
        return took
    finally:
        db.close()


def _cheap_hash(db: Any, pin: str) -> str:
    """A keyed PIN hash in the stored format at scrypt cost n=2**4 instead of 2**14 (the
    diagnostic `--cheap-pin`: the database's part without the hashes' CPU)."""
    import hashlib
    import hmac

    from db.security import pin_key
    from db.security.pins import KEYED, SCRYPT_P, SCRYPT_R
    from db.store.connection import write

    with write(db):
        key = pin_key.ensure_shop_key(db)
    salt = os.urandom(16)
    secret = hmac.new(key, pin.encode("ascii"), hashlib.sha256).digest()
    digest = hashlib.scrypt(secret, salt=salt, n=2**4, r=SCRYPT_R, p=SCRYPT_P, dklen=32)
    return f"{KEYED}${2**4}${SCRYPT_R}${SCRYPT_P}${salt.hex()}${digest.hex()}"


def _seed(url: str, count: int, *, cheap_pin: bool = False) -> int:
    """Two staff and `count` complaints with a proposed refund; the first complaint's id."""
    from db.security.staff_admin import _seed_staff
    from db.service.complaints import create_complaint
    from db.service.models import CompensationLine, ComplaintInput
    from db.store.connection import open_database, write

    db = open_database(url)
    try:
        stamp = time.time_ns()
        clerk = _seed_staff(db, f"Bench Clerk {stamp}", "staff")
        if cheap_pin:
            _seed_staff(db, f"Bench Supervisor {stamp}", "supervisor", limit_minor=10**9,
                        pin_hash=_cheap_hash(db, SUPERVISOR_PIN))
        else:
            _seed_staff(db, f"Bench Supervisor {stamp}", "supervisor", limit_minor=10**9,
                        pin=SUPERVISOR_PIN)
        with write(db):
            ids = [create_complaint(db, ComplaintInput(
                taken_by=clerk.id, cause="quality", problem=f"Bench {n}",
                lines=[CompensationLine(kind="refund", amount_minor=400 + n % 7)])).id
                for n in range(count)]
    finally:
        db.close()
    if ids != list(range(ids[0], ids[0] + count)):
        raise RuntimeError("the bench's complaints did not get consecutive ids")
    return ids[0]


def concurrent_authorise_p95_ms(url: str, tills: int = 8, each: int = 20, *,
                                cheap_pin: bool = False) -> tuple[float, float]:
    """The p95, in ms, of one authorisation while `tills` tills authorise at once, and the
    p95 of the same calls without their PIN hash (scrypt: on a till of its own it costs
    what it costs alone; here the tills' hashes share this machine's cores)."""
    first = _seed(url, tills * each, cheap_pin=cheap_pin)
    with tempfile.TemporaryDirectory(prefix="counterpart-bench-auth-") as folder:
        go = Path(folder) / "go"
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        workers = [subprocess.Popen(
            [sys.executable, "-m", "console.concurrent_authorise_bench", "--worker", url,
             f"bench-till-{k}", str(first + k * each), str(each), str(go)],
            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for k in range(tills)]
        time.sleep(1.0)  # the tills' start-up (imports, connection) before they all go
        go.touch()
        samples: list[list[float]] = []
        for worker in workers:
            out, err = worker.communicate(timeout=600)
            if worker.returncode != 0:
                raise RuntimeError(f"a till failed: {err.strip()[-500:]}")
            samples.extend(json.loads(out))
    return _p95([whole for whole, _pin in samples]), _p95([w - p for w, p in samples])


def main(argv: list[str]) -> int:
    if argv[:1] == ["--worker"]:
        url, till, first, count, go = argv[1:6]
        print(json.dumps(_worker(url, till, int(first), int(count), go)))
        return 0
    cheap_pin = "--cheap-pin" in argv  # diagnostic: the database's part alone
    argv = [a for a in argv if a != "--cheap-pin"]
    tills = int(argv[1]) if len(argv) > 1 else 8
    each = int(argv[2]) if len(argv) > 2 else 20
    figure, without_pin = concurrent_authorise_p95_ms(argv[0], tills, each,
                                                      cheap_pin=cheap_pin)
    print(f"concurrent_authorise_p95_ms {figure:.1f} ms ({tills} tills x {each})")
    print(f"concurrent_authorise_without_pin_p95_ms {without_pin:.1f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
