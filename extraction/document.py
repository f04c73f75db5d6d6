"""Reading documents: the seed text layout and JSON records, into `Document`.

The seed layout: the headline; a blank line; a date line such as
``24th Thursday, February 2022 - 20:04 UTC Full article``; a blank line; an
optional one-line standfirst; the body in paragraphs separated by blank lines.
The reader forgives what real feeds vary (ordinals, a missing weekday or
"Full article", no standfirst, CRLF line endings, a byte-order mark) and says
precisely, with the line number, what it cannot read.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone

from .types import PARAGRAPH_BREAK, Document

MAX_TITLE_LENGTH = 500
MAX_SUBTITLE_LENGTH = 1000
MAX_URL_LENGTH = 1000
MAX_SOURCE_LENGTH = 200
# A standfirst is one short line without the closing punctuation of a sentence.
MAX_STANDFIRST_WORDS = 40

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
            ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
            ("october", "oct"), ("november", "nov"), ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
            "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun"}

_WORD = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?|[+-]\d{2}:?\d{2}|[A-Za-z]+\.?|\d{1,4}(?:st|nd|rd|th)?\b|\S")
_TIME = re.compile(r"^(\d{1,2}):(\d{2})(?::(\d{2}))?$")
_OFFSET = re.compile(r"^([+-])(\d{2}):?(\d{2})$")
_DAY = re.compile(r"^(\d{1,2})(st|nd|rd|th)?$")
_YEAR = re.compile(r"^\d{4}$")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$")
_URL = re.compile(r"^https?://[^\s/$.?#][^\s]*$", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)]*$")


class DocumentError(ValueError):
    """A document that cannot be read; `line` (1-based) or `field` says where."""

    def __init__(self, reason: str, *, line: int | None = None, field: str | None = None):
        super().__init__(reason)
        self.reason = reason
        self.line = line
        self.field = field

    def __str__(self) -> str:
        where = f"line {self.line}: " if self.line else (f"{self.field}: " if self.field else "")
        return f"{where}{self.reason}"


def decode_text(raw: bytes) -> str:
    """UTF-8 (with or without a byte-order mark), or a DocumentError naming the bad byte."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise DocumentError(
            f"not UTF-8 text: byte 0x{raw[error.start]:02x} at offset {error.start} cannot be decoded", line=line
        ) from None


def normalize_newlines(text: str) -> str:
    return text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def parse_seed_text(text: str) -> Document:
    """Read one article in the seed layout."""
    paragraphs = _paragraphs(normalize_newlines(text))
    if not paragraphs:
        raise DocumentError("the document is empty", line=1)

    title_line, title = paragraphs.pop(0)
    if len(title) > MAX_TITLE_LENGTH:
        raise DocumentError(f"the headline is {len(title)} characters long (at most {MAX_TITLE_LENGTH})",
                            line=title_line)

    published_at = None
    if paragraphs and looks_like_date_line(paragraphs[0][1]):
        date_line, date_text = paragraphs.pop(0)
        try:
            published_at = parse_date_line(date_text)
        except ValueError as error:
            raise DocumentError(f"cannot read the date line {date_text!r}: {error}", line=date_line) from None

    subtitle = None
    if len(paragraphs) > 1 and _is_standfirst(paragraphs[0]):
        subtitle = paragraphs.pop(0)[1]

    if not paragraphs:
        raise DocumentError("there is no body after the headline", line=title_line)
    body = PARAGRAPH_BREAK.join(paragraph for _, paragraph in paragraphs)
    return Document(title=title, subtitle=subtitle, published_at=published_at, body=body)


def document_from_record(record: object) -> Document:
    """Read one JSON object with title, body, published_at and optional subtitle, url, source."""
    if not isinstance(record, dict):
        raise DocumentError(f"expected a JSON object, got {type(record).__name__}")
    title = _required_text(record, "title")
    body = _required_text(record, "body")
    if len(title) > MAX_TITLE_LENGTH:
        raise DocumentError(f"is {len(title)} characters long (at most {MAX_TITLE_LENGTH})", field="title")
    raw_date = record.get("published_at")
    if raw_date is None:
        published_at = None
    elif isinstance(raw_date, str):
        try:
            published_at = parse_iso_datetime(raw_date)
        except ValueError as error:
            raise DocumentError(str(error), field="published_at") from None
    else:
        raise DocumentError("must be an ISO 8601 date-time string", field="published_at")
    subtitle = _optional_text(record, "subtitle")
    if subtitle and len(subtitle) > MAX_SUBTITLE_LENGTH:
        raise DocumentError(f"is longer than {MAX_SUBTITLE_LENGTH} characters", field="subtitle")
    url = _optional_text(record, "url")
    if url and (len(url) > MAX_URL_LENGTH or not _URL.match(url)):
        raise DocumentError(f"must be an http(s) URL of at most {MAX_URL_LENGTH} characters", field="url")
    source = _optional_text(record, "source")
    if source and len(source) > MAX_SOURCE_LENGTH:
        raise DocumentError(f"is longer than {MAX_SOURCE_LENGTH} characters", field="source")
    return build_document(title=title, body=body, published_at=published_at, subtitle=subtitle, url=url,
                          source=source)


