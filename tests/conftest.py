import io

import pytest
from django.core.management import call_command
from django.db import connection


def load_seed() -> None:
    call_command("load_seed", stdout=io.StringIO())


@pytest.fixture
def seeded(db) -> None:
    """The curated seed data: two statements by Hikmet Hajiyev and their claims."""
    load_seed()


@pytest.fixture
def seeded_live(transactional_db) -> None:
    """The seed data, committed so that the live server's thread sees it."""
    load_seed()


def pytest_report_header(config) -> str:
    return f"database: {connection.vendor} ({connection.settings_dict['NAME']})"
