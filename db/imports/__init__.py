"""Imports from other systems: formats, staging, merge, jobs."""
