"""What a use case refuses to do, and the words of every such refusal (this layer's part of
the catalogue, see ``desktop_app.errors``).

Raise sites name a constant below and pass its parameters (positional ``{0}``, ``{1}``…).
"""

from __future__ import annotations

from desktop_app.errors import UserError, Words


class ServiceError(UserError):
    """A request the user can correct (an unknown task id, a file that is not a plan...)."""


# -- what a request names that is not there ------------------------------------------------

NO_TASK = Words("没有编号为 {0} 的任务", "There is no task {0}")
NO_DEPARTMENT = Words("没有名为“{0}”的部门", "There is no department {0}")
NO_PLAN = Words("没有编号为 {0} 的计划", "There is no plan {0}")
NO_NOTE = Words("没有编号为 {0} 的进展说明", "No note {0}")
NO_BACKUP_FILE = Words("找不到备份文件：{0}", "The backup file does not exist: {0}")


def no_task(task_id: int) -> ServiceError:
    return ServiceError("no_task", NO_TASK, task_id)


def no_department(name: str) -> ServiceError:
    return ServiceError("no_department", NO_DEPARTMENT, name)


def no_plan(plan_id: int) -> ServiceError:
    return ServiceError("no_plan", NO_PLAN, plan_id)


# -- tasks (services/tasks.py) -------------------------------------------------------------

# {0}: the date or month as given; the years come from desktop_app.plans.years.
DATE_OUT_OF_RANGE = Words(
    "日期应在 {1} 至 {2} 年之间：{0}", "The date must lie in the years {1} to {2}: {0}"
)
# {1}: STATUS_CHOICES.
UNKNOWN_STATUS = Words("未知的状态“{0}”，可选：{1}", "Unknown status {0}; choose one of {1}")
# The statuses as a liaison names them (services.tasks.STATUS_ZH) and as the command line
# takes them in English (db.models.STATUSES); a test keeps the two lists in step.
STATUS_CHOICES = Words(
    "未开始、进行中、已完成、已取消", "not_started, in_progress, done, cancelled"
)
EMPTY_NOTE = Words("进展说明不能为空", "A progress note cannot be empty")

# -- plans (services/importer.py) ----------------------------------------------------------

AN_ANNUAL_REPORT = Words(
    "这份文件是年度报告，不是工作要点，没有导入",
    "This document is an annual report, not a work plan; nothing was imported",
)
NO_TASKS_FOUND = Words(
    "文件中没有找到工作任务，没有导入",
    "No tasks were found in this document; nothing was imported",
)
# {0}: what the document lacks (desktop_app.plans.errors NO_NUMBERED_ITEMS…), a list.
NO_TASKS_FOUND_BECAUSE = Words(
    "文件中没有找到工作任务，没有导入：{0}",
    "No tasks were found in this document, and nothing was imported: {0}",
)
# {0}: the characters of the title typed; {1}: the most allowed (plan_target.TITLE_MAX).
TITLE_TOO_LONG = Words(
    "计划名称最多 {1} 个字，现在有 {0} 个字；请缩短后再导入",
    "A plan's title may have at most {1} characters, and this one has {0}: shorten it to import",
)

# -- departments (services/departments.py) -------------------------------------------------

EMPTY_DEPARTMENT_NAME = Words("部门名称不能为空", "A department name cannot be empty")
SAME_NAME = Words(
    "新名称与原名称“{0}”相同，没有更改",
    "The new name is the same as the old one ({0}); nothing changed",
)
NAME_TAKEN = Words(
    "已有名为“{0}”的部门；如果是同一个部门，请用“合并”",
    "A department named {0} exists already; merge them if they are one",
)
AMBIGUOUS_DEPARTMENT = Words(
    "有 {0} 个名为“{1}”的部门（{2}），请用编号指明是哪一个",
    "{0} departments are named {1} ({2}); give the number of the one you mean",
)
NOT_A_GROUP = Words(
    "“{0}”不是集体部门（如“各科室”），没有成员可改",
    "{0} is not a collective owner (such as “各科室”) and has no members to change",
)
GROUP_MEMBER_ELSEWHERE = Words(
    "“{0}”不属于“{1}”所在的单位，不能作为它的成员",
    "{0} belongs to another bureau than {1} and cannot be its member",
)
MERGE_INTO_ITSELF = Words("不能把部门合并到它自己", "A department cannot merge into itself")
ALIAS_IS_THE_NAME = Words(
    "“{0}”就是这个部门的名称，不必再作为别名", "{0} is the department's own name, not another one"
)
ALIAS_IS_A_DEPARTMENT = Words(
    "“{0}”已是一个部门；如果两者是同一部门，请用“合并”",
    "{0} is a department of its own; merge them if they are one",
)

