"""Create or edit a customer, with each validation message next to its field.

Nothing is saved while anything is invalid, and nothing the person typed is cleared by an
error; an error goes away as soon as its field is put right. Cancel or Esc asks before
throwing typed changes away. A phone number that another customer already has is warned
about (next to the field while typing, and once more before saving), not refused: families
share phones.
"""

from __future__ import annotations

import re
import uuid
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from db.customers.records import (
    create_customer,
    customers_with_phone,
    get_customer,
    update_customer,
)
from db.customers.records import validate as validate_customer
from db.errors import EditConflict, UserError, ValidationError
from db.models import LANGUAGES, PERSONALITIES, Customer, CustomerInput, FamilyDate
from db.service.models import Draft
from widgets import data_bus
from widgets.allergen_display import AllergenPicker
from widgets.context import AppContext
from widgets.edit_conflict_bar import EditConflictBar
from widgets.errors import show_error
from widgets.labels import language_name, month_names, personality_name, serving_tip
from widgets.local_draft_keeper import CUSTOMER_FORM, LocalDraftKeeper
from widgets.ops import run_op
from widgets.unsaved_changes import (
    ChangeTracker,
    LiveFieldErrors,
    confirm_discard,
    connect_edits,
)

_FAMILY_LINE = re.compile(r"^(?P<label>.+?)\s*[:\-]?\s+(?P<month>\d{1,2})-(?P<day>\d{1,2})$")
FIELDS = (
    "name", "phone", "email", "language", "birthday", "allergies", "tags", "preferences",
    "family_dates", "personality", "consent_contact",
)


