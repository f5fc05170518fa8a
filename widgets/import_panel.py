"""The managers' import screen: choose a file, see how it maps, check it, import it.

1. Choose customers or purchases and a file (through the dialog service). The screen shows
   the file's encoding and recognised format, a table of its columns with the field of ours
   each goes to (a combo per row: change it and the preview is rebuilt with that mapping),
   the first rows as the import reads them, and the language for rows without one.
2. "Check" runs the dry run; the counts and every refused row (line and all its problems)
   are shown; "Save refused rows…" writes them to a file to fix in a spreadsheet.
3. "Import" runs the import with a progress bar and a Cancel button. Both run off the
   window's thread (`widgets.import_run`), so the counter stays usable; the outcome is one
   clear summary, or one sentence saying what went wrong. Nothing chosen is lost.
4. An import that a crash, a kill or a full disk interrupted is named at the top, with
   "Finish it" and "Remove it" (`resume_import`, `abandon_import`): the window needs no
   command line to get past it, and no new import starts before it is settled.

Only a manager signed in with their PIN may open it (the data API is the real guard).
"""

from __future__ import annotations

import sqlite3
from contextlib import suppress
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QObject, Qt, QThreadPool, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from db.errors import ImportFailed, UserError
from db.imports.formats import ColumnMap, ImportOptions, RefusedRow, options_for_shop, shop_language
from db.imports.job import (
    ImportInterrupted,
    ImportPending,
    ImportPreview,
    ImportProgress,
    ImportReport,
    UnfinishedImport,
    unfinished_imports,
)
from db.imports.source import open_rows
from db.models import LANGUAGES
from reports.safe_output import database_files
from widgets.context import AppContext
from widgets.data_bus import CUSTOMER, PURCHASE
from widgets.elided import ElidedLabel
from widgets.errors import show_error
from widgets.import_kinds import (
    ImportKind,
    available_kinds,
)
from widgets.import_models import (
    COLUMN,
    EXAMPLE,
    FIELD,
    LINE,
    PROBLEMS,
    SUMMARY,
    ColumnChoice,
    ColumnMappingModel,
    FieldDelegate,
    ImportRowsModel,
    OneLineDelegate,
)
from widgets.import_refused import ErrorsFile, OpenErrorsFile, open_errors_file
from widgets.import_run import ImportRun, Outcome
from widgets.labels import language_name
from widgets.text_fit import keep_whole_text

_EDIT_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space, Qt.Key.Key_F2)
MIN_TARGET = 44  # px
ROW_HEIGHT = 48  # px: the mapping rows hold a combo each
CHECK, IMPORT, SAVE = "check", "import", "save"
RESUME, ABANDON = "resume", "abandon"


def field_label(field: str | None) -> str:
    """Our field as a manager reads it; a field without a label shows its code.

    Each label is a literal `translate` call so that pyside6-lupdate finds it."""
    labels = {
        None: QCoreApplication.translate("ImportPanel", "(not imported)"),
        "external_id": QCoreApplication.translate("ImportPanel", "Their id"),
        "name": QCoreApplication.translate("ImportPanel", "Name"),
        "given_name": QCoreApplication.translate("ImportPanel", "Given name"),
        "family_name": QCoreApplication.translate("ImportPanel", "Family name"),
        "phone": QCoreApplication.translate("ImportPanel", "Phone"),
        "email": QCoreApplication.translate("ImportPanel", "E-mail"),
        "language": QCoreApplication.translate("ImportPanel", "Language"),
        "birthday": QCoreApplication.translate("ImportPanel", "Birthday"),
        "allergies": QCoreApplication.translate("ImportPanel", "Allergies"),
        "preferences": QCoreApplication.translate("ImportPanel", "Preferences"),
        "notes": QCoreApplication.translate("ImportPanel", "Notes"),
        "tags": QCoreApplication.translate("ImportPanel", "Tags"),
        "consent": QCoreApplication.translate("ImportPanel", "Consent to contact"),
        "personality": QCoreApplication.translate("ImportPanel", "Personality"),
        "visits": QCoreApplication.translate("ImportPanel", "Visits"),
        "first_visit": QCoreApplication.translate("ImportPanel", "First visit"),
        "last_visit": QCoreApplication.translate("ImportPanel", "Last visit"),
        "spend": QCoreApplication.translate("ImportPanel", "Total spend"),
        "receipt_id": QCoreApplication.translate("ImportPanel", "Receipt or order id"),
        "purchased_at": QCoreApplication.translate("ImportPanel", "Date and time"),
        "purchase_date": QCoreApplication.translate("ImportPanel", "Date"),
        "purchase_time": QCoreApplication.translate("ImportPanel", "Time"),
        "time_zone": QCoreApplication.translate("ImportPanel", "Time zone"),
        "customer_external_id": QCoreApplication.translate("ImportPanel", "Customer's id"),
        "customer_no": QCoreApplication.translate("ImportPanel", "Customer number"),
        "customer_email": QCoreApplication.translate("ImportPanel", "Customer's e-mail"),
        "customer_phone": QCoreApplication.translate("ImportPanel", "Customer's phone"),
        "sku": QCoreApplication.translate("ImportPanel", "Product code (SKU)"),
        "item_name": QCoreApplication.translate("ImportPanel", "Item"),
        "quantity": QCoreApplication.translate("ImportPanel", "Quantity"),
        "unit_price": QCoreApplication.translate("ImportPanel", "Unit price"),
        "line_total": QCoreApplication.translate("ImportPanel", "Line total"),
    }
    return labels.get(field, field or "")


