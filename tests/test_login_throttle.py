"""Failed admin logins behind a proxy: counted per client, per username there and per address."""

import pytest
from django.contrib.auth.models import User

pytestmark = pytest.mark.django_db

PASSWORD = "right-password-123"
ATTACKER, EDITOR = "203.0.113.9", "198.51.100.7"


@pytest.fixture
def login(client, settings):
    User.objects.create_superuser("editor", "editor@example.org", PASSWORD)
    url = f"/{settings.ADMIN_URL}login/"

    def attempt(username: str, password: str, forwarded_for: str | None = None) -> int:
        headers = {"X-Forwarded-For": forwarded_for} if forwarded_for else {}
        client.logout()
        return client.post(url, {"username": username, "password": password}, headers=headers)

    return attempt


def test_behind_a_trusted_proxy_a_guesser_locks_out_only_themselves(login, settings):
    settings.TRUSTED_PROXIES = 1
    statuses = [login("editor", "wrong", ATTACKER).status_code for _ in range(5)]
    assert statuses == [200, 200, 200, 200, 429]
    assert login("editor", PASSWORD, ATTACKER).status_code == 429

    response = login("editor", PASSWORD, EDITOR)
    assert response.status_code == 302
    assert response.wsgi_request.user.username == "editor"


def test_the_proxy_s_own_entry_counts_not_what_the_client_wrote_before_it(login, settings):
    settings.TRUSTED_PROXIES = 1
    statuses = [
        login("editor", "wrong", f"10.0.0.{number}, {ATTACKER}").status_code for number in range(5)
    ]
    assert statuses == [200, 200, 200, 200, 429]


def test_without_a_trusted_proxy_the_header_is_ignored(login, settings):
    settings.TRUSTED_PROXIES = 0
    statuses = [login("editor", "wrong", f"10.0.0.{number}").status_code for number in range(5)]
    assert statuses == [200, 200, 200, 200, 429]


def test_one_password_tried_across_many_usernames_is_stopped(login, settings):
    settings.TRUSTED_PROXIES = 1
    limit = settings.AXES_ADDRESS_FAILURE_LIMIT
    statuses = [
        login(f"user{number}", "Summer2024!", ATTACKER).status_code for number in range(limit)
    ]
    assert statuses[:-1] == [200] * (limit - 1)
    assert statuses[-1] == 429
    assert login("someone-new", "Summer2024!", ATTACKER).status_code == 429
    # The address is stopped, not the usernames: the editor elsewhere still gets in.
    assert login("editor", PASSWORD, EDITOR).status_code == 302


def test_a_few_failures_across_usernames_stop_no_one(login, settings):
    settings.TRUSTED_PROXIES = 1
    for number in range(settings.AXES_FAILURE_LIMIT + 2):
        assert login(f"user{number}", "wrong", ATTACKER).status_code == 200
    assert login("editor", PASSWORD, ATTACKER).status_code == 302
