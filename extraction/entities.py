"""Named entities by rules: capitalised runs, gazetteers, titles and heads, then one entity per thing.

1. Runs of capitalised tokens (with inner connectors: "Bank of England",
   "Ursula von der Leyen") are cut at possessives, titles and nationality
   adjectives: "Russia's Defense Ministry Spokesman Igor Konashenkov" gives
   Russia, Russia's Defense Ministry and Igor Konashenkov.
2. Each part is typed by the first rule that knows it: gazetteer places,
   organisation and place heads, known lists, product designations (S-300),
   person cues (a title before it, a known first name, a speech verb after it).
3. Parts that name the same thing are merged: a surname into the full name,
   an acronym into the name it abbreviates, transliterations of one GeoNames
   place, a near-spelling of a name already found.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from . import lexicon
from .candidates import LOCATION, ORGANIZATION, PERSON, PRODUCT, Part, surface
from .gazetteer import Place, first_names, lookup_place
from .proposals import model_proposals, proposed_parts, reconcile_with_model, take_proposal
from .text import OPEN_QUOTES, Sentence, Text, Token
from .types import Entity, Mention

# "of" joins a run only after a word that takes it in names: "Bank of England", "Secretary of State".
OF_TAKERS = lexicon.ORG_HEADS | lexicon.LOCATION_HEADS | lexicon.TITLES | {
    "republic", "kingdom", "states", "isle", "cape", "house", "state", "sea", "gulf", "museum", "statue",
    "people", "province", "department", "chamber",
}
STRONG_TITLES = {t for t in lexicon.PERSON_TITLES | lexicon.OCCUPATIONS if t not in {"foreign", "defense", "defence", "home", "vice",
                                                               "deputy", "former", "acting", "shadow"}}
_PRODUCT_CODE = re.compile(r"^(?=.*\d)(?=.*[A-Z])[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*$")
_NOT_PRODUCT = re.compile(r"^(COVID|G\d|H\d+N\d|MH\d)")
_ACRONYM = re.compile(r"^[A-Z][A-Z&.]{1,7}$")
_HYPHENATED_GIVEN_NAME = re.compile(r"^[A-Z][a-z]+-[A-Z]?[a-z]+$")
SINGLE_CITY_MIN_POPULATION = 100_000
# A score in a results table: goals, points, runs (a year is no score).
_SCORE = re.compile(r"^\d{1,3}$")
_RATE = re.compile(r"^\.\d{3}$")
# "the Warsaw stock exchange": a market of a place, not a company's stock.
MARKETS = {"exchange", "exchanges", "market", "markets", "index"}
# "victory over", "defeat to", "draw with", "win against".
MATCH_PREPOSITIONS = {"over", "against", "to", "with"}
_AGE = re.compile(r"^(?:[1-9]|[1-9]\d|1[01]\d)$")


@dataclass
class _Group:
    type: str
    names: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    referential: bool = False  # named at least once other than as a title's modifier
    place: Place | None = None
    gender: str | None = None
    key: str = ""


def extract_entities(text: Text) -> list[Entity]:
    """Entities of a text: the rules' capitalised runs and the model's proposals, typed and merged."""
    sentences = text.sentences
    lowercase_words = _lowercase_words(sentences)
    shouted = [sentence for sentence in sentences if _in_capitals(sentence)]
    # In a line of capitals every word looks like a name, and the model reads it poorly: its names are
    # found afterwards, by the names the rest of the article spells in small letters (see _capital_mentions).
    proposals = {span: type_ for span, type_ in model_proposals(text).items()
                 if not _in_capitals(sentences[text.sentence_index(span[0])])}
    parts = [part for sentence in sentences if not _in_capitals(sentence) for part in _parts(text.string, sentence)]
    for part in parts:
        _classify(part, lowercase_words)
        reconcile_with_model(part, proposals, lowercase_words)
    parts.extend(proposed_parts(text, parts, proposals, lambda part: _classify(part, lowercase_words), lowercase_words))
    _one_sense_per_name(parts)
    for part in parts:
        # "US President": a country modifying a title, like a nationality word; "Gaziantep Governor" keeps the city.
        part.attributive = part.type == LOCATION and part.place is not None and part.place.kind == "country" and (
            bool(part.after) and part.after[0].lower in STRONG_TITLES and part.after[0].is_capitalized
        )
    return _consolidate(text.string, parts, shouted)


# The rules that type a name from its spelling or one neighbouring word, which the article's other mentions
# can overrule: a place of the gazetteer, "a Trump administration".
SENSE_RULES = {"country or region", "gazetteer place", "organisation head after"}


def _one_sense_per_name(parts: list[Part]) -> None:
    """An article uses a name in one sense: a town it shows playing a match is the club wherever the article
    names it without "in", "at"...; a place name that is the surname of a person it names in full is that
    person ("Jordan" after "Michael Jordan"), unless a preposition makes it a place, and so is the surname
    before "administration" or "campaign" ("a Trump administration")."""
    teams = {part.name for part in parts if part.rule == "team named by place"}
    # People named in full whose first word is a first name or who carry a title: "Michael Jordan".
    surnames = {part.tokens[-1].text for part in parts if part.type == PERSON and len(part.tokens) > 1 and (
        part.tokens[0].text in first_names() or part.title_before is not None)}
    for part in parts:
        if part.rule not in SENSE_RULES and part.type is not None:
            continue
        if part.before and part.before[-1].lower in lexicon.PLACE_PREPOSITIONS:
            continue
        if part.name in teams:
            part.type, part.place, part.rule = ORGANIZATION, None, "team named by place"
        elif part.type is not None and len(part.tokens) == 1 and part.name in surnames:
            part.type, part.place, part.rule = None, None, None  # consolidation finds the person


# A line in capitals has at least this many words of two letters or more, all in capitals.
MIN_WORDS_IN_CAPITALS = 3
# The longest name looked for in a line of capitals, in tokens.
MAX_NAME_TOKENS_IN_CAPITALS = 5


def _in_capitals(sentence: Sentence) -> bool:
    """"CRICKET - LEEDS TAKE OVER AT TOP": a wire headline or a table's heading, all in capitals."""
    words = [t.text for t in sentence.tokens if t.text[0].isalpha() and len(t.text) > 1]
    return len(words) >= MIN_WORDS_IN_CAPITALS and all(w.isupper() for w in words)


