"""The store and its engines: connection, migrations, SQLite/PostgreSQL, backups, changes."""
