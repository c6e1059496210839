"""Record links filled into their resolved pattern are the links Django's reverse gives."""

import pytest
from django.urls import reverse, set_script_prefix

from statements.public.paths import path


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("claim_detail", 7),
        ("claim_detail", 918273645),
        ("statement_detail", 12),
        ("official_detail", "hikmet-hajiyev"),
        ("topic_detail", "karabakh"),
    ],
)
@pytest.mark.parametrize("prefix", ["/", "/timeline/"])
def test_a_record_path_is_the_reversed_url(name, value, prefix):
    set_script_prefix(prefix)
    try:
        assert path(name, value) == reverse(name, args=[value])
        assert path(name, value).startswith(prefix)
    finally:
        set_script_prefix("/")
