"""Shared test set-up: stable terminal output and the loaded catalog."""

import os

import pytest

# Rich reads these when a console is made: pin them so tables render the same everywhere.
os.environ["COLUMNS"] = "120"
os.environ["LINES"] = "50"
os.environ["NO_COLOR"] = "1"
os.environ["TERM"] = "dumb"
os.environ.pop("FORCE_COLOR", None)

from exercises.catalog import Catalog, load_catalog


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    """The built-in catalog."""
    return load_catalog()
