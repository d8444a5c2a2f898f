"""What the import dialog runs on pool threads: reading a document, dry-running its import.

Neither touches Qt, and neither writes. The dry run reads the database through a
connection of its own thread (peewee keeps one per thread), closed when it is done.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

import peewee

from db.connection import Storage
from desktop_app.plans.model import ParsedPlan, Task
from desktop_app.plans.parser import parse_file
from desktop_app.services import import_diff, importer, plan_target


@dataclass(frozen=True)
class Document:
    """A document read: where from, the plan parsed from it, and the hash of its bytes."""

    path: Path
    plan: ParsedPlan
    digest: str


def read_document(path: Path) -> Document:
    return Document(path, parse_file(path), importer.content_hash(path.read_bytes()))


def dry_run(
    storage: Storage,
    plan: ParsedPlan,
    *,
    source_name: str,
    content_hash: str,
    corrections: Mapping[int, Task],
    document_title: plan_target.DocumentTitle | None = None,
) -> import_diff.ImportResult:
    """What importing ``plan`` with ``corrections`` (and the title the user gave, with the
    document's own in ``document_title``) would change; nothing is written."""
    with storage.translated(), _connection_of_this_thread(storage.database):
        return importer.import_plan(
            storage,
            plan,
            source_name=source_name,
            content_hash=content_hash,
            dry_run=True,
            corrections=corrections,
            document_title=document_title,
        )


@contextlib.contextmanager
def _connection_of_this_thread(database: peewee.Database) -> Iterator[None]:
    """This thread's connection, opened for the block if it had none (and then closed:
    a pool thread that idles or ends keeps no file open)."""
    opened = database.connect(reuse_if_open=True)
    try:
        yield
    finally:
        if opened:
            database.close()
