"""Tokens, sentences and paragraphs with their character offsets."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from . import lexicon

# Web addresses (Secunia.com), abbreviations (U.S.), words with inner hyphens or apostrophes (al-Sadr, S-300, don't),
# a possessive 's as its own token, numbers with separators (".530" too), any other character.
_TOKEN = re.compile(
    r"[^\W\d_][\w-]*\.(?:com|org|net|gov|edu|io)\b"  # a web address as a name: "Secunia.com"
    r"|(?:[A-Z]\.){2,}"
    # "pro-Kremlin", "ex-England": the prefix stands apart from the name it is joined to.
    r"|(?<![\w-])(?:" + "|".join(sorted(lexicon.NAME_PREFIXES)) + r")(?=-[A-Z])"
    # "London-based", "Kremlin-backed": the name stands apart from the adjective it makes.
    r"|[^\W\d_](?:\w|[-'’&](?=\w))*?(?=-(?:" + "|".join(sorted(lexicon.COMPOUND_SUFFIXES)) + r")\b)"
    r"|[^\W\d_](?:\w|[-'’&](?=\w))*?(?=['’][sS]\b)"
    r"|['’][sS]\b"
    r"|\d+(?:[.,]\d+)*"
    r"|(?<![\w.])\.\d+\b"  # a decimal with no leading zero: a rate in a table, ".530"
    r"|[^\W\d_](?:\w|[-'’&](?=\w))*"
    r"|\S"
)
OPEN_QUOTES = "“„«\"‘‹"
CLOSE_QUOTES = "”“»\"’›"
ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "st", "mt", "maj", "gen", "lt", "col", "capt", "sgt", "gov", "sen",
    "rep", "jr", "sr", "vs", "no", "inc", "ltd", "co", "corp", "jan", "feb", "mar", "apr", "jun", "jul",
    "aug", "sep", "sept", "oct", "nov", "dec", "approx", "est", "dept", "fig", "vol", "ft", "km", "cm",
}
# News sentences are far shorter (a long one is 60 tokens); longer stretches are cut (see _bounded).
MAX_SENTENCE_TOKENS = 150
_SENTENCE_STARTERS = {"The", "He", "She", "It", "They", "We", "I", "A", "An", "In", "But", "This", "That"}


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int
    end: int

    @property
    def is_capitalized(self) -> bool:
        # "al-Sadr", "el-Sisi": lower-case particles that begin a name.
        return self.text[0].isupper() or self.text[:3] in _LOWER_NAME_PREFIXES

    @property
    def lower(self) -> str:
        return self.text.lower()


_LOWER_NAME_PREFIXES = {"al-", "el-"}


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    tokens: tuple[Token, ...]
    paragraph: int  # index of its paragraph in the text


def tokenize(text: str, offset: int = 0) -> list[Token]:
    return [Token(m.group(), m.start() + offset, m.end() + offset) for m in _TOKEN.finditer(text)]


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph: blocks separated by blank lines."""
    spans = []
    position = 0
    for block in text.split("\n\n"):
        stripped = block.strip()
        if stripped:
            start = position + block.index(stripped)
            spans.append((start, start + len(stripped)))
        position += len(block) + 2
    return spans


def split_sentences(text: str) -> list[Sentence]:
    sentences: list[Sentence] = []
    for index, (p_start, p_end) in enumerate(paragraphs(text)):
        tokens = tokenize(text[p_start:p_end], p_start)
        begin = 0
        for i in range(len(tokens)):
            if _ends_sentence(tokens, i):
                # Closing quotes and brackets after the stop stay with this sentence.
                end = i + 1
                while end < len(tokens) and tokens[end].text in CLOSE_QUOTES + ")]" and _attached(tokens, end):
                    end += 1
                if end < len(tokens) and _starts_sentence(tokens[end]):
                    sentences.append(Sentence(tokens[begin].start, tokens[end - 1].end, tuple(tokens[begin:end]), index))
                    begin = end
        if begin < len(tokens):
            sentences.append(Sentence(tokens[begin].start, tokens[-1].end, tuple(tokens[begin:]), index))
    return [piece for sentence in sentences for piece in _bounded(sentence)]


