"""The Counterpart application: command line, main window, settings and session."""
