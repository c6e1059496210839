"""Full-text search: words, phrases, prefixes, highlighting, and an index that follows edits."""

import pytest
from django.db.models import Case, Value, When

from statements.models import Claim, Evidence
from statements.public.search import Term, highlight, parse, search_claims
from tests.factories import make_claim, make_official, make_statement
from tests.test_views import claim_labels, get_html, listed_claim_ids

pytestmark = pytest.mark.django_db


def found(text: str) -> list[str]:
    return claim_labels(list(search_claims(Claim.objects.all(), text).values_list("pk", flat=True)))


def test_a_query_is_read_as_words_phrases_and_a_final_prefix():
    assert parse('Lachin "illegal regime" road') == [
        Term(("Lachin",)),
        Term(("illegal", "regime")),
        Term(("road",), prefix=True),
    ]
    assert parse('"closer to peace"') == [Term(("closer", "to", "peace"))]
    assert parse("!!! ???") == []


def test_every_word_must_match_in_any_field(seeded):
    assert found("Lachin Aghdam") == ["T8", "T11"]
    assert found("Phoenix peace treaty") == ["P9", "P10"]


def test_a_quoted_phrase_must_match_word_for_word(seeded):
    assert found('"calmest in the history"') == ["P5"]
    assert found('"history calmest"') == []
    assert found("calmest history") == ["P5"]


def test_the_last_word_matches_as_a_prefix_for_search_as_you_type(seeded):
    assert found("Khanken") == ["T11"]
    assert found("regime Khanken") == ["T11"]
    assert found("Khanken regime") == []


def test_case_does_not_matter(seeded):
    assert found("KHANKENDI") == found("khankendi") == ["T11"]


def test_a_query_of_punctuation_alone_filters_nothing(seeded):
    assert len(found("!!!")) == 25


def test_non_latin_words_are_found():
    statement = make_statement(source_text="Он сказал: Мир близок как никогда. Конец.")
    make_claim(statement, "Мир близок как никогда.")
    assert search_claims(Claim.objects.all(), "близок").count() == 1
    assert search_claims(Claim.objects.all(), "мир").count() == 1


def test_the_index_follows_edits_to_claims_and_statements():
    statement = make_statement(headline="About bridges")
    claim = make_claim(statement, "We will build the bridge.")
    assert search_claims(Claim.objects.all(), "bridges").count() == 1
    claim.summary = "A promise about tunnels"
    claim.save()
    assert search_claims(Claim.objects.all(), "tunnels").count() == 1
    statement.headline = "About ferries"
    statement.save()
    assert search_claims(Claim.objects.all(), "ferries").count() == 1
    assert search_claims(Claim.objects.all(), "bridges").count() == 0
    claim.delete()
    assert search_claims(Claim.objects.all(), "tunnels").count() == 0


def test_the_index_follows_a_claim_to_another_statement_and_keeps_it_through_other_edits():
    official = make_official()
    bridges = make_statement(official, headline="About bridges", source_text="We will build it.")
    ferries = make_statement(official, headline="About ferries", source_text="Soon, we will.")
    claim = make_claim(bridges, "We will build it.", summary="A promise")
    Claim.objects.filter(pk=claim.pk).update(order=7, wording="quoted", version=claim.version + 1)
    assert search_claims(Claim.objects.all(), "bridges promise build").get() == claim
    Claim.objects.filter(pk=claim.pk).update(statement=ferries)
    assert search_claims(Claim.objects.all(), "ferries promise").get() == claim
    assert not search_claims(Claim.objects.all(), "bridges promise").exists()


def test_the_index_follows_claims_and_evidence_written_many_rows_at_once():
    words = ["alpha", "bravo", "charlie", "delta"]
    statement = make_statement(source_text=" ".join(f"Word {w}." for w in words))
    report = statement.reports.get()
    claims = Claim.objects.bulk_create(
        Claim(statement=statement, order=n, summary=f"Point {n}") for n in range(len(words))
    )
    assert [search_claims(Claim.objects.all(), f"point {n}").get() for n in range(4)] == claims
    text = report.source_text
    Evidence.objects.bulk_create(
        Evidence(
            claim=claim,
            report=report,
            quote=f"Word {w}.",
            span_start=text.index(f"Word {w}."),
            span_end=text.index(f"Word {w}.") + len(f"Word {w}."),
        )
        for claim, w in zip(claims, words, strict=True)
    )
    assert [search_claims(Claim.objects.all(), w).get() for w in words] == claims
    # The first two claims trade their words, in one statement.
    first, second = claims[:2]

    def swapped(words_of_first: str, words_of_second: str) -> Case:
        return Case(When(claim=first, then=Value(words_of_first)), default=Value(words_of_second))

    alpha, bravo = text.index("Word alpha."), text.index("Word bravo.")
    Evidence.objects.filter(claim__in=[first, second]).update(
        quote=swapped("Word bravo.", "Word alpha."),
        span_start=swapped(bravo, alpha),
        span_end=swapped(bravo + len("Word bravo."), alpha + len("Word alpha.")),
    )
    assert search_claims(Claim.objects.all(), "alpha").get() == second
    assert search_claims(Claim.objects.all(), "bravo").get() == first
    Evidence.objects.filter(claim__in=claims[2:]).delete()
    assert not search_claims(Claim.objects.all(), "charlie").exists()
    assert not search_claims(Claim.objects.all(), "delta").exists()


def test_matched_words_are_highlighted_and_escaped(client, seeded):
    html = get_html(client, "/?q=Khankendi")
    assert "regime in <mark>Khankendi</mark> that blocks" in html
    assert listed_claim_ids(html)
    html = get_html(client, "/?q=%3Cmark%3E")
    assert "Words: “&lt;mark&gt;”" in html


def test_highlighting_never_lets_markup_through():
    statement = make_statement(source_text="x <b>bold</b> & <script>bridge</script> y")
    make_claim(statement, "<b>bold</b> & <script>bridge</script>")
    marked = highlight("<b>bold</b> & <script>bridge</script>", "bridge")
    assert (
        marked == "&lt;b&gt;bold&lt;/b&gt; &amp; &lt;script&gt;<mark>bridge</mark>&lt;/script&gt;"
    )
