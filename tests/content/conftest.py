"""Checks of this statement's content (source/): its glossary facts, names and translation.

The code tests in tests/ pass on any valid source folder; these pin what is true of the
statement this repository publishes, so a publisher who swaps source/ may drop this folder.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from build_scripts.edition import load_edition
from build_scripts.model import Edition

SOURCE = Path(__file__).resolve().parents[2] / "source"


@pytest.fixture(scope="session")
def edition() -> Edition:
    """The real statement, loaded once."""
    return load_edition(SOURCE)
