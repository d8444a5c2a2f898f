"""The traffic-light colours of the task states, shared by the window (``ui/theme.py``) and
what is exported (the ledger's state cells); no Qt, so the exports can use them."""

from __future__ import annotations

# green done, blue due soon, yellow behind, red late, grey ongoing (issue 4's legend)
STATE_COLORS = {
    "late": "#d93025",
    "behind": "#f2b600",
    "due_soon": "#1a73e8",
    "pending": "#9aa0a6",
    "undated": "#c4c7c5",
    "ongoing": "#80868b",
    "done": "#188038",
    "cancelled": "#dadce0",
}
# Cell backgrounds in the overview: the same hues, light enough for black text.
STATE_BACKGROUNDS = {
    "late": "#f8d7d4",
    "behind": "#fcefc0",
    "due_soon": "#d2e3fc",
    "pending": "#f1f3f4",
    "undated": "#f1f3f4",
    "ongoing": "#e8eaed",
    "done": "#ceead6",
    "cancelled": "#f8f9fa",
}

__all__ = ["STATE_BACKGROUNDS", "STATE_COLORS"]
