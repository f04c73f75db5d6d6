"""Attribution: who a stretch of text is attributed to, shared by quotes and claims.

Every cue is defined once (lexicon: speech verbs and their lemmas; here: "according to", statements
"read on X's website"). A source is found in two ways:
- from the parse (`parsed_source`): the subject of the speech verb that governs the quote or its clause,
  an apposition that names the person ("the charity's director, X, said"), "according to X";
- by the rules of quotes.py, for what the parser misreads.
Either way the speaker phrase is then named (`resolve`): the person in it, a pronoun's person (gender
from titles and first names), the entity a role noun stands for ("the company", "the official"), or the
phrase as worded ("Kremlin sources").

Each attribution records its method (METHODS); CONFIDENCE gives the accuracy measured for each on the
development sets (scripts/measure_attribution.py regenerates it).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from . import lexicon
from .candidates import LOCATION, ORGANIZATION, PERSON
from .entity_index import EntityIndex
from .gazetteer import DATA
from .text import Text, Token

# How an attribution was found, strongest evidence first.
METHODS = (
    "cue",  # a speech verb next to the quote, with its speaker named ("..., Holloway said")
    "parse",  # the subject of the speech verb that governs the quote in the dependency parse
    "apposition",  # a name in apposition to the subject ("the charity's director, Jane Doe, said")
    "according_to",  # "according to X"
    "statement",  # "a statement read on X's website"
    "colon",  # "X defended the record: “...”"
    "transcript",  # "SMITH: ..." a speaker's label opening a transcript's paragraph
    "dash",  # "“...” — Jane Doe": a name after a dash, as under an epigraph
    "clause_subject",  # no speech verb: the subject of the clause the quote sits in (dubbed it “treacherous”)
    "role_noun",  # "the company", "the official": the entity named last of that kind
    "pronoun",  # "he", "she": the last person of that gender
    "neighbour",  # another quote of the paragraph names the speaker
    "continuation",  # a quote with no cue continues the source of its paragraph or the paragraph before
)
METHOD_OF_CUE = {"according to": "according_to", "read on": "statement", ":": "colon"}


def _confidence_table() -> dict[str, float]:
    """method → accuracy measured on the development sets (scripts/measure_attribution.py writes it);
    "*" is all methods together, for a method too rarely seen to be measured alone."""
    table = {}
    for line in (DATA / "attribution_confidence.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            method, accuracy, *_ = line.split("\t")
            table[method] = float(accuracy)
    return table


CONFIDENCE = _confidence_table()


def confidence(method: str | None) -> float | None:
    """The measured accuracy of a method; None for no attribution."""
    if not method:
        return None
    return CONFIDENCE.get(method, CONFIDENCE.get("*"))


STATEMENT_ON = re.compile(
    r"\b(?:a|the)\s+(?:statement|message|post|text|letter|note)\s+(?:read|posted|published|released|issued|said)"
    r"\s+(?:on|by|from)\s+(?:the\s+)?(?P<owner>[^,.;]+?)(?:'s|’s)\b"
)
ACCORDING = re.compile(r"\baccording to\s+(?P<speaker>(?:[^,.;:“”\"]|(?<=\d)[,.](?=\d))+)", re.IGNORECASE)


@dataclass
class Attribution:
    """Who a stretch of text is attributed to, and how that was found (one of METHODS)."""

    speaker: str | None
    speaker_text: str | None
    cue: str | None
    is_entity: bool
    method: str | None = None

    def by(self, method: str) -> Attribution:
        """The same source, reached another way (a quote that continues the one before)."""
        return replace(self, method=method) if self.speaker else self


def resolve_tokens(text: str, tokens: list[Token], index: EntityIndex, cue: str, method: str | None = None
                   ) -> Attribution:
    return resolve(text, tokens[0].start, tokens[-1].end, index, cue, method)


_MODIFIER_CUT = re.compile(r"\s+(?:to|that|which|who|whose|seen|obtained|published|quoted|cited|released|issued|"
                           r"leaked|posted|sent|given|shown)\b")


def resolve(text: str, start: int, end: int, index: EntityIndex, cue: str | None, method: str | None = None
            ) -> Attribution:
    """Name a speaker phrase: the person in it, a pronoun's person, the entity a role noun stands for, or
    the phrase as worded. `method` says how the phrase was found (default: from its cue)."""
    method = method or METHOD_OF_CUE.get(cue or "", "cue")
    for cut in _MODIFIER_CUT.finditer(text, start, end):
        head = text[start:cut.start()].split()
        # "Figures to be published today", "a letter seen by Sky News": the head, not its modifiers; but
        # "A leaked letter" keeps its adjective.
        if head and not (len(head) == 1 and head[0].lower() in {"a", "an", "the", "this", "that"}):
            end = cut.start()
            break
    if index.text is not None and method == "cue":
        # A phrase the rules found: keep the noun phrase it stands on, refuse one with none.
        nominal = index.text.nominal_span(start, end)
        if nominal is None:
            return Attribution(None, None, cue, False)
        start, end = nominal
    phrase = text[start:end].strip(" ,.;:“”\"")
    words = phrase.split()
    if not words or all(word in lexicon.DEMONYMS for word in words):
        return Attribution(None, None, cue, False)  # "Republican claims": a nationality or party word is no source
    first = words[0].lower()
    if len(words) == 1 and first in lexicon.PRONOUNS:
        gender = lexicon.PRONOUNS[first]
        if first in {"he", "she"}:
            person = index.last_person_before(start, gender)
            if person is not None:
                return Attribution(person.name, phrase, cue, True, "pronoun")
        return Attribution(None, phrase, cue, False, "pronoun")
    mentions = index.in_span(start, end)
    persons = [m for m in mentions if m[2].type == PERSON]
    if persons:
        return Attribution(persons[-1][2].name, phrase, cue, True, method)
    head = words[-1].strip("'’").lower()
    if first in {"the", "this", "that"} and head in lexicon.GENERIC_SPEAKERS:
        # "the mayor": the last person named with that title ("Mayor Bill de Blasio"), else the last person.
        person = index.last_person_titled(start, head) or index.last_person_before(start)
        if person is not None:
            return Attribution(person.name, phrase, cue, True, "role_noun")
    if first in {"the", "this"} and head in lexicon.GENERIC_ORGANIZATIONS and len(words) <= 3:
        # "The company expects ...": the organisation named last.
        organization = index.last_of_type_before(start, ORGANIZATION)
        if organization is not None:
            return Attribution(organization.name, phrase, cue, True, "role_noun")
    if mentions and (words[-1][0].isupper() or head in lexicon.STATEMENT_WORDS):
        for wanted in (ORGANIZATION, LOCATION):
            typed = [m for m in mentions if m[2].type == wanted]
            if typed:
                return Attribution(typed[-1][2].name, phrase, cue, True, method)
    if len(words) > 8:
        return Attribution(None, None, cue, False)
    return Attribution(phrase, phrase, cue, False, method)


@dataclass(frozen=True)
class ParsedSource:
    """A speaker phrase the parse gives for a quote: where it is, its verb, and how it was found."""

    start: int
    end: int
    cue: str
    method: str


# Dependents that continue a name to the right of its head ("Miller Jr.", "Gen. Mark Milley").
NAME_CONTINUATIONS = {"flat", "compound", "nummod"}
# Bounds that keep a flood of quotation marks linear: words of a quote read, ancestors walked, and tokens
# either side of a quote searched for its verb (a sentence's reporting clause is far shorter).
MAX_QUOTE_TOKENS_READ = 60
MAX_ANCESTORS = 12
SENTENCE_WINDOW = 40
# Dependencies whose verb takes its subject from the verb above it.
SHARED_SUBJECT_DEPENDENCIES = {"conj", "xcomp", "advcl", "pcomp"}
# How far up the parse a quote's words may climb to reach the verb that reports them.
MAX_CLIMB = 4


def parsed_source(text: Text, pieces: list[tuple[int, int]]) -> ParsedSource | None:
    """The speaker of a quote (its `pieces`: one stretch, or two around an interruption such as
    ', Mr. Obama said, ') by the dependency parse: the subject of the speech verb that governs the
    quote, "according to X" beside it, or None."""
    for offset, quoted, inside in _quote_tokens(text, pieces):
        verb = _governing_verb(quoted, inside, _is_speech)
        if verb is not None:
            found = _subject_phrase(verb, inside)
            if found is not None:
                first, last, method = found
                return ParsedSource(offset + first.idx, offset + last.idx + len(last.text), _cue_of(verb), method)
        according = _according_to(quoted, inside, text.parse)
        if according is not None:
            first, last = according
            return ParsedSource(offset + first.idx, offset + last.idx + len(last.text), "according to",
                                "according_to")
    return None


def clause_sources(text: Text, pieces: list[tuple[int, int]]) -> Iterator[ParsedSource]:
    """For a quote no speech verb governs: the subjects of the verbs above it, nearest first (method
    `clause_subject`): "Gingrich dismissed Estonia as “the suburbs”", "Kall compared Trump to a coach who
    is “working the referees”" (the coach's clause names no one; the next verb up names Kall)."""
    for offset, quoted, inside in _quote_tokens(text, pieces):
        seen: set[int] = set()
        for verb in _governing_verbs(quoted, inside):
            if verb.i in seen:
                continue
            seen.add(verb.i)
            found = _subject_phrase(verb, inside)
            if found is not None and found[0].lower_ not in lexicon.FIRST_AND_SECOND_PERSON:
                first, last, _ = found
                yield ParsedSource(offset + first.idx, offset + last.idx + len(last.text), _cue_of(verb),
                                   "clause_subject")


