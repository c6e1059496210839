"""Only web addresses become links; DEBUG's error pages carry the Content Security Policy too."""

import json
import re

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from statements.models import Outlet
from tests.factories import make_claim, make_outlet, make_statement
from tests.test_views import get_html

pytestmark = pytest.mark.django_db

SCRIPTED = [
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "vbscript:msgbox(1)",
    "//evil.example/",
]


@pytest.mark.parametrize("url", [*SCRIPTED, "ftp://files.example.org/a.txt"])
def test_only_web_addresses_pass_validation(url):
    outlet = Outlet(name="Daily Courier", slug="daily-courier", homepage=url)
    with pytest.raises(ValidationError) as refused:
        outlet.full_clean()
    assert "http:// or https://" in str(refused.value.message_dict["homepage"])
    report = make_statement().main_report
    report.source_url = url
    with pytest.raises(ValidationError) as refused:
        report.full_clean()
    assert "source_url" in refused.value.message_dict


def hrefs(html: str) -> list[str]:
    return re.findall(r'href="([^"]*)"', html)


@pytest.mark.parametrize("url", SCRIPTED)
def test_an_address_stored_past_validation_is_shown_as_text_never_as_a_link(client, url):
    outlet = make_outlet(homepage=url)
    statement = make_statement(reporting_outlet=outlet, source_url=url)
    make_claim(statement, "We will build the bridge.")
    html = get_html(client, f"/statements/{statement.pk}/")
    links = hrefs(html)
    assert not any("script" in link.lower() or link.startswith(("data:", "//")) for link in links)
    assert "Daily Courier" in html
    assert '"@type": "Quotation"' in html
    # The report is still named as a source, without the address.
    assert '"isBasedOn": [{"@type": "CreativeWork"' in html
    assert '"url": ' + json.dumps(url) not in html


def test_web_addresses_are_still_links(client):
    outlet = make_outlet(homepage="https://courier.example.org/")
    statement = make_statement(reporting_outlet=outlet, source_url="http://courier.example.org/a")
    make_claim(statement, "We will build the bridge.")
    html = get_html(client, f"/statements/{statement.pk}/")
    # "Reported by" links to the report itself (issue 12), not to the outlet's home page.
    assert "http://courier.example.org/a" in hrefs(html)
    assert '"url": "http://courier.example.org/a"' in html


@pytest.mark.urls("tests.failing_urls")
@pytest.mark.parametrize(("url", "status"), [("/fail/", 500), ("/no-such-page/", 404)])
def test_debug_error_pages_carry_the_content_security_policy(settings, url, status):
    settings.DEBUG = True
    response = Client(raise_request_exception=False).get(url)
    assert response.status_code == status
    assert "script-src 'self'" in response["Content-Security-Policy"]
