"""The importer reads any house style: names in every spelling, titles, verbs, Q&A, long quotes."""

import pytest

from statements.articles.cast import read_for_speakers
from statements.articles.evaluation import evaluate
from statements.articles.names import name_key
from statements.articles.proposal import read_article
from statements.articles.recall import seed_recall
from statements.articles.speakers import Speaker
from statements.models import ClaimKind

HAJIYEV = Speaker("Hikmet Hajiyev", ("Hajiyev",))
KOVAC = Speaker("Marta Kovac")


def claims(text: str, speaker: Speaker = HAJIYEV) -> list[tuple[str, str]]:
    found = []
    for statement in read_article(text, speaker).statements:
        source = statement.source_text
        found += [(c.kind, source[c.span_start : c.span_end]) for c in statement.claims]
    return found


def words_of(text: str, speaker: Speaker = HAJIYEV) -> list[str]:
    return [words for _, words in claims(text, speaker)]


@pytest.mark.parametrize(
    ("written", "stored"),
    [
        ("Hacıyev", "Hajiyev"),
        ("Hikmat", "Hikmet"),
        ("Qasımova", "Gasimova"),
        ("Lavrentiev", "Lavrentyev"),
        ("Sergey", "Sergei"),
        ("Elçin", "Elchin"),
        ("Məmmədov", "Mammadov"),
        ("Kovač", "Kovac"),
    ],
)
def test_transliterations_and_diacritics_share_a_name_key(written, stored):
    assert name_key(written) == name_key(stored)


def test_a_feminine_surname_is_another_person():
    assert name_key("Aliyeva") != name_key("Aliyev")


@pytest.mark.parametrize(
    "sentence",
    [
        "Peace is closer than ever, H. Hajiyev said on Monday.",
        "Peace is closer than ever, Hikmat Hacıyev said on Monday.",
        "Peace is closer than ever, said Presidential Assistant Hikmat Hajiyev at the briefing.",
        "Deputy Head of the Foreign Policy Department Hikmet Hajiyev said that peace is closer "
        "than ever.",
        "Speaking to reporters, the head of the department, Hikmet Hajiyev, stressed that peace is "
        "closer than ever.",
        "Hajiyev has repeatedly underlined that peace is closer than ever.",
        "Hajiyev expressed hope that peace is closer than ever.",
        "Hajiyev told TASS that peace is closer than ever.",
        "In his words, peace is closer than ever.",
        "In Hajiyev's view, peace is closer than ever.",
        "Hikmet Hajiyev (Assistant to the President) says peace is closer than ever.",
    ],
)
def test_attribution_in_any_spelling_title_and_tense(sentence):
    text = f" date 2024-05-02\nHikmet Hajiyev spoke in Baku.\n\n{sentence}"
    assert any("peace is closer than ever" in words.lower() for words in words_of(text))


def test_a_feeling_expressed_about_something_is_a_position():
    text = " date 2024-05-02\nHajiyev expressed optimism about the prospects of the peace treaty."
    assert words_of(text) == ["about the prospects of the peace treaty"]


def test_he_said_after_a_title_first_attribution_stays_with_the_official():
    text = (
        " date 2024-05-02\nTalks will resume in June, said Presidential Assistant Hikmat Hajiyev "
        'at the briefing today.\n\n"We are ready to sign the treaty this year," he said.'
    )
    assert words_of(text) == [
        "Talks will resume in June",
        "We are ready to sign the treaty this year",
    ]


def test_a_report_followed_by_a_quotation_gives_both_claims():
    text = (
        " date 2024-05-02\nHajiyev said that the presence of the mission continues to pose a "
        'threat to peace in the region: "We have warned our partners about it many times."'
    )
    assert claims(text) == [
        (
            ClaimKind.PARAPHRASE,
            "the presence of the mission continues to pose a threat to peace in the region",
        ),
        (ClaimKind.QUOTE, "We have warned our partners about it many times."),
    ]


def test_adding_that_after_a_quotation_reports_a_position_too():
    text = (
        ' date 2024-05-02\n"We are ready to sign," Hajiyev said, adding that the border '
        "commissions would meet in June."
    )
    assert claims(text) == [
        (ClaimKind.QUOTE, "We are ready to sign"),
        (ClaimKind.PARAPHRASE, "the border commissions would meet in June"),
    ]


