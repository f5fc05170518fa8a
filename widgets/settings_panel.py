"""The manager's shop-settings page: every field checked beside itself, saved after a PIN.

The values are checked first (same rules as the data layer, `db.settings.settings_problems`),
then the changes are listed next to an inline PIN pad; only the manager's PIN saves them.
`db.settings.change_settings` checks role, PIN and lockout again and writes the audit entry,
so the pad is a convenience, not the guard.

Each field's error sits in its own row under the field, inside a scrolling form, so it never
covers the field it is about (at any window size), and it goes as soon as the field is put
right. Esc closes the PIN box first; with no PIN box, Esc leaves the page (`closed`), and
"Undo my edits" or leaving asks before throwing typed changes away.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from db.errors import PermissionDenied, UserError, ValidationError
from db.models import LANGUAGES, SIGN_IN_PIN_CHOICES, ShopSettings
from db.security import lockout
from db.service.compensation import parse_amount
from db.settings import change_settings, changed_fields, load_settings, settings_problems
from widgets import data_bus
from widgets.context import AppContext
from widgets.pin_pad import build_pin_confirm
from widgets.unsaved_changes import ChangeTracker, LiveFieldErrors, confirm_discard

TEXT_FIELDS = ("shop_name", "address", "phone", "email", "logo_path", "currency", "locale",
               "timezone", "backup_folder", "backup_second_folder")
INT_FIELDS = ("pin_max_attempts", "pin_lockout_minutes", "pin_shop_max_attempts",
              "pin_min_length_supervisor", "pin_min_length_manager", "idle_sign_out_minutes",
              "retention_months")
LIMIT = "manager_limit_minor"


class SettingsPanel(QWidget):
    """Shop name, contact details, logo, money and language, manager limit and PIN lockout."""

    settings_saved = Signal(object)  # ShopSettings
    closed = Signal()  # Esc: leave the page (after asking, when something was typed)

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
        self.sign_in_pin_box = QComboBox(self)
        pin_choices = {"supervisors": self.tr("Supervisors and managers"),
                       "everyone": self.tr("Everyone")}
        for choice in SIGN_IN_PIN_CHOICES:
            self.sign_in_pin_box.addItem(pin_choices.get(choice, choice), choice)
        for box in (self.page_size_box, self.language_box, self.sign_in_pin_box):
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
            "backup_folder": self.tr("Backup folder (empty: beside the database)"),
            "backup_second_folder": self.tr("Second backup folder (USB stick, share)"),
            "retention_months": self.tr("Review inactive customers after (months)"),
            "page_size": self.tr("Page size"),
            "report_language": self.tr("Report language"),
            LIMIT: self.tr("Manager limit per complaint"),
            "pin_max_attempts": self.tr("Wrong PINs before lock"),
            "pin_lockout_minutes": self.tr("Lock for (minutes)"),
            "sign_in_pin": self.tr("Sign in with a PIN"),
            "idle_sign_out_minutes": self.tr("Sign out when idle for (minutes)"),
            "pin_shop_max_attempts": self.tr("Wrong PINs at all tills before the shop locks"),
            "pin_min_length_supervisor": self.tr("Shortest supervisor PIN (digits)"),
            "pin_min_length_manager": self.tr("Shortest manager PIN (digits)"),
        }
        self._titles = titles
        widgets: dict[str, QWidget] = {**self.edits, "page_size": self.page_size_box,
                                       "report_language": self.language_box,
                                       "sign_in_pin": self.sign_in_pin_box}
        self.errors: dict[str, QLabel] = {}
        self.fields = widgets
        form_body = QWidget(self)
        # Each title above its field, wrapped when long: a Finnish title never pushes the
        # field out of the scroll area (which does not scroll sideways) or gets cut.
        form = QVBoxLayout(form_body)
        form.setSpacing(2)
        self._form_layout = form
        self._sections = 0
        for key in (*TEXT_FIELDS, "page_size", "report_language", LIMIT, *INT_FIELDS,
                    "sign_in_pin"):
            error = QLabel(form_body)
            error.setObjectName(f"error_{key}")
            error.setStyleSheet("color: #b00020;")
            error.setWordWrap(True)
            error.hide()
            self.errors[key] = error
            title = QLabel(titles[key], form_body)
            title.setWordWrap(True)
            title.setBuddy(widgets[key])
            form.addWidget(title)
            form.addWidget(widgets[key])
            form.addWidget(error)  # shown below its field: it pushes the rows below down
            form.addSpacing(8)
        form.addStretch(1)
        self.form_scroll = QScrollArea(self)
        self.form_scroll.setWidgetResizable(True)
        self.form_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.form_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.form_scroll.setWidget(form_body)

        self.save_button = QPushButton(self.tr("Save settings"), self)
        self.save_button.setMinimumHeight(44)
        self.save_button.clicked.connect(self.prepare_save)
        self.revert_button = QPushButton(self.tr("Undo my edits"), self)
        self.revert_button.setMinimumHeight(44)
        self.revert_button.clicked.connect(self.undo_edits)
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
        left.addWidget(self.form_scroll, 1)
        left.addLayout(buttons)
        left.addWidget(self.status_label)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 3)
        layout.addWidget(self.confirm_box, 2, Qt.AlignmentFlag.AlignTop)
        inputs = list(widgets.values())
        self.changes = ChangeTracker(lambda: inputs)
        self.live_errors = LiveFieldErrors(self.errors, self._current_problems)
        self.live_errors.watch(*inputs)
        self.reload()

    def add_section(self, widget: QWidget) -> None:
        """Another area's part of the settings page (e.g. this till's name), above the shop
        settings inside the scrolling form; it saves on its own, not with "Save settings"."""
        self._form_layout.insertWidget(self._sections, widget)
        self._form_layout.insertSpacing(self._sections + 1, 16)
        self._sections += 2

    # --- showing -----------------------------------------------------------------------

    def can_open(self) -> bool:
        """Only a manager signed in with their PIN."""
        return self.ctx.manager_with_pin()

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
        self.sign_in_pin_box.setCurrentIndex(max(0, self.sign_in_pin_box.findData(
            settings.sign_in_pin)))
        self.cancel()
        self._clear_errors()
        self.changes.mark_clean()

    # --- leaving without saving ------------------------------------------------------------

    def has_unsaved_changes(self) -> bool:
        return self.changes.is_changed()

    def discard_unsaved_changes(self) -> None:
        self.reload()

    def undo_edits(self) -> bool:
        """"Undo my edits": asks first when something was typed; True when undone."""
        if self.has_unsaved_changes() and not confirm_discard(self.ctx.dialogs, self):
            return False
        self.reload()
        return True

    def request_close(self) -> bool:
        """Esc: leave the page, asking first when something was typed."""
        if self.has_unsaved_changes() and not confirm_discard(self.ctx.dialogs, self):
            return False
        self.reload()
        self.closed.emit()
        return True

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        if event.key() == Qt.Key.Key_Escape:
            if not self.confirm_box.isHidden():
                self.cancel()  # only the PIN box closes; the edits stay
            else:
                self.request_close()
            event.accept()
            return
        super().keyPressEvent(event)

    def _current_problems(self) -> dict[str, str] | None:
        try:
            self.wanted()
        except ValidationError as exc:
            return exc.fields
        except UserError:
            return None
        return {}

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
        values["sign_in_pin"] = self.sign_in_pin_box.currentData()
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
        self.changes.mark_clean()
        self._status(self.tr("Settings saved."), ok=True)
        self.ctx.bus.notify(data_bus.SETTINGS)
        self.settings_saved.emit(saved)

    def _status(self, text: str, *, ok: bool) -> None:
        self.status_label.setText(text)
        self.status_label.setStyleSheet("color: #1b5e20;" if ok else "color: #b00020;")
