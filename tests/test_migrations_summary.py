"""Migrations 0010–0012 on data stored before them: descriptions split from aliases, the claim's
`text` renamed `summary` with the full-text index still following it, and each statement's
article start set after its date marker."""

from datetime import date

import pytest

from statements.models import Claim, Official, Statement
from statements.public.search import search_claims
from statements.public.versions import data_version
from tests.migration_steps import migrate_to

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]

BEFORE = ("statements", "0007_data_version_posts")
TEXT = " date 2023-09-16\n\nThe minister said: We will build the bridge."


def test_stored_data_comes_through_the_migrations_and_stays_searchable():
    old = migrate_to(BEFORE)
    try:
        official = old.get_model("statements", "Official").objects.create(
            name="Ana Petrova", slug="ana", aliases="Petrova\nthe minister"
        )
        statement = old.get_model("statements", "Statement").objects.create(
            official=official,
            date=date(2023, 9, 16),
            kind="interview",
            headline="Bridges",
            source_text=TEXT,
            source_hash="x" * 64,
        )
        start = TEXT.index("We will")
        old.get_model("statements", "Claim").objects.create(
            statement=statement,
            text="A promise about zeppelins",
            quote="We will build the bridge.",
            span_start=start,
            span_end=start + len("We will build the bridge."),
        )
    finally:
        migrate_to(None)
    claim = Claim.objects.get()
    assert claim.summary == "A promise about zeppelins"
    assert list(search_claims(Claim.objects.all(), "zeppelins")) == [claim]
    claim.summary = "A promise about airships"
    claim.save()
    assert search_claims(Claim.objects.all(), "airships").count() == 1
    assert search_claims(Claim.objects.all(), "zeppelins").count() == 0
    moved = Official.objects.get()
    assert (moved.aliases, moved.descriptions) == ("Petrova", "the minister")
    report = Statement.objects.get().reports.get()
    assert report.source_text == TEXT
    assert report.article_text == "The minister said: We will build the bridge."
    assert claim.quote == "We will build the bridge." == claim.evidence
    # The tables SQLite rebuilt still change the data's version.
    before = data_version("default")
    Statement.objects.update(headline="Roads")
    after_statement = data_version("default")
    Official.objects.update(name="Ana P.")
    assert before != after_statement != data_version("default")