def _quote_tokens(text: Text, pieces: list[tuple[int, int]]):
    """(doc offset, the quote's tokens, their indices) per doc: a quote over several paragraphs is read in
    its first paragraph, then its last."""
    tokens = [found for start, end in pieces for found in text.parse.tokens_between(start, end)]
    groups: dict[int, list] = {}
    for token, offset in tokens:
        groups.setdefault(offset, []).append(token)
    if not groups:
        return
    for offset in dict.fromkeys((min(groups), max(groups))):
        yield offset, groups[offset], {token.i for token in groups[offset]}


def _governing_verbs(quoted: list, inside: set[int]):
    """The verbs above a quote's first word, outside it, nearest first (at most MAX_CLIMB)."""
    climbed = 0
    for ancestor in quoted[0].ancestors:
        if ancestor.i in inside:
            continue
        if _is_verb(ancestor):
            yield ancestor
            climbed += 1
            if climbed >= MAX_CLIMB:
                return
    verb = _governing_verb(quoted, inside, _is_verb)
    if verb is not None:
        yield verb


def _is_speech(token) -> bool:
    return token.pos_ == "VERB" and token.lemma_.lower() in lexicon.SPEECH_LEMMAS


def _is_verb(token) -> bool:
    return token.pos_ in {"VERB", "AUX"}


