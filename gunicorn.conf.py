"""Gunicorn's settings for `make serve`; gunicorn reads this file from the working directory."""

import os

# Two workers per core and one more (gunicorn's own advice); WEB_CONCURRENCY overrides it.
workers = int(os.environ.get("WEB_CONCURRENCY") or 2 * len(os.sched_getaffinity(0)) + 1)
# Gunicorn 25+ opens a control socket at one path per user ($HOME/.gunicorn/): a second server
# of the same user would take it over, and where $HOME cannot be written every start logs an
# error. Nothing here uses it.
control_socket_disable = True
# One line per request on stdout, beside Django's errors on stderr.
accesslog = "-"