def _bounded(sentence: Sentence) -> list[Sentence]:
    """A "sentence" longer than MAX_SENTENCE_TOKENS (a list, a table, an unpunctuated flood) cut into
    pieces, so that the rules' work per sentence stays bounded and a document's cost linear."""
    tokens = sentence.tokens
    if len(tokens) <= MAX_SENTENCE_TOKENS:
        return [sentence]
    return [
        Sentence(tokens[k].start, tokens[min(k + MAX_SENTENCE_TOKENS, len(tokens)) - 1].end,
                 tokens[k:k + MAX_SENTENCE_TOKENS], sentence.paragraph)
        for k in range(0, len(tokens), MAX_SENTENCE_TOKENS)
    ]


def _attached(tokens: list[Token], i: int) -> bool:
    return tokens[i].start == tokens[i - 1].end


def _ends_sentence(tokens: list[Token], i: int) -> bool:
    text = tokens[i].text
    if text in {"!", "?", "…"}:
        return True
    if text != ".":
        # "U.S." at the end of a sentence: only when a usual sentence opener follows.
        return text.endswith(".") and i + 1 < len(tokens) and tokens[i + 1].text in _SENTENCE_STARTERS
    if i == 0:
        return False
    previous = tokens[i - 1]
    if previous.end != tokens[i].start:
        return True
    if previous.lower in ABBREVIATIONS:
        return False
    # An initial ("Steven F. Udvar-Hazy") does not end a sentence.
    return not (len(previous.text) == 1 and previous.text.isupper())


def _starts_sentence(token: Token) -> bool:
    first = token.text[0]
    return first.isupper() or first.isdigit() or token.text in OPEN_QUOTES or first in "([" or token.is_capitalized


SUBJECT_DEPENDENCIES = {"nsubj", "nsubjpass"}
NOMINAL_TAGS = {"PROPN", "NOUN", "PRON"}


class Text:
    """One document as every stage reads it: the string all offsets index, its paragraphs and
    sentences, and the statistical model's parse of it, with the offset look-ups the stages share."""

    def __init__(self, string: str, nlp=None):
        from .nlp import Parse  # spaCy loads only when a text is read

        self.string = string
        self.paragraphs = paragraphs(string)
        self.sentences = split_sentences(string)
        self._sentence_starts = [sentence.start for sentence in self.sentences]
        self.parse = Parse.of(string, self.paragraphs, nlp)

    def __getitem__(self, key: slice) -> str:
        return self.string[key]

    def __len__(self) -> int:
        return len(self.string)

    def subject_heads(self) -> list[int]:
        """Sorted offsets of the head words of grammatical subjects, by the parse."""
        return sorted(
            offset + token.idx
            for offset, doc in zip(self.parse.offsets, self.parse.docs, strict=True)
            for token in doc
            # the subject, or the agent of a passive: "was criticised by X" makes X as salient
            if token.dep_ in SUBJECT_DEPENDENCIES or (token.dep_ == "pobj" and token.head.dep_ == "agent")
        )

    def nominal_span(self, start: int, end: int) -> tuple[int, int] | None:
        """The noun phrase a speaker phrase found by the rules stands on, by the parse: its subject, else
        its last noun, name or pronoun heading a part of it ("When terrorists" → "terrorists"); None when it
        has none ("and encourage Americans" is a verb phrase, not a source)."""
        tokens = [(token, offset) for token, offset in self.parse.tokens_between(start, end)]
        if not tokens:
            return None

        def position(token, offset):
            return offset + token.idx

        inside = {(id(token.doc), token.i) for token, _ in tokens}
        roots = [(t, o) for t, o in tokens if t.head.i == t.i or (id(t.doc), t.head.i) not in inside]
        subjects = [(t, o) for t, o in roots if t.dep_ in SUBJECT_DEPENDENCIES]
        # A capitalised root counts as a name even when the tagger calls it a verb ("Tulsa police Chief ...").
        nominals = [(t, o) for t, o in roots if t.pos_ in NOMINAL_TAGS or (t.text[:1].isupper() and t.i > 0
                                                                            and not t.is_sent_start)]
        if not (subjects or nominals):
            return None
        head, offset = (subjects or nominals)[-1] if not subjects else subjects[0]
        phrase = [t for t in head.subtree if (id(t.doc), t.i) in inside]
        first, last = phrase[0], phrase[-1]
        return position(first, offset), position(last, offset) + len(last.text)

    def sentence_index(self, offset: int) -> int:
        """The index of the sentence that holds `offset` (the last one starting at or before it)."""
        return max(bisect_right(self._sentence_starts, offset) - 1, 0)