def _capital_mentions(text: str, shouted: list[Sentence], groups: list[_Group]) -> list[_Group]:
    """Mentions in lines of capitals: the names the article spells elsewhere ("LEEDS" for Leeds, "OKAFOR" for
    a person's surname), longest first; else a country of the gazetteer. Returns the groups of new countries."""
    known: dict[str, _Group] = {}
    for group in groups:
        for name in group.names:
            known.setdefault(name.upper(), group)
        if group.type == PERSON:
            for name in group.names:
                words = name.split()
                if len(words) > 1 and len(words[-1]) > 3:
                    known.setdefault(words[-1].upper(), group)
    new_groups: dict[str, _Group] = {}
    for sentence in shouted:
        tokens, i = sentence.tokens, 0
        while i < len(tokens):
            for length in range(min(MAX_NAME_TOKENS_IN_CAPITALS, len(tokens) - i), 0, -1):
                piece = list(tokens[i:i + length])
                if not _is_name_token(piece[0]) or not _is_name_token(piece[-1]):
                    continue
                name = surface(piece)
                group = known.get(name)
                if group is None and length == 1:
                    place = _place_of(name)
                    if place is not None and place.kind == "country":
                        group = new_groups.setdefault(place.group, _Group(type=LOCATION, place=place, referential=True))
                        if name.title() not in group.names:
                            group.names.append(name.title())
                if group is not None:
                    group.mentions.append(Mention(piece[0].start, piece[-1].end, text[piece[0].start:piece[-1].end]))
                    i += length - 1
                    break
            i += 1
    return list(new_groups.values())


def _lowercase_words(sentences: list[Sentence]) -> frozenset[str]:
    return frozenset(token.text for sentence in sentences for token in sentence.tokens if token.text[0].islower())


def _is_name_token(token: Token) -> bool:
    return (token.is_capitalized and (token.text[0].isalpha() or token.text[:3] in {"al-", "el-"})
            and token.text not in lexicon.DATE_WORDS)


def _runs(sentence: Sentence) -> list[tuple[int, int]]:
    tokens = sentence.tokens
    runs, i, n = [], 0, len(tokens)
    while i < n:
        if not _is_name_token(tokens[i]):
            i += 1
            continue
        j = i + 1
        while j < n:
            token, previous = tokens[j], tokens[j - 1]
            adjacent = token.start - previous.end <= 1
            if _is_name_token(token) and adjacent:
                j += 1
            elif token.lower in lexicon.NAME_PARTICLES and adjacent and _particles_then_name(tokens, j):
                # "Ursula von der Leyen", "Charles de la Cruz": particles lead to the rest of the name.
                while tokens[j].lower in lexicon.NAME_PARTICLES:
                    j += 1
                j += 1
            elif token.lower in {"of", "for"} and adjacent and j + 2 < n and tokens[j + 1].lower == "the" and (
                _is_name_token(tokens[j + 2]) and _connector_joins(tokens, i, j)
            ):
                j += 3  # "Joint Council for the Welfare of Immigrants", "Museum of the U.S. Air Force"
            elif (
                token.lower in lexicon.CONNECTORS and adjacent and j + 1 < n and _is_name_token(tokens[j + 1])
                and _connector_joins(tokens, i, j)
            ):
                j += 2
            elif token.text == "." and len(previous.text) == 1 and previous.text.isupper() and j + 1 < n and (
                _is_name_token(tokens[j + 1])
            ):
                j += 1  # an initial: "Steven F. Udvar-Hazy"
            elif token.text.isdigit() and adjacent and len(token.text) <= 4 and _takes_number(tokens, i, j):
                j += 1
            else:
                break
        runs.append((i, j))
        i = j
    return runs


def _particles_then_name(tokens: tuple[Token, ...], j: int) -> bool:
    k = j
    while k < len(tokens) and tokens[k].lower in lexicon.NAME_PARTICLES and k - j < 3:
        k += 1
    return k < len(tokens) and _is_name_token(tokens[k])


