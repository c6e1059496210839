from django.conf import settings
from django.contrib import admin
from django.urls import path

from statements.public.views import (
    compare,
    exports,
    officials,
    open_data,
    records,
    timeline,
    topics,
)

urlpatterns = [
    path("", timeline.timeline, name="timeline"),
    path("officials/", officials.official_list, name="official_list"),
    path("officials/<slug:slug>/", officials.official_detail, name="official_detail"),
    path("topics/", topics.topic_list, name="topic_list"),
    path("topics/<slug:slug>/", topics.topic_detail, name="topic_detail"),
    path("compare/", compare.compare_officials, name="compare"),
    path("statements/<int:pk>/", records.statement_detail, name="statement_detail"),
    path("claims/<int:pk>/", records.claim_detail, name="claim_detail"),
    path("export.csv", exports.export_rows, {"extension": "csv"}, name="export_csv"),
    path("export.json", exports.export_rows, {"extension": "json"}, name="export_json"),
    path("feed.atom", exports.claim_feed, name="claim_feed"),
    path("feed/", exports.feed_page, name="feed_page"),
    path("statement-timeline.sqlite3", open_data.open_data, name="open_data"),
    path(settings.ADMIN_URL, admin.site.urls),
]
