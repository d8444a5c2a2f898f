"""Qt item models fed plain rows by the window; never a query inside data()."""

# The department list's first row: every department (no Qt here, so that the window can
# name it before its first paint without loading the models).
ALL_DEPARTMENTS = -1
# Not a row: "my department in the plan shown", settled when the plan's list is read.
MY_DEPARTMENT = -2
