"""The words of what the command line refuses (a malformed month or date, options that do
not go together); raised as ``ServiceError`` like the use cases' own refusals. This is the
command line's part of the catalogue (see ``desktop_app.errors``)."""

from __future__ import annotations

from desktop_app.errors import Words

BAD_MONTH = Words("月份格式应为 YYYY-MM，例如 2024-06：{0}", "Month must be YYYY-MM: {0}")
# {0}: the month as given; {1}, {2}: the first and last year a plan can be about.
MONTH_OUT_OF_RANGE = Words(
    "月份应在 {1} 至 {2} 年之间：{0}", "The month must lie in the years {1} to {2}: {0}"
)
BAD_DATE = Words("日期格式应为 YYYY-MM-DD，例如 2024-06-30：{0}", "Date must be YYYY-MM-DD: {0}")
# {0}: the end; {1}: the start.
END_BEFORE_START = Words(
    "结束日期 {0} 早于开始日期 {1}", "The end date {0} is before the start date {1}"
)
# {0}: the longest span in days; {1}, {2}: the dates asked for.
RANGE_TOO_LONG = Words(
    "日期范围最长 {0} 天：{1} 至 {2}", "The date range can span at most {0} days: {1} to {2}"
)
NOW_WITH_RANGE = Words(
    "--now 只检查现在到期的提醒（按“我的部门”），不能与 --from、--to、--department 同用",
    "--now checks what is due now (for my departments); it takes no --from, --to or --department",
)
