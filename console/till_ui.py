"""This console's till name: asked at start while it has none, changed in the settings.

The name is kept in this machine's options (`till_name`, console/options.py) and attached
to the open database (`db.tills.set_till`), so everything the console writes records it.
`create_window` attaches a stored (or `--till`) name at start; while there is none, the
sign-in screen first shows "Name this till" (suggesting the host name), before the first
manager is created or anyone signs in. Managers change it on the settings page ("This
till"). The header bar shows it beside the shop's name.

Without an options store (tests, the gallery) nothing is asked: the till stays unnamed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel

from db.errors import UserError
from db.tills import set_till, suggested_till_name, till_of, till_problem
from widgets.errors import show_error
from widgets.till_name_panel import TillNamePanel

if TYPE_CHECKING:
    from console.main_window import MainWindow

SIGN_IN_TILL_NAME = "till_name"
OPTION = "till_name"


def attach_stored_till(db: Any, options: Any, given: str | None = None) -> str:
    """Attach `given` (--till) or the options' till name to `db`; returns it ("" if none)."""
    name = (given or "").strip() or str((options.get(OPTION) if options is not None else "")
                                        or "").strip()
    if not name or till_problem(name) is not None:
        return ""
    return set_till(db, name)


class TillUi(QObject):
    """The first-run "Name this till" page, the settings box and the header label."""

    till_changed = Signal(str)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.ctx = window.ctx
        self.options = window.options  # None: nowhere to keep a name, so nothing is asked

        self.first_run = TillNamePanel(first_run=True)
        self.first_run.till_named.connect(self._on_first_name)
        window.sign_in_panel.add_page(SIGN_IN_TILL_NAME, self.first_run)

        self.settings_box = TillNamePanel()
        self.settings_box.till_named.connect(self._on_renamed)
        settings_ui = getattr(window, "settings_ui", None)
        if settings_ui is not None:
            settings_ui.panel.add_section(self.settings_box)

        self.header_label = QLabel()
        self.header_label.setObjectName("TillName")
        window.add_header_widget(self.header_label)
        self.show_name(till_of(self.ctx.db))

        window.session.staff_changed.connect(self._on_staff_changed)
        self._on_staff_changed()

    def needs_name(self) -> bool:
        return self.options is not None and not till_of(self.ctx.db)

    def _on_staff_changed(self) -> None:
        """Signed out (or at start) on a machine with no till name: ask for it first."""
        if self.window.session.staff is None and self.needs_name():
            self.first_run.set_name(suggested_till_name())
            self.window.sign_in_panel.show_page(SIGN_IN_TILL_NAME)
            self.first_run.name_edit.setFocus()
            self.first_run.name_edit.selectAll()

    def _keep(self, name: str) -> str | None:
        """Store `name` in this machine's options and attach it; None if it failed."""
        try:
            clean = set_till(self.ctx.db, name)
        except UserError as exc:  # the widget checked it already; the data layer decides
            show_error(self.window, exc)
            return None
        if self.options is not None:
            self.options.set(OPTION, clean)
            self.options.sync()
        self.show_name(clean)
        self.till_changed.emit(clean)
        return clean

    def _on_first_name(self, name: str) -> None:
        if self._keep(name) is None:
            return
        from db.security.staff_admin import needs_first_manager  # not needed for the first paint

        panel = self.window.sign_in_panel
        if needs_first_manager(self.ctx.db):
            service_ui = getattr(self.window, "service_ui", None)
            if service_ui is not None:
                from console.service_ui import SIGN_IN_FIRST_RUN

                panel.show_page(SIGN_IN_FIRST_RUN)
                service_ui.first_run.name_edit.setFocus()
                return
        panel.reset()

    def _on_renamed(self, name: str) -> None:
        clean = self._keep(name)
        if clean is not None:
            self.settings_box.show_saved(
                self.tr("This till is now called %1.").replace("%1", clean))

    def show_name(self, name: str) -> None:
        self.header_label.setText(self.tr("Till: %1").replace("%1", name) if name else "")
        self.header_label.setVisible(bool(name))
        self.settings_box.set_name(name or suggested_till_name())


def install(window: MainWindow) -> TillUi:
    ui = TillUi(window)
    window.till_ui = ui  # type: ignore[attr-defined]
    return ui
