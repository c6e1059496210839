"""The site's URLs and one view that fails, for checking what an error page carries."""

from django.urls import path

from statements.config.urls import urlpatterns as site_urlpatterns


def fail(request):
    raise RuntimeError("a failure on purpose")


urlpatterns = [path("fail/", fail), *site_urlpatterns]
