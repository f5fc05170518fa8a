"""Qt widgets and item models; one widget per screen part. No SQL here."""
