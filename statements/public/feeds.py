"""An Atom feed of every filtered view: the newest claims first."""

from datetime import datetime, time

from django.contrib.syndication.views import Feed
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed

from statements.models import Claim
from statements.public.filters import NOT_IN_XML, ClaimFilter
from statements.public.share_cards import attribution, claim_heading
from statements.public.site_address import absolute_url

FEED_LENGTH = 50


def xml_safe(value):
    if isinstance(value, str):
        return NOT_IN_XML.sub("", value)
    if isinstance(value, list | tuple):
        return [xml_safe(item) for item in value]
    return value


class XMLSafeAtom1Feed(Atom1Feed):
    """Atom that drops the characters XML cannot hold, where Django's would fail with a 500."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **{name: xml_safe(value) for name, value in kwargs.items()})

    def add_item(self, *args, **kwargs) -> None:
        super().add_item(*args, **{name: xml_safe(value) for name, value in kwargs.items()})

    def add_item_elements(self, handler, item) -> None:
        """Atom's own elements, then a `via` link to each report of the statement that has a
        web address, titled with its outlet."""
        super().add_item_elements(handler, item)
        for outlet, url in item.get("reports", ()):
            if url:
                handler.addQuickElement("link", "", {"rel": "via", "href": url, "title": outlet})


def named_reports(claim: Claim) -> list[tuple[str, str]]:
    """(outlet, web address) of each report of the claim's statement, in the reports' order."""
    reports = claim.statement.reports.all()  # prefetched with the claims
    return [
        (report.outlet.name if report.outlet else "Unknown outlet", report.web_source_url)
        for report in reports
    ]


class ClaimFeed(Feed):
    feed_type = XMLSafeAtom1Feed
    description_template = "feeds/claim_description.html"

    def get_object(self, request: HttpRequest) -> ClaimFilter:
        """The filtered view; the view in front of the feed has refused invalid filters."""
        self.query = request.GET.urlencode()
        return ClaimFilter(request.GET, request=request)

    def title(self, filterset: ClaimFilter) -> str:
        labels = [part.label for part in filterset.parts()]
        return "Statement Timeline" + (": " + ", ".join(labels) if labels else "")

    def subtitle(self, filterset: ClaimFilter) -> str:
        return "What public officials said, claim by claim, newest first."

    # Absolute on the configured address: Django would otherwise prefix the request's Host.
    def link(self, filterset: ClaimFilter) -> str:
        return absolute_url(reverse("timeline") + (f"?{self.query}" if self.query else ""))

    def feed_url(self, filterset: ClaimFilter) -> str:
        return absolute_url(reverse("claim_feed") + (f"?{self.query}" if self.query else ""))

    def items(self, filterset: ClaimFilter):
        return filterset.qs[:FEED_LENGTH]

    def item_title(self, claim: Claim) -> str:
        return claim_heading(claim)

    def item_link(self, claim: Claim) -> str:
        return absolute_url(claim.get_absolute_url())

    def get_context_data(self, **kwargs) -> dict:
        claim = kwargs["item"]
        context = {"by": attribution(claim.statement), "reports": named_reports(claim)}
        return super().get_context_data(**kwargs) | context

    def item_extra_kwargs(self, claim: Claim) -> dict:
        return {"reports": named_reports(claim)}

    def item_pubdate(self, claim: Claim) -> datetime:
        return timezone.make_aware(datetime.combine(claim.statement.date, time()))

    def item_updateddate(self, claim: Claim) -> datetime:
        return claim.statement.modified

    def item_author_name(self, claim: Claim) -> str:
        return claim.statement.official.name

    def item_categories(self, claim: Claim) -> list[str]:
        return [topic.name for topic in claim.topics.all()]
