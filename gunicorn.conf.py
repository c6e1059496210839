"""Gunicorn's settings for `make serve`; gunicorn reads this file from the working directory."""

import gc
import os

# Two workers per core and one more (gunicorn's own advice); WEB_CONCURRENCY overrides it.
workers = int(os.environ.get("WEB_CONCURRENCY") or 2 * len(os.sched_getaffinity(0)) + 1)
# Threaded workers: a sync worker is killed once one request outlasts `timeout` (30 s), which
# cut a large export off mid-row for a slow reader. A threaded worker's main loop reports to
# the master while its threads serve, so `timeout` only catches a worker that hangs, and an
# export streams for as long as the reader takes. Each thread holds its own database connection.
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS") or 4)
# Gunicorn 25+ opens a control socket at one path per user ($HOME/.gunicorn/): a second server
# of the same user would take it over, and where $HOME cannot be written every start logs an
# error. Nothing here uses it.
control_socket_disable = True
# One line per request on stdout, beside Django's errors on stderr.
accesslog = "-"


def post_worker_init(worker) -> None:
    """Leave what the worker loaded (Django, the app, their modules) out of garbage
    collection: the oldest generation then holds only what requests made, and its rare
    collections, which scanned everything loaded, no longer stall a request by tens of ms."""
    gc.freeze()
