"""Bounds on input size, zip expansion, page count and extracted text.

Every reader checks these so that a hostile or broken file ends in a PlanReadError
within bounded time and memory instead of exhausting the machine.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from .. import errors
from ..errors import PlanReadError

MB = 1024 * 1024

# A real work plan is well under 5 MB in any format; 20 MB leaves room for scans
# and embedded images without letting a stray video or disk image through.
MAX_FILE_BYTES = 20 * MB

MAX_ZIP_TOTAL_BYTES = 100 * MB
MAX_ZIP_MEMBERS = 5000
# Highly repetitive XML compresses well (ratios of 20-50 are normal), so the ratio
# only counts for members big enough to matter.
MAX_ZIP_RATIO = 100
ZIP_RATIO_MIN_BYTES = 2 * MB

MAX_TEXT_CHARS = 5_000_000
# pdfminer inflates every content stream whole; this bounds what they may expand to.
MAX_PDF_INFLATED_BYTES = 200 * MB
MAX_PDF_PAGES = 500
# pdfminer can spend a long time on pathological content streams; stop instead.
MAX_PDF_SECONDS = 120.0

# LibreOffice's first start creates a profile, which alone can take half a minute.
CONVERSION_TIMEOUT_S = 120.0


def check_file_size(path: Path, size: int) -> None:
    """Reject empty files and files over MAX_FILE_BYTES."""
    if size == 0:
        raise PlanReadError("empty", errors.EMPTY_FILE, path.name)
    if size > MAX_FILE_BYTES:
        raise PlanReadError(
            "too_large", errors.FILE_TOO_LARGE, size / MB, MAX_FILE_BYTES / MB, path.name
        )


def check_zip(zf: zipfile.ZipFile, name: str) -> None:
    """Reject zip containers that would inflate to far more than a document needs.

    Uses the sizes declared in the central directory; zipfile never inflates a
    member past its declared size, so lying headers cannot get around this.
    """
    infos = zf.infolist()
    bomb = PlanReadError("zip_bomb", errors.ZIP_BOMB, name)
    if len(infos) > MAX_ZIP_MEMBERS:
        raise bomb
    total = 0
    for info in infos:
        total += info.file_size
        if total > MAX_ZIP_TOTAL_BYTES:
            raise bomb
        if info.file_size >= ZIP_RATIO_MIN_BYTES:
            ratio = info.file_size / max(info.compress_size, 1)
            if ratio > MAX_ZIP_RATIO:
                raise bomb


def too_much_text(name: str) -> PlanReadError:
    return PlanReadError("too_large", errors.TOO_MUCH_TEXT, MAX_TEXT_CHARS, name)


class TextBudget:
    """Counts extracted characters and raises once MAX_TEXT_CHARS is exceeded."""

    def __init__(self, name: str, limit: int | None = None) -> None:
        self.name = name
        self.limit = MAX_TEXT_CHARS if limit is None else limit
        self.used = 0

    def take(self, text: str) -> str:
        self.used += len(text)
        if self.used > self.limit:
            raise too_much_text(self.name)
        return text
