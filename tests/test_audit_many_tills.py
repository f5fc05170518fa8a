"""One audit chain with many tills writing at once: 8 processes, each with its own
connection, authorise 100 compensations each through the real data API with a supervisor's
PIN; the log ends with `audit verify` passing and exactly 800 new entries, none missing.

Appends are serialised by the write transaction (BEGIN IMMEDIATE, `db.security.audit.immediate`):
the chain head is read inside it, so two tills can never extend the same head.

The supervisor's PIN hash is stored with a low scrypt cost (n=2**4 instead of 2**14)
through the test seeding path (`seed_staff` with a ready hash): `verify_pin` follows the
cost written in the stored hash, so each PIN check still runs the real path, only cheaper,
and 800 checks fit in seconds on two cores.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlite_utils import Database

from console.cli import main
from db.security import audit
from db.security.pins import KEYED, SCRYPT_P, SCRYPT_R
from db.security.staff_admin import _seed_staff
from db.service.complaints import create_complaint
from db.service.models import AuditEntry, CompensationLine, ComplaintInput
from db.store.connection import open_database, write
from tests.audit_writers_support import SUPERVISOR_PIN
from tests.conftest import TEST_KEY
from tests.service_data_support import seed_staff, use_test_key

TILLS = 8
EACH = 100
ROOT = Path(__file__).resolve().parent.parent


def _cheap_hash(pin: str) -> str:
    """A keyed PIN hash in the stored format, with a low scrypt cost (tests only)."""
    salt = os.urandom(16)
    secret = hmac.new(TEST_KEY, pin.encode("ascii"), hashlib.sha256).digest()
    n = 2**4
    digest = hashlib.scrypt(secret, salt=salt, n=n, r=SCRYPT_R, p=SCRYPT_P, dklen=32)
    return f"{KEYED}${n}${SCRYPT_R}${SCRYPT_P}${salt.hex()}${digest.hex()}"


def _chain(db: Database) -> list[AuditEntry]:
    """The whole log, oldest first."""
    return list(reversed(audit.entries(db, limit=1_000_000)))


def test_eight_tills_authorising_at_once_keep_one_unbroken_chain(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "shop.sqlite"
    db = open_database(path)
    use_test_key(db)
    clerk = seed_staff(db, "Aino Staff", "staff")
    _seed_staff(db, "Sami Supervisor", "supervisor", limit_minor=5000,
                pin_hash=_cheap_hash(SUPERVISOR_PIN))
    with write(db):  # the 800 complaints, each with a proposed refund, in one transaction
        ids = [create_complaint(db, ComplaintInput(
            taken_by=clerk.id, cause="quality", problem=f"Cold soup {n}",
            lines=[CompensationLine(kind="refund", amount_minor=400 + n % 7)])).id
            for n in range(TILLS * EACH)]
    assert ids == list(range(ids[0], ids[0] + TILLS * EACH))
    before = _chain(db)
    db.close()

    go = tmp_path / "go"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    started = time.perf_counter()
    tills = [subprocess.Popen(
        [sys.executable, "-m", "tests.audit_writers_support", str(path), f"till-{k}",
         str(ids[0] + k * EACH), str(EACH), str(go)],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for k in range(TILLS)]
    go.touch()  # every till starts authorising at once
    outcomes = [till.communicate(timeout=120) for till in tills]
    took = time.perf_counter() - started
    for till, (out, err) in zip(tills, outcomes, strict=True):
        assert till.returncode == 0, err
        assert out.strip() == str(EACH)

    db = open_database(path)
    try:
        after = _chain(db)
        new = after[len(before):]
        assert [e.hash for e in after[:len(before)]] == [e.hash for e in before]
        assert len(new) == TILLS * EACH
        assert [e.id for e in new] == list(range(before[-1].id + 1, before[-1].id + 1 + 800))
        assert {e.action for e in new} == {"authorisation.approved"}
        assert sorted(e.entity_id for e in new) == ids  # each complaint once, none missing
        assert {e.details["console_id"] for e in new} == {f"till-{k}" for k in range(TILLS)}
        for prev, entry in zip(after, after[1:], strict=False):
            assert entry.prev_hash == prev.hash
        assert db.execute("SELECT count(*) FROM authorisations").fetchone()[0] == 800
    finally:
        db.close()
    capsys.readouterr()
    assert main(["audit", "verify", "--db", str(path)]) == 0
    assert "800" not in capsys.readouterr().err
    print(f"8 tills x 100 authorisations: {took:.1f} s")
