"""The import dialog: choose a plan document, check and correct the parsed tasks, then import.

``wizard.py`` is the dialog and its flow; each page has a file (``choose_page.py``,
``preview_page.py``, ``summary_page.py``), the table's editors one (``delegates.py``),
the words of the revision diff one (``wording.py``). What runs off the GUI thread is
in ``jobs.py`` (no Qt), and how it runs there in ``worker.py``. The names the window
and the tests use are the package's own.
"""

from desktop_app.ui.import_wizard.choose_page import DropArea
from desktop_app.ui.import_wizard.delegates import DeadlineDelegate, OwnersDelegate
from desktop_app.ui.import_wizard.jobs import read_document as _read
from desktop_app.ui.import_wizard.wizard import (
    CHOOSE_PAGE,
    PREVIEW_PAGE,
    SUMMARY_PAGE,
    ImportWizard,
)
from desktop_app.ui.import_wizard.wording import ambiguity_line, counts_text, diff_line

__all__ = [
    "CHOOSE_PAGE",
    "PREVIEW_PAGE",
    "SUMMARY_PAGE",
    "DeadlineDelegate",
    "DropArea",
    "ImportWizard",
    "OwnersDelegate",
    "_read",  # the reader the dialog calls (looked up here, so a test can slow it down)
    "ambiguity_line",
    "counts_text",
    "diff_line",
]
