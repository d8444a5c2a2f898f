"""Qt item models fed plain rows by the window; never a query inside data()."""
