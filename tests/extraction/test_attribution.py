"""The attribution stage: the speaker the parse gives, and how each was found. Sentences written for these
tests; each "finds nothing" case sits beside a positive control."""

import pytest

from extraction.attribution import confidence, parsed_source
from extraction.text import Text

from .helpers import quote, run


def parsed(sentence: str, quoted: str):
    text = Text(sentence)
    start = sentence.index(quoted)
    found = parsed_source(text, [(start, start + len(quoted))])
    return (sentence[found.start:found.end], found.method) if found else None


@pytest.mark.parametrize(("sentence", "quoted", "phrase", "method"), [
    ('"We will rebuild the pier," Mayor Ana Ruiz said.', "We will rebuild the pier,", "Mayor Ana Ruiz", "parse"),
    ('"Costs doubled," said Mark Ellis.', "Costs doubled,", "Mark Ellis", "parse"),
    ('The trust\'s director, Jane Doe, said: "Funding has collapsed."', "Funding has collapsed.", "Jane Doe",
     "apposition"),
    ('CEO of the Harbour Trust Mark Ellis told reporters: "Costs doubled."', "Costs doubled.",
     "CEO of the Harbour Trust Mark Ellis", "parse"),
    ('The ministry\'s statement said: "The road is closed."', "The road is closed.", "The ministry's statement",
     "parse"),
])
def test_the_subject_of_the_speech_verb_is_the_speaker(sentence, quoted, phrase, method):
    assert parsed(sentence, quoted) == (phrase, method)


def test_a_quote_no_speech_verb_governs_has_no_parsed_speaker():
    # Positive control first: the same words reported by someone.
    assert parsed('"Historic," Ana Ruiz said of the deal.', "Historic,") == ("Ana Ruiz", "parse")
    assert parsed('The "historic" deal was signed on Monday.', "historic") is None


def test_a_pronoun_prefers_the_person_named_as_a_subject():
    result = run('Paula Grant attacked the budget in a speech that praised Linda Hale. "This plan fails '
                 'the poorest families," she said.')
    found = quote(result, "This plan fails")
    assert (found.speaker, found.attribution) == ("Paula Grant", "pronoun")


def test_a_passive_agent_is_as_salient_as_a_subject():
    result = run('The cuts were criticised by Paula Grant at a meeting with Linda Hale. "We will not accept '
                 'this," she said.')
    assert quote(result, "We will not accept").speaker == "Paula Grant"


def test_each_attributed_quote_records_its_method_and_confidence():
    result = run('"We will rebuild the pier," Mayor Ana Ruiz said.\n\nThe "historic" deal was signed.')
    attributed = quote(result, "We will rebuild")
    assert attributed.attribution == "parse" and attributed.confidence == confidence("parse")
    unattributed = quote(result, "historic")
    assert unattributed.speaker is None and unattributed.attribution is None and unattributed.confidence is None


def test_confidence_is_the_measured_table_and_none_without_a_method():
    assert 0 < confidence("parse") <= 1 and 0 < confidence("pronoun") <= 1
    assert confidence("parse") > confidence("pronoun")  # what the development sets measured
    assert confidence(None) is None


def test_a_quote_interrupted_by_a_titled_speaker_is_theirs():
    result = run('"By locking in the deal," Mr. Obama said, "we could go to India and Brazil next."')
    found = quote(result, "By locking in the deal")
    assert found.speaker == "Obama" and found.speaker_text == "Mr. Obama"


def test_the_parse_reads_around_an_interruption_not_inside_it():
    sentence = '"By locking in the deal," Mr. Obama said, "we could go to India next."'
    text = Text(sentence)
    first, second = sentence.index("By locking"), sentence.index("we could")
    pieces = [(first, first + len("By locking in the deal,")), (second, second + len("we could go to India next."))]
    found = parsed_source(text, pieces)
    assert (sentence[found.start:found.end], found.method) == ("Mr. Obama", "parse")
    # Control: read as one stretch, the interruption is inside the quote and names no one.
    assert parsed_source(text, [(first, pieces[1][1])]) is None


def test_a_role_noun_is_the_last_person_named_with_that_title():
    result = run('Tom Baker, a builder, toured the pier with Mayor Ana Ruiz. "It reopens in May," the mayor said.')
    found = quote(result, "It reopens in May")
    assert (found.speaker, found.attribution) == ("Ana Ruiz", "role_noun")
    # Control: a title no one was named with falls back to the person last named as a subject.
    result = run('Tom Baker, a builder, toured the pier with Mayor Ana Ruiz. "It reopens in May," the official said.')
    assert quote(result, "It reopens in May").speaker == "Tom Baker"


def test_every_method_has_a_measured_or_pooled_confidence():
    from extraction.attribution import CONFIDENCE, METHODS

    assert "*" in CONFIDENCE
    assert all(0 < confidence(method) <= 1 for method in METHODS)


def test_a_partial_quote_takes_the_nearest_named_clause_subject():
    result = run('Ana Ruiz compared the plan to a builder who is "cutting every corner" to save money.')
    found = quote(result, "cutting every corner")
    assert (found.speaker, found.attribution) == ("Ana Ruiz", "clause_subject")
    # Control: no named subject above the quote, so no guess.
    result = run('The need for "urgent repairs" grew every year.')
    assert quote(result, "urgent repairs").speaker is None
