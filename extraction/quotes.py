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
from bisect import bisect_right
from dataclasses import dataclass

from . import lexicon
from .attribution import (
    ACCORDING,
    STATEMENT_ON,
    Attribution,
    clause_sources,
    confidence,
    parsed_source,
    resolve,
    resolve_tokens,
)
from .candidates import ORGANIZATION, PERSON
from .entity_index import EntityIndex
from .text import ABBREVIATIONS, Sentence, Text, Token, paragraphs
from .types import Quote

# Each opening mark and the marks that close it; typed text mixes straight and curly marks ("...” or “...").
PAIRS = {"“": "”\"", "„": "“”", "«": "»", '"': '"”', "‘": "’", "‹": "›"}
PARTIAL_MAX_WORDS = 3


@dataclass
class _RawQuote:
    start: int  # offset of the text inside the marks
    end: int
    paragraph: int
    continues: bool  # opened a paragraph after a quote left open
    left_open: bool = False  # ran to the end of its paragraph without a closing mark


def find_quote_spans(text: str) -> list[_RawQuote]:
    spans: list[_RawQuote] = []
    left_open, open_closers = False, ""
    for index, (p_start, p_end) in enumerate(paragraphs(text)):
        i = p_start
        open_at, closers = None, ""
        continued_here = False
        if left_open and text[p_start] not in PAIRS and _closes_before_opening(text, p_start, p_end, open_closers):
            # The quote left open above runs on into this paragraph without a new opening mark.
            open_at, closers, continued_here = p_start - 1, open_closers, True
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
            spans.append(_RawQuote(open_at + 1, p_end, index, continued_here, left_open=True))
            open_closers = closers
    return [s for s in spans if text[s.start:s.end].strip()]


def _closes_before_opening(text: str, start: int, end: int, closers: str) -> bool:
    for i in range(start, end):
        if text[i] in closers and _closes(text, i, end):
            return True
        if text[i] in PAIRS and text[i] not in closers:
            return False
    return False


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


def extract_quotes(read: Text, index: EntityIndex) -> tuple[list[Quote], list[Attribution | None]]:
    """The quotes of an article, and for each sentence its attribution (or None)."""
    text, sentences = read.string, read.sentences
    raw = [item for item in _join_interrupted(text, find_quote_spans(text)) if not _is_quoted_name(text, item)]
    index.mark_quoted([piece for item in raw for piece in item.pieces])
    sentence_of = _sentence_locator(sentences)
    sentence_attributions = _sentence_attributions(text, sentences, index, raw)
    quotes: list[Quote] = []
    previous: tuple[int, Attribution] | None = None  # paragraph and speaker of the last attributed direct quote
    attributions_so_far: list[Attribution] = []  # of the quotes before, as attributed
    for position, item in enumerate(raw):
        quote_text = " ".join(text[a:b].strip() for a, b in item.pieces)
        word_count = len(quote_text.split())
        number = sentence_of(item.start)
        sentence = sentences[number]
        closing_sentence = sentences[sentence_of(item.close)]
        kind = "partial" if word_count <= PARTIAL_MAX_WORDS or _embedded_fragment(text, item, quote_text) else "direct"
        attribution = None
        if len(item.pieces) > 1 and item.first_close < item.close:
            # “The river,” Mayor Ivan Petrov said, “has ...”: the attribution is the interruption.
            attribution = _attribution_after(text, item, sentence, index, close=item.first_close)
        attribution = (
            _found(attribution)
            or _parsed_attribution(read, item, index)
            or _found(_attribution_after(text, item, closing_sentence, index))
            or _found(_attribution_before(text, item, sentence, index))
            or _transcript_label(read, item, index)
            or _clause_attribution(read, item, index)
            or _by(_neighbour_attribution(read, raw, position, attributions_so_far, index), "neighbour")
            or _by(_context_attribution(text, item, number, sentences, sentence_attributions, previous, index),
                   "continuation")
            or Attribution(None, None, None, False)
        )
        attribution = _resolve_it(_resolve_they(attribution, sentence_attributions[:number]), previous, index)
        attributions_so_far.append(attribution)
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
                attribution=attribution.method if attribution.speaker else None,
                confidence=confidence(attribution.method) if attribution.speaker else None,
            )
        )
        if kind == "direct" and attribution.speaker:
            previous = (sentences[sentence_of(item.close)].paragraph, attribution)
    quotes.extend(_indirect_quotes(text, sentences, sentence_attributions, raw, index))
    return sorted(quotes, key=lambda q: q.start), sentence_attributions


