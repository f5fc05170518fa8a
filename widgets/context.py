"""What every widget needs from the running application, in one object.

Widgets cannot import `console/` (layering), so the console builds an `AppContext` and
hands it down: the database handle, who is signed in, the data bus, the dialog service,
shop settings, user options and this console's id.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, QLocale
from sqlite_utils import Database

from db.errors import PermissionDenied
from db.models import ShopSettings, Staff
from db.security.sign_in import SignIn, require_manager_with_pin
from widgets.data_bus import DataBus
from widgets.dialogs import DialogService, set_current_service


class OptionStore(Protocol):
    """User preferences (declared in console/options.py); widgets only read them."""

    def get(self, name: str) -> Any: ...


class _DefaultOptions:
    def get(self, name: str) -> Any:
        return None


def _nobody() -> Staff | None:
    return None


def _no_sign_in() -> SignIn | None:
    return None


@dataclass
class AppContext:
    db: Database
    current_staff: Callable[[], Staff | None] = _nobody
    bus: DataBus = field(default_factory=DataBus)
    dialogs: DialogService = field(default_factory=DialogService)
    settings: ShopSettings = field(default_factory=ShopSettings)
    options: OptionStore = field(default_factory=_DefaultOptions)
    console_id: str = "console"
    # Who signed in and how (with their PIN or by tapping their name); the console's
    # session provides it. Left out, the staff from `current_staff` counts as tapped in.
    current_sign_in: Callable[[], SignIn | None] = _no_sign_in
    # Where forms also keep drafts on this till's own disk (set when the database is on a
    # server, which may be away; None: the database's drafts table is enough).
    draft_dir: Path | None = None

    def __post_init__(self) -> None:
        # show_error(parent, exc) has no context argument; it uses this service.
        set_current_service(self.dialogs)

    def staff(self) -> Staff | None:
        return self.current_staff()

    def require_staff(self) -> Staff:
        """The signed-in staff member, or a clear error when nobody is."""
        who = self.current_staff()
        if who is None:
            raise PermissionDenied(
                QCoreApplication.translate(
                    "AppContext", "Nobody is signed in. Choose your name on the sign-in screen."
                )
            )
        return who

    def sign_in(self) -> SignIn | None:
        """Who is signed in and whether with their PIN."""
        if self.current_sign_in is not _no_sign_in:
            return self.current_sign_in()
        who = self.current_staff()
        return SignIn(staff=who, with_pin=False) if who is not None else None

    def require_manager_with_pin(self) -> Staff:
        """The manager screens' rule (PermissionDenied with a clear message otherwise)."""
        return require_manager_with_pin(self.sign_in())

    def manager_with_pin(self) -> bool:
        """True when a manager signed in with their PIN is at the console."""
        try:
            self.require_manager_with_pin()
        except PermissionDenied:
            return False
        return True

    def locale(self) -> QLocale:
        """The shop's locale for numbers, dates and money in widgets."""
        return QLocale(self.settings.locale)

    def format_money(self, minor: int) -> str:
        """Integer minor units as the shop's currency, formatted by QLocale."""
        return format_money(minor, self.settings.currency, self.locale())


_SYMBOLS = {"EUR": "€", "USD": "$", "GBP": "£", "CNY": "¥", "TWD": "NT$", "JPY": "¥"}


def format_money(minor: int, currency: str, locale: QLocale) -> str:
    """Integer minor units as currency in the locale's pattern, with no float arithmetic.

    QLocale supplies the pattern (symbol position, spacing, group and decimal separators);
    the digits come from the integer itself, so 0.1 + 0.2 problems cannot appear.
    """
    symbol = _SYMBOLS.get(currency, currency)
    whole, cents = divmod(abs(minor), 100)
    number = locale.toString(whole) + locale.decimalPoint() + f"{cents:02d}"
    template = locale.toCurrencyString(1.0, symbol, 2)  # exact sentinel, pattern only
    one = locale.toString(1) + locale.decimalPoint() + "00"
    text = template.replace(one, number, 1) if one in template else f"{number} {symbol}"
    return ("-" + text) if minor < 0 else text