def _governing_verb(quoted: list, inside: set[int], wanted=_is_speech):
    """The (speech) verb outside the quote that its words depend on, or that depends on them
    ("“...,” he said" is read either way by the parser). Looks no further than MAX_CLIMB steps up, and
    SENTENCE_WINDOW tokens either side, so that a flood of quotation marks stays linear."""
    for token in quoted[:MAX_QUOTE_TOKENS_READ]:
        walked = climbed = 0
        for ancestor in token.ancestors:
            walked += 1
            if walked > MAX_ANCESTORS:
                break
            if ancestor.i in inside:
                continue
            if wanted(ancestor):
                return ancestor
            climbed += 1
            if climbed >= MAX_CLIMB:
                break
    for token in _around(quoted):
        if token.i not in inside and wanted(token) and token.head.i in inside:
            return token
    return None


def _around(quoted: list) -> list:
    """The tokens within SENTENCE_WINDOW of a quote's first and last words."""
    doc = quoted[0].doc
    first, last = quoted[0].i, quoted[-1].i
    before = doc[max(0, first - SENTENCE_WINDOW):first]
    after = doc[last + 1:min(len(doc), last + 1 + SENTENCE_WINDOW)]
    return [*before, *after]


def _subject_phrase(verb, inside: set[int]):
    """(first token, last token, method) of the speaker phrase of a speech verb, or None."""
    for _ in range(3):
        subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i not in inside), None)
        if subject is not None and subject.lower_ in lexicon.RELATIVE_PRONOUNS:
            # "Smith, who said ...": the name the clause is about, when the parse ties it to a name.
            subject = verb.head if verb.dep_ == "relcl" and _names_someone(verb.head) else None
            break
        if subject is not None:
            break
        if verb.dep_ in {"relcl", "acl"} and verb.head.i not in inside:
            # "footage of Clinton asking ...": the participle's noun, when it names someone.
            subject = verb.head if _names_someone(verb.head) else None
            break
        if verb.dep_ in SHARED_SUBJECT_DEPENDENCIES:
            # "X smiled and said ...", "X went on to say ...", "X responded by saying ...": the verb
            # whose subject this one shares.
            verb = next((a for a in verb.ancestors if a.pos_ in {"VERB", "AUX"}), None)
            if verb is None or verb.i in inside:
                return None
            continue
        return None
    if subject is None or subject.pos_ in {"NUM", "PUNCT"}:
        return None
    method = "parse"
    appositions = [c for c in subject.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
    if (subject.pos_ == "NOUN" or subject.lower_ in lexicon.TITLES) and appositions:
        subject, method = appositions[0], "apposition"  # "the charity's director, Jane Doe, said"
    last = subject
    if subject.pos_ == "PROPN" and subject.lower_ not in lexicon.TITLES:
        for child in subject.rights:
            if child.dep_ in NAME_CONTINUATIONS and child.i == last.i + 1:
                last = child
    else:
        # "CEO of the Refugee Council Jane Doe told": a role noun takes what follows it, up to a comma.
        for token in subject.doc[subject.i + 1:subject.right_edge.i + 1]:
            if token.text in {",", "(", "—", "–"} or token.i in inside:
                break
            last = token
    first = subject.left_edge
    if first.i in inside or any(t.i in inside for t in first.doc[first.i:last.i + 1]):
        first = subject
    return first, last, method


def _names_someone(token) -> bool:
    return token.pos_ == "PROPN" or token.ent_type_ in {"PERSON", "ORG", "NORP"}


def _according_to(quoted: list, inside: set[int], parse):
    """"..., according to X": X, when "according" is in the quote's sentence, near it."""
    for token in _around(quoted):
        if token.lower_ == "according" and token.i not in inside and parse.same_sentence(token, quoted[0]):
            to = next((c for c in token.children if c.lower_ == "to"), None)
            objects = [c for c in to.children if c.dep_ == "pobj"] if to is not None else []
            if objects:
                head = objects[0]
                return head.left_edge, head
    return None


def _cue_of(verb) -> str:
    """The verb as written, with whom it was told: "said", "told reporters"."""
    if verb.lemma_.lower() == "tell":
        told = next((c for c in verb.children if c.dep_ in {"dobj", "dative"}), None)
        if told is not None:
            return f"{verb.lower_} {told.text}"
    return verb.lower_