EMBEDDED_FRAGMENT_MAX_WORDS = 12


def _parsed_attribution(read: Text, item: _Joined, index: EntityIndex) -> Attribution | None:
    """The speaker the dependency parse gives: the subject of the speech verb that governs the quote."""
    found = parsed_source(read, item.pieces)
    if found is None:
        return None
    start, end = index.widen(found.start, found.end)  # the parser's span may cut a name ("al-Maliki")
    attribution = resolve(read.string, start, end, index, found.cue, found.method)
    return attribution if attribution.speaker else None


def _clause_attribution(read: Text, item: _Joined, index: EntityIndex) -> Attribution | None:
    """With no speech verb, the nearest verb above the quote whose subject names someone: a named subject
    only, since "the need" or "everything" is no one's (unattributed beats guessed)."""
    for found in clause_sources(read, item.pieces):
        start, end = index.widen(found.start, found.end)
        attribution = resolve(read.string, start, end, index, found.cue, found.method)
        if attribution.is_entity:
            return attribution
    return None


# "WALLACE: Let's start ...", "Mr. Smith: ...": a speaker's label opening a transcript's paragraph.
_TRANSCRIPT_LABEL = re.compile(r"(?:[A-Z][A-Za-z.'’-]*\s){0,2}[A-Z][A-Za-z.'’-]*(?=:\s)")


def _transcript_label(read: Text, item: _Joined, index: EntityIndex) -> Attribution | None:
    """The label of a transcript's paragraph, when the quote opens with it or follows it."""
    text = read.string
    paragraph_start = text.rfind("\n", 0, item.start) + 1
    for position in (item.start, paragraph_start):
        label = _label_at(text, position)
        if label and (label.group().isupper() or index.in_span(label.start(), label.end())):
            return resolve(text, label.start(), label.end(), index, ":", "transcript")
    return None


def _label_at(text: str, position: int):
    """A transcript's speaker label at `position` ("WALLACE: ", "Mr. Pence: "), or None."""
    label = _TRANSCRIPT_LABEL.match(text, position)
    return label if label and label.group().split()[0] not in lexicon.NON_NAME_WORDS else None


def _found(attribution: Attribution | None) -> Attribution | None:
    """An attribution that names a source, even only as worded ("he"), or None, so the next way is tried."""
    return attribution if attribution is not None and (attribution.speaker or attribution.speaker_text) else None


def _by(attribution: Attribution | None, method: str) -> Attribution | None:
    return attribution.by(method) if attribution is not None else None


def _embedded_fragment(text: str, item: _Joined, quote_text: str) -> bool:
    """Quoted words that continue the author's own sentence: his side had "lost the game in the first 20
    minutes". A quote introduced by a speech verb, a comma or a colon, or a long one, is direct."""
    if not quote_text[:1].islower() or len(quote_text.split()) > EMBEDDED_FRAGMENT_MAX_WORDS:
        return False
    before = text[:item.start - 1].rstrip()
    if not before or before[-1] in ",:;.!?\n—–" or before.endswith(("said", "says")):
        return False
    previous_word = before.split()[-1].lower()
    return previous_word not in lexicon.SPEECH_VERBS


