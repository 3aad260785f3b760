"""Fixtures of the taxonomy tests: a small taxonomy written for the tests, and the shipped one."""

from __future__ import annotations

from pathlib import Path

import pytest

from skills_taxonomy import Taxonomy, load_taxonomy
from skills_taxonomy.loading import read_curated

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def mini() -> Taxonomy:
    """Built from fixtures/mini/mini.yaml: independent of the shipped data."""
    return Taxonomy(read_curated(FIXTURES / "mini"))


@pytest.fixture(scope="session")
def shipped() -> Taxonomy:
    """The curated data that ships with the package, without any local overlay."""
    return load_taxonomy(use_overlay=False)
