"""Every key of the window's own preferences (``QSettings``, per user), in one place.

The data lives in the database; these are the window's: where it stood, which language it
speaks, where the data folder is, and the one-time questions already asked.
"""

LANGUAGE = "ui/language"  # "zh_CN" (the default) or "en"; applied at the next start
DATA_DIR = "storage/data_dir"  # the data folder chosen in the settings (else the default)
GEOMETRY = "window/geometry"
SPLITTER = "window/splitter"  # left pane, centre, task panel on the right
CENTRE_SPLITTER = "window/centre_splitter"  # the list and the task panel under it
MONTH_HEADER = "window/month_header"  # the month view's column widths
CLOSE_EXPLAINED = "tray/close_explained"  # "the program keeps running in the tray", said once
ASKED_MY_DEPARTMENTS = "onboarding/asked_my_departments"
OFFERED_SAMPLE_REMOVAL = "onboarding/offered_sample_removal"
# Where the window stood: the plan, the department and the view ("months", "overview" or
# "my_month", 我的本月任务).
PLACE_PLAN = "place/plan"
PLACE_DEPARTMENT = "place/department"
PLACE_VIEW = "place/view"
# How the list was filtered and sorted (main_window/place.py): the status filter's entry, the
# role filter's ("" both), 只看我的部门, the quick filter ("" none), the search's scope
# ("plan" or "all"), and each list's sort ("column:asc" / "column:desc"; "" the document's).
PLACE_STATUS = "place/status"
PLACE_ROLE = "place/role"
PLACE_MINE_ONLY = "place/mine_only"
PLACE_QUICK = "place/quick"
PLACE_SEARCH_SCOPE = "place/search_scope"
PLACE_SORT = "place/sort"
PLACE_MY_MONTH_SORT = "place/my_month_sort"