def _overlapping(raw: list[_Joined], starts: list[int], sentence: Sentence) -> list[_Joined]:
    """The quotes that overlap a sentence; `starts` are the quotes' starts, in text order. A bisect, so that
    long articles stay linear."""
    k = bisect_right(starts, sentence.end)
    found = []
    for item in reversed(raw[:k]):
        if item.end > sentence.start:
            found.append(item)
        elif item.close < sentence.start:
            break
    return found


def _is_quoted_name(text: str, item: _Joined) -> bool:
    """“The Internet Explorer 6 Countdown”: a quoted title of a work or site, not speech."""
    words = " ".join(text[a:b] for a, b in item.pieces).split()
    return len(words) >= 2 and all(w[0].isupper() or w[0].isdigit() for w in words) and not any(
        w[-1] in ".,!?;:" for w in words
    )


def _sentence_attributions(text, sentences, index, raw) -> list[Attribution | None]:
    found: list[Attribution | None] = []
    starts = [item.start for item in raw]
    for sentence in sentences:
        attribution = _sentence_attribution(text, sentence, index, exclude=_overlapping(raw, starts, sentence))
        found.append(_resolve_they(attribution, found) if attribution else None)
    return found


def _resolve_they(attribution: Attribution, history: list[Attribution | None]) -> Attribution:
    """"they said": the last plural source named before ("The scientists", "Iraqi officials") or organisation."""
    if attribution.speaker_text is None or attribution.speaker_text.lower() != "they":
        return attribution
    for earlier in reversed(history):
        if earlier and earlier.speaker and earlier.speaker_text and earlier.speaker_text.lower() != "they" and (
            earlier.speaker_text.split()[-1].endswith("s") or earlier.is_entity
        ):
            return Attribution(earlier.speaker, earlier.speaker_text, attribution.cue, earlier.is_entity, "pronoun")
    return attribution


def _resolve_it(attribution: Attribution, previous, index: EntityIndex) -> Attribution:
    """"..., it added": the organisation quoted just before."""
    if attribution.speaker is not None or (attribution.speaker_text or "").lower() != "it" or previous is None:
        return attribution
    earlier = previous[1]
    organization = index.by_name.get(earlier.speaker) if earlier.is_entity else None
    if organization is None or organization.type != ORGANIZATION:
        return attribution
    return Attribution(organization.name, attribution.speaker_text, attribution.cue, True, "pronoun")


def _context_attribution(text, item, number, sentences, attributions, previous, index) -> Attribution | None:
    """A quote with no attribution of its own: the source of the sentence before it in its paragraph, or,
    when the quote opens its paragraph, the speaker of the paragraph before."""
    paragraph = sentences[number].paragraph
    own = attributions[number]
    if own is not None and own.speaker and own.cue not in {"read on"}:
        return own
    for k in range(number - 1, -1, -1):
        if sentences[k].paragraph != paragraph:
            break
        if attributions[k] is not None and attributions[k].speaker:
            return attributions[k]
    opens_paragraph = sentences[number].start == item.start - 1 or text[sentences[number].start] in PAIRS
    if opens_paragraph and previous is not None and previous[0] in (paragraph - 1, paragraph):
        return previous[1]
    if opens_paragraph:
        for k in range(number - 1, -1, -1):
            if sentences[k].paragraph < paragraph - 1:
                break
            if attributions[k] is not None and attributions[k].speaker:
                return attributions[k]
    return None


