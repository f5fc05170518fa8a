"""Letters and the end-of-day report with ReportLab; no Qt here."""
