from django.contrib import admin
from django.urls import path

from statements import views

urlpatterns = [
    path("", views.timeline, name="timeline"),
    path("officials/", views.official_list, name="official_list"),
    path("officials/<slug:slug>/", views.official_detail, name="official_detail"),
    path("statements/<int:pk>/", views.statement_detail, name="statement_detail"),
    path("export.csv", views.export_rows, {"extension": "csv"}, name="export_csv"),
    path("export.json", views.export_rows, {"extension": "json"}, name="export_json"),
    path("admin/", admin.site.urls),
]