@dataclass
class _Joined:
    pieces: list[tuple[int, int]]
    paragraph: int
    continues: bool
    close: int = 0  # offset of the closing mark (or the paragraph end when left open)
    first_close: int = 0  # closing mark of the first piece: an interruption's attribution follows it
    left_open: bool = False

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
        if joined and span.continues and joined[-1].left_open and joined[-1].paragraph == span.paragraph - 1 and (
            not _label_at(text, span.start)
        ):
            # A quote running over paragraphs is one quote; in a transcript, a new speaker's label starts another.
            last = joined[-1]
            last.pieces.append((span.start, span.end))
            last.close, last.paragraph, last.left_open = span.end, span.paragraph, span.left_open
            continue
        if joined:
            last = joined[-1]
            between = text[last.end + 1:span.start - 1]
            piece = text[last.pieces[-1][0]:last.pieces[-1][1]].rstrip()
            if (
                span.paragraph == last.paragraph and piece.endswith(",") and _INTERRUPTION.match(between)
                and text[span.start:span.end].strip()[:1].islower()
            ):
                last.pieces.append((span.start, span.end))
                last.close, last.left_open = span.end, span.left_open
                continue
        joined.append(_Joined([(span.start, span.end)], span.paragraph, span.continues, span.end, span.end,
                              span.left_open))
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


_DASH_SOURCE = re.compile(r"[ \t]*[―—–][ \t]*(?P<source>[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,3})")


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
    dash = _DASH_SOURCE.match(text, close)
    if dash:
        # "“...” ― Jane Doe": the source under the quote, as under an epigraph.
        return resolve(text, dash.start("source"), dash.end("source"), index, "—", "dash")
    tail = text[close:tail_end]
    if len(tail.strip(" ,.")) == 0:
        return None
    statement = STATEMENT_ON.search(tail)
    if statement:
        owner_start = close + statement.start("owner")
        return resolve(text, owner_start, close + statement.end("owner"), index, "read on")
    according = ACCORDING.match(tail.lstrip(" ,—–"))
    if according:
        offset = close + len(tail) - len(tail.lstrip(" ,—–"))
        return resolve(text, offset + according.start("speaker"), offset + according.end("speaker"), index,
                        "according to")
    tokens = [t for t in sentence.tokens if close <= t.start < tail_end]
    words = [t for t in tokens if t.text[0].isalnum()]
    if not words:
        return None
    for k, token in enumerate(tokens[:12]):
        if _is_speech_verb(tokens, k):
            before = [t for t in tokens[:k] if t.text not in {",", "—", "–"}]
            if before and all(t.lower in lexicon.FUNCTION_WORDS for t in before):
                return None  # "... but warned": no speaker is named here
            if before:
                # ", Holloway said" / ", the official told reporters"
                return resolve_tokens(text, before, index, _cue(tokens, k))
            after = _phrase_after(tokens, k)
            if after:
                return resolve_tokens(text, after, index, _cue(tokens, k))
            return None
        if token.text in {".", ";"} and not (token.text == "." and k > 0 and tokens[k - 1].lower in ABBREVIATIONS):
            break  # the sentence ends here, unless the stop is a title's ("Mr. Obama said")
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
    according = ACCORDING.search(head)
    if according:
        start = tokens[0].start + according.start("speaker")
        return resolve(text, start, tokens[0].start + according.end("speaker"), index, "according to")
    for k in range(len(tokens) - 1, -1, -1):
        if _is_speech_verb(tokens, k):
            subject = _subject_before(tokens[:k], index)
            if subject:
                return resolve_tokens(text, subject, index, _cue(tokens, k))
            return None
    if head.rstrip().endswith(":"):
        # "Sunak defended the record: “...”": a colon hands the floor to the sentence's subject.
        mentions = index.in_span(sentence.start, item.start)
        for wanted in (PERSON, ORGANIZATION):
            named = [m for m in mentions if m[2].type == wanted]
            if named:
                return Attribution(named[0][2].name, text[named[0][0]:named[0][1]], ":", True, "colon")
    return None


def _is_speech_verb(tokens: list[Token], k: int) -> bool:
    """A verb that attributes: "said", "stating", or "issued a statement"."""
    token = tokens[k]
    word = token.lower
    if not token.text.islower():
        return False
    if word in lexicon.NOUN_LIKE_VERBS:
        previous = tokens[k - 1] if k > 0 else None
        following = tokens[k + 1].text if k + 1 < len(tokens) else ""
        if following in {"-", "–"} or previous is None or previous.lower in lexicon.DETERMINERS or (
            previous.text[0].isdigit()
        ):
            return False
    if word in lexicon.SPEECH_VERBS:
        return True
    following = {t.lower for t in tokens[k + 1:k + 4]}
    return word in lexicon.STATEMENT_VERBS and bool(following & lexicon.STATEMENT_WORDS)


