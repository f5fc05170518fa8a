"""Work around a PySide6 6.12 reference-count bug on Python 3.11.

PySide6 6.12 is built for the stable ABI and hands back `None`, `True` and `False` without
taking a new reference: every `widget.setText(...)` call drops one reference to `None`,
every `signal.emit(...)` one to `True`. On Python 3.12+ those objects are immortal, so
nothing happens; on 3.11 their counts drain until the interpreter aborts with "Fatal
Python error: bool_dealloc / none_dealloc" after a few hundred calls (measured here: -1
per call). Giving the three singletons a huge count once, as 3.12 does, makes the drain
harmless. Imported by `widgets/__init__.py`, so every Qt user in the project gets it.
"""

from __future__ import annotations

import ctypes
import sys

_BOOST = 1 << 40  # a trillion calls before the count could reach zero again
_done = False


def immortalise_singletons() -> bool:
    """Raise the reference counts of None, True and False once; True when it did so."""
    global _done
    if _done or sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False
    for obj in (None, True, False):
        # In CPython 3.11 a PyObject starts with its Py_ssize_t reference count.
        ctypes.c_ssize_t.from_address(id(obj)).value += _BOOST
    _done = True
    return True


immortalise_singletons()
