"""Till names: which console (machine) wrote a row.

Every console has a till name ("Till 1", "Bar", "收銀台 2"), kept in its own options file
(per machine, not per shop). The console attaches it to its open database once
(`set_till(db, name)`), and every write of the data API that records a till (complaints,
purchases, approvals, authorisations, letters, vouchers; audit entries in their hashed
details) reads it back with `till_of(db)`: no data API signature carries it.

The command line has no window: `counterpart --till NAME ...` names the till, else the
options file's till name, else `CLI_TILL` ("cli"). It sets that as the process's till
(`process_till`), which every database the command opens uses unless one was attached.

Nothing here is engine-specific: the name travels on the connection object, whatever the
engine behind it.
"""

from __future__ import annotations

import socket
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import Any

from db.errors import ValidationError
from db.i18n import _
from db.text import has_forbidden

MAX_TILL = 40
"""Characters (code points) a till name may have."""
CLI_TILL = "cli"
"""What the command line records when neither --till nor the options file names a till."""

_TILL = "_counterpart_till"  # attribute set on an open database connection
_process_till: str | Callable[[], str] = ""


def till_problem(name: str) -> str | None:
    """Why `name` cannot be a till name (a sentence for the screen), or None when it can.

    Empty or only spaces, longer than MAX_TILL characters, or holding a control character
    (a line break or tab included), a bidi override or a lone surrogate is refused. Any
    script and emoji are fine: "Kassa ä", "收銀台 2", "Bar 🍸".
    """
    text = name.strip()
    if not text:
        return _("Give this till a name, e.g. Till 1 or Bar.")
    if len(text) > MAX_TILL:
        return _("A till name has at most {n} characters; this one has {count}.").format(
            n=MAX_TILL, count=len(text))
    if has_forbidden(text) or any(
            unicodedata.category(ch) in ("Cc", "Zl", "Zp") for ch in text):
        return _("A till name cannot hold line breaks, tabs or other control characters.")
    return None


def clean_till_name(name: str) -> str:
    """`name` without the spaces around it; ValidationError({"till": ...}) when unusable."""
    problem = till_problem(name)
    if problem is not None:
        raise ValidationError({"till": problem})
    return name.strip()


def suggested_till_name() -> str:
    """The first-run suggestion: this machine's host name (cut to a usable till name)."""
    try:
        host = socket.gethostname().split(".")[0]
    except OSError:
        host = ""
    host = "".join(ch for ch in host if unicodedata.category(ch)[0] != "C").strip()
    return host[:MAX_TILL].strip() or "Till 1"


def set_till(db: Any, name: str) -> str:
    """Attach the till `name` (checked and cleaned) to the open database `db`; returns it.

    Everything `db` writes from now on records this till. Call again when it changes.
    """
    clean = clean_till_name(name)
    setattr(db, _TILL, clean)
    return clean


@contextmanager
def attached_for_block(db: Any, attribute: str, attach: Callable[[], object]) -> Iterator[None]:
    """Run `attach` (which sets `attribute` on `db`); after the block, what was attached
    before comes back (`as_till`, `db.shops.as_shop`)."""
    before = getattr(db, attribute, None)
    attach()
    try:
        yield
    finally:
        if before is None:
            delattr(db, attribute)
        else:
            setattr(db, attribute, before)


def as_till(db: Any, name: str) -> AbstractContextManager[None]:
    """Within the block `db` writes as till `name`; the till attached before comes back
    afterwards (the demo writes its history as two tills)."""
    return attached_for_block(db, _TILL, lambda: set_till(db, name))


def till_of(db: Any) -> str:
    """The till `db` writes as: the attached name, else the process's (`process_till`),
    else "" (unknown: a test, a script using the data API directly)."""
    attached = getattr(db, _TILL, None)
    if isinstance(attached, str):
        return attached
    return _resolve_process_till()


def _resolve_process_till() -> str:
    global _process_till
    if callable(_process_till):
        try:
            resolved = _process_till()
        except Exception:  # noqa: BLE001 - an unreadable options file: the command still runs
            resolved = CLI_TILL
        _process_till = resolved if till_problem(resolved) is None else CLI_TILL
    return _process_till


@contextmanager
def process_till(name: str | Callable[[], str]) -> Iterator[None]:
    """Within the block, databases without an attached till write as `name` (a name or a
    function giving it, called at the first write: the command line reads the options file
    only when a command records something). The previous value comes back afterwards."""
    global _process_till
    before = _process_till
    _process_till = name
    try:
        yield
    finally:
        _process_till = before
