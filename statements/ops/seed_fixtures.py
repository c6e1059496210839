"""Turn the hand-curated seed annotations into a fixture with exact evidence offsets."""

import json
import re
import tomllib
import uuid
from datetime import date, datetime
from pathlib import Path

from statements.models import ClaimKind, DatePrecision, Rating, content_hash

# As migration 0014 names the statements it splits: a seed statement keeps its name whether it
# was loaded before that migration or after.
STATEMENT_NAMES = uuid.UUID("6f1d8f3e-2f4b-4d3c-9a57-1d2a7a3c5b10")
HEADER = re.compile(r"\s*date (\d{4})-(\d{2})(?:-(\d{2}))?")


class SeedError(Exception):
    """The annotation disagrees with its article."""


def read_source(path: Path) -> str:
    """The article exactly as received: no newline translation, no stripping."""
    with open(path, encoding="utf-8", newline="") as handle:
        return handle.read()


def header_date(text: str) -> tuple[date, str]:
    """The date on the article's first line, and its precision."""
    match = HEADER.match(text)
    if not match:
        raise SeedError("the article does not start with ' date YYYY-MM-DD' or ' date YYYY-MM'")
    year, month, day = match.groups()
    if day is None:
        return date(int(year), int(month), 1), DatePrecision.MONTH
    return date(int(year), int(month), int(day)), DatePrecision.DAY


def locate(text: str, evidence: str, label: str) -> int:
    """Offset of the only occurrence of evidence in text."""
    count = text.count(evidence)
    if count != 1:
        problem = "is not in the article" if count == 0 else f"occurs {count} times in the article"
        raise SeedError(f"{label}: the evidence {problem}: {evidence!r}")
    return text.index(evidence)


def require_in_text(text: str, needles: list[str], label: str) -> None:
    """Fail unless one of the needles occurs in the text, ignoring case."""
    if not any(needle.lower() in text.lower() for needle in needles if needle):
        raise SeedError(f"{label}: none of {needles!r} is in the article")


def load_annotations(directory: Path) -> dict:
    """Merge every annotation file in the directory, in file-name order."""
    keys = ("officials", "outlets", "topics", "statements", "position_changes")
    merged: dict = {key: [] for key in keys}
    for path in sorted(directory.glob("*.toml")):
        with open(path, "rb") as handle:
            annotation = tomllib.load(handle)
        merged["curated_at"] = annotation["curated_at"]
        for key in keys:
            merged[key].extend(annotation.get(key, []))
    return merged


def timestamp(value: datetime) -> str:
    return value.isoformat().replace("+00:00", "Z")


def official_records(annotation: dict, stamp: str) -> list[dict]:
    records = []
    for official in annotation["officials"]:
        fields = {
            "name": official["name"],
            "slug": official["slug"],
            "aliases": "\n".join(official.get("aliases", [])),
            "descriptions": "\n".join(official.get("descriptions", [])),
            "country": official.get("country", ""),
            "bio": official.get("bio", ""),
            "created": stamp,
            "modified": stamp,
        }
        records.append({"model": "statements.official", "fields": fields})
        for post in official.get("posts", []):
            post_fields = {
                "official": [official["slug"]],
                "role": post["role"],
                "organization": post.get("organization", ""),
                "start_date": str(post["start_date"]) if "start_date" in post else None,
                "end_date": str(post["end_date"]) if "end_date" in post else None,
            }
            records.append({"model": "statements.post", "fields": post_fields})
    return records


def named_records(model: str, items: list[dict], extra: tuple[str, ...]) -> list[dict]:
    """Records for outlets and topics: a name, a slug and a few optional text fields."""
    return [
        {
            "model": model,
            "fields": {
                "name": item["name"],
                "slug": item["slug"],
                **{key: item.get(key, "") for key in extra},
            },
        }
        for item in items
    ]


def check_statement(text: str, statement: dict, annotation: dict) -> None:
    """Fail if the statement's date, speaker, venue or outlet disagree with its article."""
    label = statement["source"]
    day, precision = header_date(text)
    if (day, precision) != (statement["date"], statement["date_precision"]):
        given = statement["date"]
        raise SeedError(f"{label}: the article is dated {day} ({precision}), not {given}")
    official = next(o for o in annotation["officials"] if o["slug"] == statement["official"])
    names = [official["name"], *official.get("aliases", []), *official.get("descriptions", [])]
    require_in_text(text, names, f"{label} speaker")
    outlets = {outlet["slug"]: outlet["name"] for outlet in annotation["outlets"]}
    for role in ("venue", "reporting_outlet"):
        require_in_text(text, [outlets[statement[role]]], f"{label} {role}")
    for field in ("title_as_given", "dateline"):
        if statement[field]:
            require_in_text(text, [statement[field]], f"{label} {field}")


def statement_uid(source_hash: str) -> str:
    return str(uuid.uuid5(STATEMENT_NAMES, source_hash))


