"""Wires the letter screens into the main window through its extension points only.

- a "Letter…" action on the profile opens the letter page (kind, complaint, language, edit,
  preview of the real PDF, print or save);
- the profile lists the customer's letters, each reprintable from the stored PDF;
- "Letters" on the navigation rail (Ctrl+Shift+L) opens the letters page: a letter for the
  customer whose profile is open, and this week's birthday batch;
- after "Save and finish" on a complaint with compensation, a notice above the page offers
  the apology for that complaint, preselected: one tap to preview it, one to print it.
`create_window` calls `install`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from db.service.models import Complaint
from widgets.birthday_batch import BirthdayBatchPanel
from widgets.letter_history import LetterHistoryPanel
from widgets.letter_preview import MIN_TARGET, LetterPreview

if TYPE_CHECKING:
    from console.main_window import MainWindow

PAGE_LETTER = "letter"
PAGE_BIRTHDAY_LETTERS = "birthday_letters"


def _with_back(window: MainWindow, content: QWidget, text: str,
               *extra: QWidget) -> tuple[QWidget, QPushButton]:
    page = QWidget()
    layout = QVBoxLayout(page)
    row = QHBoxLayout()
    back = QPushButton(text)
    back.setMinimumHeight(MIN_TARGET)
    row.addWidget(back)
    for widget in extra:
        row.addWidget(widget)
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
        self.customer_letter_button = QPushButton()
        self.customer_letter_button.setMinimumHeight(MIN_TARGET)
        self.customer_letter_button.clicked.connect(lambda: self.letter_for_profile())
        batch_page, batch_back = _with_back(window, self.batch, self.tr("← Home"),
                                            self.customer_letter_button)
        batch_back.clicked.connect(window.go_home)
        window.add_page(PAGE_BIRTHDAY_LETTERS, batch_page)
        self.batch_button = window.add_nav_item(
            "letters", self.tr("Letters"), self.open_birthday_batch, keys="Ctrl+Shift+L",
            order=50, pages=(PAGE_BIRTHDAY_LETTERS, PAGE_LETTER))

        # After "Save and finish" on a complaint with compensation: the apology, one tap.
        service = getattr(window, "service_ui", None)
        if service is not None:
            service.complaint_finished.connect(self.offer_apology)

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

    def offer_apology(self, complaint: Complaint) -> bool:
        """Offer the apology for a finished complaint with compensation above the page."""
        if complaint.kind != "complaint" or not any(
                line.status != "refused" for line in complaint.lines):
            return False
        self.window.show_notice(
            self.tr("Complaint #%1 is saved. Give the customer the apology letter?")
            .replace("%1", str(complaint.id)),
            [(self.tr("Preview apology"), lambda: self.open_apology(complaint.id)),
             (self.tr("Print apology"), lambda: self.print_apology(complaint.id))])
        return True

    def open_apology(self, complaint_id: int) -> bool:
        """The letter page with the apology for this complaint chosen and previewed."""
        ready = self.preview.open_for(complaint_id=complaint_id, kind="apology")
        self.window.show_page(PAGE_LETTER)
        self.preview.print_button.setFocus()
        return ready

    def print_apology(self, complaint_id: int) -> bool:
        """Straight to the printer (the letter page stays open to see what was printed)."""
        if not self.open_apology(complaint_id):
            return False
        return self.preview.print_letter() is not None

    def back_to_profile(self) -> None:
        if self.window.profile_panel.customer_id is not None:
            self.window.show_page("profile")
        else:
            self.window.go_home()

    def open_birthday_batch(self) -> None:
        """The letters page: this week's birthdays, and a letter for the open customer."""
        customer_id = self.window.profile_panel.customer_id
        profile = self.window.profile_panel.profile
        name = profile.customer.name if profile is not None else ""
        self.customer_letter_button.setVisible(customer_id is not None and bool(name))
        self.customer_letter_button.setText(
            self.tr("Letter for %1…").replace("%1", name) if name else "")
        if not self.batch.is_running():  # letters being made stay on screen
            self.batch.reload()
        self.window.show_page(PAGE_BIRTHDAY_LETTERS)


def install(window: MainWindow) -> LettersUi:
    ui = LettersUi(window)
    window.letters_ui = ui  # type: ignore[attr-defined]
    return ui
