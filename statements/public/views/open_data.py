"""The published data as one SQLite file, built once per version of the data."""

from datetime import UTC, datetime

from django.db import router
from django.http import FileResponse, HttpRequest
from django.utils import timezone
from django.utils.http import http_date
from django.views.decorators.http import require_GET

from statements.models import Claim
from statements.public.open_data import file_for_current_version


@require_GET
def open_data(request: HttpRequest) -> FileResponse:
    path = file_for_current_version(router.db_for_read(Claim), request.build_absolute_uri("/"))
    built = path.stat().st_mtime
    day = timezone.localtime(datetime.fromtimestamp(built, UTC)).date()
    response = FileResponse(
        path.open("rb"),
        as_attachment=True,
        filename=f"statement-timeline-{day.isoformat()}.sqlite3",
        content_type="application/vnd.sqlite3",
    )
    response["Last-Modified"] = http_date(built)
    return response