def _neighbour_attribution(read: Text, raw, position, found: list[Attribution], index) -> Attribution | None:
    """A quote with no attribution of its own takes that of the previous quote in its paragraph, as it was
    attributed, or else the one the next quote of the paragraph names."""
    text, sentences = read.string, read.sentences
    item = raw[position]
    if position > 0 and raw[position - 1].paragraph == item.paragraph and found[position - 1].speaker:
        return found[position - 1]
    following = position + 1
    if following < len(raw) and raw[following].paragraph == item.paragraph:
        other = raw[following]
        return (
            _parsed_attribution(read, other, index)
            or _attribution_after(text, other, sentences[read.sentence_index(other.close)], index)
            or _attribution_before(text, other, sentences[read.sentence_index(other.start)], index)
        )
    return None


def _subject_before(tokens: list[Token], index: EntityIndex | None = None) -> list[Token]:
    """The speaker phrase before a speech verb, skipping adverbs and appositions; a segment between
    commas that names a person wins ("Hernan Dario Gomez, Panama coach, said")."""
    while tokens and tokens[-1].lower in lexicon.ADVERBS:
        tokens = tokens[:-1]
    segments: list[list[Token]] = [[]]
    for token in tokens:
        if token.text in {",", "—", "–", "(", ")"}:
            segments.append([])
        else:
            segments[-1].append(token)
    segments = [s[1:] if len(s) > 1 and s[0].lower in {"with", "and", "but", "while", "as"} else s
                for s in segments if s]
    if not segments:
        return []

    def names_someone(segment: list[Token]) -> bool:
        # "Zelensky", "he", or "coauthor Colette Heald": a capitalised word anywhere in it.
        return segment[0].lower in lexicon.PRONOUNS or any(t.is_capitalized for t in segment)

    if index is not None and len(segments) > 1:
        with_person = [s for s in segments if any(m[2].type == PERSON for m in index.in_span(s[0].start, s[-1].end))]
        # The name itself, not an apposition about someone else ("Salah al-Obaidi, a top aide to al-Sadr,").
        named = [s for s in with_person if s[0].lower not in {"a", "an", "the"}]
        if named or with_person:
            return (named or with_person)[-1]
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


def _sentence_attribution(text: str, sentence: Sentence, index: EntityIndex, exclude) -> Attribution | None:
    """The source a sentence reports, outside its direct quotes: "X said (that) ...", "..., according to X"."""
    tokens = list(sentence.tokens)
    if exclude:
        tokens = [t for t in tokens if not any(q.start <= t.start < q.end for q in exclude)]
    body = text[sentence.start:sentence.end]
    according = ACCORDING.search(body)
    if according:
        return resolve(text, sentence.start + according.start("speaker"), sentence.start + according.end("speaker"),
                        index, "according to")
    statement = STATEMENT_ON.search(body)
    if statement:
        return resolve(text, sentence.start + statement.start("owner"), sentence.start + statement.end("owner"),
                        index, "read on")
    trailing = _trailing_attribution(text, tokens, index)
    if trailing is not None:
        return trailing
    if sentence.paragraph == 0 and len(tokens) > 3:
        # A headline that opens with its source: "Reports: ...", "Police: ...".
        colon = next((k for k, t in enumerate(tokens[:4]) if t.text == ":"), None)
        if colon:
            return resolve_tokens(text, tokens[:colon], index, ":")
    for k in range(len(tokens)):
        if _is_speech_verb(tokens, k) and not _is_participle_use(tokens, k):
            subject = _subject_before(_clause_before(tokens, k), index)
            if subject:
                return resolve_tokens(text, subject, index, _cue(tokens, k))
            inverted = _phrase_after(tokens, k)
            if inverted and k > 0 and tokens[k - 1].text == "," and len(inverted) <= 8:
                return resolve_tokens(text, inverted, index, _cue(tokens, k))
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
    verbs = [k for k, t in enumerate(tail) if _is_speech_verb(tail, k)]
    if not verbs:
        return None
    k = verbs[0]
    if k > 0 and (k == len(tail) - 1 or tail[k + 1].lower in {"on", "in", "at", "to", "yesterday", "today",
                                                                  "reporters", "journalists", "last", "this"}):
        return resolve_tokens(text, _subject_before(tail[:k], index) or tail[:k], index, _cue(tail, k))
    if k == 0 and len(tail) > 1 and tail[0].lower in lexicon.CORE_SPEECH_VERBS and (
        tail[1].is_capitalized or tail[1].lower in {"the", "a", "an"}
    ):
        return resolve_tokens(text, tail[1:], index, _cue(tail, 0))
    return None


