"""Screenshots of the main pages, as a reader sees them; `make screenshots` refreshes docs/."""

import os
from pathlib import Path

import pytest
from django.conf import settings

from statements.models import Claim
from tests.reports_fixture import claim_of
from tests.test_reports_browser import reader, two_reports_live  # noqa: F401

pytestmark = pytest.mark.browser

DOCS = Path(settings.BASE_DIR) / "docs" / "screenshots"

# name: (address, viewport width, the part of the page to show, or None for the top of it)
PAGES = {
    "timeline": ("/", 1280, None),
    "timeline-search": ("/?topic=humanitarian-access&q=Lachin", 1280, None),
    "official": ("/officials/hikmet-hajiyev/", 1280, None),
    "official-then-and-now": ("/officials/hikmet-hajiyev/?topic=peace-process", 1280, ".story"),
    "official-lanes": ("/officials/hikmet-hajiyev/?view=lanes", 1280, ".lanes"),
    "timeline-phone": ("/?topic=karabakh", 375, None),
}


def test_the_main_pages_render_for_the_readme(page, tmp_path):
    folder = DOCS if os.environ.get("UPDATE_SCREENSHOTS") == "1" else tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    claim = Claim.objects.get(evidence_spans__quote__startswith="It is the illegal regime")
    pages = {**PAGES, "statement": (claim.statement.get_absolute_url(), 1280, None)}
    pages["claim"] = (claim.get_absolute_url(), 1280, None)
    for name, (url, width, part) in pages.items():
        page.set_viewport_size({"width": width, "height": 1000})
        page.goto(url)
        path = folder / f"{name}.png"
        (page.locator(part) if part else page).screenshot(path=path)
        assert path.stat().st_size > 20_000, name


def test_a_claim_told_by_two_reports_renders_for_the_readme(reader, tmp_path):  # noqa: F811
    folder = DOCS if os.environ.get("UPDATE_SCREENSHOTS") == "1" else tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    for name, width in (("claim-two-reports", 1280), ("claim-two-reports-phone", 375)):
        reader.set_viewport_size({"width": width, "height": 1000})
        reader.goto(claim_of(6).get_absolute_url())
        path = folder / f"{name}.png"
        reader.locator(".wording").screenshot(path=path)
        assert path.stat().st_size > 20_000, name
