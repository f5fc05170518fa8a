"""Wires the customer's data rights into the window through its extension points.

Profile: a consent block for everyone; "Export data" and "Erase data" for managers. Pages:
the erase page (reason + manager's PIN on the same screen) and the retention review.
The export's PDF is built off the window's thread, so a customer with years of purchases
never freezes the counter.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QThreadPool
from PySide6.QtWidgets import QPushButton

from db.customers.personal_data import customer_record, record_export
from db.errors import UserError
from widgets.background_job import BackgroundJob
from widgets.consent_section import ConsentSection
from widgets.erase_panel import ErasePanel
from widgets.errors import show_error
from widgets.retention_panel import RetentionPanel

if TYPE_CHECKING:
    from console.main_window import MainWindow

PAGE_ERASE = "erase_customer"
PAGE_RETENTION = "retention"


class PersonalDataUi(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        ctx = window.ctx
        profile = window.profile_panel
        self.consent = ConsentSection(ctx)
        profile.add_section(self.consent, self.tr("Consent"))
        profile.profile_shown.connect(self.consent.set_customer)
        self.export_button = QPushButton(self.tr("Export data"))
        self.export_button.setObjectName("export_customer_data")
        self.erase_button = QPushButton(self.tr("Erase data"))
        self.erase_button.setObjectName("erase_customer_data")
        for button in (self.export_button, self.erase_button):
            button.setMinimumHeight(44)
            profile.add_action(button)
        self.export_button.clicked.connect(self.export_current)
        self.erase_button.clicked.connect(self.erase_current)
        self.erase_page = ErasePanel(ctx)
        window.add_page(PAGE_ERASE, self.erase_page)
        self.erase_page.erased.connect(self._on_erased)
        self.erase_page.cancelled.connect(self._back)
        self.retention_page = RetentionPanel(ctx)
        window.add_page(PAGE_RETENTION, self.retention_page)
        self.retention_page.erase_requested.connect(self._erase_many)
        self.review_button = QPushButton(self.tr("Review inactive customers"))
        self.review_button.setObjectName("review_retention")
        self.review_button.setMinimumHeight(44)
        self.review_button.clicked.connect(self.open_retention)
        window.home_view.add_section(self.tr("Personal data"), self.review_button)
        sections = window.home_view.sections
        title = sections.itemAt(sections.indexOf(self.review_button) - 1)
        self._title = title.widget() if title is not None else None
        self._came_from = "home"
        self._job: BackgroundJob | None = None
        window.session.staff_changed.connect(self._update_visibility)
        self._update_visibility()

    def is_manager(self) -> bool:
        """Export, erase and the retention review are manager screens: PIN sign-in needed."""
        return self.window.ctx.manager_with_pin()

    def _update_visibility(self) -> None:
        manager = self.is_manager()
        for widget in (self.export_button, self.erase_button, self.review_button):
            widget.setVisible(manager)
        if self._title is not None:
            self._title.setVisible(manager)

    # -- export
    def export_current(self) -> None:
        customer_id = self.window.profile_panel.customer_id
        if customer_id is None or not self.is_manager() or self._job is not None:
            return
        ctx = self.window.ctx
        try:
            record = customer_record(ctx.db, customer_id)
        except UserError as exc:
            show_error(self.window, exc)
            return
        number = str(record["customer"]["customer_no"])
        chosen = ctx.dialogs.save_file(self.window, self.tr("Export the customer's data"),
                                       f"{number}-data.pdf", self.tr("PDF and JSON (*.pdf)"))
        if not chosen:
            return
        from console.cmd_customer import export_paths

        json_path, pdf_path = export_paths(Path(chosen))
        settings = ctx.settings
        databases = _database_files(ctx.db)

        def call() -> object:
            from reports.personal_data_pdf import build_export_pdf
            from reports.safe_output import write_files

            pdf = build_export_pdf(record, settings, str(record["customer"]["language"]))
            text = json.dumps(record, ensure_ascii=False, indent=1, default=str)
            return write_files([(json_path, text.encode("utf-8")), (pdf_path, pdf)],
                               databases=databases)

        self.export_button.setEnabled(False)
        job = BackgroundJob(call)
        job.signals.finished.connect(
            lambda error: self._on_exported(error, customer_id, json_path, pdf_path))
        self._job = job
        QThreadPool.globalInstance().start(job)

    def _on_exported(self, error: str, customer_id: int, json_path: Path,
                     pdf_path: Path) -> None:
        self._job = None
        self.export_button.setEnabled(True)
        ctx = self.window.ctx
        if error:
            ctx.dialogs.warning(self.window, self.tr("Export not written"), error)
            return
        staff = ctx.staff()
        try:
            record_export(ctx.db, customer_id, staff.id if staff else None)
        except UserError as exc:
            show_error(self.window, exc)
            return
        ctx.dialogs.information(
            self.window, self.tr("Export written"),
            self.tr("Written: {pdf} and {json}.").replace("{pdf}", str(pdf_path))
            .replace("{json}", str(json_path)))

    # -- erase
    def erase_current(self) -> None:
        profile = self.window.profile_panel
        customer_id = profile.customer_id
        if customer_id is None or not self.is_manager() or profile.profile is None:
            return
        self._came_from = "profile"
        self.erase_page.set_customers([customer_id], profile.profile.customer.customer_no)
        self.window.show_page(PAGE_ERASE)

    def _erase_many(self, customer_ids: list[int]) -> None:
        self._came_from = PAGE_RETENTION
        self.erase_page.set_customers(
            customer_ids, self.tr("%n customers", "", len(customer_ids)))
        self.window.show_page(PAGE_ERASE)

    def _on_erased(self, customer_ids: list[int]) -> None:
        if self._came_from == PAGE_RETENTION:
            self.open_retention()
            return
        self.window.profile_panel.refresh()
        self.window.show_page("profile")

    def _back(self) -> None:
        if self._came_from == PAGE_RETENTION:
            self.window.show_page(PAGE_RETENTION)
        else:
            self.window.show_page("profile" if self._came_from == "profile" else "home")

    def open_retention(self) -> bool:
        if not self.is_manager():
            return False
        self.retention_page.reload()
        self.window.show_page(PAGE_RETENTION)
        return True


def _database_files(db: Any) -> list[Path]:
    from reports.safe_output import database_files

    return database_files(db)


def install(window: MainWindow) -> PersonalDataUi:
    ui = PersonalDataUi(window)
    window.personal_data_ui = ui  # type: ignore[attr-defined]
    return ui
