from datetime import UTC, datetime

import pytest

from extraction import Document, DocumentError, decode_text, document_from_record, parse_seed_text
from extraction.document import parse_date_line

BODY = "First paragraph of the story.\n\nSecond paragraph of the story."


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("24th Thursday, February 2022 - 20:04 UTC Full article", datetime(2022, 2, 24, 20, 4, tzinfo=UTC)),
        ("1st Tuesday, March 2022 - 07:30 UTC", datetime(2022, 3, 1, 7, 30, tzinfo=UTC)),
        ("2nd March 2022 - 07:30 UTC Full article", datetime(2022, 3, 2, 7, 30, tzinfo=UTC)),
        ("Thursday, February 24, 2022", datetime(2022, 2, 24, tzinfo=UTC)),
        ("23rd Sep 2021 18:00 +02:00", datetime(2021, 9, 23, 16, 0, tzinfo=UTC)),
        ("2022-02-24T20:04:00Z", datetime(2022, 2, 24, 20, 4, tzinfo=UTC)),
    ],
)
def test_date_line_variants(line, expected):
    assert parse_date_line(line) == expected


def test_an_impossible_date_is_reported_with_its_line():
    with pytest.raises(DocumentError) as error:
        parse_seed_text("Headline\n\n30th Monday, February 2022 - 10:00 UTC\n\n" + BODY)
    assert error.value.line == 3
    assert "day is out of range" in str(error.value)


def test_standfirst_becomes_the_subtitle():
    document = parse_seed_text("Headline here\n\n3rd Monday, March 2025 - 08:15 UTC\n\nA short standfirst\n\n" + BODY)
    assert document.subtitle == "A short standfirst"
    assert document.body == BODY


def test_a_first_paragraph_that_is_a_sentence_is_body_not_subtitle():
    document = parse_seed_text("Headline here\n\n3rd March 2025\n\n" + BODY)
    assert document.subtitle is None
    assert document.body == BODY


def test_no_date_line_gives_no_date():
    document = parse_seed_text("Headline here\n\n" + BODY)
    assert document.published_at is None
    assert document.body == BODY


def test_windows_line_endings_and_byte_order_mark():
    raw = ("\ufeffHeadline here\r\n\r\n3rd March 2025 - 08:15 UTC\r\n\r\n" + BODY.replace("\n", "\r\n")).encode()
    document = parse_seed_text(decode_text(raw))
    assert document.title == "Headline here"
    assert document.body == BODY


def test_undecodable_bytes_are_named():
    with pytest.raises(DocumentError) as error:
        decode_text(b"Headline\n\nBody \xff here")
    assert error.value.line == 3
    assert "0xff" in str(error.value)


def test_empty_document_and_headline_only():
    with pytest.raises(DocumentError, match="empty"):
        parse_seed_text(" \n\n ")
    with pytest.raises(DocumentError, match="no body"):
        parse_seed_text("Just a headline\n")


def test_text_joins_title_subtitle_and_body_with_blank_lines():
    document = parse_seed_text("Title\n\n3rd March 2025\n\nSub\n\n" + BODY)
    assert document.text == "Title\n\nSub\n\n" + BODY
    assert document.text[document.body_start:] == BODY


def test_records_are_checked_field_by_field():
    with pytest.raises(DocumentError) as error:
        document_from_record({"title": "T", "body": "B", "published_at": 5})
    assert error.value.field == "published_at"
    with pytest.raises(DocumentError) as error:
        document_from_record(["not", "an", "object"])
    document = document_from_record({"title": " Spaced   title ", "body": "B", "published_at": "2024-01-01"})
    assert document.title == "Spaced title"
    assert document.published_at == datetime(2024, 1, 1, tzinfo=UTC)


def test_a_text_over_the_size_limit_is_refused_with_its_length(monkeypatch):
    from extraction import pipeline

    monkeypatch.setattr(pipeline, "MAX_TEXT_CHARS", 60)
    fits = Document(title="Short", body="Officials said the bridge reopened.", published_at=datetime(2024, 1, 1, tzinfo=UTC))
    pipeline.extract(fits)  # positive control: at the limit or under it, a document is read
    too_long = Document(title="Long", body="Officials said the bridge reopened. " * 3,
                        published_at=datetime(2024, 1, 1, tzinfo=UTC))
    with pytest.raises(DocumentError, match="characters long; extraction reads at most 60"):
        pipeline.extract(too_long)
