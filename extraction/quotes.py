"""Quotes and who said them, by rules (no parser is installable here).

Quotation marks are paired by character within a paragraph; a quote still open
at the end of a paragraph closes there, and the next paragraph's opening mark
continues it. The speaker is found after the quote (", said X", ", X said"),
before it ("X said:", "according to X"), or from the quote it continues. A
speaker phrase resolves to the named person in it, a pronoun to the last
person of that gender, "the official" to the last person, and otherwise stays
as worded ("Kremlin sources").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import lexicon
from .entities import LOCATION, ORGANIZATION, PERSON, EntityIndex
from .text import Sentence, Token, paragraphs
from .types import Quote

PAIRS = {"“": "”", "„": "“”", "«": "»", '"': '"', "‘": "’", "‹": "›"}
PARTIAL_MAX_WORDS = 3
ADVERBS = {"also", "later", "then", "further", "again", "has", "had", "have", "once", "previously", "earlier",
           "recently", "today", "yesterday", "reportedly", "publicly", "separately", "subsequently",
           "meanwhile", "however", "both", "repeatedly", "was", "were", "is", "are", "not", "never"}
GENERIC_SPEAKERS = {"official", "spokesman", "spokeswoman", "spokesperson", "minister", "president", "leader",
                    "officer", "general", "secretary", "chancellor", "governor", "mayor", "ambassador",
                    "commander", "chief", "coach", "manager", "envoy", "diplomat", "source"}
STATEMENT_WORDS = {"statement", "message", "post", "tweet", "release", "letter", "report", "communique"}
_STATEMENT_ON = re.compile(
    r"\b(?:a|the)\s+(?:statement|message|post|text|letter|note)\s+(?:read|posted|published|released|issued|said)"
    r"\s+(?:on|by|from)\s+(?:the\s+)?(?P<owner>[^,.;]+?)(?:'s|’s)\b"
)
_ACCORDING = re.compile(r"\baccording to\s+(?P<speaker>[^,.;:“”\"]+)", re.IGNORECASE)


@dataclass
class Attribution:
    """Who a stretch of text is attributed to."""

    speaker: str | None
    speaker_text: str | None
    cue: str | None
    is_entity: bool


@dataclass
class _RawQuote:
    start: int  # offset of the text inside the marks
    end: int
    paragraph: int
    continues: bool  # opened a paragraph after a quote left open


def find_quote_spans(text: str) -> list[_RawQuote]:
    spans: list[_RawQuote] = []
    left_open = False
    for index, (p_start, p_end) in enumerate(paragraphs(text)):
        i = p_start
        open_at, closers = None, ""
        continued_here = False
        while i < p_end:
            char = text[i]
            if open_at is None:
                if char in PAIRS and _opens(text, i, p_start):
                    open_at, closers = i, PAIRS[char]
                    continued_here = left_open and i == p_start
            elif char in closers and _closes(text, i, p_end):
                spans.append(_RawQuote(open_at + 1, i, index, continued_here))
                open_at = None
            i += 1
        left_open = open_at is not None
        if left_open:
            end = p_end
            spans.append(_RawQuote(open_at + 1, end, index, continued_here))
    return [s for s in spans if text[s.start:s.end].strip()]


def _opens(text: str, i: int, paragraph_start: int) -> bool:
    char = text[i]
    before = text[i - 1] if i > paragraph_start else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if char in "‘'":
        return not before.isalnum() and after.isalpha()
    if char == '"':
        return not before.isalnum() and not after.isspace()
    return not after.isspace()


def _closes(text: str, i: int, paragraph_end: int) -> bool:
    char = text[i]
    after = text[i + 1] if i + 1 < paragraph_end else " "
    before = text[i - 1]
    if char in "’'":
        # An apostrophe ("Russia’s", "Kiev sources'") is no closing mark.
        return not after.isalnum() and not before.isspace()
    return not before.isspace() or after in " ,.;:!?"


def extract_quotes(text: str, sentences: list[Sentence], index: EntityIndex) -> tuple[list[Quote], list[Attribution | None]]:
    """The quotes of an article, and for each sentence its attribution (or None)."""
    raw = _join_interrupted(text, find_quote_spans(text))
    sentence_of = _sentence_locator(sentences)
    quotes: list[Quote] = []
    previous_speaker: Attribution | None = None
    for position, item in enumerate(raw):
        quote_text = " ".join(text[a:b].strip() for a, b in item.pieces)
        word_count = len(quote_text.split())
        sentence = sentences[sentence_of(item.start)]
        closing_sentence = sentences[sentence_of(item.close)]
        kind = "partial" if word_count <= PARTIAL_MAX_WORDS else "direct"
        attribution = None
        if len(item.pieces) > 1:
            # “The river,” Mayor Ivan Petrov said, “has ...”: the attribution is the interruption.
            attribution = _attribution_after(text, item, sentence, index, close=item.first_close)
        attribution = attribution or _attribution_after(text, item, closing_sentence, index) or _attribution_before(
            text, item, sentence, index
        )
        if attribution is None and item.continues and previous_speaker is not None:
            attribution = previous_speaker
        if attribution is None:
            attribution = _neighbour_attribution(text, raw, position, sentences, sentence_of, index)
        if attribution is None and kind == "partial":
            attribution = _sentence_attribution(text, sentence, index, exclude=None)
        if attribution is None:
            attribution = Attribution(None, None, None, False)
        quotes.append(
            Quote(
                text=quote_text,
                kind=kind,
                speaker=attribution.speaker,
                speaker_text=attribution.speaker_text,
                cue=attribution.cue,
                start=item.start,
                end=item.end,
                sentence=text[sentence.start:sentence.end],
                speaker_is_entity=attribution.is_entity,
            )
        )
        if kind == "direct":
            previous_speaker = attribution if attribution.speaker else previous_speaker
    sentence_attributions = [_sentence_attribution(text, s, index, exclude=raw) for s in sentences]
    quotes.extend(_indirect_quotes(text, sentences, sentence_attributions, raw))
    return sorted(quotes, key=lambda q: q.start), sentence_attributions


@dataclass
class _Joined:
    pieces: list[tuple[int, int]]
    paragraph: int
    continues: bool
    close: int = 0  # offset of the closing mark (or the paragraph end when left open)
    first_close: int = 0  # closing mark of the first piece: an interruption's attribution follows it

    @property
    def start(self) -> int:
        return self.pieces[0][0]

    @property
    def end(self) -> int:
        return self.pieces[-1][1]


_INTERRUPTION = re.compile(r"^[,]?\s*[^“”\"«»]{1,60}?\b(?:" + "|".join(sorted(lexicon.SPEECH_VERBS)) + r")\b[^“”\"«».]{0,40},\s*$")


def _join_interrupted(text: str, spans: list[_RawQuote]) -> list[_Joined]:
    """“Ukraine,” he said, “is defending itself” is one quote."""
    joined: list[_Joined] = []
    for span in spans:
        if joined:
            last = joined[-1]
            between = text[last.end + 1:span.start - 1]
            piece = text[last.pieces[-1][0]:last.pieces[-1][1]].rstrip()
            if (
                span.paragraph == last.paragraph and piece.endswith(",") and _INTERRUPTION.match(between)
                and text[span.start:span.end].strip()[:1].islower()
            ):
                last.pieces.append((span.start, span.end))
                last.close = span.end
                continue
        joined.append(_Joined([(span.start, span.end)], span.paragraph, span.continues, span.end, span.end))
    for item in joined:
        # A trailing comma inside the marks belongs to the sentence around the quote, not to the words.
        trimmed = []
        for a, b in item.pieces:
            while b > a and text[b - 1] in ", ":
                b -= 1
            trimmed.append((a, b))
        item.pieces = trimmed
    return joined


def _sentence_locator(sentences: list[Sentence]):
    starts = [s.start for s in sentences]

    def locate(offset: int) -> int:
        low, high = 0, len(starts) - 1
        while low < high:
            middle = (low + high + 1) // 2
            if starts[middle] <= offset:
                low = middle
            else:
                high = middle - 1
        return low

    return locate


def _attribution_after(
    text: str, item: _Joined, sentence: Sentence, index: EntityIndex, close: int | None = None
) -> Attribution | None:
    """", Holloway said." / ", said Salah al-Obaidi" / ", a statement read on X's website"."""
    close = (item.close if close is None else close) + 1
    tail_end = sentence.end
    next_quote = min((text.find(q, close) for q in "“\"«" if text.find(q, close) != -1), default=-1)
    if next_quote != -1 and next_quote < tail_end:
        tail_end = next_quote
    if close >= len(text):
        return None
    tail = text[close:tail_end]
    if len(tail.strip(" ,.")) == 0:
        return None
    statement = _STATEMENT_ON.search(tail)
    if statement:
        owner_start = close + statement.start("owner")
        return _resolve(text, owner_start, close + statement.end("owner"), index, "read on")
    according = _ACCORDING.match(tail.lstrip(" ,—–"))
    if according:
        offset = close + len(tail) - len(tail.lstrip(" ,—–"))
        return _resolve(text, offset + according.start("speaker"), offset + according.end("speaker"), index,
                        "according to")
    tokens = [t for t in sentence.tokens if close <= t.start < tail_end]
    words = [t for t in tokens if t.text[0].isalnum()]
    if not words:
        return None
    for k, token in enumerate(tokens[:12]):
        if token.lower in lexicon.SPEECH_VERBS:
            before = [t for t in tokens[:k] if t.text not in {",", "—", "–"}]
            if before:
                # ", Holloway said" / ", the official told reporters"
                return _resolve_tokens(text, before, index, _cue(tokens, k))
            after = []
            for t in tokens[k + 1:]:
                if t.text in {",", ".", ";", "(", "—"}:
                    break
                after.append(t)
            if after:
                return _resolve_tokens(text, after, index, _cue(tokens, k))
            return None
        if token.text in {".", ";"}:
            break
    return None


def _attribution_before(text: str, item: _Joined, sentence: Sentence, index: EntityIndex) -> Attribution | None:
    """"X said:" / "X said that" / "According to X," before the quote, in the same sentence."""
    tokens = [t for t in sentence.tokens if t.end <= item.start - 1]
    if not tokens:
        return None
    # Only the clause right before the quote: after the last quote that closes in this sentence.
    last_close = max((k for k, t in enumerate(tokens) if t.text in "”»\"" and t.start > sentence.start), default=-1)
    tokens = tokens[last_close + 1:]
    head = text[tokens[0].start:item.start - 1] if tokens else ""
    according = _ACCORDING.search(head)
    if according:
        start = tokens[0].start + according.start("speaker")
        return _resolve(text, start, tokens[0].start + according.end("speaker"), index, "according to")
    for k in range(len(tokens) - 1, -1, -1):
        if tokens[k].lower in lexicon.SPEECH_VERBS:
            subject = _subject_before(tokens[:k])
            if subject:
                return _resolve_tokens(text, subject, index, _cue(tokens, k))
            return None
    return None


def _neighbour_attribution(text, raw, position, sentences, sentence_of, index) -> Attribution | None:
    """A quote with no attribution of its own takes that of the next or previous quote in its paragraph."""
    item = raw[position]
    for other_position in (position + 1, position - 1):
        if 0 <= other_position < len(raw) and raw[other_position].paragraph == item.paragraph:
            other = raw[other_position]
            found = _attribution_after(text, other, sentences[sentence_of(other.close)], index) or _attribution_before(
                text, other, sentences[sentence_of(other.start)], index
            )
            if found:
                return found
    return None


def _subject_before(tokens: list[Token]) -> list[Token]:
    """The speaker phrase before a speech verb, skipping adverbs and appositions."""
    while tokens and tokens[-1].lower in ADVERBS:
        tokens = tokens[:-1]
    segments: list[list[Token]] = [[]]
    for token in tokens:
        if token.text in {",", "—", "–", "(", ")"}:
            segments.append([])
        else:
            segments[-1].append(token)
    segments = [s for s in segments if s]
    if not segments:
        return []

    def names_someone(segment: list[Token]) -> bool:
        first = segment[0]
        return first.is_capitalized or first.lower in lexicon.PRONOUNS

    candidates = [s for s in segments if names_someone(s)]
    if not candidates:
        return segments[-1] if segments[-1][0].lower in {"the", "a", "an"} else []
    last = segments[-1]
    if last[0].lower in {"a", "an", "the", "who"} and len(candidates) >= 1 and candidates[-1] is not last:
        chosen = candidates[-1]
    elif names_someone(last) or last[0].lower in {"the", "a", "an"}:
        chosen = last
    else:
        chosen = candidates[-1]
    # "Later Thursday Zelensky": time words before a name are no part of the speaker.
    while len(chosen) > 1 and chosen[0].text in lexicon.NON_NAME_WORDS and chosen[1].is_capitalized and (
        chosen[0].lower not in lexicon.PRONOUNS and chosen[0].lower not in {"the", "a", "an"}
    ):
        chosen = chosen[1:]
    return chosen


def _cue(tokens: list[Token], k: int) -> str:
    verb = tokens[k].lower
    if verb in {"told", "tells"} and k + 1 < len(tokens) and tokens[k + 1].text[0].isalpha():
        return f"{verb} {tokens[k + 1].text}"
    return verb


def _resolve_tokens(text: str, tokens: list[Token], index: EntityIndex, cue: str) -> Attribution:
    return _resolve(text, tokens[0].start, tokens[-1].end, index, cue)


def _resolve(text: str, start: int, end: int, index: EntityIndex, cue: str | None) -> Attribution:
    """Name a speaker phrase: the person in it, a pronoun's person, or the phrase as worded."""
    phrase = text[start:end].strip(" ,.;:“”\"")
    words = phrase.split()
    if not words:
        return Attribution(None, None, cue, False)
    first = words[0].lower()
    if len(words) == 1 and first in lexicon.PRONOUNS:
        gender = lexicon.PRONOUNS[first]
        if first in {"he", "she"}:
            person = index.last_person_before(start, gender)
            if person is not None:
                return Attribution(person.name, phrase, cue, True)
        return Attribution(None, phrase, cue, False)
    mentions = index.in_span(start, end)
    persons = [m for m in mentions if m[2].type == PERSON]
    if persons:
        return Attribution(persons[-1][2].name, phrase, cue, True)
    head = words[-1].strip("'’").lower()
    if first in {"the", "this", "that"} and head in GENERIC_SPEAKERS:
        person = index.last_person_before(start)
        if person is not None:
            return Attribution(person.name, phrase, cue, True)
    if mentions and (words[-1][0].isupper() or head in STATEMENT_WORDS):
        for wanted in (ORGANIZATION, LOCATION):
            typed = [m for m in mentions if m[2].type == wanted]
            if typed:
                return Attribution(typed[-1][2].name, phrase, cue, True)
    if len(words) > 8:
        return Attribution(None, None, cue, False)
    return Attribution(phrase, phrase, cue, False)


