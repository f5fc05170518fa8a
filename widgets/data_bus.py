"""One signal for "the data changed", emitted after every successful write.

Views listen and refresh only when the entity (and id) they show changed, as Anki's
CollectionOp does with its change notifications.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

# Entity names used on the bus live in the data layer (`db.store.changes`), which records the
# same names for the other tills; re-exported here for the widgets.
from db.store.changes import (
    ANY_ID,
    COMPLAINT,
    CUSTOMER,
    FOLLOW_UP,
    LETTER,
    PRODUCT,
    PURCHASE,
    SETTINGS,
    STAFF,
    VOUCHER,
)

__all__ = [
    "ANY_ID", "COMPLAINT", "CUSTOMER", "FOLLOW_UP", "LETTER", "PRODUCT", "PURCHASE",
    "SETTINGS", "STAFF", "VOUCHER", "DataBus", "concerns",
]


class DataBus(QObject):
    """`data_changed(entity, id)`: after a write commits; id ANY_ID means "several"."""

    data_changed = Signal(str, int)

    def notify(self, entity: str, entity_id: int = ANY_ID) -> None:
        self.data_changed.emit(entity, entity_id)


def concerns(entity: str, entity_id: int, wanted_entity: str, wanted_id: int | None) -> bool:
    """Whether a change notification touches what a view shows."""
    if entity != wanted_entity:
        return False
    return wanted_id is None or entity_id in (ANY_ID, wanted_id)
