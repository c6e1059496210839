"""schema.org descriptions of claims, for search engines and other machines reading our pages."""

from statements.models import Claim
from statements.public.links import web_address


def person(claim: Claim, absolute) -> dict:
    official = claim.statement.official
    return {"@type": "Person", "name": official.name, "url": absolute(official.get_absolute_url())}


def describe_claim(claim: Claim, absolute) -> dict:
    """A direct quote as a Quotation, a reported position as a Claim, with who, when and where."""
    statement = claim.statement
    data = {
        "@type": "Quotation" if claim.quote else "Claim",
        "@id": absolute(claim.get_absolute_url()),
        "url": absolute(claim.get_absolute_url()),
        "abstract": claim.text,
        "dateCreated": statement.date_iso,
        "about": [{"@type": "Thing", "name": topic.name} for topic in claim.topics.all()],
        "isPartOf": {
            "@type": "CreativeWork",
            "name": statement.headline,
            "url": absolute(statement.get_absolute_url()),
        },
    }
    if claim.quote:
        speaker = person(claim, absolute)
        data |= {"text": claim.quote, "spokenByCharacter": speaker, "creator": speaker}
    else:
        data |= {"text": claim.text, "author": person(claim, absolute)}
    if statement.reporting_outlet:
        data["publisher"] = {"@type": "Organization", "name": statement.reporting_outlet.name}
    if web_address(statement.source_url):
        data["isBasedOn"] = statement.source_url
    return data


def structured_data(claims: list[Claim], absolute) -> dict:
    """The JSON-LD document of a page showing these claims."""
    return {
        "@context": "https://schema.org",
        "@graph": [describe_claim(c, absolute) for c in claims],
    }
