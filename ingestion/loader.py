"""Load many documents: extraction in worker processes, writes in this one, one transaction per document.

Documents are read in order and sent in small batches to a pool of worker processes, each of which loads
the extraction pipeline once (its initializer) and returns extractions and fingerprints. This process
stores the results in the order they were read, one transaction per document, so that a parallel load
leaves the rows a serial one would. Documents whose content is already stored are recognised by their
hash before extraction: a re-run extracts nothing and changes nothing. When the database connection is lost
the load stops (LoadInterrupted) rather than reporting every later document as failed: a re-run goes on
where it stopped.
"""

from __future__ import annotations

import contextlib
import itertools
import logging
import multiprocessing
import os
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from django.db import DatabaseError, InterfaceError, OperationalError, connection

from articles.models import Article

from .prepare import PreparedDocument, content_hash, document_check, documents_prepare, worker_start
from .readers import ReadResult, read_latest
from .services import CREATED, UNCHANGED, UPDATED, article_store

BATCH = 8  # documents per task sent to a worker: enough to pay for the transfer, small enough to keep order cheap
AHEAD = 4  # batches in flight per worker
# Extraction workers run at a lower CPU priority than this process. Writing is the one serial step: with as
# many workers as cores, a writer at equal priority waits for a core behind the extractions it is waiting for,
# at every one of its ~40 database round trips per article (measured: 230 ms per article stored instead of
# 75). Lowered, the workers still take every cycle the writer and the database leave.
WORKER_NICENESS = 10

logger = logging.getLogger(__name__)


@dataclass
class LoadReport:
    statuses: Counter = field(default_factory=Counter)  # created, unchanged, updated, failed, superseded
    stored: Counter = field(default_factory=Counter)  # mentions, quotes, claims written by this run
    entities_created: int = 0  # distinct entities this run created
    entities_named: set[int] = field(default_factory=set)  # distinct entities the stored articles name
    duplicates: int = 0  # stored articles recognised as copies of a story
    failures: list[str] = field(default_factory=list)  # "path:line: reason"
    superseded: list[str] = field(default_factory=list)  # "path:line: url U is given again at path:line"
    seconds: float = 0.0


SUPERSEDED = "superseded"


class LoadInterrupted(Exception):
    """The database connection was lost: the load stopped. `report` counts what was stored before."""

    def __init__(self, report: LoadReport, location: str | None, error: Exception):
        self.report, self.location, self.error = report, location, error
        stored = report.statuses[CREATED] + report.statuses[UPDATED]
        where = f"while storing {location}" if location else "between documents"
        super().__init__(
            f"the database connection was lost {where} ({type(error).__name__}: {str(error).strip()}); the load "
            f"stopped. {stored} document(s) were stored before it and nothing after; run it again once the "
            f"database is back: what is stored is recognised and skipped."
        )


def connection_lost(error: Exception) -> bool:
    """Whether a database error means the connection itself went away (server down or restarting, backend
    terminated, network), as opposed to a fault of one document's rows (a deadlock, a timeout)."""
    if not isinstance(error, (OperationalError, InterfaceError)):
        return False
    if connection.connection is None or not connection.is_usable():
        return True
    if connection.vendor != "postgresql":
        return False
    # Django opens a new connection as it leaves a transaction whose connection broke, so the one that failed
    # may be replaced already: the error tells. Class 08 and 57P0x end the session; an error raised by the
    # client itself (the server closed the socket, connecting failed) has no code.
    code = getattr(error.__cause__, "sqlstate", None)
    return code is None or code.startswith(("08", "57P"))


def _interrupted(report: LoadReport, location: str | None, error: Exception) -> LoadInterrupted:
    # The broken connection is dropped, so that the next query (a re-run in this process) opens a new one.
    connection.close()
    return LoadInterrupted(report, location, error)


@dataclass
class _Entry:
    location: str
    document: object | None = None
    superseded_by: str | None = None  # a later record of the run has this document's url
    digest: str | None = None
    error: str | None = None
    prepared: PreparedDocument | None = None


def default_workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def load_paths(paths: list[Path], *, workers: int = 1, on_failure: Callable[[str], None] | None = None,
               on_document: Callable[[str], None] | None = None) -> LoadReport:
    """Load every document under `paths`. `on_document(status)` is called once per document, in order."""
    report, started = LoadReport(), time.perf_counter()
    try:
        # Closed at once if the load stops, so that a pool's queued extractions are cancelled.
        with contextlib.closing(_prepared(_batches(read_latest(paths)), workers)) as entries:
            for entry in entries:
                status = _store(entry, report, on_failure)
                if on_document is not None:
                    on_document(status)
    except (OperationalError, InterfaceError) as error:
        # A query between documents (which of a batch are stored already) found the connection gone.
        if connection_lost(error):
            raise _interrupted(report, None, error) from error
        raise
    finally:
        report.seconds = time.perf_counter() - started
    return report