# -- the data folder (services/data_folder.py) ---------------------------------------------

# {1}: the operating system's own description of the failure.
FOLDER_UNUSABLE = Words("无法使用该文件夹：{0}（{1}）", "Cannot use this folder: {0} ({1})")
COPY_FAILED = Words("复制到 {0} 时出错（{1}）", "Copying to {0} failed ({1})")

# -- reminder settings (services/settings.py) ----------------------------------------------

# {0}: the largest number allowed; {1}: the value refused.
LEAD_DAYS_OUT_OF_RANGE = Words(
    "提前提醒的天数须为 1 到 {0} 之间的整数（工作日），“{1}”不符合",
    "Lead days must be whole numbers of working days from 1 to {0}; '{1}' is not",
)
LEAD_DAYS_REPEATED = Words("提前提醒的天数不能重复：{0}", "Lead days cannot repeat: {0}")
LEAD_DAYS_NOT_WHOLE = Words(
    "提前提醒的天数须为整数，用顿号分隔，例如 10、5、1；“{0}”不是整数",
    "Lead days must be whole numbers separated by commas, e.g. 10, 5, 1; '{0}' is not",
)
# {0}: REMIND_TIME, QUIET_START or QUIET_END.
BAD_TIME = Words("{0}不是有效的时刻", "The {0} is not a valid time")
REMIND_TIME = Words("提醒时间", "reminder time")
QUIET_START = Words("免打扰开始时间", "start of the quiet hours")
QUIET_END = Words("免打扰结束时间", "end of the quiet hours")
# {0}: the largest interval allowed.
BAD_LATE_EVERY = Words(
    "逾期提醒的间隔须为 0 到 {0} 天（0 表示不重复提醒）",
    "The late-task interval must be 0 to {0} days (0: never repeat)",
)
BAD_HOLIDAY = Words("额外休息日须为日期", "Extra days off must be dates")
BAD_PAUSE = Words("暂停提醒的截止时间无效", "The pause end is not a valid time")
# {0}: the reminder time; {1}, {2}: the start and end of the quiet hours.
REMIND_IN_QUIET_HOURS = Words(
    "提醒时间 {0:%H:%M} 落在免打扰时段（{1:%H:%M}—{2:%H:%M}）内，请调整其中之一",
    "The reminder time {0:%H:%M} falls in the quiet hours ({1:%H:%M}-{2:%H:%M}); "
    "change one of them",
)

# -- reminders (reminders/service.py) ------------------------------------------------------

SNOOZE_IN_THE_PAST = Words(
    "稍后提醒的时间须晚于现在（{0:%Y-%m-%d %H:%M}）",
    "A snooze must end in the future ({0:%Y-%m-%d %H:%M})",
)

# -- holiday notices (services/holidays.py) ------------------------------------------------

# {0}: the year the supplementary notice amends.
NOTHING_TO_AMEND = Words(
    "这是对 {0} 年节假日安排的补充通知，但还没有 {0} 年的安排可以修改，请先导入 {0} 年的通知",
    "This supplementary notice amends the holidays of {0}, but there is no arrangement "
    "of {0} to amend yet; import the notice for {0} first",
)

# -- exports (commands/exports.py) ---------------------------------------------------------

NO_PLANS = Words(
    "还没有导入任何工作要点，没有可导出的台账",
    "No work plan has been imported; there is no ledger to export",
)
# {0}: the file's name.
NO_LEDGER_HEADER = Words(
    "没有在 {0} 中找到台账的表头（至少要有“任务内容”和“状态”或“进展情况”两列）",
    "No ledger header found in {0} (it needs a column “任务内容” and one of “状态” or “进展情况”)",
)
LEDGER_OF_NO_PLAN = Words(
    "{0} 中的任务与已导入的任何计划都对不上，可能是另一份工作要点的台账，没有合并",
    "No task of {0} matches an imported plan; it may be the ledger of another work plan. "
    "Nothing was merged",
)
