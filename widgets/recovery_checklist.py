"""The recovery steps as big checkboxes the staff member ticks as they go.

The steps come from the data layer (`db.service.models.STEPS`: key and untranslated label)
so the record stores stable keys while the screen shows the translated text.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from db.i18n import _


class RecoveryChecklist(QWidget):
    """One large checkbox per step, in the order of the service practice."""

    steps_changed = Signal(list)  # the keys ticked, in step order

    def __init__(self, steps: Sequence[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recoveryChecklist")
        self._boxes: dict[str, QCheckBox] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        heading = QLabel(self.tr("Recovery steps"), self)
        heading.setStyleSheet("font-weight: bold;")
        layout.addWidget(heading)
        for number, (key, label) in enumerate(steps, start=1):
            text = f"{number}. {_translate_step(label)}"
            box = QCheckBox(self)
            box.setObjectName(f"step_{key}")
            box.setAccessibleName(text)
            box.setMinimumSize(44, 44)
            box.setStyleSheet("QCheckBox::indicator { width: 28px; height: 28px; }")
            box.toggled.connect(self._on_toggled)
            self._boxes[key] = box
            layout.addWidget(_StepRow(box, text, self))
        layout.addStretch(1)

    def box(self, key: str) -> QCheckBox:
        return self._boxes[key]

    def keys(self) -> list[str]:
        return list(self._boxes)

    def done(self) -> list[str]:
        """The keys of the steps ticked, in step order (what the record keeps)."""
        return [key for key, box in self._boxes.items() if box.isChecked()]

    def set_done(self, keys: Iterable[str]) -> None:
        wanted = set(keys)
        for key, box in self._boxes.items():
            box.blockSignals(True)
            box.setChecked(key in wanted)
            box.blockSignals(False)
        self.steps_changed.emit(self.done())

    def _on_toggled(self, _checked: bool) -> None:
        self.steps_changed.emit(self.done())


class _StepRow(QWidget):
    """A checkbox and its text, which wraps on a narrow screen; a tap anywhere toggles it."""

    def __init__(self, box: QCheckBox, text: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.box = box
        box.setParent(self)
        self.label = QLabel(text, self)
        self.label.setWordWrap(True)
        self.label.setBuddy(box)
        self.label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.label.setMinimumWidth(120)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(box, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.label, 1)
        self.setMinimumHeight(44)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt override)
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt override)
        label_width = max(1, width - self.box.width() - 6)
        return max(44, self.label.heightForWidth(label_width))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt override)
        if event.button() == Qt.MouseButton.LeftButton:
            self.box.toggle()
        super().mouseReleaseEvent(event)


def _translate_step(label: str) -> str:
    """Labels are N_() strings of the data layer: gettext first, then Qt's catalogue."""
    text = _(label)
    if text == label:
        text = QCoreApplication.translate("RecoveryChecklist", label)
    return text