def _connector_joins(tokens: tuple[Token, ...], i: int, j: int) -> bool:
    word = tokens[j].lower
    if word in lexicon.NAME_PARTICLES or word == "&":
        return True  # "&" only ever joins a name: "Procter & Gamble", "Marks & Spencer"
    previous = tokens[j - 1].lower
    inside_organisation = any(t.lower in lexicon.ORG_HEADS for t in tokens[i:j])
    if word == "of" and j + 2 < len(tokens) and tokens[j + 1].lower == "the" and (
        previous in lexicon.ORG_HEADS or any(t.lower == "of" for t in tokens[i:j])
    ) and lookup_place(tokens[j + 2].text) is not None:
        # "Colorado State University of the US": a complete name, then where ("Port Authority of Lagos" stays).
        return False
    if word == "of":
        # "Bank of England"; and inside an organisation: "Centre for Control of Iodine Deficiency Disorders".
        return previous in OF_TAKERS or inside_organisation
    if word == "for":
        return previous in lexicon.ORG_HEADS or previous in {"commissioner", "centre", "center"}
    # "and" inside an organisation: "Food and Drug Administration".
    if word == "and":
        if inside_organisation:
            return False  # "Massachusetts Institute of Technology and Colorado State University": two
        k = j + 1
        while k < len(tokens) and _is_name_token(tokens[k]):
            k += 1
        return tokens[k - 1].lower in lexicon.ORG_HEADS and k - j <= 4
    return False


def _takes_number(tokens: tuple[Token, ...], i: int, j: int) -> bool:
    """A model number after a product name: "Internet Explorer 6", "Boeing 747", "Vostok 1"."""
    head = " ".join(t.text for t in tokens[i:j])
    following = tokens[j + 1] if j + 1 < len(tokens) else None
    if following is not None and following.text[0].islower() and following.lower.endswith("s"):
        return False
    if following is not None and (following.text[0].isdigit() or _RATE.match(following.text)):
        return False  # "Samsung 49 5 56": a row of figures in a table, not a model number
    if i >= 2 and _SCORE.match(tokens[i - 1].text) and tokens[i - 2].is_capitalized:
        return False  # "Lotte 2 Samsung 0": the second team of a result
    words = set(head.split())
    return bool(words & lexicon.KNOWN_PRODUCTS or words & lexicon.PRODUCT_MAKERS or head in lexicon.KNOWN_PRODUCTS
                or head.split()[-1] in {"Explorer", "Vostok", "Apollo", "Soyuz", "Windows"})


def _parts(text: str, sentence: Sentence) -> list[Part]:
    tokens = sentence.tokens
    parts: list[Part] = []
    previous_part: Part | None = None
    previous_end = -1
    first_word = next((k for k, t in enumerate(tokens) if t.text not in OPEN_QUOTES), 0)
    for i, j in _runs(sentence):
        run = list(tokens[i:j])
        possessor = None
        if previous_part is not None and i - previous_end == 1 and tokens[previous_end].text in {"'s", "’s", "'S"}:
            possessor = previous_part
        for piece, lead in _split_run(run):
            k = tokens.index(piece[0], i)
            part = Part(
                tokens=piece,
                sentence_initial=(k == first_word or (k > 0 and tokens[k - 1].text in ":;")),
                before=list(tokens[max(0, k - 4):k]),
                after=list(tokens[k + len(piece):k + len(piece) + 12]),
                possessor=possessor if piece is run or k == i else None,
                lead=lead,
            )
            part.title_before = _title_before(tokens, k)
            parts.append(part)
        previous_part = parts[-1] if parts else None
        previous_end = j
    return parts


def _split_run(run: list[Token]) -> list[tuple[list[Token], list[Token]]]:
    """Cut a run at titles and drop leading words that name nothing."""
    pieces: list[list[Token]] = []
    current: list[Token] = []
    ends_with_org = run[-1].lower in lexicon.ORG_HEADS
    for index, token in enumerate(run):
        lower = token.lower.rstrip(".")
        rest = run[index + 1:]
        is_title = lower in STRONG_TITLES or (
            lower in lexicon.TITLE_MODIFIERS and rest and rest[0].lower in STRONG_TITLES
        )
        # "High Commissioner for Refugees": an office inside an organisation's name, not a title before a name.
        if is_title and rest and rest[0].lower == "for" and current:
            is_title = False
        # "Howard Dean": a word of a title ending a run after a first name is a surname.
        if is_title and not rest and len(current) == 1 and current[0].text in first_names():
            is_title = False
        if is_title and not (ends_with_org and rest and not any(t.lower in STRONG_TITLES for t in rest)
                             and _org_after(rest)):
            if current:
                pieces.append(current)
            current = []
            continue
        if token.lower == "of" and not current:
            continue
        current.append(token)
        # "Refugee Council Enver Solomon", "Washington Chris Gregoire": an organisation or place, then a person.
        if len(rest) >= 2 and rest[0].text in first_names() and rest[0].text not in lexicon.NON_NAME_WORDS and (
            token.lower in lexicon.ORG_HEADS or lookup_place(" ".join(t.text for t in current if t.lower != "of"))
        ):
            pieces.append(current)
            current = []
    if current:
        pieces.append(current)
    cleaned = []
    for piece in pieces:
        # "The Guardian", "The Times": a newspaper keeps its article.
        if len(piece) == 2 and piece[0].text == "The" and piece[1].lower in lexicon.NEWSPAPER_HEADS:
            cleaned.append((piece, []))
            continue
        while piece and (piece[0].text in lexicon.NON_NAME_WORDS or piece[0].lower in lexicon.CONNECTORS or
                         piece[0].text == "the" or piece[0].lower in lexicon.TENURE_WORDS):
            piece = piece[1:]
        # A nationality adjective leads a name only when the name is an organisation: "Korean Central News Agency".
        lead = []
        while piece and piece[0].text in lexicon.DEMONYMS and not (
            (piece[-1].lower in lexicon.ORG_HEADS and len(piece) > 1)
            or (len(piece) > 1 and lookup_place(" ".join(t.text for t in piece)) is not None)  # "Saudi Arabia"
            or " ".join(t.text for t in piece[1:]) in lexicon.KNOWN_ORGANIZATIONS  # "British Red Cross"
        ):
            lead.append(piece[0])
            piece = piece[1:]
        while piece and piece[-1].lower in lexicon.CONNECTORS:
            piece = piece[:-1]
        if piece:
            cleaned.append((piece, lead))
    return cleaned


