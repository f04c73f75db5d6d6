"""Property-based tests of the extraction pipeline (hypothesis): on any text extraction returns, every offset
lies inside the text and selects what the item says it does, and the output is strict JSON."""

import json
from datetime import UTC, datetime

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from extraction import Document, extract

# spaCy parses a short text in about 20 ms: enough examples to find a crash, few enough for CI.
PROPERTIES = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# News-like pieces that exercise every stage (names, speech verbs, quotation marks, figures, units, places,
# pronouns), joined in any order, beside text of any shape.
PIECES = [
    "Mayor", "Ingrid", "Halvorsen", "Dr.", "Mr", "the", "Ministry", "of", "Defence", "Reuters", "Kyiv", "Ukraine",
    "Tromsø", "Владимир", "Путин", "新华社", "said", "told", "reporters", "according", "to", "denied", "warned",
    "he", "she", "they", "it", "that", "\"", "“", "”", "'", "‘", "’", "«", "»", "(", ")", "—", "-", ",", ".", ":",
    ";", "?", "!", "12", "1,000", "3.5", "$5bn", "£40m", "per", "cent", "%", "about", "more", "than", "at", "least",
    "million", "billion", "boats", "people", "soldiers", "homes", "9" * 400, "1e400", "0", "-7", "½", "²",
    "\n", "\n\n", " ", "\t", "\u2028", "\u00a0", "\u200b", "😀", "e\u0301",
]
news_like = st.lists(st.sampled_from(PIECES), min_size=1, max_size=60).map(" ".join)
texts = st.one_of(news_like, st.text(min_size=1, max_size=300))
headlines = st.one_of(st.just("Storm floods harbour town"), st.text(min_size=1, max_size=60))


def nonblank(text: str) -> bool:
    return bool(text.strip())


@PROPERTIES
@given(headlines.filter(nonblank), st.one_of(st.none(), texts), texts.filter(nonblank))
@example("Prices", None, "Prices rose from 12 to")  # found by this test: a range cut off after "to" (IndexError)
def test_extraction_never_raises_and_every_offset_selects_its_item(title, subtitle, body):
    document = Document(title=title, subtitle=subtitle, body=body, published_at=datetime(2025, 1, 1, tzinfo=UTC))
    result = extract(document)
    text = document.text
    for entity in result.entities:
        assert entity.name
        for mention in entity.mentions:
            assert 0 <= mention.start < mention.end <= len(text)
            assert text[mention.start:mention.end] == mention.text
    for quote in result.quotes:
        assert 0 <= quote.start < quote.end <= len(text)
        assert quote.sentence in text
        if quote.kind == "indirect":
            assert text[quote.start:quote.end] == quote.text
        else:
            # A direct quote joins its pieces (a quote broken by "he said") with single spaces.
            assert all(word in text[quote.start:quote.end] for word in quote.text.split())
    for claim in result.claims:
        assert 0 <= claim.start < claim.end <= len(text)
        assert claim.text in text and text[claim.start:claim.end] in claim.text
        assert claim.quote_index is None or 0 <= claim.quote_index < len(result.quotes)
    output = json.dumps(result.to_dict(), allow_nan=False)
    assert json.loads(output)["article"]["body"] == document.body
