"""What the program hands over: the ledger (台账) as Excel and CSV, the deadlines as a
calendar file. ``ledger.py`` builds the rows; one module per format writes them."""