def _org_after(rest: list[Token]) -> bool:
    return rest[-1].lower in lexicon.ORG_HEADS


def _title_before(tokens: tuple[Token, ...], k: int) -> str | None:
    """A person title just before position k, skipping an abbreviation's full stop: "Maj. Tom Holloway"."""
    j = k - 1
    if j >= 0 and tokens[j].text == ".":
        j -= 1
    if j >= 0 and tokens[j].lower.rstrip(".") in lexicon.PERSON_TITLES:
        return tokens[j].lower.rstrip(".")
    return None


@dataclass(frozen=True)
class NameFacts:
    """What the typing rules look at in a candidate name, computed once."""

    part: Part
    words: list[str]
    name: str
    last: str  # the last word, lower case
    next_word: str
    previous_word: str
    first_name_gender: str | None  # of a known first name opening a name of several words
    place: Place | None
    lowercase_words: frozenset[str]  # words the article writes in lower case somewhere

    @classmethod
    def of(cls, part: Part, lowercase_words: frozenset[str]) -> NameFacts:
        words = [t.text for t in part.tokens]
        return cls(
            part=part, words=words, name=part.name, last=part.tokens[-1].lower,
            next_word=part.after[0].lower if part.after else "",
            previous_word=part.before[-1].lower if part.before else "",
            first_name_gender=first_names().get(words[0]) if len(words) > 1 else None,
            place=_place_of(part.name), lowercase_words=lowercase_words,
        )

    @property
    def person_cue(self) -> bool:
        part, words, tokens = self.part, self.words, self.part.tokens
        return (
            part.title_before is not None
            or (len(words) in (2, 3, 4) and _apposition_marks_person(part.after))
            or (self.first_name_gender is not None and len(words) <= 4)
            # "Nassar al-Rubaie": the Arabic particle inside a name; "von der Leyen" only after a first name or a
            # title, since clubs and firms carry "de" too ("Olympique de Marseille").
            or any(t.text[:3] in {"al-", "el-"} for t in tokens[1:])
            or (any(t.lower in lexicon.NAME_PARTICLES for t in tokens[1:])
                and (words[0] in first_names() or part.title_before is not None))
            or (len(words) in (2, 3) and self.next_word in lexicon.SPEECH_VERBS)
            # "K. Okafor": an initial and a surname.
            or (len(tokens) == 3 and len(words[0]) == 1 and words[0].isupper() and words[1] == "."
                and words[2].isalpha() and words[2].istitle())
            # "Ana Costa (Portugal) 4:09.25": a competitor with her country, in a results list.
            or (len(words) in (2, 3) and self.place is None and _country_in_brackets(part.after)
                and all(w.isalpha() and w.istitle() for w in words))
            or (len(words) in (2, 3) and all(_HYPHENATED_GIVEN_NAME.match(w) or w.istitle() for w in words)
                and any(_HYPHENATED_GIVEN_NAME.match(w) for w in words[1:]))
        )


# What a typing rule answers: a type and the gazetteer place behind it, NOT_A_NAME to stop typing, or None
# to let the next rule decide.
Typing = tuple[str, Place | None]
NOT_A_NAME: Typing = ("", None)


def owned_organisation(f: NameFacts) -> Typing | None:
    """"Russia's Defense Ministry": an organisation head after a possessive."""
    if f.part.possessor is not None and f.last in lexicon.ORG_HEADS and f.last not in lexicon.LOCATION_HEADS:
        return ORGANIZATION, None
    return None


def seat_that_speaks(f: NameFacts) -> Typing | None:
    """"Downing Street said", "the White House said": a seat of power speaking for its government."""
    if f.words[-1] in lexicon.SEAT_HEADS and len(f.words) > 1 and f.next_word in lexicon.SPEECH_VERBS:
        return ORGANIZATION, None
    return None


def team_named_by_place(f: NameFacts) -> Typing | None:
    """"Leeds beat Hull", "Boston 5 Chicago 3", "Essex v Kent": a club named after its town plays a match.
    A country stays a place (national sides are named like their countries); a person's name stays a person's."""
    if f.person_cue or (f.place is None and len(f.words) > 1) or (f.place is not None and f.place.kind == "country"):
        return None
    if f.name in lexicon.SPORTING_NATIONS:
        return None
    if _plays_a_match(f.part.before, f.part.after):
        return ORGANIZATION, None
    return None