class ImportPanel(QWidget):
    """See the module's doc; `finished(outcome)` after each check, import or save."""

    finished = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *,
                 kinds: dict[str, ImportKind] | None = None,
                 errors_file: OpenErrorsFile = open_errors_file) -> None:
        super().__init__(parent)
        self.setObjectName("ImportPanel")
        self.ctx = ctx
        self.kinds = kinds if kinds is not None else available_kinds()
        self.open_errors = errors_file
        self.path: Path | None = None
        self.header: tuple[str, ...] = ()
        self.preview: ImportPreview[Any] | None = None
        self.user_mapping: dict[str, str] | None = None
        self.report: ImportReport | None = None
        self.run: ImportRun | None = None
        self.waiting: UnfinishedImport | None = None
        """An interrupted import, to finish or remove before another one starts."""
        self._mode = ""
        self._errors_file: ErrorsFile | None = None

        self.title = QLabel(self.tr("Import customers or purchases"))
        self.title.setObjectName("SectionTitle")
        self.title.setWordWrap(True)
        self.kind_box = QComboBox()
        self.kind_box.setObjectName("import_kind")
        names = {"customers": self.tr("Customers"), "purchases": self.tr("Purchases")}
        for key in self.kinds:
            self.kind_box.addItem(names.get(key, key), key)
        self.kind_box.setAccessibleName(self.tr("What the file holds"))
        self.choose_button = QPushButton(self.tr("&Choose file…"))
        self.choose_button.setObjectName("import_choose")
        self.file_label = ElidedLabel(self.tr("No file chosen yet."))
        self.file_label.setObjectName("import_file")
        self.language_label = QLabel(self.tr("Rows without a language:"))
        self.language_label.setObjectName("import_language_label")
        self.language_box = QComboBox()
        self.language_box.setObjectName("import_language")
        self.language_box.setAccessibleName(self.language_label.text())
        self.language_label.setBuddy(self.language_box)

        self.mapping_model = ColumnMappingModel(field_label, self)
        self.mapping_view = QTableView()
        self.mapping_view.setObjectName("import_mapping")
        self.mapping_view.setModel(self.mapping_model)
        self.mapping_view.setItemDelegateForColumn(FIELD, FieldDelegate(self.mapping_view))
        self.mapping_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.mapping_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.mapping_view.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        self.mapping_view.setAccessibleName(self.tr("Columns of the file"))
        self.mapping_view.setWordWrap(False)
        self.mapping_view.setTabKeyNavigation(False)  # Tab leaves the table
        self.mapping_view.installEventFilter(self)  # Enter, Space or F2 opens the row's combo
        self.rows_title = QLabel(self.tr("First rows of the file"))
        self.rows_title.setWordWrap(True)
        self.rows_model = ImportRowsModel(self)
        self.rows_view = QTableView()
        self.rows_view.setObjectName("import_rows")
        self.rows_view.setModel(self.rows_model)
        self.rows_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.rows_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.rows_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.rows_view.setWordWrap(True)  # every problem of a row can be read, not only "…"
        self.rows_view.setItemDelegateForColumn(SUMMARY, OneLineDelegate(self.rows_view))
        self.rows_view.setAccessibleName(self.rows_title.text())
        rows_lines = self.rows_view.verticalHeader()
        rows_lines.setMinimumSectionSize(ROW_HEIGHT)
        rows_lines.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for view in (self.mapping_view, self.rows_view):
            view.setAlternatingRowColors(True)
            view.verticalHeader().setVisible(False)
            view.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
            view.setTextElideMode(Qt.TextElideMode.ElideRight)
            # the columns share the width (fit_tables); a cut cell shows all in its tooltip
            view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for view in (self.mapping_view, self.rows_view):
            header = view.horizontalHeader()
            header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
            header.setStretchLastSection(False)
            header.setMinimumSectionSize(40)
        self.rows_model.modelReset.connect(self.fit_tables)
        self.mapping_model.modelReset.connect(self.fit_tables)

        self.message = QLabel()
        self.message.setObjectName("import_message")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.counts = QLabel()
        self.counts.setObjectName("import_counts")
        self.counts.setWordWrap(True)
        self.stage_label = QLabel()
        self.stage_label.setObjectName("import_stage")
        self.stage_label.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setObjectName("import_progress")
        self.progress.setMinimumHeight(MIN_TARGET // 2)

        self.save_refused_button = QPushButton(self.tr("&Save refused rows…"))
        self.save_refused_button.setObjectName("import_save_refused")
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("import_cancel")
        self.check_button = QPushButton(self.tr("C&heck"))
        self.check_button.setObjectName("import_check")
        self.check_button.setToolTip(self.tr("Read the whole file and list every problem; "
                                             "nothing is imported."))
        self.import_button = QPushButton(self.tr("&Import"))
        self.import_button.setObjectName("import_start")
        self.import_button.setProperty("primary", True)
        self.waiting_label = QLabel()
        self.waiting_label.setObjectName("import_waiting")
        self.waiting_label.setWordWrap(True)
        self.resume_button = QPushButton(self.tr("&Finish it"))
        self.resume_button.setObjectName("import_resume")
        self.resume_button.setToolTip(self.tr("Merge the rest of the checked rows."))
        self.abandon_button = QPushButton(self.tr("&Remove it"))
        self.abandon_button.setObjectName("import_abandon")
        self.abandon_button.setToolTip(self.tr("Delete the customers it added and put back "
                                               "those it changed."))
        buttons = (self.choose_button, self.save_refused_button, self.cancel_button,
                   self.check_button, self.import_button, self.resume_button,
                   self.abandon_button)
        for widget in (*buttons, self.kind_box, self.language_box):
            widget.setMinimumHeight(MIN_TARGET)
        keep_whole_text(*buttons)

        top = QHBoxLayout()
        top.addWidget(self.kind_box)
        top.addWidget(self.choose_button)
        top.addWidget(self.file_label, 1)
        title_row = QHBoxLayout()  # the language choice beside the title: room for tables
        title_row.addWidget(self.title, 1)
        title_row.addWidget(self.language_label)
        title_row.addWidget(self.language_box)
        tables = QHBoxLayout()
        left = QVBoxLayout()
        self.mapping_title = QLabel(self.tr("Columns and where they go"))
        self.mapping_title.setWordWrap(True)
        left.addWidget(self.mapping_title)
        left.addWidget(self.mapping_view, 1)
        right = QVBoxLayout()
        right.addWidget(self.rows_title)
        right.addWidget(self.rows_view, 1)
        tables.addLayout(left, 5)
        tables.addLayout(right, 4)
        progress_row = QHBoxLayout()
        progress_row.addWidget(self.stage_label, 1)
        progress_row.addWidget(self.progress, 2)
        actions = QHBoxLayout()
        actions.addWidget(self.save_refused_button)
        actions.addStretch(1)
        actions.addWidget(self.cancel_button)
        actions.addWidget(self.check_button)
        actions.addWidget(self.import_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        waiting_row = QHBoxLayout()
        waiting_row.addWidget(self.waiting_label, 1)
        waiting_row.addWidget(self.resume_button)
        waiting_row.addWidget(self.abandon_button)
        layout.addLayout(title_row)
        layout.addLayout(waiting_row)
        layout.addLayout(top)
        layout.addLayout(tables, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.counts)
        layout.addLayout(progress_row)
        layout.addLayout(actions)

        self.choose_button.clicked.connect(self.choose_file)
        self.kind_box.currentIndexChanged.connect(self._on_kind_changed)
        self.language_box.currentIndexChanged.connect(self._on_language_changed)
        self.mapping_model.mapping_changed.connect(self._on_mapping_changed)
        self.mapping_model.modelReset.connect(self._open_field_editors)
        self.check_button.clicked.connect(self.check)
        self.import_button.clicked.connect(self.start_import)
        self.cancel_button.clicked.connect(self.cancel)
        self.save_refused_button.clicked.connect(self.save_refused_rows)
        self.resume_button.clicked.connect(self.finish_waiting)
        self.abandon_button.clicked.connect(self.remove_waiting)
        self._fill_languages()
        self.mapping_model.set_fields(self.kind().fields)
        self.refresh_waiting()
        app = QCoreApplication.instance()
        if app is not None:  # never let the application end under a running import
            app.aboutToQuit.connect(self.stop_and_wait)

    # -- choices
    def kind(self) -> ImportKind:
        key = self.kind_box.currentData()
        return self.kinds[str(key)] if key in self.kinds else next(iter(self.kinds.values()))

    def set_kind(self, key: str) -> None:
        self.kind_box.setCurrentIndex(max(0, self.kind_box.findData(key)))

    def _fill_languages(self) -> None:
        """The shop's language (named, as the settings say now) first, then all four; the
        choice made stays."""
        chosen = self.language_box.currentData()
        shop = shop_language(self.ctx.settings)
        self.language_box.blockSignals(True)
        self.language_box.clear()
        self.language_box.addItem(
            self.tr("The shop's: %1").replace("%1", language_name(shop)), None)
        for code in LANGUAGES:
            self.language_box.addItem(language_name(code), code)
        self.language_box.setCurrentIndex(max(0, self.language_box.findData(chosen)))
        self.language_box.blockSignals(False)

    def refresh_settings(self) -> None:
        """The shop's settings may have changed since: its language, country, currency."""
        self._fill_languages()

    def set_language(self, code: str | None) -> None:
        self.language_box.setCurrentIndex(max(0, self.language_box.findData(code)))

    def options(self) -> ImportOptions:
        """What the person chose, with the shop's defaults."""
        language = self.language_box.currentData()
        return options_for_shop(self.ctx.settings, mapping=self.user_mapping,
                            language=str(language) if language else None)

    # -- the file
    def reset(self) -> None:
        """Back to "no file chosen" (when the screen is opened afresh)."""
        if self.is_running():
            return
        self.path = None
        self.header = ()
        self.preview = None
        self.user_mapping = None
        self.report = None
        self.mapping_model.set_rows([])
        self.rows_model.set_rows([])
        self.file_label.setText(self.tr("No file chosen yet."))
        self.rows_title.setText(self.tr("First rows of the file"))
        self._say("", "")
        self.refresh_waiting()

    def refresh_waiting(self) -> None:
        """Look again for an interrupted import (this till's or another's)."""
        found: list[UnfinishedImport] = []
        if "customers" in self.kinds:  # only customer imports merge in slices
            # a database that does not answer: the next action says so
            with suppress(UserError, sqlite3.Error):
                found = unfinished_imports(self.ctx.db)
        self.show_waiting(found[0] if found else None)

    def show_waiting(self, waiting: UnfinishedImport | None) -> None:
        self.waiting = waiting
        if waiting is not None:
            n = QLocale().toString
            self.waiting_label.setText(
                self.tr("The import of %1 was interrupted: %2 of %3 customers added, %4 "
                        "updated. Finish it, or remove it, before the next import.")
                .replace("%1", Path(waiting.path).name).replace("%2", n(waiting.added))
                .replace("%3", n(waiting.to_add)).replace("%4", n(waiting.updated)))
            self.waiting_label.setToolTip(waiting.path)
        self._update_state()

    def finish_waiting(self) -> bool:
        return self._start_pending(RESUME)

    def remove_waiting(self) -> bool:
        if self.waiting is None or self.is_running():
            return False
        if not self.ctx.dialogs.question(
                self, self.tr("Remove the interrupted import"),
                self.tr("Delete the customers it added and put back those it changed? "
                        "Customers staff have recorded something for since stay.")):
            return False
        return self._start_pending(ABANDON)

    def _start_pending(self, mode: str) -> bool:
        waiting = self.waiting
        if waiting is None or self.is_running():
            return False
        try:
            self.ctx.require_manager_with_pin()
        except UserError as exc:
            show_error(self, exc)
            return False
        if self.run is not None:
            self.run.deleteLater()
        run = ImportRun(self.kind(), _database_file(self.ctx.db), Path(waiting.path),
                        self.options(), dry_run=False, pending=(mode, waiting.id),
                        parent=self)
        return self._launch(run, mode, self.tr("Finishing the interrupted import…")
                            if mode == RESUME else self.tr("Removing the interrupted "
                                                           "import…"))

    def choose_file(self) -> None:
        if self.is_running():
            return
        folder = str(self.path.parent) if self.path is not None else ""
        chosen = self.ctx.dialogs.open_file(
            self, self.tr("Choose the file to import"), folder,
            self.tr("CSV files (*.csv *.txt);;All files (*)"))
        if chosen:
            self.load_file(Path(chosen))

    def load_file(self, path: Path) -> bool:
        """Read the file's header and first rows and show how they map; True when the file
        can be imported as mapped."""
        self.path = path
        self.user_mapping = None
        self.report = None
        return self.refresh_preview()

    def refresh_preview(self) -> bool:
        """Preview the chosen file with the current choices (kind, mapping, language)."""
        if self.path is None:
            return False
        kind = self.kind()
        self.mapping_model.set_fields(kind.fields)
        self.report = None
        examples = self._read_header(self.path)
        if examples is None:
            self._update_state()
            return False
        try:
            preview = kind.preview(self.ctx.db, self.path, self.options())
        except ImportFailed as exc:
            self.preview = None
            if self._columns_stale():
                self._show_columns(self._guess_columns(kind), examples)
            self.rows_model.set_items([RefusedRow(line, (), (reason,))
                                       for line, reason in exc.problems])
            self.rows_title.setText(self.tr("Problems with the file's columns"))
            self._say(self.tr("These columns cannot be imported as they are: choose where "
                              "each one goes, or “(not imported)”."), "")
            self._update_state()
            return False
        except (UserError, OSError) as exc:
            self.preview = None
            self._say(self._sentence(exc), "")
            self._update_state()
            return False
        self.preview = preview
        if self._columns_stale():
            self._show_columns(preview.columns, examples)
        self.rows_model.set_items(preview.sample)
        self.rows_title.setText(self.tr("First rows of the file, as they would be imported"))
        self.file_label.setText(self._file_text(preview))
        refused = sum(1 for row in preview.sample if isinstance(row, RefusedRow))
        if refused:
            self._say(self.tr("Check the file to see every problem before importing."), "")
        elif self.waiting is not None:  # Import is greyed until that one is settled
            self._say(self.tr("The first rows read well. Check the whole file; import it once "
                              "the interrupted import above is finished or removed."), "")
        else:
            self._say(self.tr("The first rows read well. Check the whole file, or import it."),
                      "")
        self._update_state()
        return True

    def _read_header(self, path: Path) -> list[str] | None:
        """The header (kept) and the first row's cells as examples; None (said) when the
        file cannot be read at all."""
        try:
            source, rows = open_rows(path)
            first = next(iter(rows), (0, []))[1]
        except (UserError, OSError) as exc:
            self.preview = None
            self.header = ()
            self.mapping_model.set_rows([])
            self.rows_model.set_rows([])
            self.file_label.setText(path.name)
            self._say(self._sentence(exc), "")
            return None
        self.header = source.header
        self.file_label.setText(f"{path.name} — {source.encoding_label}")
        return list(first)

    def _columns_stale(self) -> bool:
        """Whether the mapping table must be refilled: a new file, kind or recognised
        mapping. A person's own mapping stays as they set it (and their combo keeps the
        keyboard focus)."""
        shown = [c.column for c in self.mapping_model.rows()]
        return self.user_mapping is None or shown != list(self.header)

    def _guess_columns(self, kind: ImportKind) -> tuple[ColumnMap, ...]:
        """Without a preview: the person's mapping, else their own names where they match."""
        if self.user_mapping is not None:
            return tuple(ColumnMap(c, self.user_mapping.get(c) or None) for c in self.header)
        fields = set(kind.fields)
        return tuple(ColumnMap(c, c.strip().casefold() if c.strip().casefold() in fields
                               else None) for c in self.header)

    def _show_columns(self, columns: tuple[ColumnMap, ...], examples: list[str]) -> None:
        rows = [ColumnChoice(c.column, c.field, examples[i] if i < len(examples) else "")
                for i, c in enumerate(columns)]
        self.mapping_model.set_rows(rows)

    def fit_tables(self) -> None:
        """Share each table's width: their column names and our field (a combo wide enough
        for its choices) first, the example gets the rest; refused rows give the problems
        most of the room, a clean preview the rows."""
        view = self.mapping_view
        room = self._room(view)
        field = min(max(150, self._widest_choice()), room * 45 // 100)
        view.resizeColumnToContents(COLUMN)
        view.setColumnWidth(COLUMN, min(view.columnWidth(COLUMN), room * 30 // 100))
        view.setColumnWidth(FIELD, field)
        view.setColumnWidth(EXAMPLE, max(60, room - view.columnWidth(COLUMN) - field))
        rows = self.rows_view
        room = self._room(rows)
        rows.resizeColumnToContents(LINE)
        problems = any(r.problems for r in self.rows_model.rows())
        rows.setColumnHidden(PROBLEMS, not problems)
        line = rows.columnWidth(LINE)
        if problems:
            rows.setColumnWidth(PROBLEMS, (room - line) * 65 // 100)
            rows.setColumnWidth(SUMMARY, max(60, room - line - rows.columnWidth(PROBLEMS)))
        else:
            rows.setColumnWidth(SUMMARY, max(60, room - line))

    @staticmethod
    def _room(view: QTableView) -> int:
        """The width the columns share, a vertical scroll bar's width kept free."""
        inner = view.width() - 2 * view.frameWidth()
        return max(200, inner - view.verticalScrollBar().sizeHint().width())

    def _widest_choice(self) -> int:
        metrics = self.mapping_view.fontMetrics()
        widest = max((metrics.horizontalAdvance(label)
                      for label, _code in self.mapping_model.choices()), default=0)
        return widest + 48  # the combo's frame, padding and arrow

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self.fit_tables()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt)
        if (watched is self.mapping_view and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent) and event.key() in _EDIT_KEYS
                and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier):
            return self.edit_current_field()
        return super().eventFilter(watched, event)

    def edit_current_field(self) -> bool:
        """Keyboard: the combo of the current row takes the focus, its list open."""
        current = self.mapping_view.currentIndex()
        row = current.row() if current.isValid() else 0
        item = self.mapping_model.item_at(row)
        combo = self.field_editor(item.column) if item is not None else None
        if combo is None or not combo.isEnabled():
            return False
        combo.setFocus(Qt.FocusReason.ShortcutFocusReason)
        combo.showPopup()
        return True

    def _open_field_editors(self) -> None:
        for row in range(self.mapping_model.rowCount()):
            self.mapping_view.openPersistentEditor(self.mapping_model.index(row, FIELD))

    def _file_text(self, preview: ImportPreview[Any]) -> str:
        name = self.path.name if self.path is not None else ""
        shown = preview.format_label or preview.format_name
        text = self.tr("%1 — %2, %3 format").replace("%1", name).replace(
            "%2", preview.source.encoding_label).replace("%3", shown)
        return text if shown else f"{name} — {preview.source.encoding_label}"

    def field_editor(self, column: str) -> QComboBox | None:
        """The combo of one of their columns (tests and keyboard use)."""
        for row, item in enumerate(self.mapping_model.rows()):
            if item.column == column:
                widget = self.mapping_view.indexWidget(self.mapping_model.index(row, FIELD))
                return widget if isinstance(widget, QComboBox) else None
        return None

    def _on_mapping_changed(self, mapping: dict[str, str]) -> None:
        self.user_mapping = dict(mapping)
        self.refresh_preview()

    def _on_kind_changed(self) -> None:
        self.user_mapping = None
        self.mapping_model.set_fields(self.kind().fields)
        if self.path is not None:
            self.refresh_preview()
        self._update_state()

    def _on_language_changed(self) -> None:
        if self.path is not None and not self.is_running():
            self.refresh_preview()

    # -- running
    def is_running(self) -> bool:
        return self.run is not None and self.run.running

    def check(self) -> bool:
        """The dry run: every row read and checked, nothing written."""
        return self._start(CHECK)

    def start_import(self) -> bool:
        return self._start(IMPORT)

    def cancel(self) -> None:
        if self.run is not None and self.run.running:
            self.run.cancel()
            self.cancel_button.setEnabled(False)
            self.stage_label.setText(self.tr("Cancelling: undoing what was done…"))

    def stop_and_wait(self) -> None:
        """Cancel a running import and wait for it (the application is closing)."""
        if self.is_running() and self.run is not None:
            self.run.cancel()
            QThreadPool.globalInstance().waitForDone(60_000)

    def save_refused_rows(self) -> bool:
        """Ask where, then write every refused row (with line and reason) to that file."""
        if self.path is None or self.is_running() or self.report is None \
                or self.report.refused == 0:
            return False
        suggested = str(self.path.with_name(f"{self.path.stem}-refused.csv"))
        chosen = self.ctx.dialogs.save_file(self, self.tr("Save the refused rows"), suggested,
                                            self.tr("CSV files (*.csv)"))
        if not chosen:
            return False
        try:
            self._errors_file = self.open_errors(Path(chosen), self.header,
                                                 self._database_files())
        except (UserError, OSError) as exc:
            self._say(self._sentence(exc), "")
            return False
        return self._start(SAVE)

    def _database_files(self) -> list[Path]:
        try:
            return list(database_files(self.ctx.db))
        except (UserError, OSError):
            return []

    def _start(self, mode: str) -> bool:
        if self.path is None or self.is_running() or (mode == IMPORT and self.waiting):
            return False
        if mode == IMPORT:
            try:
                self.ctx.require_manager_with_pin()
            except UserError as exc:
                show_error(self, exc)
                return False
        kind = self.kind()
        sink = self._errors_file.add if mode == SAVE and self._errors_file is not None \
            else None
        if self.run is not None:
            self.run.deleteLater()  # the previous run has finished
        run = ImportRun(kind, _database_file(self.ctx.db), self.path, self.options(),
                        dry_run=mode != IMPORT, refused_sink=sink, parent=self)
        return self._launch(run, mode, self.tr("Importing… The counter can keep working "
                                               "meanwhile.")
                            if mode == IMPORT else self.tr("Checking the whole file…"))

    def _launch(self, run: ImportRun, mode: str, saying: str) -> bool:
        run.progressed.connect(self._on_progress)
        run.finished.connect(self._on_finished)
        self.run = run
        self._mode = mode
        self.progress.setRange(0, 0)  # busy until the first progress arrives
        self.stage_label.setText(self._stage_text(ImportProgress(
            "checking" if mode in (CHECK, IMPORT, SAVE) else "merging", 0, None)))
        self._say(saying, "")
        run.start()
        self._update_state()
        self.cancel_button.setFocus()  # keyboard: Space cancels
        return True

    def _on_progress(self, progress: ImportProgress) -> None:
        self.show_progress(progress)

    def show_progress(self, progress: ImportProgress) -> None:
        if progress.total:
            self.progress.setRange(0, progress.total)
            self.progress.setValue(min(progress.done, progress.total))
        else:
            self.progress.setRange(0, 0)
        self.stage_label.setText(self._stage_text(progress))

    def _stage_text(self, progress: ImportProgress) -> str:
        names = {
            "checking": self.tr("Checking rows"),
            "staging": self.tr("Preparing"),
            "merging": self.tr("Saving"),
            "removing": self.tr("Undoing the cancelled import"),
        }
        stage = names.get(progress.stage, progress.stage)
        locale = QLocale()
        if progress.total:
            return self.tr("%1: %2 of %3").replace("%1", stage).replace(
                "%2", locale.toString(progress.done)).replace(
                "%3", locale.toString(progress.total))
        if progress.done:
            return self.tr("%1: %2").replace("%1", stage).replace(
                "%2", locale.toString(progress.done))
        return stage + "…"

    def _on_finished(self, outcome: Outcome) -> None:
        mode, self._mode = self._mode, ""
        errors_file, self._errors_file = self._errors_file, None
        if mode == SAVE and errors_file is not None:
            self._close_errors_file(errors_file, outcome)
        if isinstance(outcome, ImportReport) and mode == ABANDON:
            self._say(self.tr("The interrupted import is removed: the customers it added are "
                              "deleted and those it changed are as they were."),
                      self.tr("%n customer(s) it added stay: staff recorded a purchase, "
                              "complaint, voucher, letter or consent for them meanwhile.",
                              "", outcome.kept_in_use) if outcome.kept_in_use else "")
            self.ctx.bus.notify(CUSTOMER)
        elif isinstance(outcome, ImportReport):
            self.show_report(outcome, saved=mode == SAVE)
            if mode in (IMPORT, RESUME) and not outcome.cancelled and outcome.refused == 0 \
                    and (outcome.added or outcome.updated):
                self.ctx.bus.notify(CUSTOMER if outcome.kind == "customers" else PURCHASE)
        elif isinstance(outcome, ImportFailed):
            self.rows_model.set_items([RefusedRow(line, (), (reason,))
                                       for line, reason in outcome.problems])
            self.rows_title.setText(self.tr("Problems with the file"))
            self._say(self._sentence(outcome), "")
        elif isinstance(outcome, UserError) and mode in (RESUME, ABANDON):
            # an import already part-merged: "nothing was imported" would be untrue
            self._say(str(outcome).strip().splitlines()[0] if str(outcome).strip() else "", "")
        elif isinstance(outcome, BaseException):
            self._say(self._sentence(outcome), "")
        cancel_had_focus = self.cancel_button.hasFocus()
        if mode in (IMPORT, RESUME, ABANDON):
            self.refresh_waiting()
        self._update_state()
        if cancel_had_focus:
            (self.save_refused_button if self.save_refused_button.isVisible()
             else self.import_button).setFocus()
        self.finished.emit(outcome)

    def _close_errors_file(self, errors_file: ErrorsFile, outcome: Outcome) -> None:
        try:
            if isinstance(outcome, ImportReport) and not outcome.cancelled:
                errors_file.finish()
            else:
                errors_file.discard()
        except (UserError, OSError) as exc:
            self._say(self._sentence(exc), "")

    # -- what the person reads
    def show_report(self, report: ImportReport, *, saved: bool = False) -> None:
        self.report = report
        locale = QLocale()
        n = locale.toString
        if report.cancelled:
            kept = report.kept_in_use
            self._say(self.tr("Cancelled: nothing was imported.") if not report.dry_run
                      else self.tr("Check cancelled. Nothing was imported."),
                      self.tr("%n customer(s) it added stay: staff recorded a purchase, "
                              "complaint, voucher, letter or consent for them meanwhile.",
                              "", kept) if kept else "")
            return
        if report.problems:
            self.rows_model.set_items(report.problems)
            shown = len(report.problems)
            self.rows_title.setText(
                self.tr("Refused rows: %1").replace("%1", n(report.refused))
                if shown >= report.refused else
                self.tr("Refused rows: the first %1 of %2").replace("%1", n(shown))
                .replace("%2", n(report.refused)))
        elif report.sample:
            self.rows_model.set_items(report.sample)
            self.rows_title.setText(self.tr("First rows, as they were read"))
        if report.dry_run:
            counts = self.tr("Rows: %1 · Would add: %2 · Would update: %3 · Unchanged: %4 · "
                             "Refused: %5")
        else:
            counts = self.tr("Rows: %1 · Added: %2 · Updated: %3 · Unchanged: %4 · "
                             "Refused: %5")
        counts = counts.replace("%1", n(report.rows)).replace("%2", n(report.added)).replace(
            "%3", n(report.updated)).replace("%4", n(report.unchanged)).replace(
            "%5", n(report.refused))
        if report.unrecognised_allergies:
            counts += "\n" + self.tr(
                "%n allerg(y/ies) kept as free text: not one of the 14 EU allergens.", "",
                len(report.unrecognised_allergies))
        if saved:
            headline = self.tr("The refused rows are saved: fix them in a spreadsheet and "
                               "check the file again.")
        elif report.refused:
            headline = self.tr("%n row(s) refused, so nothing was imported. Fix them in the "
                               "file (or save them to fix in a spreadsheet) and check again.",
                               "", report.refused)
        elif report.dry_run:
            headline = self.tr("The whole file reads well: nothing has been imported yet. "
                               "Import it when ready.")
        else:
            headline = self.tr("Import finished.")
        self._say(headline, counts)

    def _sentence(self, exc: BaseException) -> str:
        """One clear sentence for a failure; the first line of a known error's message."""
        if isinstance(exc, ImportInterrupted):  # not "nothing": the tills see what it added
            return str(exc).strip().splitlines()[0]
        if isinstance(exc, ImportPending):  # another till's, cut short since this opened
            return self.tr("Nothing was imported: an earlier import was interrupted. Finish "
                           "it or remove it first (above).")
        if isinstance(exc, ImportFailed):
            first = exc.problems[0][1] if exc.problems else ""
            return self.tr("Nothing was imported: the file cannot be read as it is (%1).")\
                .replace("%1", first)
        if isinstance(exc, UserError):
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
            return self.tr("Nothing was imported: %1").replace("%1", first)
        if isinstance(exc, OSError):
            return self.tr("The file cannot be read: %1").replace(
                "%1", exc.strerror or str(exc))
        return self.tr("Nothing was imported: something went wrong (%1).").replace(
            "%1", str(exc) or type(exc).__name__)

    def _say(self, message: str, counts: str) -> None:
        self.message.setText(message)
        self.message.setVisible(bool(message))
        self.counts.setText(counts)
        self.counts.setVisible(bool(counts))

    def _update_state(self) -> None:
        running = self.is_running()
        has_file = self.path is not None and bool(self.header)
        for widget in (self.kind_box, self.choose_button, self.language_box,
                       self.mapping_view):
            widget.setEnabled(not running)
        self.check_button.setEnabled(has_file and not running)
        self.import_button.setEnabled(has_file and not running and self.waiting is None)
        waiting = self.waiting is not None and not running
        for shown in (self.waiting_label, self.resume_button, self.abandon_button):
            shown.setVisible(waiting)
        self.check_button.setVisible(not running)  # Cancel takes their place
        self.import_button.setVisible(not running)
        self.cancel_button.setVisible(running)
        self.cancel_button.setEnabled(running)
        self.stage_label.setVisible(running)
        self.progress.setVisible(running)
        self.save_refused_button.setVisible(self.report is not None and self.report.refused > 0)
        self.save_refused_button.setEnabled(not running)
        customers = self.kind().key == "customers"  # purchases carry no language
        self.language_label.setVisible(customers)
        self.language_box.setVisible(customers)


def _database_file(db: object) -> str:
    """The file behind the window's connection ('' for an in-memory database), or the
    server's URL: the import opens a connection of its own to the same database."""
    if getattr(db, "engine", "sqlite") == "postgresql":
        return str(getattr(db, "url", ""))
    execute = getattr(db, "execute", None)
    if execute is None:
        return ""
    row = execute("PRAGMA database_list").fetchone()
    return str(row[2] or "") if row else ""