class CustomerForm(QWidget):
    """`new_customer()` or `edit_customer(id)`; emits `saved(id)` or `cancelled()`."""

    saved = Signal(int)
    cancelled = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._customer_id: int | None = None
        self._external_id: str | None = None
        self._version: int | None = None  # the profile's version the form was filled from
        self._client_key = uuid.uuid4().hex  # one per new customer: a retried save is known
        # on a server, what is typed is also kept on this till's disk (widgets.local_draft_keeper)
        self.local_draft = LocalDraftKeeper(ctx, CUSTOMER_FORM, self.draft_payload, self)

        self.title = QLabel()
        self.title.setObjectName("SectionTitle")

        self.name_edit = QLineEdit()
        self.name_edit.setMaxLength(200)
        self.phone_edit = QLineEdit()
        self.phone_edit.setPlaceholderText(self.tr("e.g. +358 40 123 4567"))
        self.phone_edit.editingFinished.connect(self.check_phone)
        self.phone_edit.textChanged.connect(self._on_phone_edited)
        self.email_edit = QLineEdit()
        self.language_combo = QComboBox()
        for code in LANGUAGES:
            self.language_combo.addItem(language_name(code), code)
        # How a letter greets them ("Ms Williams", "Maija", "王小姐"); empty: the full name.
        self.address_edit = QLineEdit()
        self.address_edit.setMaxLength(100)
        self.address_edit.setPlaceholderText(self.tr("e.g. Ms Williams, 王小姐 (empty: full name)"))

        self.month_combo = QComboBox()
        self.month_combo.addItem(self.tr("— month —"), None)
        for number, name in enumerate(month_names(), start=1):
            self.month_combo.addItem(name, number)
        self.day_combo = QComboBox()  # a list, not a spin box: big targets for fingers
        self.day_combo.addItem(self.tr("— day —"), None)
        for number in range(1, 32):
            self.day_combo.addItem(str(number), number)
        self.year_edit = QLineEdit()
        self.year_edit.setPlaceholderText(self.tr("year (optional)"))
        self.year_edit.setMaxLength(4)
        birthday = QWidget()
        row = QHBoxLayout(birthday)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.day_combo)
        row.addWidget(self.month_combo, 1)
        row.addWidget(self.year_edit)

        # The 14 EU allergens as toggles (stored as codes, read in every language), then
        # free text for anything else; `allergies_edit` is that free-text field.
        self.allergy_picker = AllergenPicker()
        self.allergies_edit = self.allergy_picker.other_edit
        self.tags_edit = QLineEdit()
        self.tags_edit.setPlaceholderText(self.tr("comma-separated, e.g. window seat, quiet room"))
        self.preferences_edit = QPlainTextEdit()
        self.preferences_edit.setTabChangesFocus(True)
        self.preferences_edit.setMaximumHeight(110)
        self.family_edit = QPlainTextEdit()
        self.family_edit.setTabChangesFocus(True)
        self.family_edit.setMaximumHeight(110)
        self.family_edit.setPlaceholderText(
            self.tr("one per line: label MM-DD, e.g. Wedding anniversary 06-14"))
        self.personality_combo = QComboBox()
        self.personality_combo.addItem(self.tr("— not noted —"), None)
        for code in PERSONALITIES:
            self.personality_combo.addItem(personality_name(code), code)
        self.personality_combo.currentIndexChanged.connect(self._on_personality_changed)
        self.tip_label = QLabel()
        self.tip_label.setObjectName("EmptyHint")
        self.tip_label.setWordWrap(True)
        self.consent_check = QCheckBox(self.tr("Agrees to be contacted (letters, birthday wishes)"))

        self.errors: dict[str, QLabel] = {}
        self.phone_warning = QLabel()
        self.phone_warning.setObjectName("FieldWarning")
        self.phone_warning.setWordWrap(True)
        self.phone_warning.hide()

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        rows = (
            ("name", self.tr("&Name *"), self.name_edit),
            ("phone", self.tr("&Phone"), self.phone_edit),
            ("email", self.tr("E&mail"), self.email_edit),
            ("language", self.tr("&Language"), self.language_combo),
            ("form_of_address", self.tr("Letters greet"), self.address_edit),
            ("birthday", self.tr("&Birthday"), birthday),
            ("allergies", self.tr("&Allergies"), self.allergy_picker),
            ("preferences", self.tr("P&references"), self.preferences_edit),
            ("tags", self.tr("&Tags"), self.tags_edit),
            ("family_dates", self.tr("&Family dates"), self.family_edit),
            ("personality", self.tr("Pe&rsonality"), self.personality_combo),
            ("consent_contact", self.tr("Contact"), self.consent_check),
        )
        for key, label_text, field in rows:
            holder = QWidget()
            box = QVBoxLayout(holder)
            box.setContentsMargins(0, 0, 0, 0)
            box.setSpacing(2)
            box.addWidget(field)
            if key == "phone":
                box.addWidget(self.phone_warning)
            if key == "personality":
                box.addWidget(self.tip_label)
            error = QLabel()
            error.setObjectName("FieldError")
            error.setWordWrap(True)
            error.hide()
            box.addWidget(error)
            self.errors[key] = error
            label = QLabel(label_text)
            label.setBuddy(self.day_combo if key == "birthday" else field)
            form.addRow(label, holder)

        self.save_button = QPushButton(self.tr("&Save"))
        self.save_button.setProperty("primary", True)
        self.save_button.setToolTip(self.tr("Ctrl+S"))
        self.save_button.clicked.connect(self.save)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setToolTip(self.tr("Esc"))
        self.cancel_button.clicked.connect(self.request_cancel)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)

        inner = QWidget()
        inner_layout = QVBoxLayout(inner)
        inner_layout.addWidget(self.title)
        inner_layout.addLayout(form)
        inner_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 8, 20, 12)
        layout.addWidget(scroll, 1)
        # another till saved this profile after it was opened here (`save`)
        self.conflict_bar = EditConflictBar(self)
        self.conflict_bar.load_theirs.connect(self.load_their_version)
        self.conflict_bar.keep_mine.connect(self.keep_my_version)
        layout.addWidget(self.conflict_bar)
        layout.addLayout(buttons)

        QShortcut(QKeySequence.StandardKey.Save, self, self.save,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.request_cancel,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._inputs: list[QWidget] = [
            self.name_edit, self.phone_edit, self.email_edit, self.language_combo,
            self.day_combo, self.month_combo, self.year_edit, self.allergies_edit,
            self.tags_edit, self.preferences_edit, self.family_edit, self.personality_combo,
            self.consent_check]
        self.changes = ChangeTracker(lambda: self._inputs)
        self.live_errors = LiveFieldErrors(self.errors, self._current_problems)
        self.live_errors.watch(*self._inputs)
        for widget in (*self._inputs, self.address_edit):
            connect_edits(widget, self.local_draft.touch)
        self.allergy_picker.changed.connect(self.local_draft.touch)
        self.new_customer()

    # -- filling
    @property
    def customer_id(self) -> int | None:
        return self._customer_id

    def new_customer(self, name: str = "") -> None:
        """An empty form; `name` pre-fills what was typed into search."""
        self._customer_id = None
        self._external_id = None
        self._version = None
        self._client_key = uuid.uuid4().hex
        self.conflict_bar.clear()
        self.title.setText(self.tr("New customer"))
        self._fill(CustomerInput(name=name))

    def edit_customer(self, customer_id: int) -> None:
        customer: Customer = get_customer(self.ctx.db, customer_id)
        self._customer_id = customer.id
        self._external_id = customer.external_id
        self._version = customer.version
        self.conflict_bar.clear()
        self.title.setText(
            self.tr("Edit {name} ({number})").replace("{name}", customer.name)
            .replace("{number}", customer.customer_no))
        self._fill(customer.to_input())

    def _fill(self, data: CustomerInput) -> None:
        self.clear_errors()
        self.name_edit.setText(data.name)
        self.phone_edit.setText(data.phone)
        self.email_edit.setText(data.email)
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(data.language)))
        self.address_edit.setText(data.form_of_address)
        self.month_combo.setCurrentIndex(max(0, self.month_combo.findData(data.birth_month))
                                         if data.birth_month else 0)
        self.day_combo.setCurrentIndex(data.birth_day or 0)
        self.year_edit.setText(str(data.birth_year) if data.birth_year else "")
        self.allergy_picker.set_allergies(data.allergens, data.allergies)
        self.tags_edit.setText(", ".join(data.tags))
        self.preferences_edit.setPlainText(data.preferences)
        self.family_edit.setPlainText(
            "\n".join(f"{d.label} {d.month:02d}-{d.day:02d}" for d in data.family_dates))
        index = self.personality_combo.findData(data.personality) if data.personality else 0
        self.personality_combo.setCurrentIndex(max(0, index))
        self.consent_check.setChecked(data.consent_contact)
        self.phone_warning.hide()
        self.changes.mark_clean()
        self.name_edit.setFocus()

    # -- leaving without saving
    def has_unsaved_changes(self) -> bool:
        return self.changes.is_changed()

    def discard_unsaved_changes(self) -> None:
        """Put the form back as it was filled (the person agreed to lose the edits)."""
        self.clear_errors()
        self.local_draft.clear()
        if self._customer_id is not None:
            try:
                self.edit_customer(self._customer_id)
                return
            except UserError:
                pass
        self.new_customer()

    def request_cancel(self) -> bool:
        """Cancel or Esc: asks first when something was changed; True when it was left."""
        if self.has_unsaved_changes() and not confirm_discard(self.ctx.dialogs, self):
            return False
        self.changes.mark_clean()
        self.local_draft.clear()
        self.cancelled.emit()
        return True

    def _current_problems(self) -> dict[str, str]:
        """What is still wrong with the form as it stands (empty when all is well)."""
        try:
            validate_customer(self.collect())
        except ValidationError as exc:
            return {key if key in self.errors else "name": message
                    for key, message in exc.fields.items()}
        return {}

    # -- reading
    def collect(self) -> CustomerInput:
        """What is on screen as a CustomerInput; unparsable entries raise ValidationError."""
        problems: dict[str, str] = {}
        year_text = self.year_edit.text().strip()
        year: int | None = None
        if year_text:
            if year_text.isdigit():
                year = int(year_text)
            else:
                problems["birthday"] = self.tr("The year is four digits, e.g. 1985.")
        month = self.month_combo.currentData()
        day = self.day_combo.currentData()
        family: list[FamilyDate] = []
        for number, raw in enumerate(self.family_edit.toPlainText().splitlines(), start=1):
            text = raw.strip()
            if not text:
                continue
            match = _FAMILY_LINE.match(text)
            if match is None:
                problems["family_dates"] = self.tr(
                    "Line {n}: write a label and MM-DD, e.g. Wedding anniversary 06-14."
                ).replace("{n}", str(number))
                continue
            family.append(FamilyDate(match["label"], int(match["month"]), int(match["day"])))
        if problems:
            raise ValidationError(problems)
        return CustomerInput(
            name=self.name_edit.text(),
            phone=self.phone_edit.text(),
            email=self.email_edit.text(),
            language=self.language_combo.currentData(),
            birth_month=month,
            birth_day=day,
            birth_year=year,
            allergies=self.allergy_picker.free_text(),
            allergens=self.allergy_picker.codes(),
            preferences=self.preferences_edit.toPlainText(),
            tags=_split(self.tags_edit.text()),
            family_dates=family,
            consent_contact=self.consent_check.isChecked(),
            personality=self.personality_combo.currentData(),
            external_id=self._external_id,
            form_of_address=self.address_edit.text(),
        )

    # -- errors next to fields (FieldErrorSink)
    def show_field_errors(self, fields: dict[str, str]) -> None:
        self.clear_errors()
        first: QWidget | None = None
        for key, message in fields.items():
            label = self.errors.get(key) or self.errors["name"]
            label.setText((label.text() + "\n" if label.text() else "") + message)
            label.show()
            if first is None:
                first = label.parentWidget()
        if first is not None:
            target = first.focusProxy() or first.findChild(QWidget)
            if target is not None:
                target.setFocus(Qt.FocusReason.OtherFocusReason)

    def clear_errors(self) -> None:
        for label in self.errors.values():
            label.clear()
            label.hide()

    def field_error(self, key: str) -> str:
        return self.errors[key].text()

    # -- duplicate phone
    def check_phone(self) -> list[str]:
        """Show who else has this phone; returns their descriptions."""
        others = customers_with_phone(self.ctx.db, self.phone_edit.text(),
                                      exclude_id=self._customer_id)
        names = [f"{o.name} ({o.customer_no})" for o in others]
        if names:
            self.phone_warning.setText(
                self.tr("Same phone as: {names}").replace("{names}", ", ".join(names)))
            self.phone_warning.show()
        else:
            self.phone_warning.hide()
        return names

    def _on_phone_edited(self, _text: str) -> None:
        self.phone_warning.hide()

    def _on_personality_changed(self, _index: int) -> None:
        tip = serving_tip(self.personality_combo.currentData())
        self.tip_label.setText(tip)
        self.tip_label.setVisible(bool(tip))

    # -- saving
    def save(self) -> int | None:
        """Validate, warn about a shared phone, then write in one transaction."""
        self.clear_errors()
        self.local_draft.save_now()  # on this till's disk before the save is even tried
        try:
            data = self.collect()
            validate_customer(data)
        except ValidationError as exc:
            self.show_field_errors(exc.fields)
            return None
        try:
            names = self.check_phone()
        except UserError as exc:  # the server away: nothing saved, the typing stays
            show_error(self, exc)
            return None
        if names and not self.ctx.dialogs.question(
            self,
            self.tr("Phone already in use"),
            self.tr("{names} already has this phone number. Save anyway?").replace(
                "{names}", ", ".join(names)),
        ):
            self.phone_edit.setFocus()
            return None
        customer_id = self._customer_id
        if customer_id is None:
            key = self._client_key
            result = run_op(self.ctx, self,
                            lambda: create_customer(self.ctx.db, data, by=self._staff_id(),
                                                    client_key=key),
                            changed=lambda c: [(data_bus.CUSTOMER, c.id)])
        else:
            version = self._version
            try:
                result = run_op(self.ctx, self,
                                lambda: update_customer(self.ctx.db, customer_id, data,
                                                        by=self._staff_id(),
                                                        expected_version=version),
                                changed=lambda c: [(data_bus.CUSTOMER, c.id)],
                                passes=(EditConflict,))
            except EditConflict as exc:  # on the form, not in a message box; typing stays
                self.conflict_bar.show_conflict(exc, ZoneInfo(self.ctx.settings.timezone),
                                                profile=True)
                return None
        if result is None:
            return None
        self.conflict_bar.clear()
        self._version = result.version
        self._customer_id = result.id
        self.changes.mark_clean()
        self.local_draft.clear()
        self.saved.emit(result.id)
        return result.id

    def load_their_version(self) -> bool:
        """After asking: fill the form with the profile as saved now (typed changes go)."""
        customer_id = self._customer_id
        if customer_id is None or not self.ctx.dialogs.question(
                self, self.tr("Load their version"),
                self.tr("Replace what you typed with the profile as it is saved now? What "
                        "you typed on this form is lost.")):
            return False
        try:
            self.edit_customer(customer_id)
        except UserError as exc:
            show_error(self, exc)
            return False
        return True

    def keep_my_version(self) -> None:
        """Keep what was typed: the next save replaces their change, knowingly."""
        exc = self.conflict_bar.conflict()
        if exc is not None:
            self._version = exc.version
        self.conflict_bar.clear()

    # -- this till's own draft (a crash while the server is away loses nothing)
    def draft_payload(self) -> dict[str, Any] | None:
        """What is on screen, as typed (None when nothing was changed)."""
        if not self.has_unsaved_changes():
            return None
        return {
            "customer_id": self._customer_id, "version": self._version,
            "external_id": self._external_id, "client_key": self._client_key,
            "name": self.name_edit.text(), "phone": self.phone_edit.text(),
            "email": self.email_edit.text(), "language": self.language_combo.currentData(),
            "form_of_address": self.address_edit.text(),
            "birth_month": self.month_combo.currentData(),
            "birth_day": self.day_combo.currentData(), "birth_year": self.year_edit.text(),
            "allergens": self.allergy_picker.codes(),
            "allergies": self.allergies_edit.text(), "tags": self.tags_edit.text(),
            "preferences": self.preferences_edit.toPlainText(),
            "family_dates": self.family_edit.toPlainText(),
            "personality": self.personality_combo.currentData(),
            "consent_contact": self.consent_check.isChecked(),
        }

    def restore_draft(self, draft: Draft) -> None:
        """Put a draft from this till's disk back on screen, exactly as it was typed (an
        edit: on the profile's version it was typed on, so a change since is not lost)."""
        p = draft.payload
        customer_id = p.get("customer_id")
        if isinstance(customer_id, int):
            self.edit_customer(customer_id)
            version = p.get("version")
            if isinstance(version, int):
                self._version = version
        else:
            self.new_customer()
            key = p.get("client_key")
            if isinstance(key, str) and key:
                self._client_key = key  # a save tried before the crash is recognised
        self.name_edit.setText(str(p.get("name", "")))
        self.phone_edit.setText(str(p.get("phone", "")))
        self.email_edit.setText(str(p.get("email", "")))
        self.language_combo.setCurrentIndex(
            max(0, self.language_combo.findData(p.get("language"))))
        self.address_edit.setText(str(p.get("form_of_address", "")))
        self.month_combo.setCurrentIndex(max(0, self.month_combo.findData(p.get("birth_month"))))
        self.day_combo.setCurrentIndex(max(0, self.day_combo.findData(p.get("birth_day"))))
        self.year_edit.setText(str(p.get("birth_year", "")))
        codes = p.get("allergens")
        self.allergy_picker.set_allergies(
            [str(c) for c in codes] if isinstance(codes, list) else [], [])
        self.allergies_edit.setText(str(p.get("allergies", "")))
        self.tags_edit.setText(str(p.get("tags", "")))
        self.preferences_edit.setPlainText(str(p.get("preferences", "")))
        self.family_edit.setPlainText(str(p.get("family_dates", "")))
        self.personality_combo.setCurrentIndex(
            max(0, self.personality_combo.findData(p.get("personality"))))
        self.consent_check.setChecked(bool(p.get("consent_contact")))
        self.local_draft.adopt(draft)

    def _staff_id(self) -> int | None:
        """Who records the customer's consent at the counter."""
        staff = self.ctx.staff()
        return staff.id if staff is not None else None


def _split(text: str) -> list[str]:
    return [part.strip() for part in re.split(r"[,;、，]", text) if part.strip()]
