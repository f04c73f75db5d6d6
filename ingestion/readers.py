"""Find and read documents on disk: seed text files, JSON Lines, JSON."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from extraction import Document, DocumentError, decode_text, document_from_record, parse_seed_text

SUFFIXES = {".txt", ".jsonl", ".json"}
MAX_FILE_BYTES = 50_000_000


@dataclass(frozen=True)
class ReadResult:
    """One document read from a file, or the reason it could not be read."""

    path: Path
    line: int | None
    document: Document | None = None
    error: str | None = None

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
    except (OSError, ValueError):
        pass
    return 1


def read_file(path: Path) -> Iterator[ReadResult]:
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
        yield _parse(path, 1, lambda: parse_seed_text(text))
    elif suffix == ".jsonl":
        yield from _read_json_lines(path, text)
    else:
        yield from _read_json(path, text)


def _read_json_lines(path: Path, text: str) -> Iterator[ReadResult]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            yield ReadResult(path, number, error=f"invalid JSON: {error.msg} at column {error.colno}")
            continue
        yield _parse(path, number, lambda record=record: document_from_record(record))


def _read_json(path: Path, text: str) -> Iterator[ReadResult]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        yield ReadResult(path, error.lineno, error=f"invalid JSON: {error.msg} at column {error.colno}")
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
