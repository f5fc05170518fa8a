"""The one write path for widgets, like Anki's CollectionOp.

    run_op(ctx, self, lambda: record_purchase(ctx.db, ...),
           changed=lambda p: [(PURCHASE, p.id), (CUSTOMER, customer_id)],
           on_success=self._on_purchase_recorded)

A known error (`UserError`) goes through `show_error(parent, exc)` and nothing else
happens (the write was one transaction, so nothing is half-written); success emits
`data_changed` for each touched entity and then calls `on_success`. Anything else is a bug
and propagates to the crash handler.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

from PySide6.QtWidgets import QWidget

from db.errors import UserError
from widgets.context import AppContext
from widgets.errors import show_error

T = TypeVar("T")

Changes = Iterable[tuple[str, int]] | Callable[[T], Iterable[tuple[str, int]]]


def run_op(
    ctx: AppContext,
    parent: QWidget | None,
    call: Callable[[], T],
    *,
    changed: Changes[T] = (),
    on_success: Callable[[T], None] | None = None,
    passes: tuple[type[UserError], ...] = (),
) -> T | None:
    """Run one data-API write; returns its result, or None when it raised a UserError.

    Errors of the types in `passes` are raised to the caller instead of shown, for a form
    that shows them its own way (an edit conflict on the form rather than in a box)."""
    try:
        result = call()
    except passes:
        raise
    except UserError as exc:
        show_error(parent, exc)
        return None
    touched = changed(result) if callable(changed) else changed
    for entity, entity_id in touched:
        ctx.bus.notify(entity, entity_id)
    if on_success is not None:
        on_success(result)
    return result
