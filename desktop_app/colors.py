"""The traffic-light colours of the task states, shared by the window (``ui/theme.py``) and
what is exported (the ledger's state cells); no Qt, so the exports can use them."""

from __future__ import annotations

# The offices' traffic lights, one colour a state: red 逾期 (late), blue 临近到期 (due soon),
# yellow 未达序时进度 (lagging behind the schedule), green 已完成; greys for the rest.
STATE_COLORS = {
    "late": "#d93025",
    "due_soon": "#1a73e8",
    "lagging": "#f2b600",
    "pending": "#9aa0a6",
    "undated": "#c4c7c5",
    "ongoing": "#80868b",
    "done": "#188038",
    "cancelled": "#dadce0",
}
# Cell backgrounds in the overview: the same hues, light enough for black text.
STATE_BACKGROUNDS = {
    "late": "#f8d7d4",
    "due_soon": "#d2e3fc",
    "lagging": "#fcefc0",
    "pending": "#f1f3f4",
    "undated": "#f1f3f4",
    "ongoing": "#e8eaed",
    "done": "#ceead6",
    "cancelled": "#f8f9fa",
}

__all__ = ["STATE_BACKGROUNDS", "STATE_COLORS"]