def test_answers_under_the_speakers_initials_and_short_requests_as_questions():
    text = (
        " date 2024-05-02\nAn interview with Hikmet Hajiyev\n\n"
        "Evening Post: Tell us about the treaty.\n\nH.H.: The text is agreed in all its parts.\n\n"
        "Evening Post: And the border?\n\nH.H.: The commissions meet every month now."
    )
    assert words_of(text) == [
        "The text is agreed in all its parts.",
        "The commissions meet every month now.",
    ]


def test_said_he_after_another_persons_name_is_not_the_official():
    text = (
        ' date 2024-05-02\n"We will sign," Hajiyev said.\n\nA farmer, Giorgi Beridze, said he '
        'had never seen the river so low. "It was a meadow in August," he said.'
    )
    assert words_of(text) == ["We will sign"]


def test_in_a_dialogue_of_dashes_a_line_between_two_answers_asks():
    text = (
        " date 2024-05-02\nAn interview with Hikmet Hajiyev\n\n— When will you sign?\n\n"
        "— We hope to sign it before the winter.\n\n— Your view on the border talks.\n\n"
        "— The commissions meet every month now."
    )
    assert words_of(text) == [
        "We hope to sign it before the winter.",
        "The commissions meet every month now.",
    ]


def test_points_listed_after_a_lead_naming_the_official_are_positions():
    text = (
        " date 2024-05-02\nAt the meeting, Hikmet Hajiyev made the following points:\n\n"
        "- The treaty text is agreed.\n- The border commissions meet monthly.\n\n"
        "Twelve ambassadors attended.\n\n- A list nobody introduced stays out."
    )
    assert claims(text) == [
        (ClaimKind.PARAPHRASE, "The treaty text is agreed."),
        (ClaimKind.PARAPHRASE, "The border commissions meet monthly."),
    ]


def test_initials_glued_to_the_surname_attribute_a_quotation():
    text = ' date 2024-05-02\n"The corridor is no longer a slogan", - H.Hajiyev said.'
    assert words_of(text) == ["The corridor is no longer a slogan"]


def test_an_unnamed_official_in_the_lede_is_the_one_named_next():
    text = (
        " date 2024-05-02\nBaku is ready for new talks, a senior Azerbaijani official said on "
        'Monday.\n\n"We will come to Geneva," Hikmet Hajiyev told reporters.\n\n'
        "Later, a senior official said that the border would stay closed."
    )
    assert words_of(text) == ["Baku is ready for new talks", "We will come to Geneva"]
    others = {"hajiyev": HAJIYEV, "kovac": KOVAC}
    text_with_kovac = text + "\n\nKovac said nothing."
    reading = read_for_speakers(text_with_kovac, others)["hajiyev"]
    said = [s.source_text[c.span_start : c.span_end] for s in reading.statements for c in s.claims]
    assert said == ["We will come to Geneva"]


def test_a_press_conference_transcript_gives_every_paragraph_under_the_officials_name():
    text = (
        " date 2024-05-02\nHajiyev: Good afternoon. The treaty text is agreed in full.\n\n"
        "Anna Petrenko, Evening Post: When will it be signed?\n\n"
        "Hajiyev: Before the winter, if Yerevan keeps its word.\n\n"
        "Ivan Sorokin, Daily Courier: And the border?\n\nHajiyev: The commissions meet monthly."
    )
    assert words_of(text) == [
        "Good afternoon. The treaty text is agreed in full.",
        "Before the winter, if Yerevan keeps its word.",
        "The commissions meet monthly.",
    ]


def test_a_profile_dates_each_recalled_quote_and_keeps_their_venues_apart():
    text = (
        " date 2025-12\nHikmet Hajiyev has spoken about the corridor for years.\n\n"
        "In a 2018 interview with Evening Post, he predicted that the route would carry ten "
        'million tonnes.\n\nThree years ago he told Radio Danube: "Sanctions made the side road '
        'a main road."\n\nThis month Hajiyev said that the target had been reached.'
    )
    statements = read_article(text, HAJIYEV).statements
    dated = [(s.date.isoformat(), s.date_precision, s.venue) for s in statements]
    assert dated == [
        ("2025-12-01", "month", None),
        ("2018-01-01", "year", "Evening Post"),
        ("2022-01-01", "year", "Radio Danube"),
    ]


