"""The suite's two test processes take tests one by one; a module whose tests share a fixture of
module scope must be listed to keep them in one process (tests/conftest.py)."""

import pytest

from tests.conftest import SHARED_FIXTURE_MODULES, shares_a_module_fixture

pytestmark = pytest.mark.same_on_any_database


def test_every_module_sharing_a_fixture_keeps_its_tests_in_one_process(request):
    collected = {item.nodeid.split("::", 1)[0] for item in request.session.items}
    sharing = {
        item.nodeid.split("::", 1)[0]
        for item in request.session.items
        if shares_a_module_fixture(item)
    }
    assert sharing <= SHARED_FIXTURE_MODULES, "missing from the list"
    assert sharing >= SHARED_FIXTURE_MODULES & collected, "listed, but sharing nothing"
