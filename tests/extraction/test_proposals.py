"""How the rules take the model's names: vetoes, with positive controls beside them."""

import pytest

from extraction.proposals import vetoed, without_article

from .helpers import entity, run


@pytest.mark.parametrize("name", ["Ukrainian", "UTC", "GMT", "Monday", "The", "1,200", "mps"])
def test_proposals_that_name_nothing_are_vetoed(name):
    assert vetoed(name)


@pytest.mark.parametrize("name", ["Goldman Sachs", "Kyiv", "Downing Street", "S-300"])
def test_real_names_pass(name):
    assert not vetoed(name)


def test_a_common_word_opening_a_headline_is_no_place():
    result = run("The metro in Kyiv reopened on Monday.", title="Metro reopens")
    assert {e.name for e in result.entities} == {"Kyiv"}


def test_time_zones_and_nationality_words_are_not_entities():
    result = run("Ukrainian officials met at 10:00 GMT in Kyiv, and Goldman Sachs analysts joined them.")
    names = {e.name for e in result.entities}
    assert {"Kyiv", "Goldman Sachs"} <= names  # positive control
    assert not names & {"Ukrainian", "GMT"}


def test_a_name_the_model_finds_with_its_article_is_taken_without_it():
    # No rule types "Federal Reserve" (no organisation head, no list); the model proposes "the Federal Reserve".
    result = run("Traders said the Federal Reserve was buying bonds.")
    reserve = entity(result, "Federal Reserve")
    assert reserve.type == "ORGANIZATION"
    assert [m.text for m in reserve.mentions] == ["Federal Reserve"]


def test_a_figure_the_model_reads_into_a_name_is_left_out_of_it():
    string = "Totals: the Kirby Group 84 in all"
    start, end = without_article(string, string.index("the"), string.index(" in"))
    assert string[start:end] == "Kirby Group"
    # Positive control: a name ending in a letter keeps its last word.
    start, end = without_article(string, string.index("Kirby"), string.index(" 84"))
    assert string[start:end] == "Kirby Group"


def test_a_man_or_woman_named_in_full_stays_a_person_when_the_model_sees_an_organisation():
    # The model reads "Lukas Brandt" as an organisation; a first name of one sex makes it a person.
    result = run("A header from Lukas Brandt was saved by Jonas Weber.")
    assert entity(result, "Lukas Brandt").type == "PERSON"
    assert entity(result, "Jonas Weber").type == "PERSON"
