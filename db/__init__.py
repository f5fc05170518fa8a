"""Counterpart's data layer: SQLite through sqlite-utils, plain dataclasses in and out.

Nothing here imports Qt, so the command line, scheduled jobs and tests run headless.
"""
