"""Find and read documents on disk: seed text files, JSON Lines, JSON."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from extraction import Document, DocumentError, decode_text, document_from_record, parse_seed_text
from extraction.document import looks_like_date_line

SUFFIXES = {".txt", ".jsonl", ".json"}
MAX_FILE_BYTES = 50_000_000
TOO_DEEP = "invalid JSON: nested too deeply"

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class ReadResult:
    """One document read from a file, or the reason it could not be read."""

    path: Path
    line: int | None
    document: Document | None = None
    error: str | None = None
    superseded_by: str | None = None  # the location of a later record of the same run with this url

    @property
    def location(self) -> str:
        return f"{self.path}:{self.line}" if self.line else str(self.path)


def read_paths(paths: list[Path]) -> Iterator[ReadResult]:
    for path in paths:
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
            for file in files:
                yield from read_file(file)
        elif path.is_file():
            yield from read_file(path)
        else:
            yield ReadResult(path, None, error="no such file or folder")


def read_latest(paths: list[Path]) -> Iterator[ReadResult]:
    """read_paths, with each document marked superseded when a later one of the same run has its url.

    Two records of one url in one run would otherwise replace each other on every run (the article flips
    between them and its extractions get new ids): the later in reading order wins, so a re-run changes
    nothing. Files are read twice, which costs little next to extraction."""
    latest = {result.document.url: result.location for result in read_paths(paths)
              if result.document is not None and result.document.url}
    for result in read_paths(paths):
        url = result.document.url if result.document is not None else None
        if url and latest.get(url, result.location) != result.location:
            result = replace(result, superseded_by=latest[url])
        yield result
def count_documents(paths: list[Path]) -> int:
    """About how many documents `read_paths` will yield (for a progress bar): lines of JSON Lines, items of a
    JSON array, one per other file. Cheap: nothing is parsed but JSON arrays."""
    total = 0
    for path in paths:
        files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES) \
            if path.is_dir() else [path]
        for file in files:
            total += _count_file(file)
    return total


def _count_file(path: Path) -> int:
    try:
        if path.suffix.lower() == ".jsonl" and path.stat().st_size <= MAX_FILE_BYTES:
            with path.open("rb") as stream:
                return max(sum(1 for line in stream if line.strip()), 1)
        if path.suffix.lower() == ".json" and path.stat().st_size <= MAX_FILE_BYTES:
            data = json.loads(path.read_bytes())
            return len(data) if isinstance(data, list) else 1
    except (OSError, ValueError, RecursionError):  # read_file reports the fault; here it is one document
        pass
    return 1


def read_file(path: Path) -> Iterator[ReadResult]:
    """Every document of one file; a fault no reader foresaw ends this file with an error, not the load."""
    try:
        yield from _read_file(path)
    except Exception as error:  # reported as this file's error, and the next file is read
        logger.exception("reading %s failed", path)
        yield ReadResult(path, None, error=f"cannot be read: {type(error).__name__}: {error}")


def _read_file(path: Path) -> Iterator[ReadResult]:
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        yield ReadResult(path, None, error=f"unsupported file type {suffix or '(none)'}: use .txt, .jsonl or .json")
        return
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        yield ReadResult(path, None, error=f"file is {size} bytes, larger than the {MAX_FILE_BYTES} byte limit")
        return
    try:
        text = decode_text(path.read_bytes())
    except DocumentError as error:
        yield ReadResult(path, error.line, error=error.reason)
        return
    except OSError as error:
        yield ReadResult(path, None, error=f"cannot read the file: {error.strerror}")
        return
    if suffix == ".txt":
        yield _parse(path, 1, lambda: _seed_document(text))
    elif suffix == ".jsonl":
        yield from _read_json_lines(path, text)
    else:
        yield from _read_json(path, text)


def _seed_document(text: str) -> Document:
    document = parse_seed_text(text)
    if document.published_at is None and looks_like_date_line(document.title):
        # The first line was taken for the headline, so the date seemed missing: say what is missing.
        raise DocumentError("there is no headline: the first line is the date line", line=1)
    return document


def json_lines(text: str) -> Iterator[tuple[int, str]]:
    """(line number, line) of JSON Lines text. Only \\n ends a line (a \\r before it is dropped): JSON strings
    may hold U+2028, U+0085 or a form feed raw, which str.splitlines() would wrongly split on."""
    for number, line in enumerate(text.split("\n"), start=1):
        yield number, line.removesuffix("\r")


def _read_json_lines(path: Path, text: str) -> Iterator[ReadResult]:
    for number, line in json_lines(text):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            yield ReadResult(path, number, error=f"invalid JSON: {error.msg} at column {error.colno}")
            continue
        except RecursionError:
            yield ReadResult(path, number, error=TOO_DEEP)
            continue
        yield _parse(path, number, lambda record=record: document_from_record(record))


def _read_json(path: Path, text: str) -> Iterator[ReadResult]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        yield ReadResult(path, error.lineno, error=f"invalid JSON: {error.msg} at column {error.colno}")
        return
    except RecursionError:
        yield ReadResult(path, None, error=TOO_DEEP)
        return
    records = data if isinstance(data, list) else [data]
    for position, record in enumerate(records, start=1):
        # A JSON array has no useful line numbers: the item's position stands in for one.
        yield _parse(path, position if isinstance(data, list) else None, lambda record=record: document_from_record(record))


def _parse(path: Path, line: int | None, parse) -> ReadResult:
    try:
        return ReadResult(path, line, document=parse())
    except DocumentError as error:
        where = error.line if error.line and line in (None, 1) else line
        reason = f"{error.field}: {error.reason}" if error.field else error.reason
        return ReadResult(path, where, error=reason)
    except Exception as error:  # this document's error; the file's other documents are still read
        logger.exception("reading %s:%s failed", path, line)
        return ReadResult(path, line, error=f"cannot be read: {type(error).__name__}: {error}")
