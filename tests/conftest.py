"""Shared test fixtures: the real plan documents under tests/fixtures/."""

from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"

PLAN_2024_CITY = "000_9ec6db43f1a77751"
PLAN_2020_CITY = "001_69a0decc525aedac"
REPORT_2020 = "002_6ed89374fb2fd5b6"
PLAN_2024_DISTRICT = "003_977e8fd6d0e9a83c"
REPORT_2018 = "004_c70af58f9dd6baf6"


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES
