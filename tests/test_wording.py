from statements.wording import (
    AGREES,
    DIFFERS,
    SINGLE_SOURCE,
    Piece,
    comparable_words,
    marked_differences,
    wording_of,
)


def test_one_text_is_a_single_source():
    assert wording_of(["We will build it."]) == SINGLE_SOURCE
    assert wording_of([]) == SINGLE_SOURCE


def test_how_a_newsroom_sets_a_quote_is_not_a_difference_of_wording():
    assert (
        wording_of(
            [
                "We  will build the “new” bridge,",
                'we will build the "new"\nbridge.',
                "We will build the «new» bridge",
            ]
        )
        == AGREES
    )


def test_another_word_or_a_word_more_is_a_difference_of_wording():
    assert wording_of(["We will build the bridge.", "We will build a bridge."]) == DIFFERS
    assert wording_of(["We will build the bridge.", "We will build the bridge soon."]) == DIFFERS
    assert wording_of(["We will not build it.", "We will build it."]) == DIFFERS


def test_case_is_ignored_only_for_the_first_letter():
    assert comparable_words("We met Aliyev") == ["we", "met", "Aliyev"]
    assert wording_of(["We met Aliyev.", "We met aliyev."]) == DIFFERS


def test_the_differences_are_marked_in_the_words_as_printed():
    pieces = marked_differences("We will build “the” bridge by 2027.", "we will build a bridge.")
    assert pieces == [
        Piece("We will build", differs=False),
        Piece("“the”", differs=True),
        Piece("bridge", differs=False),
        Piece("by 2027.", differs=True),
    ]