def _batches(results: Iterable[ReadResult]) -> Iterator[list[_Entry]]:
    """Batches of read documents; those already stored (by content hash, one query a batch) are marked so."""
    batch: list[_Entry] = []
    for result in results:
        entry = _Entry(location=result.location, error=result.error)
        if result.superseded_by is not None:
            # Two records of one url in one run: the later wins, so that a re-run changes nothing.
            entry.error, entry.superseded_by = SUPERSEDED, result.superseded_by
            entry.document = result.document
        elif result.document is not None:
            try:
                document_check(result.document)
                entry.document, entry.digest = result.document, content_hash(result.document)
            except ValueError as error:
                entry.error = str(error)
        batch.append(entry)
        if len(batch) == BATCH:
            yield _mark_stored(batch)
            batch = []
    if batch:
        yield _mark_stored(batch)


def _mark_stored(batch: list[_Entry]) -> list[_Entry]:
    digests = {entry.digest for entry in batch if entry.digest}
    stored = set(Article.objects.filter(content_hash__in=digests).values_list("content_hash", flat=True))
    for entry in batch:
        if entry.digest in stored:
            entry.error, entry.document = UNCHANGED, None
    return batch


def _prepared(batches: Iterator[list[_Entry]], workers: int) -> Iterator[_Entry]:
    """The entries with their extractions, in reading order: in this process, or over a pool of workers."""
    # A pool takes a second or more to start (each worker loads the pipeline): a handful of documents to
    # extract is done sooner here.
    ahead: list[list[_Entry]] = []
    if workers > 1:
        for batch in batches:
            ahead.append(batch)
            if sum(len(_documents(b)) for b in ahead) >= workers * BATCH:
                break
    if workers <= 1 or sum(len(_documents(b)) for b in ahead) < workers * BATCH:
        for batch in itertools.chain(ahead, batches):
            yield from _fill(batch, documents_prepare(_documents(batch)))
        return
    batches = itertools.chain(ahead, batches)
    # Worker processes start fresh ("spawn"): they inherit no database connection, thread or lock of this one.
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=worker_start,
                             initargs=(WORKER_NICENESS,)) as pool:
        pending: deque[tuple[list[_Entry], Future]] = deque()
        try:
            for batch in batches:
                pending.append((batch, pool.submit(documents_prepare, _documents(batch))))
                while len(pending) >= workers * AHEAD:
                    waiting, future = pending.popleft()
                    yield from _fill(waiting, future.result())
            while pending:
                waiting, future = pending.popleft()
                yield from _fill(waiting, future.result())
        except GeneratorExit:
            # The load stopped: extractions not yet started are of no use.
            pool.shutdown(cancel_futures=True)
            raise


def _documents(batch: list[_Entry]) -> list:
    return [entry.document for entry in batch if entry.document is not None and entry.error is None]


def _fill(batch: list[_Entry], prepared: list[PreparedDocument | str]) -> Iterator[_Entry]:
    results = iter(prepared)
    for entry in batch:
        if entry.document is not None and entry.error is None:
            outcome = next(results)
            if isinstance(outcome, str):
                entry.error = outcome
            else:
                entry.prepared = outcome
        yield entry


def _store(entry: _Entry, report: LoadReport, on_failure) -> str:
    if entry.error == UNCHANGED:
        report.statuses[UNCHANGED] += 1
        return UNCHANGED
    if entry.error == SUPERSEDED:
        report.statuses[SUPERSEDED] += 1
        report.superseded.append(f"{entry.location}: {entry.document.url} is given again at "
                                 f"{entry.superseded_by}, which is stored")
        return SUPERSEDED
    if entry.error is not None:
        return _fail(report, f"{entry.location}: {entry.error}", on_failure)
    try:
        outcome = article_store(prepared=entry.prepared)
    except Exception as error:
        if connection_lost(error):
            # Not this document's fault: with the connection gone every later document would fail the same way.
            raise _interrupted(report, entry.location, error) from error
        if isinstance(error, DatabaseError | ValueError):
            # Its transaction was rolled back: nothing of it is stored, and the next documents still load.
            return _fail(report, f"{entry.location}: could not be stored: {error}", on_failure)
        # One document's unforeseen fault is its own error, never the whole load's.
        logger.exception("storing %s failed", entry.location)
        return _fail(report, f"{entry.location}: could not be stored: {type(error).__name__}: {error}", on_failure)
    report.statuses[outcome.status] += 1
    if outcome.status in (CREATED, UPDATED):
        report.stored.update(outcome.counts)
        report.entities_created += len(outcome.created_entities)
        report.entities_named |= outcome.entities
        report.duplicates += outcome.article.duplicate_of_id is not None
    return outcome.status


def _fail(report: LoadReport, message: str, on_failure) -> str:
    report.statuses["failed"] += 1
    report.failures.append(message)
    if on_failure is not None:
        on_failure(message)
    return "failed"