def traded_company(f: NameFacts) -> Typing | None:
    """"shares of Acme", "Acme shares rose", "Acme stock": a company, even one spelt like a town."""
    before, after = f.part.before, f.part.after
    if f.place is not None and f.place.kind == "country" or f.person_cue:
        return None
    if (len(before) >= 2 and before[-2].lower in lexicon.MARKET_WORDS and before[-1].lower == "of") or (
        after and after[0].text in lexicon.MARKET_WORDS and not (len(after) > 1 and after[1].lower in MARKETS)
    ):
        return ORGANIZATION, None
    return None


def country_or_region(f: NameFacts) -> Typing | None:
    if f.place is not None and f.place.kind in {"country", "region"} and f.part.title_before is None:
        return LOCATION, f.place
    return None


def known_organisation(f: NameFacts) -> Typing | None:
    """"NATO", "British Red Cross": the curated list, with or without a nationality word before it."""
    words = f.words
    if f.name in lexicon.KNOWN_ORGANIZATIONS or (
        len(words) > 1 and words[0] in lexicon.DEMONYMS and " ".join(words[1:]) in lexicon.KNOWN_ORGANIZATIONS
    ):
        return ORGANIZATION, None
    return None


def product(f: NameFacts) -> Typing | None:
    """A known product or a designation such as S-300."""
    return (PRODUCT, None) if f.name in lexicon.KNOWN_PRODUCTS or _is_product(f.part.tokens) else None


def office(f: NameFacts) -> Typing | None:
    """"Secretary of State": an office, not a named thing."""
    tokens = f.part.tokens
    if tokens[0].lower in STRONG_TITLES and any(t.lower in {"of", "for"} for t in tokens[1:2]):
        return NOT_A_NAME
    return None


def event(f: NameFacts) -> Typing | None:
    """"the Hong Kong Open", "the World Cup": a tournament or a festival, which is no entity type of ours."""
    return NOT_A_NAME if len(f.words) > 1 and f.words[-1] in lexicon.EVENT_HEADS else None


def newspaper(f: NameFacts) -> Typing | None:
    """"The Guardian", "The Times"."""
    tokens = f.part.tokens
    if len(tokens) == 2 and tokens[0].text == "The" and tokens[1].lower in lexicon.NEWSPAPER_HEADS:
        return ORGANIZATION, None
    return None


def organisation_head(f: NameFacts) -> Typing | None:
    """"Defense Ministry", "Bank of England": an organisation head word ends the name or takes "of"."""
    tokens = f.part.tokens
    if (f.last in lexicon.ORG_HEADS or f.words[-1] in lexicon.COMPANY_SUFFIXES) and len(tokens) > 1 or any(
        a.lower in lexicon.ORG_HEADS and b.lower in {"of", "for"} for a, b in zip(tokens, tokens[1:], strict=False)
    ) and f.last not in lexicon.LOCATION_HEADS:
        return ORGANIZATION, None
    return None


def place_head(f: NameFacts) -> Typing | None:
    """"Donetsk Region", "Black Sea": a place head word ends the name."""
    if f.last in lexicon.LOCATION_HEADS and len(f.words) > 1:
        return LOCATION, lookup_place(" ".join(f.words[:-1])) or f.place
    return None


def organisation_kind_before(f: NameFacts) -> Typing | None:
    """"the news agency Tanjug", "the Dutch bank Rabobank": a kind of organisation just before the name."""
    before = f.part.before
    if before and before[-1].text.islower() and before[-1].text in lexicon.ORGANIZATION_KINDS:
        return ORGANIZATION, None
    return None


def age_apposition(f: NameFacts) -> Typing | None:
    """"Duran, 45, said": a name with an age between commas is a person's, even one spelt like a town."""
    after = f.part.after
    if len(after) >= 3 and after[0].text == "," and _AGE.match(after[1].text) and after[2].text == "," and (
        f.place is None or f.place.kind != "country"
    ):
        return PERSON, None
    return None


def place_kind_before(f: NameFacts) -> Typing | None:
    """"the town of Arbil", "the island of Rhodes": a kind of place and "of" just before the name."""
    before = f.part.before
    if len(before) >= 2 and before[-1].text == "of" and before[-2].text in lexicon.LOCATION_HEADS and not (
        f.person_cue or f.last in lexicon.ORG_HEADS
    ):
        return LOCATION, f.place
    return None


def gazetteer_place(f: NameFacts) -> Typing | None:
    """A town of the gazetteer, unless the name reads as a person's; a single word only when the town is
    big or follows "in", "at"..., and never a common word opening a sentence."""
    if f.place is None:
        return None
    # "San Jose": a first name opening the name of a big city, or "in" before it, does not make it a person's.
    weak_person_cue = f.part.title_before is None and f.next_word not in lexicon.SPEECH_VERBS and (
        f.previous_word in lexicon.PLACE_PREPOSITIONS
        or (len(f.words) > 1 and f.place.population >= SINGLE_CITY_MIN_POPULATION)
    )
    if f.person_cue and not weak_person_cue:
        return None
    likely = len(f.words) > 1 or f.place.population >= SINGLE_CITY_MIN_POPULATION or (
        f.previous_word in lexicon.PLACE_PREPOSITIONS
    )
    if likely and not (f.part.sentence_initial and f.name.lower() in f.lowercase_words):
        return LOCATION, f.place
    return None


