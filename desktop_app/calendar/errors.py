"""What makes a holiday notice unreadable as a whole, and its words (the calendar's part of
the catalogue, see ``desktop_app.errors``). A line that cannot be read is a warning of the
notice, not an error."""

from __future__ import annotations

from desktop_app.errors import UserError, Words


class NoticeError(UserError):
    """A text that is not a holiday notice, or a supplement that does not fit."""


EMPTY_NOTICE = Words("通知内容是空的", "The notice is empty")
NO_YEAR = Words(
    "没有找到通知的年份（例如“关于2027年部分节假日安排的通知”）",
    "No year found in the notice (as in “关于2027年部分节假日安排的通知”)",
)
# {0}: the year of the notice.
NO_HOLIDAYS = Words(
    "没有在通知中读出 {0} 年的任何节假日安排（应为“一、元旦：1月1日放假……”这样的条目）",
    "No holiday of {0} could be read from the notice (items such as “一、元旦：1月1日放假……”)",
)
# {0}: the supplement's year; {1}: the year of the notice it would amend.
SUPPLEMENT_OTHER_YEAR = Words(
    "补充通知是 {0} 年的，不能用来修改 {1} 年的安排",
    "The supplementary notice is for {0}; it cannot amend the arrangement of {1}",
)