def build_document(*, title: str, body: str, published_at: datetime | None, subtitle: str | None = None,
                   url: str | None = None, source: str | None = None) -> Document:
    """The one normalisation of an article given as fields (a JSON record or an API request), so that the
    same article hashes and offsets alike whichever way it came in: single spaces in title, subtitle and
    source, newlines unified and paragraphs separated by one blank line in the body."""
    return Document(
        title=" ".join(title.split()),
        subtitle=" ".join(subtitle.split()) if subtitle and subtitle.strip() else None,
        body=PARAGRAPH_BREAK.join(p for _, p in _paragraphs(normalize_newlines(body))),
        published_at=published_at,
        url=url.strip() if url and url.strip() else None,
        source=" ".join(source.split()) if source and source.strip() else None,
    )


def parse_iso_datetime(value: str) -> datetime:
    """An ISO 8601 date or date-time; a value without a zone is taken as UTC."""
    value = value.strip()
    if not _ISO_DATE.match(value):
        raise ValueError(f"{value!r} is not an ISO 8601 date-time such as 2022-02-24T20:04:00Z")
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError as error:
        raise ValueError(f"{value!r} is not a valid date-time: {error}") from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return _in_utc(moment)


def looks_like_date_line(line: str) -> bool:
    words = [w.lower().rstrip(".,") for w in _WORD.findall(line)]
    has_month = any(w in MONTHS for w in words)
    has_year = any(_YEAR.match(w) for w in words)
    return bool(_ISO_DATE.match(line.replace(" Full article", "").strip())) or (has_month and has_year and len(words) <= 16)


def parse_date_line(line: str) -> datetime:
    """A date line in any common order, with an optional time and zone; UTC when no zone is given."""
    stripped = re.sub(r"\s*full article\s*$", "", line.strip(), flags=re.IGNORECASE)
    if _ISO_DATE.match(stripped):
        return parse_iso_datetime(stripped)
    day = month = year = None
    hour = minute = second = 0
    offset = timedelta(0)
    for raw in _WORD.findall(stripped):
        word = raw.lower().rstrip(".")
        if word in MONTHS and month is None:
            month = MONTHS[word]
        elif word in WEEKDAYS or word in {",", "-", "–", "—", "|", "at", "utc", "gmt", "z", "of", "the"}:
            continue
        elif _YEAR.match(word) and year is None:
            year = int(word)
        elif (match := _DAY.match(word)) and day is None:
            day = int(match.group(1))
        elif match := _TIME.match(word):
            hour, minute, second = int(match.group(1)), int(match.group(2)), int(match.group(3) or 0)
        elif match := _OFFSET.match(raw):
            sign = 1 if match.group(1) == "+" else -1
            offset = sign * timedelta(hours=int(match.group(2)), minutes=int(match.group(3)))
        else:
            raise ValueError(f"unexpected {raw!r}")
    if month is None or year is None:
        raise ValueError("a month and a four-digit year are needed")
    if day is None:
        raise ValueError("no day of the month")
    moment = datetime(year, month, day, hour, minute, second, tzinfo=timezone(offset))
    return _in_utc(moment)


def _in_utc(moment: datetime) -> datetime:
    """The moment in UTC; one that UTC cannot hold (1 January 0001 00:00 +01:00) is a ValueError."""
    try:
        return moment.astimezone(UTC)
    except OverflowError:
        raise ValueError(f"{moment.isoformat()} lies outside the years 1 to 9999 in UTC") from None


def _paragraphs(text: str) -> list[tuple[int, str]]:
    """(first line number, text) of each block of non-blank lines; lines inside a block join with a space."""
    blocks: list[tuple[int, str]] = []
    current: list[str] = []
    start = 0
    for number, line in enumerate(text.split("\n"), start=1):
        stripped = " ".join(line.split())
        if stripped:
            if not current:
                start = number
            current.append(stripped)
        elif current:
            blocks.append((start, " ".join(current)))
            current = []
    if current:
        blocks.append((start, " ".join(current)))
    return blocks


def _is_standfirst(paragraph: tuple[int, str]) -> bool:
    text = paragraph[1]
    return len(text.split()) <= MAX_STANDFIRST_WORDS and len(text) <= MAX_SUBTITLE_LENGTH and not _SENTENCE_END.search(text)


def _required_text(record: dict, name: str) -> str:
    value = record.get(name)
    if value is None:
        raise DocumentError("is required", field=name)
    if not isinstance(value, str):
        raise DocumentError(f"must be a string, not {type(value).__name__}", field=name)
    value = " ".join(value.split()) if name == "title" else value.strip()
    if not value:
        raise DocumentError("must not be empty", field=name)
    return value


def _optional_text(record: dict, name: str) -> str | None:
    value = record.get(name)
    if value is None:
        return None
    if not isinstance(value, str):
        raise DocumentError(f"must be a string, not {type(value).__name__}", field=name)
    return " ".join(value.split()) or None
