"""Reading plan documents into text and parsing text into a ParsedPlan (no Qt, no storage)."""