def person_cues(f: NameFacts) -> Typing | None:
    """A title, a known first name, a name particle, an apposition or a speech verb marks a person."""
    if f.person_cue and len(f.words) >= 2 and not any(w in lexicon.NON_NAME_WORDS or w == "&" for w in f.words[1:]):
        return PERSON, None
    return None


def surname_after_title(f: NameFacts) -> Typing | None:
    """"President Bush": a surname after a title."""
    word = f.words[0]
    if len(f.words) == 1 and f.part.title_before in STRONG_TITLES and f.place is None and (
        word not in lexicon.NON_NAME_WORDS and word.isalpha() and not word.isupper()
    ):
        return PERSON, None
    return None


def place_head_after(f: NameFacts) -> Typing | None:
    """"the Donbas region": a place head word right after the name."""
    return (LOCATION, None) if f.next_word in lexicon.LOCATION_HEADS and len(f.words) <= 3 else None


def organisation_head_after(f: NameFacts) -> Typing | None:
    """"the far-right Chega party", "the Wagner group"."""
    part = f.part
    if f.next_word in lexicon.ORG_HEADS and f.next_word not in {"news", "times", "post"} and len(f.words) <= 3 and (
        part.after[0].text.islower() and not part.sentence_initial
    ):
        return ORGANIZATION, None
    return None


# The typing rules, in order: the first that answers types the name. A name no rule types may still be a
# surname, an acronym or a spelling of something typed elsewhere, or a name the model proposes.
TYPING_RULES: tuple[tuple[str, object], ...] = (
    ("owned organisation", owned_organisation),
    ("seat that speaks", seat_that_speaks),
    ("team named by place", team_named_by_place),
    ("age apposition", age_apposition),
    ("place kind before", place_kind_before),
    ("traded company", traded_company),
    ("country or region", country_or_region),
    ("known organisation", known_organisation),
    ("product", product),
    ("office", office),
    ("event", event),
    ("newspaper", newspaper),
    ("organisation head", organisation_head),
    ("place head", place_head),
    ("organisation kind before", organisation_kind_before),
    ("gazetteer place", gazetteer_place),
    ("person cues", person_cues),
    ("surname after title", surname_after_title),
    ("place head after", place_head_after),
    ("organisation head after", organisation_head_after),
)


def _plays_a_match(before: list[Token], after: list[Token]) -> bool:
    """A name in a fixture, a match report or a results table: "v Hull", "beat Hull", "Leeds 2 Hull 1",
    "Leeds 24 10 14 .632" (a standings row)."""
    previous = before[-1].lower if before else ""
    following = after[0].lower if after else ""
    if previous in lexicon.FIXTURE_WORDS or following in lexicon.FIXTURE_WORDS:
        return True
    if following in lexicon.MATCH_VERBS or (previous in lexicon.MATCH_VERBS and before[-1].text.islower()):
        return True
    if len(before) >= 2 and before[-2].lower in lexicon.MATCH_NOUNS and previous in MATCH_PREPOSITIONS:
        return True  # "victory over Leeds", "defeat to Hull"
    if after and after[0].text in lexicon.SPORTS_ROLES:
        return True  # "Leeds captain", "the Hull striker"
    if not after or not _SCORE.match(after[0].text):
        return False
    second_of_pair = len(before) >= 2 and _SCORE.match(before[-1].text) and before[-2].is_capitalized
    first_of_pair = len(after) >= 3 and after[1].is_capitalized and after[1].text.isalpha() and _SCORE.match(after[2].text)
    standings_row = len(after) >= 3 and all(_SCORE.match(t.text) or _RATE.match(t.text) for t in after[1:3])
    innings = len(after) >= 3 and after[1].text in {"and", "("} and after[2].text[0].isupper() or (
        len(after) >= 3 and after[1].text == "and" and after[2].text[0].isdigit())  # "Leeds 238 and 133-5"
    return bool(second_of_pair or first_of_pair or standings_row or innings)


def _country_in_brackets(after: list[Token]) -> bool:
    """"(Kenya)" right after a name."""
    if len(after) < 3 or after[0].text != "(":
        return False
    close = next((k for k, t in enumerate(after[:5]) if t.text == ")"), None)
    if close is None or close < 2:
        return False
    inside = " ".join(t.text for t in after[1:close])
    place = lookup_place(inside)
    return (place is not None and place.kind == "country") or inside in lexicon.COUNTRY_ALIASES


def _place_of(name: str) -> Place | None:
    """The gazetteer place a name spells, also in capitals ("BONN", a dateline's city)."""
    place = lookup_place(name)
    if place is None and name.isupper() and len(name) > 3:
        place = lookup_place(name.title())
    return place


