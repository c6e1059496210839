"""schema.org descriptions of claims, for search engines and other machines reading our pages.

Every URL is on the site's configured address (statements/public/site_address.py).
"""

from statements.models import Claim
from statements.public.site_address import absolute_url


def person(claim: Claim) -> dict:
    official = claim.statement.official
    return {
        "@type": "Person",
        "name": official.name,
        "url": absolute_url(official.get_absolute_url()),
    }


def describe_claim(claim: Claim) -> dict:
    """A direct quote as a Quotation, a reported position as a Claim, with who, when and where."""
    statement = claim.statement
    speaker = person(claim)
    data = {
        "@type": "Quotation" if claim.quote else "Claim",
        "@id": absolute_url(claim.get_absolute_url()),
        "url": absolute_url(claim.get_absolute_url()),
        "name": f"{statement.official.name}: {claim.summary or claim.quote or claim.evidence}",
        "abstract": claim.summary,
        "dateCreated": statement.date_iso,
        "about": [{"@type": "Thing", "name": topic.name} for topic in claim.topics.all()],
        "isPartOf": {
            "@type": "CreativeWork",
            "name": statement.headline,
            "url": absolute_url(statement.get_absolute_url()),
        },
    }
    if claim.quote:
        data |= {"text": claim.quote, "spokenByCharacter": speaker, "creator": speaker}
    else:
        data |= {"text": claim.summary, "author": speaker}
    report = statement.main_report
    if report and report.outlet:
        data["publisher"] = {"@type": "Organization", "name": report.outlet.name}
    if report and report.web_source_url:
        data["isBasedOn"] = report.web_source_url
    return data


def structured_data(claims: list[Claim]) -> dict:
    """The JSON-LD document of a page showing these claims."""
    return {
        "@context": "https://schema.org",
        "@graph": [describe_claim(c) for c in claims],
    }