def _sentence_attribution(text: str, sentence: Sentence, index: EntityIndex, exclude) -> Attribution | None:
    """The source a sentence reports, outside its direct quotes: "X said (that) ...", "..., according to X"."""
    tokens = list(sentence.tokens)
    if exclude:
        tokens = [t for t in tokens if not any(q.start <= t.start < q.end for q in exclude)]
    body = text[sentence.start:sentence.end]
    according = _ACCORDING.search(body)
    if according:
        return _resolve(text, sentence.start + according.start("speaker"), sentence.start + according.end("speaker"),
                        index, "according to")
    statement = _STATEMENT_ON.search(body)
    if statement:
        return _resolve(text, sentence.start + statement.start("owner"), sentence.start + statement.end("owner"),
                        index, "read on")
    trailing = _trailing_attribution(text, tokens, index)
    if trailing is not None:
        return trailing
    for k, token in enumerate(tokens):
        if token.lower in lexicon.SPEECH_VERBS and not _is_participle_use(tokens, k):
            subject = _subject_before(_clause_before(tokens, k))
            if subject:
                return _resolve_tokens(text, subject, index, _cue(tokens, k))
            inverted = []
            for t in tokens[k + 1:]:
                if t.text in {",", ".", ";", "(", "—"}:
                    break
                inverted.append(t)
            if inverted and k > 0 and tokens[k - 1].text == "," and len(inverted) <= 8:
                return _resolve_tokens(text, inverted, index, _cue(tokens, k))
    return None


