"""Whom a failed admin login is counted against: the client's address, and its username there.

Behind a proxy every request comes from the proxy's address, so django-axes would count every
client's failures together and five wrong passwords from anywhere would lock an editor out
everywhere. With TRUSTED_PROXIES set, the client's address is the one the nearest trusted proxy
wrote into X-Forwarded-For (entries further left are whatever the client sent, and forgeable).

Failures lock out a username at one address (AXES_FAILURE_LIMIT), so a guesser elsewhere only
locks themselves out of it; and an address that fails across many usernames is stopped too, at
a higher limit (AXES_ADDRESS_FAILURE_LIMIT), since colleagues behind one office address share it.
"""

import ipaddress

from axes.handlers.database import AxesDatabaseHandler
from django.conf import settings
from django.db.models import Sum
from django.http import HttpRequest


def forwarded_address(request: HttpRequest, proxies: int) -> str | None:
    """The address the outermost of `proxies` trusted proxies saw, if it gave a valid one."""
    header = request.META.get("HTTP_X_FORWARDED_FOR", "")
    entries = [entry.strip() for entry in header.split(",") if entry.strip()]
    if len(entries) < proxies:
        return None
    try:
        return str(ipaddress.ip_address(entries[-proxies]))
    except ValueError:
        return None


def client_address(request: HttpRequest) -> str:
    """The login attempt's address: the proxy's account of it when the proxy is trusted."""
    proxies = settings.TRUSTED_PROXIES
    remote = request.META.get("REMOTE_ADDR", "")
    return (forwarded_address(request, proxies) if proxies else None) or remote


def total_failures(attempts) -> int:
    return attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0


class UsernameAndAddressHandler(AxesDatabaseHandler):
    """django-axes' database handler, with one limit per username at an address and a higher
    one per address (AXES_LOCKOUT_PARAMETERS lists them in that order)."""

    def get_failures(self, request, credentials: dict | None = None) -> int:
        per_username, *per_address = map(
            total_failures, self.get_user_attempts(request, credentials)
        )
        limit = settings.AXES_FAILURE_LIMIT
        # Axes compares one number with AXES_FAILURE_LIMIT: the address's failures are scaled so
        # that they reach it exactly when they reach the address's own limit.
        scaled = [
            failures * limit // settings.AXES_ADDRESS_FAILURE_LIMIT for failures in per_address
        ]
        return max(per_username, *scaled)
