"""The encrypted database, its migrations, backups and the files around it."""

from app.storage.sqlite_library import disable_memory_statistics

MEMORY_STATISTICS_OFF = disable_memory_statistics()
