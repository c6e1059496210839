"""tests/with_postgres.py's arguments: --replica and server settings before the command, which
keeps its own arguments; anything malformed is refused."""

import pytest

from tests.with_postgres import parsed


def test_replica_and_settings_come_before_the_command():
    args = ["--replica", "-c", "shared_buffers=6GB", "-c", "work_mem=8MB", "pytest", "-c", "x"]
    assert parsed(args) == (True, ["shared_buffers=6GB", "work_mem=8MB"], ["pytest", "-c", "x"])


def test_a_command_alone_runs_as_given():
    assert parsed(["sh", "bench.sh"]) == (False, [], ["sh", "bench.sh"])


@pytest.mark.parametrize(
    "args", [[], ["--replica"], ["-c", "shared_buffers=6GB"], ["-c", "nonsense", "sh"], ["-c"]]
)
def test_without_a_command_or_with_a_setting_not_name_equals_value_nothing_runs(args):
    assert parsed(args) is None
