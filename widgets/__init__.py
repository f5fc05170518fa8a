"""Qt widgets and item models; one widget per screen part. No SQL here."""

from widgets import qt_compat as _qt_compat  # noqa: F401  (PySide6 6.12 on Python 3.11)
