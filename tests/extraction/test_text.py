"""The text every stage reads: sentences (bounded), paragraphs, and the parse's look-ups."""

from extraction.text import MAX_SENTENCE_TOKENS, Text, split_sentences


def test_an_unpunctuated_flood_is_cut_into_bounded_sentences_that_keep_every_token():
    words = ["said"] * (MAX_SENTENCE_TOKENS * 2 + 7)
    sentences = split_sentences(" ".join(words))
    assert [len(s.tokens) for s in sentences] == [MAX_SENTENCE_TOKENS, MAX_SENTENCE_TOKENS, 7]
    # Positive control: an ordinary sentence is left whole.
    assert len(split_sentences("The mayor said the pier would reopen on Monday.")) == 1


def test_sentences_and_paragraphs_carry_their_offsets():
    text = Text("Headline here\n\nThe pier reopened. Crowds cheered.")
    assert [text.string[s.start:s.end] for s in text.sentences] == [
        "Headline here", "The pier reopened.", "Crowds cheered."]
    assert [s.paragraph for s in text.sentences] == [0, 1, 1]
    assert text.sentence_index(text.string.index("Crowds")) == 2


def test_the_parse_finds_tokens_by_offset_across_paragraphs_and_sentences():
    text = Text("First paragraph here.\n\nMayor Ana Ruiz said it. Then she left.")
    start = text.string.index("Ana")
    tokens = [token.text for token, _ in text.parse.tokens_between(start, start + len("Ana Ruiz"))]
    assert tokens == ["Ana", "Ruiz"]
    said, then = (next(t for t, _ in text.parse.tokens_between(text.string.index(w), len(text.string)))
                  for w in ("said", "Then"))
    mayor = next(t for t, _ in text.parse.tokens_between(text.string.index("Mayor"), len(text.string)))
    assert text.parse.same_sentence(mayor, said) and not text.parse.same_sentence(said, then)


def test_a_long_paragraph_is_read_in_chunks_whose_offsets_index_the_text():
    from extraction.nlp import MAX_CHUNK_CHARS

    paragraph = "The pier reopened on Monday and crowds cheered loudly. " * (MAX_CHUNK_CHARS // 40)
    text = Text(paragraph.strip())
    assert len(text.parse.docs) > 1
    for offset, doc in zip(text.parse.offsets, text.parse.docs, strict=True):
        assert text.string[offset:offset + len(doc.text)] == doc.text


def test_a_decimal_without_a_leading_zero_is_one_number_and_ends_no_sentence():
    sentences = split_sentences("Boston 70 62 .530 4\n\nIt rained. 12 fans stayed.")
    assert [[t.text for t in s.tokens] for s in sentences] == [
        ["Boston", "70", "62", ".530", "4"], ["It", "rained", "."], ["12", "fans", "stayed", "."],
    ]


def test_a_name_before_a_compound_suffix_is_its_own_token():
    [sentence] = split_sentences("A London-based firm and a state-run bank.")
    assert [t.text for t in sentence.tokens] == ["A", "London", "-", "based", "firm", "and", "a", "state", "-", "run",
                                                 "bank", "."]


def test_a_prefix_joined_to_a_name_is_its_own_token():
    [sentence] = split_sentences("A pro-Kremlin party, a pro-rata cut.")
    assert [t.text for t in sentence.tokens] == ["A", "pro", "-", "Kremlin", "party", ",", "a", "pro-rata", "cut", "."]
