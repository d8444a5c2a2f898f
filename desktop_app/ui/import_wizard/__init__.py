"""The import dialog: choose a plan document, check and correct the parsed tasks, then import.

The dialog and its parts live in the modules of this package; the names the window and
the tests use are the package's own.
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
    "_read",  # the reader the dialog calls, replaced by a slower one in the tests
    "ambiguity_line",
    "counts_text",
    "diff_line",
]
