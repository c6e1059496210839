"""Which stored outlet a name in the article means, or whether to propose a new one.

Known outlets are recognised by name, slug and web domain ("trend.az" in a sign-off for an
outlet whose homepage is https://en.trend.az/). A name that is not stored is proposed as a new
outlet only when it looks like one ("Evening Post", "NTV", "caucasus-news.org"); a person's
name or a job title ("Interview with Foreign Policy Advisor") is never made an outlet.
"""

from dataclasses import dataclass
from urllib.parse import urlsplit

from django.db.models import Q
from django.utils.text import slugify

from statements.articles.outlets import looks_like_an_outlet
from statements.models import Outlet, content_hash


@dataclass(frozen=True)
class OutletChoice:
    """An outlet already stored, or a new one the text names, created with the drafts."""

    name: str
    outlet: Outlet | None = None

    @property
    def slug(self) -> str:
        return self.outlet.slug if self.outlet else outlet_slug(self.name)


def outlet_slug(name: str) -> str:
    """A slug for a new outlet; a name without Latin letters gets one from its hash."""
    return slugify(name) or f"outlet-{content_hash(name)[:8]}"


def domain_of(homepage: str) -> str:
    """The site's registered name: "https://en.trend.az/" → "trend.az"."""
    host = urlsplit(homepage).hostname or ""
    return ".".join(host.split(".")[-2:]) if host.count(".") >= 1 else ""


def known_outlet_names() -> dict[str, str]:
    """Every way the text may name a stored outlet, mapped to its stored name."""
    names: dict[str, str] = {}
    for name, homepage in Outlet.objects.values_list("name", "homepage"):
        names[name] = name
        domain = domain_of(homepage)
        if domain:
            names.setdefault(domain, name)
    return names


def outlet_named(name: str | None, known: dict[str, str], person_names: list[str]):
    """(choice, warning): the outlet the name means, a new one, or none with a reason."""
    if not name:
        return None, ""
    name = known.get(name, name)
    slug = outlet_slug(name)
    stored = Outlet.objects.filter(Q(name__iexact=name) | Q(slug=slug)).first()
    if stored:
        return OutletChoice(stored.name, stored), ""
    if looks_like_an_outlet(name, person_names):
        return OutletChoice(name), ""
    return None, (
        f"“{name}” is not a stored outlet and does not look like one (a person or a title?): "
        "left empty; choose the outlet by hand if the article names one."
    )
