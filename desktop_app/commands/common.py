"""What every sub-command shares: the data folder it opens, JSON output, and the dates and
months a user types, checked to lie in the years a plan can be about."""

from __future__ import annotations

import argparse
import json
import re
from datetime import date
from typing import Any, TextIO

from db.connection import Storage
from desktop_app.clock import Clock
from desktop_app.paths import data_dir
from desktop_app.plans.years import YEAR_MAX, YEAR_MIN, is_plausible
from desktop_app.services import data_folder
from desktop_app.services import errors as service_errors
from desktop_app.services.errors import ServiceError

from . import errors


def open_for(args: argparse.Namespace, clock: Clock) -> Storage:
    return data_folder.open_data(data_dir(args.data_dir), clock)


def write_json(value: Any, out: TextIO) -> None:
    json.dump(value, out, ensure_ascii=False, indent=2)
    out.write("\n")


def parse_month(text: str) -> tuple[int, int]:
    m = re.fullmatch(r"(\d{4})-(\d{1,2})", text.strip())
    if m is None or not 1 <= int(m.group(2)) <= 12:
        raise ServiceError("bad_month", errors.BAD_MONTH, text)
    if not is_plausible(int(m.group(1))):
        raise ServiceError("date_out_of_range", errors.MONTH_OUT_OF_RANGE, text, YEAR_MIN, YEAR_MAX)
    return int(m.group(1)), int(m.group(2))


def parse_date(text: str) -> date:
    """A date given on the command line, in the years a plan can be about."""
    try:
        day = date.fromisoformat(text.strip())
    except ValueError:
        raise ServiceError("bad_date", errors.BAD_DATE, text) from None
    if not is_plausible(day.year):
        raise ServiceError(
            "date_out_of_range", service_errors.DATE_OUT_OF_RANGE, text, YEAR_MIN, YEAR_MAX
        )
    return day
