"""Which database a query goes to when read replicas are configured (DATABASE_REPLICA_URLS).

Public pages read from one replica, chosen at random for each request and kept for the whole
request, so that a page never mixes two replicas' states. The primary takes every write, every
read of an editor's request (the admin, or any page a staff member opens, so editors always see
their own changes), every read after a write or inside a transaction, and every read of the
machinery of logging in (sessions, users, login attempts), which is read where it is written.
Outside requests (management commands, the shell) everything uses the primary.
"""

import random
from contextvars import ContextVar

from django.conf import settings
from django.core.exceptions import MiddlewareNotUsed
from django.core.signals import request_finished
from django.db import DEFAULT_DB_ALIAS, connections
from django.http import HttpRequest, HttpResponse

REPLICAS = [alias for alias in settings.DATABASES if alias.startswith("replica_")]

# The database this request reads from, set by the middleware for each request.
reads_from: ContextVar[str] = ContextVar("reads_from", default=DEFAULT_DB_ALIAS)


def read_from_primary(**kwargs) -> None:
    reads_from.set(DEFAULT_DB_ALIAS)


class PrimaryReplicaRouter:
    def db_for_read(self, model, **hints) -> str:
        instance = hints.get("instance")
        if instance is not None and instance._state.db:
            return instance._state.db  # related rows come from where their parent came from
        if model._meta.app_label != "statements" or connections[DEFAULT_DB_ALIAS].in_atomic_block:
            return DEFAULT_DB_ALIAS
        return reads_from.get()

    def db_for_write(self, model, **hints) -> str:
        reads_from.set(DEFAULT_DB_ALIAS)  # read what was just written, not a lagging copy
        return DEFAULT_DB_ALIAS

    def allow_relation(self, first, second, **hints) -> bool:
        return True  # every database holds the same rows

    def allow_migrate(self, db: str, app_label: str, **hints) -> bool:
        return db == DEFAULT_DB_ALIAS  # replicas copy the primary's schema by replication


class ReplicaReadsMiddleware:
    """Choose where this request reads: the primary for editors, else one replica."""

    def __init__(self, get_response) -> None:
        if not REPLICAS:
            raise MiddlewareNotUsed
        self.get_response = get_response
        self.admin_path = "/" + settings.ADMIN_URL
        # Sent once the response is closed, a streamed body included: the thread's next work,
        # if it is not a request, uses the primary again.
        request_finished.connect(read_from_primary, dispatch_uid="replica_reads_finished")

    def __call__(self, request: HttpRequest) -> HttpResponse:
        reads_from.set(DEFAULT_DB_ALIAS if self.is_editing(request) else random.choice(REPLICAS))
        return self.get_response(request)

    def is_editing(self, request: HttpRequest) -> bool:
        # request.user costs a query only when the request carries a session cookie.
        return request.path.startswith(self.admin_path) or request.user.is_staff
