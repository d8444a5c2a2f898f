"""The ledger as CSV with a byte-order mark, so that Excel opens it in Chinese (without one it
guesses the ANSI code page and shows mojibake)."""

from __future__ import annotations

import csv
from pathlib import Path

from desktop_app.exports.ledger import COLUMNS, STATE_ZH, Ledger
from desktop_app.exports.xlsx import KEY_HEADER


def write_csv(ledger: Ledger, path: Path) -> Path:
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f)
        writer.writerow([*COLUMNS, KEY_HEADER])
        for row in ledger.rows:
            t = row.task
            writer.writerow(
                [
                    row.number,
                    t.text,
                    "、".join(t.lead),
                    "、".join(t.responsible),
                    row.deadline,
                    STATE_ZH.get(row.state, row.state),
                    row.progress,
                    t.completed_on.isoformat() if t.completed_on else "",
                    row.remark,
                    row.key,
                ]
            )
    return path
