"""The words of what the command line refuses (a malformed month or date, options that do
not go together); raised as ``ServiceError`` like the use cases' own refusals."""

from __future__ import annotations
