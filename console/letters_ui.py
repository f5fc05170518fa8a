"""Wires the letter screens into the main window through its extension points only.

- a "Letter…" action on the profile opens the letter page (kind, complaint, language, edit,
  preview of the real PDF, print or save);
- the profile lists the customer's letters, each reprintable from the stored PDF;
- the home page has "Birthday letters" for this week's batch.
`create_window` calls `install`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from widgets.birthday_batch import BirthdayBatchPanel
from widgets.letter_history import LetterHistoryPanel
from widgets.letter_preview import MIN_TARGET, LetterPreview

if TYPE_CHECKING:
    from console.main_window import MainWindow

PAGE_LETTER = "letter"
PAGE_BIRTHDAY_LETTERS = "birthday_letters"


def _with_back(window: MainWindow, content: QWidget, text: str) -> tuple[QWidget, QPushButton]:
    page = QWidget()
    layout = QVBoxLayout(page)
    row = QHBoxLayout()
    back = QPushButton(text)
    back.setMinimumHeight(MIN_TARGET)
    row.addWidget(back)
    row.addStretch(1)
    layout.addLayout(row)
    layout.addWidget(content, 1)
    return page, back


class LettersUi(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        ctx = window.ctx

        self.preview = LetterPreview(ctx)
        page, back = _with_back(window, self.preview, self.tr("← Back to the profile"))
        back.clicked.connect(self.back_to_profile)
        self.preview.letter_recorded.connect(lambda _record: self.back_to_profile())
        window.add_page(PAGE_LETTER, page)

        self.letter_button = QPushButton(self.tr("&Letter…"))
        self.letter_button.setToolTip(self.tr("Ctrl+L"))
        self.letter_button.clicked.connect(lambda: self.letter_for_profile())
        window.profile_panel.add_action(self.letter_button)
        window._shortcut("letter", QKeySequence("Ctrl+L"), lambda: self.letter_for_profile())

        self.history = LetterHistoryPanel(ctx)
        self.history.hide()
        self._insert_into_profile(self.history)
        window.profile_panel.profile_shown.connect(self.history.set_customer)

        self.batch = BirthdayBatchPanel(ctx)
        batch_page, batch_back = _with_back(window, self.batch, self.tr("← Home"))
        batch_back.clicked.connect(window.go_home)
        window.add_page(PAGE_BIRTHDAY_LETTERS, batch_page)
        self.batch_button = QPushButton(self.tr("Birthday letters for this week…"))
        self.batch_button.setMinimumHeight(MIN_TARGET)
        self.batch_button.clicked.connect(self.open_birthday_batch)
        window.home_view.add_section(self.tr("Letters"), self.batch_button)

    def _insert_into_profile(self, widget: QWidget) -> None:
        """Above the purchase history (its separator line), else at the end."""
        panel = self.window.profile_panel
        if hasattr(panel, "add_section"):  # the profile's own scrolling place for sections
            panel.add_section(widget)
            return
        layout = panel.layout()
        if isinstance(layout, QVBoxLayout):
            for i in range(layout.count()):
                item = layout.itemAt(i)
                w = item.widget() if item is not None else None
                if isinstance(w, QFrame) and w.frameShape() == QFrame.Shape.HLine:
                    layout.insertWidget(i, widget)
                    return
            layout.addWidget(widget)

    def selected_complaint(self) -> int | None:
        """The complaint selected in the profile's complaint history (service screens), if any."""
        service = getattr(self.window, "service_ui", None)
        view = getattr(service, "history_view", None)
        model = getattr(service, "history_model", None)
        if view is None or model is None or view.selectionModel() is None:
            return None
        rows = view.selectionModel().selectedRows()
        summary = model.summary_at(rows[0].row()) if rows else None
        return int(summary.id) if summary is not None else None

    def letter_for_profile(self, complaint_id: int | None = None) -> None:
        """Open the letter page for the profile's customer, about the selected complaint."""
        customer_id = self.window.profile_panel.customer_id
        if customer_id is None and complaint_id is None:
            return
        if complaint_id is None:
            complaint_id = self.selected_complaint()
        self.preview.open_for(customer_id=customer_id, complaint_id=complaint_id or None)
        self.window.show_page(PAGE_LETTER)

    def back_to_profile(self) -> None:
        if self.window.profile_panel.customer_id is not None:
            self.window.show_page("profile")
        else:
            self.window.go_home()

    def open_birthday_batch(self) -> None:
        self.batch.reload()
        self.window.show_page(PAGE_BIRTHDAY_LETTERS)


def install(window: MainWindow) -> LettersUi:
    ui = LettersUi(window)
    window.letters_ui = ui  # type: ignore[attr-defined]
    return ui
