"""Progress of a long load: a tqdm bar (rate, ETA) on a terminal, a plain line now and then otherwise."""

from __future__ import annotations

import time
from collections import Counter
from typing import TextIO

from tqdm import tqdm


class Progress:
    """Call with each document's status. `total` may be None when it is not known."""

    def __init__(self, stream: TextIO, total: int | None, *, every_seconds: float = 10.0, terminal: bool | None = None):
        self.stream, self.total, self.every = stream, total, every_seconds
        self.terminal = stream.isatty() if terminal is None else terminal
        self.counts: Counter = Counter()
        self.done = 0
        self.started = self.last = time.monotonic()
        self.bar = tqdm(total=total, file=stream, unit="doc", dynamic_ncols=True, smoothing=0.05) \
            if self.terminal else None

    def __call__(self, status: str) -> None:
        self.done += 1
        self.counts[status] += 1
        if self.bar is not None:
            self.bar.update(1)
            if self.done % 50 == 0:
                self.bar.set_postfix(new=self.counts["created"], failed=self.counts["failed"], refresh=False)
            return
        now = time.monotonic()
        if now - self.last >= self.every:
            self.last = now
            self.stream.write(self.line(now) + "\n")
            self.stream.flush()

    def line(self, now: float | None = None) -> str:
        elapsed = max((now or time.monotonic()) - self.started, 1e-9)
        rate = self.done / elapsed
        of = f"/{self.total}" if self.total else ""
        text = f"progress: {self.done}{of} documents, {rate:.1f}/s, {_clock(elapsed)} elapsed"
        if self.total and rate > 0:
            text += f", ETA {_clock(max(self.total - self.done, 0) / rate)}"
        return f"{text} (new {self.counts['created']}, unchanged {self.counts['unchanged']}, " \
               f"failed {self.counts['failed']})"

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def _clock(seconds: float) -> str:
    seconds = int(seconds)
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60}:{rest % 60:02d}"
