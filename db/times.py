"""Times as SQLite holds peewee's datetimes (``2024-06-14 09:00:00``), for the raw queries.

A raw query gets the text back, and compares its columns with text: ``db_time`` writes a
bound the way peewee stores a time, ``Timestamps`` reads the stored ones.
"""

from __future__ import annotations

from datetime import datetime


class Timestamps:
    """Parses stored timestamps, each distinct text once (a digest repeats its times).

    One per query: the texts seen are kept as long as it is.
    """

    def __init__(self) -> None:
        self._seen: dict[object, datetime] = {}

    def __call__(self, value: object) -> datetime:
        found = self._seen.get(value)
        if found is None:
            found = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
            self._seen[value] = found
        return found


def db_time(moment: datetime) -> str:
    """A time as SQLite holds peewee's datetimes (``2024-06-14 09:00:00``), to compare with."""
    return moment.isoformat(" ")
