"""The Content Security Policy on every response, DEBUG's error pages included."""

from dataclasses import asdict

from csp.constants import HEADER
from csp.middleware import CSPMiddleware
from csp.utils import build_policy
from django.conf import settings


class PolicyOnEveryPageMiddleware(CSPMiddleware):
    """django-csp sends no policy with DEBUG's 404 and 500 pages, whose inline styles it would
    block; those pages echo the request back, so here they keep it (and show unstyled)."""

    def process_response(self, request, response):
        response = super().process_response(request, response)
        exempt = getattr(response, "_csp_exempt", False)
        if settings.DEBUG and HEADER not in response and not exempt:
            parts = self.get_policy_parts(request=request, response=response)
            response[HEADER] = build_policy(**asdict(parts))
        return response