def claim_records(text: str, statement: dict, order: int, claim: dict) -> list[dict]:
    """The claim, and its evidence in the statement's one report."""
    label = statement["source"]
    evidence = claim["evidence"]
    start = locate(text, evidence, f"{label} claim {order}")
    if claim["kind"] not in ClaimKind.values:
        raise SeedError(f"{label} claim {order}: unknown kind {claim['kind']!r}")
    source_hash = content_hash(text)
    uid = statement_uid(source_hash)
    fields = {
        "statement": [uid],
        "order": order,
        "summary": claim["summary"],
        "kind": claim["kind"],
        "topics": [[slug] for slug in claim["topics"]],
    }
    span = {
        "claim": [uid, order],
        "report": [source_hash],
        "is_main": True,
        "quote": evidence if claim["kind"] == ClaimKind.QUOTE else "",
        "span_start": start,
        "span_end": start + len(evidence),
    }
    return [
        {"model": "statements.claim", "fields": fields},
        {"model": "statements.evidence", "fields": span},
    ]


def report_record(text: str, statement: dict, stamp: str) -> dict:
    body_start = locate(text, statement["body_starts_with"], f"{statement['source']} body")
    fields = {
        "statement": [statement_uid(content_hash(text))],
        "order": 0,
        "outlet": [statement["reporting_outlet"]],
        "is_primary": False,
        "source_url": statement.get("source_url", ""),
        "published_on": None,
        "dateline": statement["dateline"],
        "headline_as_printed": statement["headline"],
        "title_as_given": statement["title_as_given"],
        "language": statement["language"],
        "source_text": text,
        "source_hash": content_hash(text),
        "body_start": body_start,
        "created": stamp,
        "modified": stamp,
    }
    return {"model": "statements.report", "fields": fields}


def statement_records(annotation: dict, sources: Path, stamp: str) -> list[dict]:
    records = []
    topic_slugs = {topic["slug"] for topic in annotation["topics"]}
    for statement in annotation["statements"]:
        text = read_source(sources / statement["source"])
        check_statement(text, statement, annotation)
        fields = {
            "uid": statement_uid(content_hash(text)),
            "official": [statement["official"]],
            "date": str(statement["date"]),
            "date_precision": statement["date_precision"],
            "kind": statement["kind"],
            "venue": [statement["venue"]],
            "headline": statement["headline"],
            "status": "published",
            "created": stamp,
            "modified": stamp,
        }
        records.append({"model": "statements.statement", "fields": fields})
        records.append(report_record(text, statement, stamp))
        for order, claim in enumerate(statement["claims"], start=1):
            unknown = set(claim["topics"]) - topic_slugs
            if unknown:
                raise SeedError(f"{statement['source']} claim {order}: unknown topics {unknown}")
            records.extend(claim_records(text, statement, order, claim))
    return records


def check_position_change(change: dict, statements: dict[str, dict], label: str) -> None:
    """Fail unless both statements are the official's, in date order, each with a claim on the
    topic, and the rating is one of the scale's."""
    if change["rating"] not in Rating.values:
        raise SeedError(f"{label}: unknown rating {change['rating']!r}")
    for side in ("earlier", "later"):
        statement = statements.get(change[side])
        if statement is None:
            raise SeedError(f"{label}: no statement annotated for {change[side]}")
        if statement["official"] != change["official"]:
            raise SeedError(f"{label}: {change[side]} is not {change['official']}'s statement")
        if not any(change["topic"] in claim["topics"] for claim in statement["claims"]):
            raise SeedError(f"{label}: {change[side]} has no claim on {change['topic']}")
    if statements[change["later"]]["date"] < statements[change["earlier"]]["date"]:
        raise SeedError(f"{label}: the later statement is dated before the earlier")


def position_change_records(annotation: dict, sources: Path, stamp: str) -> list[dict]:
    statements = {statement["source"]: statement for statement in annotation["statements"]}
    records = []
    for number, change in enumerate(annotation["position_changes"], start=1):
        check_position_change(change, statements, f"position change {number}")
        uids = {
            side: statement_uid(content_hash(read_source(sources / change[side])))
            for side in ("earlier", "later")
        }
        fields = {
            "official": [change["official"]],
            "topic": [change["topic"]],
            "earlier": [uids["earlier"]],
            "later": [uids["later"]],
            "rating": change["rating"],
            "note": change["note"],
            "status": "published",
            "created": stamp,
            "modified": stamp,
        }
        records.append({"model": "statements.positionchange", "fields": fields})
    return records


def build_fixture(annotations: Path, sources: Path) -> str:
    """The fixture as JSON text, identical for identical annotations and sources."""
    annotation = load_annotations(annotations)
    stamp = timestamp(annotation["curated_at"])
    records = [
        *official_records(annotation, stamp),
        *named_records("statements.outlet", annotation["outlets"], ("homepage",)),
        *named_records("statements.topic", annotation["topics"], ("description",)),
        *statement_records(annotation, sources, stamp),
        *position_change_records(annotation, sources, stamp),
    ]
    return json.dumps(records, indent=2, ensure_ascii=False) + "\n"