def _trailing_attribution(text: str, tokens: list[Token], index: EntityIndex) -> Attribution | None:
    """"..., chief engineer Marta Kovacs said." / "..., said the ministry.": the source closes the sentence."""
    end = len(tokens)
    while end and tokens[end - 1].text in {".", "!", "?", "”", '"'}:
        end -= 1
    comma = max((k for k in range(end) if tokens[k].text == ","), default=-1)
    if comma < 0 or end - comma > 12:
        return None
    tail = tokens[comma + 1:end]
    verbs = [k for k, t in enumerate(tail) if t.lower in lexicon.SPEECH_VERBS]
    if not verbs:
        return None
    k = verbs[0]
    if k > 0 and (k == len(tail) - 1 or tail[k + 1].lower in {"on", "in", "at", "to", "yesterday", "today",
                                                                  "reporters", "journalists", "last", "this"}):
        return _resolve_tokens(text, _subject_before(tail[:k]) or tail[:k], index, _cue(tail, k))
    if k == 0 and len(tail) > 1:
        return _resolve_tokens(text, tail[1:], index, _cue(tail, 0))
    return None


def _clause_before(tokens: list[Token], k: int) -> list[Token]:
    start = k
    while start > 0 and tokens[start - 1].text not in {";", ":", "“", "”", '"'} and tokens[start - 1].lower not in {
        "that", "and", "but", "which", "while", "as", "because", "after", "when", "whom"
    }:
        start -= 1
    return tokens[start:k]


