"""The customers: records, search and its index, purchases, personal data."""