def _classify(part: Part, lowercase_words: frozenset[str]) -> None:
    names = first_names()
    if part.sentence_initial and len(part.tokens) >= 3 and part.tokens[0].text not in names and (
        part.tokens[1].text in names and part.tokens[0].text.isalpha()
    ):
        # "Candidate Maria Santos said": a capitalised common noun opening the sentence, then the name.
        part.title_before = part.title_before or part.tokens[0].lower
        part.tokens = part.tokens[1:]
        part.sentence_initial = False
    elif part.sentence_initial and len(part.tokens) >= 2 and part.tokens[0].text not in names and (
        part.tokens[0].text.lower() in lowercase_words and lookup_place(surface(part.tokens[1:])) is not None
    ):
        # "Say Mexico demanded ...": a common word opening the sentence, then a place.
        part.before = [*part.before, part.tokens[0]]
        part.tokens = part.tokens[1:]
        part.sentence_initial = False
    part.name = surface(part.tokens)
    facts = NameFacts.of(part, lowercase_words)
    for rule_name, rule in TYPING_RULES:
        typing = rule(facts)
        if typing is None:
            continue
        part.rule = rule_name
        if typing is not NOT_A_NAME:
            part.type, part.place = typing
            if part.type == PERSON:
                part.gender = _gender(part, facts.first_name_gender)
        return


def _apposition_marks_person(after: list[Token]) -> bool:
    """"Hernan Dario Gomez, Panama coach, said": a role between commas, or a speech verb after it."""
    if not after or after[0].text != ",":
        return False
    for k, token in enumerate(after[1:], start=1):
        if token.text == ",":
            following = after[k + 1].lower if k + 1 < len(after) else ""
            return following in lexicon.SPEECH_VERBS or any(t.lower in lexicon.PERSON_TITLES for t in after[1:k])
        if token.text in {".", ";", ":"}:
            return False
    return False


def _gender(part: Part, first_name_gender: str | None) -> str | None:
    if part.title_before in lexicon.FEMALE_TITLES:
        return "f"
    if part.title_before in lexicon.MALE_TITLES:
        return "m"
    return first_name_gender if first_name_gender in {"m", "f"} else None


def _is_product(tokens: list[Token]) -> bool:
    for token in tokens:
        if _PRODUCT_CODE.match(token.text) and not _NOT_PRODUCT.match(token.text) and len(token.text) <= 12:
            return True
    words = [t.text for t in tokens]
    if len(words) > 1 and (words[0] in lexicon.PRODUCT_MAKERS or words[0] in lexicon.KNOWN_PRODUCTS):
        return True
    if len(words) > 1 and " ".join(words[:2]) in lexicon.KNOWN_PRODUCTS:
        return True
    return len(words) > 1 and any(t.lower in lexicon.PRODUCT_HEADS for t in tokens[:-1])


def _consolidate(text: str, parts: list[Part], shouted: list[Sentence]) -> list[Entity]:
    groups: list[_Group] = []
    by_key: dict[tuple[str, str], _Group] = {}

    def add(group: _Group, part_name: str, start: int, end: int) -> None:
        if part_name not in group.names:
            group.names.append(part_name)
        group.mentions.append(Mention(start, end, text[start:end]))

    def place_typed(part: Part) -> None:
        name = _full_name(part)
        key = (part.type, part.place.group if part.place else _norm(name))
        group = by_key.get(key) or _find_containing(groups, part.type, name)
        if group is None and part.place is None:
            group = _near_spelling(groups, name, part.type)
        if group is None:
            group = _Group(type=part.type, place=part.place, gender=part.gender, key=name)
            groups.append(group)
            by_key[key] = group
        group.gender = group.gender or part.gender
        group.referential = group.referential or not part.attributive
        if name != part.name:
            # "Russia's Defense Ministry": the full name, with the bare "Defense Ministry" as an alias.
            owner_start = (part.possessor.lead or part.possessor.tokens)[0].start
            add(group, name, owner_start, part.end)
            if part.name not in group.names:
                group.names.append(part.name)
        else:
            add(group, name, part.start, part.end)

    # Names the rules typed first, longest first, so that surnames and acronyms find them.
    for part in sorted((p for p in parts if p.type is not None), key=lambda p: -len(p.tokens)):
        place_typed(part)
    # Then what the rules left untyped: a surname, an acronym or a shorter form of a name found; else, when
    # the model proposed it, a name of the model's type ("Holloway" stays the person's surname).
    only_proposed = []
    for part in parts:
        if part.type is not None:
            continue
        group = _resolve_untyped(part, groups)
        if group is not None:
            group.referential = True
            add(group, part.name, part.start, part.end)
        elif part.proposed is not None:
            only_proposed.append(part)
    for part in sorted(only_proposed, key=lambda p: -len(p.tokens)):
        take_proposal(part)
        place_typed(part)

    groups = _merge_short_forms(groups)
    for country in _capital_mentions(text, shouted, groups):
        existing = next((g for g in groups if g.type == LOCATION and g.place and g.place.group == country.place.group),
                        None)
        if existing is not None:
            existing.mentions.extend(country.mentions)
        else:
            groups.append(country)
    entities = []
    for group in groups:
        if not group.referential:
            continue
        names = sorted(group.names, key=lambda n: (-len(n.split()), -len(n)))
        canonical = names[0]
        if group.type == LOCATION and group.place is not None:
            # A place keeps the name the article uses most (Russia, not Russian Federation), then first.
            counts = defaultdict(int)
            for mention in group.mentions:
                counts[mention.text] += 1
            used = [n for n in names if n in counts]
            if used:
                canonical = max(used, key=lambda n: (counts[n], -min(m.start for m in group.mentions if m.text == n)))
        aliases = tuple(n for n in names if n != canonical)
        mentions = tuple(sorted(set(group.mentions), key=lambda m: m.start))
        place = group.place
        entities.append(
            Entity(
                name=canonical,
                type=group.type,
                aliases=aliases,
                mentions=mentions,
                country_code=(place.country_code or None) if place else None,
                latitude=place.latitude if place else None,
                longitude=place.longitude if place else None,
                gender=group.gender or _gender_of_names(group) if group.type == PERSON else group.gender,
            )
        )
    return sorted(entities, key=lambda e: e.mentions[0].start)


