"""A listed claim's topics, read by the claims' own query as (slug, name) pairs.

Prefetching a page's topics built a related manager and a queryset for each of its fifty
claims: 7 ms of the 15 a page's claims took to fetch at a million claims (bench/README.md),
where the database's part of it is a fraction of a millisecond.
"""

from django.db.models import F, Func, JSONField

from statements.models import Claim


class TopicLinks(Func):
    """The claim's topics as a JSON list of [slug, name], in the topics' own order (by name)."""

    output_field = JSONField()
    topics = (
        "SELECT t.slug, t.name FROM statements_topic t JOIN statements_claim_topics ct "
        "ON ct.topic_id = t.id WHERE ct.claim_id = %(expressions)s ORDER BY t.name"
    )
    joined = {
        "sqlite": "(SELECT json_group_array(json_array(slug, name)) FROM ({topics}))",
        "postgresql": "(SELECT json_agg(json_build_array(slug, name))::text FROM ({topics}) AS t)",
    }

    def __init__(self, id_field: str = "id") -> None:
        super().__init__(F(id_field))

    def as_sql(self, compiler, connection, **extra):
        template = self.joined[connection.vendor].format(topics=self.topics)
        return super().as_sql(compiler, connection, template=template, **extra)


def topic_links(claim: Claim) -> list[tuple[str, str]]:
    """(slug, name) of each of the claim's topics: read with the claim when it was listed
    (`TopicLinks` as `listed_topics`), else from its topics."""
    listed = getattr(claim, "listed_topics", None)
    if listed is not None:
        return [(slug, name) for slug, name in listed]
    return [(topic.slug, topic.name) for topic in claim.topics.all()]