def _is_participle_use(tokens: list[Token], k: int) -> bool:
    """"the figures reported by", "a so-called": not an attribution verb here."""
    following = tokens[k + 1].lower if k + 1 < len(tokens) else ""
    preceding = tokens[k - 1].lower if k > 0 else ""
    return following == "by" or preceding in {"the", "a", "an", "be", "been", "is", "was", "are", "were"}


def _indirect_quotes(text, sentences, attributions, raw) -> list[Quote]:
    """Reported speech without marks: the clause after "X said (that)"."""
    found = []
    for sentence, attribution in zip(sentences, attributions, strict=True):
        if attribution is None or attribution.cue in {None, "according to", "read on"}:
            continue
        if any(sentence.start <= q.start < sentence.end for q in raw):
            continue
        tokens = sentence.tokens
        verb_index = next((k for k, t in enumerate(tokens) if t.lower == attribution.cue.split()[0]), None)
        if verb_index is None:
            continue
        clause = list(tokens[verb_index + 1:])
        if clause and clause[0].lower == "that":
            clause = clause[1:]
        while clause and clause[-1].text in {".", "!", "?"}:
            clause = clause[:-1]
        if len(clause) < 3:
            before = [t for t in tokens[:verb_index] if t.text not in {","}]
            if len(before) < 4:
                continue
            clause = list(tokens[: max(0, verb_index - len(_subject_before(list(tokens[:verb_index]))) - 1)])
            while clause and clause[-1].text in {",", "."}:
                clause = clause[:-1]
            if len(clause) < 3:
                continue
        start, end = clause[0].start, clause[-1].end
        found.append(
            Quote(
                text=text[start:end], kind="indirect", speaker=attribution.speaker,
                speaker_text=attribution.speaker_text, cue=attribution.cue, start=start, end=end,
                sentence=text[sentence.start:sentence.end], speaker_is_entity=attribution.is_entity,
            )
        )
    return found
