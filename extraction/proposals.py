"""Names the statistical model proposes, and how the rules take them.

The rules find capitalised runs and type them first; the model's named entities then
- type a run the rules left untyped when the model found exactly that span, unless the article accounts
  for it otherwise (a surname of a person named in full, an acronym),
- retype a run the rules called a person only for its first name when the model sees an organisation
  there ("Morgan Stanley"),
- add names the rules never saw as a run (lower-case particles, all-capital lines, odd spellings),
  unless a veto says they name nothing: nationality words, time zones, sentence openers.
"""

from __future__ import annotations

from collections.abc import Callable

from . import lexicon
from .candidates import LOCATION, ORGANIZATION, PERSON, Part, surface
from .gazetteer import first_names, lookup_place
from .text import OPEN_QUOTES, Text

# The model's OntoNotes labels, mapped to our types; NORP (nationalities), dates, numbers and the rest
# name nothing we keep. PRODUCT is left out: on news the small model's products are mostly wrong.
MODEL_TYPES = {"PERSON": PERSON, "ORG": ORGANIZATION, "GPE": LOCATION, "LOC": LOCATION, "FAC": LOCATION}
# Words the model proposes as names that name nothing here.
TIME_ZONES = {"UTC", "GMT", "BST", "CET", "CEST", "EST", "EDT", "PST", "PDT", "CST", "CDT", "MSK", "EET", "EEST"}
# Words the model's spans open with that are not part of the name.
LEADING_ARTICLES = {"the", "a", "an"}
# The context kept around a proposed part, as for a run (the rules read the words after a name).
CONTEXT_BEFORE, CONTEXT_AFTER = 4, 12

Proposals = dict[tuple[int, int], str]


def model_proposals(text: Text) -> Proposals:
    """(start, end) → type of every name the model proposes in a type we keep."""
    found: Proposals = {}
    for start, end, label in text.parse.entities():
        type_ = MODEL_TYPES.get(label)
        if type_ is not None:
            found[without_article(text.string, start, end)] = type_
    return found


def without_article(string: str, start: int, end: int) -> tuple[int, int]:
    """The model's span of "the Federal Reserve" starts at "the", and "K. Okafor 84" in a scorecard ends
    with a figure; the name, like the rules' runs, has neither."""
    words = string[start:end].split(" ", 1)
    if len(words) == 2 and words[0].lower() in LEADING_ARTICLES:
        start += len(words[0]) + 1
    words = string[start:end].rsplit(" ", 1)
    if len(words) == 2 and not any(ch.isalpha() for ch in words[1]):
        end -= len(words[1]) + 1
    return start, end


def vetoed(name: str) -> bool:
    """A proposal that names nothing: a nationality word, a time zone, a religion, an opener, no capital
    letter."""
    words = name.split()
    return (
        not words
        or len(name) < 2
        or not any(ch.isupper() for ch in name)
        or name in lexicon.DEMONYMS or name in TIME_ZONES or name in lexicon.RELIGIONS
        or all(w in lexicon.NON_NAME_WORDS or w in lexicon.DEMONYMS for w in words)
        or any(ch.isdigit() for ch in name) and not any(ch.isalpha() for ch in name)
    )


def common_word_opening(part: Part, lowercase_words: frozenset[str]) -> bool:
    """"Metro reopens": one capitalised word opening a sentence that the article writes in lower case too."""
    return part.sentence_initial and len(part.tokens) == 1 and part.name.lower() in lowercase_words


def reconcile_with_model(part: Part, proposals: Proposals, lowercase_words: frozenset[str]) -> None:
    """Type or retype a run from the model's proposal of exactly its span."""
    model_type = proposals.get((part.start, part.end))
    if model_type is None or part.ruled_out or vetoed(part.name) or common_word_opening(part, lowercase_words):
        return
    if part.type is None:
        part.proposed = model_type
    elif part.type == PERSON and model_type == ORGANIZATION and part.rule == "person cues" and (
        part.title_before is None and first_names().get(part.tokens[0].text) not in (None, "m", "f")
    ):
        # A name of either sex opening a company's name: "Morgan Stanley"; "Thibaut Courtois" stays a man.
        _take(part, ORGANIZATION)


def proposed_parts(
    text: Text, parts: list[Part], proposals: Proposals, classify: Callable[[Part], None],
    lowercase_words: frozenset[str],
) -> list[Part]:
    """Candidates for the proposals that no run of the rules overlaps, typed by the rules first."""
    taken = sorted((part.start, part.end) for part in parts)
    added = []
    for (start, end), model_type in sorted(proposals.items()):
        if _overlaps(taken, start, end):
            continue
        sentence = text.sentences[text.sentence_index(start)]
        inside = [k for k, t in enumerate(sentence.tokens) if t.start >= start and t.end <= end]
        if not inside or sentence.tokens[inside[0]].start != start or sentence.tokens[inside[-1]].end != end:
            continue  # the model's tokens and ours disagree on where the name ends
        first, last = inside[0], inside[-1] + 1
        tokens = list(sentence.tokens[first:last])
        while tokens and (tokens[0].text in lexicon.NON_NAME_WORDS or tokens[0].lower == "the"):
            tokens, first = tokens[1:], first + 1
        if not tokens or vetoed(surface(tokens)):
            continue
        if len(tokens) == 1 and last < len(sentence.tokens) and _opens_a_title(tokens[0], sentence.tokens[last]):
            continue
        opening = next((k for k, t in enumerate(sentence.tokens) if t.text not in OPEN_QUOTES), 0)
        part = Part(
            tokens=tokens, sentence_initial=first == opening,
            before=list(sentence.tokens[max(0, first - CONTEXT_BEFORE):first]),
            after=list(sentence.tokens[last:last + CONTEXT_AFTER]),
        )
        classify(part)
        if part.type is None and not part.ruled_out and not common_word_opening(part, lowercase_words):
            part.proposed = model_type
        added.append(part)
    return added


def _opens_a_title(word, following) -> bool:
    """"Home" in "the Home Secretary": a word of a title that the rules cut from it (a "Dean" before a verb
    is a surname)."""
    return (word.lower in lexicon.TITLES or word.lower in lexicon.TITLE_MODIFIERS) and following.lower in lexicon.TITLES


def take_proposal(part: Part) -> None:
    """Type a name as the model proposed, when nothing else in the article accounts for it."""
    _take(part, part.proposed)


def _take(part: Part, type_: str) -> None:
    part.type, part.rule = type_, "model"
    if type_ == LOCATION:
        part.place = lookup_place(part.name)
    elif type_ == PERSON:
        gender = first_names().get(part.tokens[0].text) if len(part.tokens) > 1 else None
        part.gender = gender if gender in {"m", "f"} else None


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    from bisect import bisect_left

    k = bisect_left(spans, (start, start))
    return any(a < end and start < b for a, b in spans[max(0, k - 1):k + 2])