def _gender_of_names(group: _Group) -> str | None:
    """A person's gender from a known first name anywhere before the surname in any of its names:
    "Crooked Hillary Clinton" is Hillary's."""
    for name in group.names:
        for word in name.split()[:-1]:
            gender = first_names().get(word)
            if gender in {"m", "f"}:
                return gender
    return None


def _merge_short_forms(groups: list[_Group]) -> list[_Group]:
    """Join groups typed on their own that name something already named in full: an acronym (WHO,
    KCNA) to the name it abbreviates, a one-word town to a longer name ending with it ("Columbia" after
    "Space Shuttle Columbia")."""
    merged: list[_Group] = []
    for group in sorted(groups, key=lambda g: -max(len(n.split()) for n in g.names)):
        target = None
        if all(len(n.split()) == 1 for n in group.names):
            word = group.names[0]
            for other in merged:
                long_names = [n for n in other.names if len(n.split()) > 1]
                abbreviates = (
                    _ACRONYM.match(word) and group.type == other.type and group.place is None
                    and any(_initials(n) == word.replace(".", "") for n in long_names)
                )
                ends_name = group.type == LOCATION and (group.place is None or group.place.kind == "city") and (
                    other.type != LOCATION and any(n.split()[-1] == word for n in long_names)
                )
                if abbreviates or ends_name:
                    target = other
                    break
        if target is None:
            merged.append(group)
            continue
        target.names.extend(n for n in group.names if n not in target.names)
        target.mentions.extend(group.mentions)
        target.referential = target.referential or group.referential
    return merged


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.replace("'s ", " ").split() if w[0].isupper())


def _full_name(part: Part) -> str:
    if part.type == ORGANIZATION and part.possessor is not None:
        owner = " ".join(t.text for t in [*part.possessor.lead, *part.possessor.tokens])
        return f"{owner}'s {part.name}"
    return part.name


def _find_containing(groups: list[_Group], type_: str, name: str) -> _Group | None:
    """A shorter form of a name already found: "Defense Ministry" in "Russia's Defense Ministry"."""
    words = name.split()
    for group in groups:
        if group.type != type_:
            continue
        for known in group.names:
            known_words = known.replace("'s ", " ").split()
            if len(known_words) > len(words) and (
                known_words[-len(words):] == words or (type_ == LOCATION and known_words[: len(words)] == words)
                # "Acme Widgets" after "Acme Widgets Co": the company without its legal form.
                or (type_ == ORGANIZATION and known_words[: len(words)] == words
                    and all(w in lexicon.COMPANY_SUFFIXES for w in known_words[len(words):]))
            ):
                return group
    return None


def _resolve_untyped(part: Part, groups: list[_Group]) -> _Group | None:
    name = part.name
    words = name.split()
    if name in lexicon.NON_NAME_WORDS or name in lexicon.DEMONYMS:
        return None
    # A surname (or the last words) of a person named in full.
    persons = [g for g in groups if g.type == PERSON and any(n.split()[-len(words):] == words for n in g.names
                                                             if len(n.split()) > len(words))]
    if persons:
        return _nearest_before(persons, part.start)
    # The same name, typed at another mention.
    same = [g for g in groups if name in g.names]
    if same and not part.sentence_initial:
        return _nearest_before(same, part.start)
    # Any shorter form of an organisation, place or product.
    for type_ in (ORGANIZATION, LOCATION, PRODUCT):
        group = _find_containing(groups, type_, name)
        if group is not None:
            return group
    # An acronym of a name in the article: KCNA, WHO.
    if _ACRONYM.match(name.replace(".", "")):
        letters = name.replace(".", "").replace("&", "")
        for group in groups:
            for known in group.names:
                initials = "".join(w[0] for w in known.replace("'s ", " ").split() if w[0].isupper())
                if len(letters) >= 2 and initials == letters:
                    return group
    if not part.sentence_initial:
        return _near_spelling(groups, name, None)
    return None


def _near_spelling(groups: list[_Group], name: str, type_: str | None) -> _Group | None:
    """A misspelling of a name already found: "Vano-Frankivsk" for Ivano-Frankivsk."""
    if len(name) < 6:
        return None
    for group in groups:
        if type_ is not None and group.type != type_:
            continue
        for known in group.names:
            for candidate in {known, known.split()[-1]}:
                if (candidate[0] == name[0] or group.type == LOCATION) and candidate != name and (
                    abs(len(candidate) - len(name)) <= 2 and _edit_distance(candidate, name) <= 2
                ):
                    return group
    return None


def _nearest_before(groups: list[_Group], offset: int) -> _Group:
    def last_before(group: _Group) -> int:
        starts = [m.start for m in group.mentions if m.start < offset]
        return max(starts) if starts else -1

    return max(groups, key=last_before)


def _edit_distance(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def _norm(name: str) -> str:
    return " ".join(name.lower().replace("’", "'").split())