def _phrase_after(tokens: list[Token], k: int) -> list[Token]:
    """The words after a verb up to the next punctuation: the speaker of ", said Salah al-Obaidi, a ..."."""
    phrase: list[Token] = []
    for token in tokens[k + 1:]:
        # "said Mr. McGinley": the full stop of a title's abbreviation is no end.
        abbreviation = token.text == "." and phrase and phrase[-1].lower in ABBREVIATIONS
        if token.text in {",", ".", ";", "(", "—"} and not abbreviation:
            break
        phrase.append(token)
    return phrase


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
    if preceding in {"they", "he", "she", "we", "i", "it", "you"}:
        return False  # "They estimated by 2050 ...": active
    return following == "by" or preceding in {"the", "a", "an", "be", "been", "is", "was", "are", "were"}


def _is_finite_like(token: Token) -> bool:
    lower = token.lower
    return lower in lexicon.FINITE_WORDS or (token.text.islower() and len(lower) > 4 and lower.endswith("ed"))


def _indirect_quotes(text, sentences, attributions, raw, index) -> list[Quote]:
    """Reported speech without marks: the clause after "X said (that)"."""
    found = []
    starts = [item.start for item in raw]
    for sentence, attribution in zip(sentences, attributions, strict=True):
        if attribution is None or attribution.cue in {None, "according to", "read on"}:
            continue
        if _overlapping(raw, starts, sentence):
            continue
        tokens = sentence.tokens
        verb_index = next((k for k, t in enumerate(tokens) if t.lower == attribution.cue.split()[0]), None)
        if verb_index is None:
            continue
        clause = list(tokens[verb_index + 1:])
        that = next((k for k, t in enumerate(clause[:6]) if t.lower == "that"), None)
        if that is not None:
            clause = clause[that + 1:]  # "said on Thursday that ...": the reported clause starts after "that"
        while clause and clause[-1].text in {".", "!", "?"}:
            clause = clause[:-1]
        if len(clause) < 3:
            before = [t for t in tokens[:verb_index] if t.text not in {","}]
            if len(before) < 4:
                continue
            clause = list(tokens[: max(0, verb_index - len(_subject_before(list(tokens[:verb_index]), index)) - 1)])
            while clause and clause[-1].text in {",", "."}:
                clause = clause[:-1]
            if len(clause) < 3:
                continue
        if not any(_is_finite_like(t) for t in clause):
            continue  # "added a third after 67 minutes": an object, no reported clause
        start, end = clause[0].start, clause[-1].end
        found.append(
            Quote(
                text=text[start:end], kind="indirect", speaker=attribution.speaker,
                speaker_text=attribution.speaker_text, cue=attribution.cue, start=start, end=end,
                sentence=text[sentence.start:sentence.end], speaker_is_entity=attribution.is_entity,
                attribution=attribution.method, confidence=confidence(attribution.method),
            )
        )
    return found
