"""schema.org descriptions of claims, for search engines and other machines reading our pages.

Every URL is on the site's configured address (statements/public/site_address.py).
"""

from statements.models import Claim, Outlet, Report
from statements.public.site_address import absolute_url


def person(claim: Claim) -> dict:
    official = claim.statement.official
    return {
        "@type": "Person",
        "name": official.name,
        "url": absolute_url(official.get_absolute_url()),
    }


def organization(outlet: Outlet) -> dict:
    return {"@type": "Organization", "name": outlet.name}


def describe_report(report: Report) -> dict:
    """One outlet's report of the statement: a source the claim is based on."""
    headline = report.headline_as_printed or report.statement.headline
    work = {"@type": "CreativeWork", "name": headline}
    if report.outlet_id:
        work["publisher"] = organization(report.outlet)
    if report.web_source_url:
        work["url"] = report.web_source_url
    if report.published_on:
        work["datePublished"] = report.published_on.isoformat()
    return work | {"inLanguage": report.language}


def describe_claim(claim: Claim) -> dict:
    """A direct quote as a Quotation, a reported position as a Claim, with who, when and where;
    its publisher is the main report's outlet, and every report is a source it is based on."""
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
    main = statement.main_report
    if main is not None and main.outlet_id:
        data["publisher"] = organization(main.outlet)
    reports = statement.reports.all()  # prefetched with the claims: no query per claim
    if reports:
        data["isBasedOn"] = [describe_report(report) for report in reports]
    return data


def structured_data(claims: list[Claim]) -> dict:
    """The JSON-LD document of a page showing these claims."""
    return {
        "@context": "https://schema.org",
        "@graph": [describe_claim(c) for c in claims],
    }
