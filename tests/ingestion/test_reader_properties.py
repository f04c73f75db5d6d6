"""Property-based tests of the document readers (hypothesis): whatever the text, bytes or JSON, a reader
returns a document or raises DocumentError, and a file reader reports each record as a document or an error,
never crashes and never falls back to its catch-all for faults nobody foresaw."""

import json
import tempfile
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extraction import Document, DocumentError, decode_text, document_from_record, parse_seed_text
from ingestion.readers import count_documents, read_file

PROPERTIES = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Dates at the ends of the calendar in any zone: the kind of value that once raised OverflowError.
zones = st.builds(lambda minutes: timezone(timedelta(minutes=minutes)), st.integers(-23 * 60 - 59, 23 * 60 + 59))
calendar_ends = st.sampled_from([datetime(1, 1, 1), datetime(1, 1, 1, 23, 59), datetime(9999, 12, 31),
                                 datetime(9999, 12, 31, 23, 59, 59)])
moments = st.one_of(
    st.datetimes(min_value=datetime(1, 1, 1), max_value=datetime(9999, 12, 31, 23, 59, 59), timezones=zones),
    st.builds(lambda moment, zone: moment.replace(tzinfo=zone), calendar_ends, zones),
)
date_strings = st.one_of(
    moments.map(datetime.isoformat),
    moments.map(lambda moment: moment.strftime("%d %B %Y %H:%M ") + moment.strftime("%z")),
    moments.map(lambda moment: moment.strftime("%A, %d %B %Y - %H:%M UTC Full article")),
    st.text(max_size=40),
)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=12,
)
field_values = st.one_of(st.text(), json_values)
records = st.fixed_dictionaries({}, optional={
    "title": field_values, "body": field_values, "published_at": st.one_of(date_strings, json_values),
    "subtitle": field_values, "source": field_values,
    "url": st.one_of(st.text().map(lambda tail: f"https://{tail}"), field_values),
})
# Text shaped like a seed file (headline, date line, standfirst, body) as often as text of any shape.
seed_texts = st.one_of(
    st.text(),
    st.builds(lambda title, date, parts, newline: newline.join([title, "", date, "", *parts]),
              st.text(max_size=60), date_strings, st.lists(st.text(max_size=80), max_size=4),
              st.sampled_from(["\n", "\r\n", "\r", "\u2028"])),
)


def assert_document(document: Document) -> None:
    assert isinstance(document, Document)
    assert document.title.strip() and document.body.strip()
    assert document.published_at is None or document.published_at.utcoffset() == timedelta(0)
    assert document.text.startswith(document.title) and document.text.endswith(document.body)


@PROPERTIES
@given(seed_texts)
def test_seed_text_reads_into_a_document_or_a_document_error(text):
    try:
        document = parse_seed_text(text)
    except DocumentError as error:
        assert error.reason and (error.line is None or error.line >= 1)
        return
    assert_document(document)


@PROPERTIES
@given(st.one_of(json_values, records))
def test_a_json_value_reads_into_a_document_or_a_document_error(record):
    try:
        document = document_from_record(record)
    except DocumentError as error:
        assert error.reason
        return
    assert_document(document)
    assert document.published_at is None or document.published_at.tzinfo == UTC


@PROPERTIES
@given(st.binary())
def test_bytes_decode_to_text_or_a_document_error_naming_the_line(raw):
    try:
        text = decode_text(raw)
    except DocumentError as error:
        assert 1 <= error.line <= raw.count(b"\n") + 1
        return
    assert isinstance(text, str)


def file_contents():
    """What a .txt, .jsonl or .json file may hold: records as JSON, JSON of any shape, any bytes."""
    record_text = records.map(lambda record: json.dumps(record, ensure_ascii=False))
    lines = st.lists(st.one_of(record_text, json_values.map(json.dumps), st.text(max_size=30)), max_size=5)
    return st.one_of(
        lines.map(lambda items: "\n".join(items).encode("utf-8")),
        st.lists(records, max_size=4).map(lambda items: json.dumps(items).encode("utf-8")),
        seed_texts.map(lambda text: text.encode("utf-8")),
        st.binary(max_size=200),
    )


@PROPERTIES
@given(st.sampled_from([".txt", ".jsonl", ".json"]), file_contents())
def test_every_record_of_a_file_is_a_document_or_its_own_error(suffix, content):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"feed{suffix}"
        path.write_bytes(content)
        results = list(read_file(path))
        estimate = count_documents([Path(folder)])  # the progress bar's count never fails the load either
    if suffix == ".txt":
        assert len(results) == 1  # (an empty JSON array or JSON Lines file holds no record)
    assert estimate >= 0
    lines = content.count(b"\n") + 1
    for result in results:
        assert (result.document is None) != (result.error is None)
        # "cannot be read: <exception>" is the catch-all for faults no reader foresaw.
        assert result.error is None or not result.error.startswith("cannot be read:"), result.error
        if result.document is not None:
            assert_document(result.document)
        if suffix == ".jsonl" and result.line is not None:
            assert 1 <= result.line <= lines
