"""The manager's shop-settings page: every field checked beside itself, saved after a PIN.

The values are checked first (same rules as the data layer, `db.settings.settings_problems`),
then the changes are listed next to an inline PIN pad; only the manager's PIN saves them.
`db.settings.change_settings` checks role, PIN and lockout again and writes the audit entry,
so the pad is a convenience, not the guard.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from db import lockout
from db.compensation import parse_amount
from db.errors import PermissionDenied, UserError, ValidationError
from db.models import LANGUAGES, ShopSettings
from db.settings import change_settings, changed_fields, load_settings, settings_problems
from widgets import data_bus
from widgets.context import AppContext
from widgets.pin_pad import build_pin_confirm

TEXT_FIELDS = ("shop_name", "address", "phone", "email", "logo_path", "currency", "locale",
               "timezone")
INT_FIELDS = ("pin_max_attempts", "pin_lockout_minutes")
LIMIT = "manager_limit_minor"


class SettingsPanel(QWidget):
    """Shop name, contact details, logo, money and language, manager limit and PIN lockout."""

    settings_saved = Signal(object)  # ShopSettings

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("settingsPanel")
        self._pending: ShopSettings | None = None

        self.edits: dict[str, QLineEdit] = {}
        for key in (*TEXT_FIELDS, LIMIT, *INT_FIELDS):
            edit = QLineEdit(self)
            edit.setMinimumHeight(44)
            edit.setObjectName(f"setting_{key}")
            self.edits[key] = edit
        self.edits["currency"].setMaxLength(3)
        self.edits["locale"].setPlaceholderText(self.tr("e.g. fi_FI"))
        self.edits["timezone"].setPlaceholderText(self.tr("e.g. Europe/Helsinki"))
        self.edits[LIMIT].setPlaceholderText(self.tr("e.g. 500.00"))
        self.page_size_box = QComboBox(self)
        for size in ("A4", "Letter"):
            self.page_size_box.addItem(size, size)
        self.language_box = QComboBox(self)
        for code in LANGUAGES:
            self.language_box.addItem(code, code)
        for box in (self.page_size_box, self.language_box):
            box.setMinimumHeight(44)

        titles = {
            "shop_name": self.tr("Shop name"),
            "address": self.tr("Address"),
            "phone": self.tr("Phone"),
            "email": self.tr("E-mail"),
            "logo_path": self.tr("Logo file"),
            "currency": self.tr("Currency"),
            "locale": self.tr("Locale (numbers, money)"),
            "timezone": self.tr("Time zone"),
            "page_size": self.tr("Page size"),
            "report_language": self.tr("Report language"),
            LIMIT: self.tr("Manager limit per complaint"),
            "pin_max_attempts": self.tr("Wrong PINs before lock"),
            "pin_lockout_minutes": self.tr("Lock for (minutes)"),
        }
        self._titles = titles
        widgets: dict[str, QWidget] = {**self.edits, "page_size": self.page_size_box,
                                       "report_language": self.language_box}
        self.errors: dict[str, QLabel] = {}
        form = QFormLayout()
        for key in (*TEXT_FIELDS, "page_size", "report_language", LIMIT, *INT_FIELDS):
            error = QLabel(self)
            error.setObjectName(f"error_{key}")
            error.setStyleSheet("color: #b00020;")
            error.setWordWrap(True)
            error.hide()
            self.errors[key] = error
            column = QVBoxLayout()
            column.setSpacing(0)
            column.addWidget(widgets[key])
            column.addWidget(error)
            form.addRow(titles[key], column)

        self.save_button = QPushButton(self.tr("Save settings"), self)
        self.save_button.setMinimumHeight(44)
        self.save_button.clicked.connect(self.prepare_save)
        self.revert_button = QPushButton(self.tr("Undo my edits"), self)
        self.revert_button.setMinimumHeight(44)
        self.revert_button.clicked.connect(self.reload)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.revert_button)
        self.status_label = QLabel(self)
        self.status_label.setWordWrap(True)

        self.confirm_box, self.confirm_label, self.pad, self.cancel_button = build_pin_confirm(
            self, self.tr("Cancel"), self._on_manager_pin, self.cancel
        )

        left = QVBoxLayout()
        heading = QLabel(self.tr("Shop settings"), self)
        heading.setObjectName("SectionTitle")
        left.addWidget(heading)
        # The fields scroll on a 768 px screen; Save stays in view below them.
        form_body = QWidget(self)
        form_body.setObjectName("settingsFields")
        form_body.setLayout(form)
        self.fields_scroll = QScrollArea(self)
        self.fields_scroll.setObjectName("settingsScroll")
        self.fields_scroll.setWidgetResizable(True)
        self.fields_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.fields_scroll.setWidget(form_body)
        left.addWidget(self.fields_scroll, 1)
        left.addLayout(buttons)
        left.addWidget(self.status_label)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 3)
        layout.addWidget(self.confirm_box, 2, Qt.AlignmentFlag.AlignTop)
        self.reload()

    # --- showing -----------------------------------------------------------------------

    def can_open(self) -> bool:
        staff = self.ctx.staff()
        return staff is not None and staff.role == "manager"

    def reload(self) -> None:
        """Show the stored settings (drops unsaved edits)."""
        settings = load_settings(self.ctx.db)
        for key in TEXT_FIELDS:
            self.edits[key].setText(str(getattr(settings, key)))
        self.edits[LIMIT].setText(self._amount_text(settings.manager_limit_minor))
        for key in INT_FIELDS:
            self.edits[key].setText(str(getattr(settings, key)))
        self.page_size_box.setCurrentIndex(max(0, self.page_size_box.findData(
            settings.page_size)))
        self.language_box.setCurrentIndex(max(0, self.language_box.findData(
            settings.report_language)))
        self.cancel()
        self._clear_errors()

    def _amount_text(self, minor: int) -> str:
        whole, cents = divmod(minor, 100)
        return f"{whole}{self.ctx.locale().decimalPoint()}{cents:02d}"

    # --- checking ----------------------------------------------------------------------

    def wanted(self) -> ShopSettings:
        """The settings as typed; ValidationError names every field that is wrong."""
        current = load_settings(self.ctx.db)
        problems: dict[str, str] = {}
        values: dict[str, object] = {key: self.edits[key].text().strip() for key in TEXT_FIELDS}
        values["page_size"] = self.page_size_box.currentData()
        values["report_language"] = self.language_box.currentData()
        try:
            values[LIMIT] = parse_amount(self.edits[LIMIT].text(), current.locale,
                                         current.currency)
        except ValidationError as exc:
            problems[LIMIT] = exc.fields.get("amount", str(exc))
        for key in INT_FIELDS:
            text = self.edits[key].text().strip()
            if text.isdigit() and text.isascii():
                values[key] = int(text)
            else:
                problems[key] = self.tr("Type a whole number.")
        wanted = replace(current, **values)  # type: ignore[arg-type]
        # the data layer's rules for the rest; a field that did not parse keeps its message
        problems = {**settings_problems(wanted), **problems}
        if problems:
            raise ValidationError(problems)
        return wanted

    def show_field_errors(self, fields: dict[str, str]) -> None:
        for key, label in self.errors.items():
            label.setVisible(key in fields)
            label.setText(fields.get(key, ""))
        other = [v for k, v in fields.items() if k not in self.errors]
        if other:
            self._status(" ".join(other), ok=False)

    def field_error(self, key: str) -> str:
        label = self.errors[key]
        return label.text() if not label.isHidden() else ""

    def _clear_errors(self) -> None:
        self.show_field_errors({})
        self.status_label.clear()

    # --- saving ------------------------------------------------------------------------

    def prepare_save(self) -> None:
        """Check every field; if all is well, list the changes and ask for the PIN."""
        self._clear_errors()
        try:
            wanted = self.wanted()
        except ValidationError as exc:
            self.cancel()
            self.show_field_errors(exc.fields)
            return
        changes = changed_fields(load_settings(self.ctx.db), wanted)
        if not changes:
            self.cancel()
            self._status(self.tr("Nothing to save: no setting was changed."), ok=True)
            return
        self._pending = wanted
        lines = [self.tr("Change %1 settings:").replace("%1", str(len(changes)))]
        for key, (old, new) in changes.items():
            if key == LIMIT:
                old, new = self.ctx.format_money(int(old)), self.ctx.format_money(int(new))
            lines.append(f"• {self._titles.get(key, key)}: {old} → {new}")
        lines.append(self.tr("Manager: enter your PIN to save."))
        self.confirm_label.setText("\n".join(lines))
        self.confirm_box.show()
        self.pad.clear()
        self.pad.setFocus()

    def cancel(self) -> None:
        self._pending = None
        self.pad.clear()
        self.confirm_box.hide()

    def _on_manager_pin(self, pin: str) -> None:
        wanted = self._pending
        if wanted is None:
            return
        try:
            saved = change_settings(self.ctx.db, wanted, pin=pin, console_id=self.ctx.console_id)
        except ValidationError as exc:
            self.cancel()
            self.show_field_errors(exc.fields)
            return
        except (lockout.WrongPin, lockout.PinLocked, PermissionDenied, UserError) as exc:
            # wrong PIN, lockout, not a manager: stay on the pad and say so; edits stay
            self.pad.show_message(str(exc))
            return
        self.cancel()
        self.ctx.settings = saved
        self._status(self.tr("Settings saved."), ok=True)
        self.ctx.bus.notify(data_bus.SETTINGS)
        self.settings_saved.emit(saved)

    def _status(self, text: str, *, ok: bool) -> None:
        self.status_label.setText(text)
        self.status_label.setStyleSheet("color: #1b5e20;" if ok else "color: #b00020;")
