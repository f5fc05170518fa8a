"""One signal for "the data changed", emitted after every successful write.

Views listen and refresh only when the entity (and id) they show changed, as Anki's
CollectionOp does with its change notifications.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

# Entity names used on the bus; other areas add their own strings (e.g. "complaint").
CUSTOMER = "customer"
PURCHASE = "purchase"
STAFF = "staff"
PRODUCT = "product"
COMPLAINT = "complaint"
FOLLOW_UP = "follow_up"
LETTER = "letter"
SETTINGS = "settings"

ANY_ID = 0
"""The id emitted when a change touches many rows of an entity (e.g. an import)."""


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
