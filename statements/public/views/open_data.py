"""The published data as one SQLite file, built once per version of the data."""

from datetime import UTC, datetime
from pathlib import Path

from django.db import router
from django.http import FileResponse, HttpRequest
from django.utils import timezone
from django.views.decorators.http import condition, require_GET

from statements.models import Claim
from statements.public.open_data import file_for_current_version
from statements.public.versions import data_version


def current_file(request: HttpRequest) -> Path:
    return file_for_current_version(router.db_for_read(Claim), request.build_absolute_uri("/"))


def built_at(request: HttpRequest) -> datetime:
    return datetime.fromtimestamp(current_file(request).stat().st_mtime, UTC)


def version_tag(request: HttpRequest) -> str:
    return f"sqlite-{data_version(router.db_for_read(Claim))}"


@require_GET
@condition(etag_func=version_tag, last_modified_func=built_at)
def open_data(request: HttpRequest) -> FileResponse:
    """The file, named for the day it was built; a client holding this version gets a 304."""
    path = current_file(request)
    day = timezone.localtime(datetime.fromtimestamp(path.stat().st_mtime, UTC)).date()
    return FileResponse(
        path.open("rb"),
        as_attachment=True,
        filename=f"statement-timeline-{day.isoformat()}.sqlite3",
        content_type="application/vnd.sqlite3",
    )