def test_saying_after_a_verb_that_reports_nothing_is_a_position():
    text = (
        ' date 2024-05-02\n"We are ready," Hajiyev said.\n\nThe presidential aide also touched '
        "upon the ferry terminal, saying it would open in May."
    )
    assert words_of(text) == ["We are ready", "it would open in May"]


def test_quoted_names_and_scare_quotes_are_never_claims():
    text = (
        ' date 2024-05-02\nHajiyev said the "Belt and Road" project and the so-called '
        '"peace dividend" were discussed.'
    )
    assert [kind for kind, _ in claims(text)] == [ClaimKind.PARAPHRASE]


QA_LAYOUTS = {
    "dashes": "— {q}\n\n— {a}",
    "letters": "Q: {q}\n\nA: {a}",
    "words": "Question: {q}\n\nAnswer: {a}",
    "named": "Evening Post: {q}\n\nHajiyev: {a}",
    "plain": "{q}\n\n{a}",
}


@pytest.mark.parametrize("layout", QA_LAYOUTS.values(), ids=QA_LAYOUTS.keys())
def test_answers_of_a_qa_interview_are_quotes_and_questions_never_are(layout):
    pairs = [
        ("Mr Hajiyev, when will the treaty be signed?", "We hope to sign it before the winter."),
        ("What about the border?", "The border commissions meet every month now."),
    ]
    exchange = "\n\n".join(layout.format(q=q, a=a) for q, a in pairs)
    text = f" date 2024-05-02\nAn interview with Hikmet Hajiyev\n\n{exchange}\n\nThank you."
    assert claims(text) == [
        (ClaimKind.QUOTE, "We hope to sign it before the winter."),
        (ClaimKind.QUOTE, "The border commissions meet every month now."),
    ]


def test_a_long_quotation_is_split_into_claims_of_a_few_sentences():
    sentences = [
        f"Position number {n} is stated here in a sentence of some length." for n in range(12)
    ]
    text = f' date 2024-05-02\n"{" ".join(sentences)}" Hajiyev said.'
    quotes = words_of(text)
    assert len(quotes) >= 4
    assert all(len(quote) <= 320 for quote in quotes)
    assert " ".join(quotes) == " ".join(sentences)


def test_every_official_quoted_gets_a_reading_of_their_own():
    text = (
        ' date 2024-09-20\nMinister Marta Kovač said that reservoirs were needed. "We cannot '
        'wait for others," she said.\n\nHajiyev argued that the river was drying out.'
    )
    readings = read_for_speakers(text, {"hajiyev": HAJIYEV, "kovac": KOVAC})
    said = {
        key: [s.source_text[c.span_start : c.span_end] for s in r.statements for c in s.claims]
        for key, r in readings.items()
    }
    assert said == {
        "kovac": ["reservoirs were needed", "We cannot wait for others"],
        "hajiyev": ["the river was drying out"],
    }
    assert readings["kovac"].statements[0].whole_article
    assert not readings["hajiyev"].statements[0].whole_article


def test_a_direct_quote_leaves_its_summary_to_write():
    text = ' date 2024-05-02\n"We have turned the page and ensured peace," Hajiyev said.'
    statement = read_article(text, HAJIYEV).statements[0]
    assert [claim.summary for claim in statement.claims] == [""]
    assert statement.headline == "“We have turned the page and ensured peace”"


def test_every_curated_seed_position_is_overlapped_by_a_claim_of_at_most_700_characters():
    for result in seed_recall():
        assert result.matched == result.total, result.missed
        assert result.longest <= 700, result.source


def test_recall_and_precision_on_the_evaluation_set():
    scores = evaluate()
    assert len(scores) >= 12
    positions = sum(score.positions for score in scores)
    found = sum(score.found for score in scores)
    proposed = sum(score.proposed for score in scores)
    precise = sum(score.precise for score in scores)
    assert positions >= 50
    assert found / positions >= 0.85, [missed for score in scores for missed in score.missed]
    assert precise / proposed >= 0.90, [extra for score in scores for extra in score.imprecise]
    quiet = next(score for score in scores if score.style == "no attributable position")
    assert quiet.proposed == 0
