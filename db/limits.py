"""What SQLite can hold, known without loading peewee (the command line checks its arguments
against it before the database is opened)."""

# The largest row id SQLite can hold: any id beyond it names no row (and sqlite3 refuses it).
MAX_ROW_ID = 2**63 - 1
