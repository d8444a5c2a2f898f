"""Working days: the official calendar of days off and make-up working days (调休), at the
bottom of the program (no Qt, no storage), used by the reminders, the tasks and the window."""
