"""Audit and security: staff, PINs, lockout, authorisations, the audit chain."""
