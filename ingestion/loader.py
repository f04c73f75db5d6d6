"""Load many documents, one transaction each, and report what happened to each."""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from django.db import DatabaseError

from extraction import DocumentError

from .readers import read_latest
from .services import article_ingest

logger = logging.getLogger(__name__)


@dataclass
class LoadReport:
    statuses: Counter = field(default_factory=Counter)  # created, unchanged, updated, failed, superseded
    extracted: Counter = field(default_factory=Counter)  # entities, quotes, claims of stored articles
    failures: list[str] = field(default_factory=list)  # "path:line: reason"
    superseded: list[str] = field(default_factory=list)  # "path:line: url U is given again at path:line"


def load_paths(paths: list[Path], on_failure: Callable[[str], None] | None = None) -> LoadReport:
    report = LoadReport()
    for result in read_latest(paths):
        if result.error is not None:
            _fail(report, f"{result.location}: {result.error}", on_failure)
            continue
        if result.superseded_by is not None:
            report.statuses["superseded"] += 1
            report.superseded.append(f"{result.location}: {result.document.url} is given again at "
                                     f"{result.superseded_by}, which is stored")
            continue
        try:
            outcome = article_ingest(document=result.document)
        except DocumentError as error:
            _fail(report, f"{result.location}: {error}", on_failure)
            continue
        except (DatabaseError, ValueError) as error:
            # Its transaction was rolled back: nothing of it is stored, and the next documents still load.
            _fail(report, f"{result.location}: could not be stored: {error}", on_failure)
            continue
        except Exception as error:  # one document's fault is its own error, never the whole load's
            logger.exception("storing %s failed", result.location)
            _fail(report, f"{result.location}: could not be stored: {type(error).__name__}: {error}", on_failure)
            continue
        report.statuses[outcome.status] += 1
        report.extracted.update(outcome.counts)
    return report


def _fail(report: LoadReport, message: str, on_failure) -> None:
    report.statuses["failed"] += 1
    report.failures.append(message)
    if on_failure is not None:
        on_failure(message)
