"""The ledger as CSV with a byte-order mark, so that Excel opens it in Chinese (without one it
guesses the ANSI code page and shows mojibake)."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

from desktop_app.exports.ledger import Ledger
from desktop_app.exports.xlsx import KEY_HEADER


def write_csv(ledger: Ledger, path: Path) -> Path:
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f)
        columns = ledger.columns
        writer.writerow([*columns, KEY_HEADER])
        for row in ledger.rows:
            cells = [v.isoformat() if isinstance(v, date) else v for v in row.values(columns)]
            writer.writerow([*cells, row.key])
    return path
