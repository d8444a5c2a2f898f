"""Use cases shared by the window and the command line: import, status, notes, departments."""
