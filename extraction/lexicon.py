"""Word lists the rules use, read once at import from `data/lexicon.tsv`.

The file holds each word once, with the tags of the lists it belongs to; its header says what each tag is for.
Here every tag becomes the module-level name the rules use (`lexicon.NAME`): a frozenset of words, or a dict
for the tags whose lines carry a value (numbers read as int).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

LEXICON_FILE = Path(__file__).parent / "data" / "lexicon.tsv"

# The tags whose lines carry a value, and the form it must have (the whole value, possibly empty).
VALUE_FORMATS = {
    "known_region": re.compile(r"(?:[A-Z]{2})?"),  # ISO 3166-1 alpha-2 code; empty for a region of no one country
    "country_alias": re.compile(r"\S(?:.*\S)?"),  # the gazetteer's name for the country
    "pronoun": re.compile(r"[mf]?"),  # the gender the pronoun tells; empty when it tells none
    "units_word": re.compile(r"0|[1-9][0-9]*"),  # the number the word says, in digits
    "tens_word": re.compile(r"[1-9]0"),  # the number the word says, in digits
    "scale_word": re.compile(r"10*"),  # the multiplier, in digits: a power of ten
    "currency_symbol": re.compile(r"[a-z]{3}"),  # the currency's ISO 4217 code, lower case
    "currency_word": re.compile(r"[a-z]{3}"),  # the currency's ISO 4217 code, lower case
    "qualifier_verb": re.compile(r"more_than|at_least|at_most|less_than|approximately"),  # a claim's qualifier
    "irregular_plural": re.compile(r"[a-z]+"),  # the singular
    "irregular_demonym": re.compile(r"\S(?:.*\S)?"),  # the gazetteer's name for the country
}

_TAG_DECLARATION = re.compile(r"# tag ([a-z][a-z_]*): (\S.*)")
_TAG_NAME = re.compile(r"[a-z][a-z_]*")


class LexiconError(ValueError):
    """A malformed lexicon file: the message names the file, the line and the reason."""


@dataclass(frozen=True)
class Lexicon:
    """The lines of a lexicon file: each tag's words, the values on lines that carry one, the declared tags."""

    words_by_tag: dict[str, frozenset[str]]
    values_by_tag: dict[str, dict[str, str]]
    descriptions: dict[str, str]  # tag -> what its list is for, from the header

    def words(self, tag: str) -> frozenset[str]:
        self._check_declared(tag)
        return self.words_by_tag.get(tag, frozenset())

    def values(self, tag: str) -> dict[str, str]:
        """Each word of a tag that carries a value, to its value as written ("" where the column is empty)."""
        self._check_declared(tag)
        if tag not in VALUE_FORMATS:
            raise KeyError(f"tag {tag!r} carries no value")
        return dict(self.values_by_tag.get(tag, {}))

    def _check_declared(self, tag: str) -> None:
        # A misspelt tag here would otherwise give an empty list and rules that silently never fire.
        if tag not in self.descriptions:
            raise KeyError(f"the lexicon declares no tag {tag!r}")


def load(path: Path | str) -> Lexicon:
    """Read a lexicon file; raise LexiconError at the first malformed line."""
    path = Path(path)
    descriptions: dict[str, str] = {}
    words_by_tag: dict[str, set[str]] = {}
    values_by_tag: dict[str, dict[str, str]] = {}
    first_line_of: dict[str, int] = {}

    def fail(number: int, reason: str) -> LexiconError:
        return LexiconError(f"{path}:{number}: {reason}")

    with open(path, encoding="utf-8") as source:
        lines = source.read().split("\n")
    if lines and lines[-1] == "":
        lines.pop()  # the newline that ends the last line
    for number, line in enumerate(lines, start=1):
        if line.startswith("#"):
            declaration = _TAG_DECLARATION.fullmatch(line)
            if declaration:
                tag, description = declaration.groups()
                if tag in descriptions:
                    raise fail(number, f"tag {tag!r} is declared twice")
                if first_line_of:
                    raise fail(number, f"tag {tag!r} is declared after the first word: declare tags in the header")
                descriptions[tag] = description
            elif line.startswith("# tag "):
                raise fail(number, "a tag declaration reads '# tag name: what the list is for'")
            continue
        columns = line.split("\t")
        if len(columns) != 3:
            raise fail(number, f"expected 3 tab-separated columns (word, tags, value), found {len(columns)}")
        word, tag_column, value = columns
        if not word or word != word.strip():
            raise fail(number, f"the word {word!r} is empty or has spaces around it")
        if word in first_line_of:
            raise fail(number, f"{word!r} is already on line {first_line_of[word]}: each word is on one line only")
        first_line_of[word] = number
        tags = tag_column.split(",")
        if not tag_column or not all(_TAG_NAME.fullmatch(tag) for tag in tags):
            raise fail(number, f"tags must be comma-separated tag names, found {tag_column!r}")
        if tags != sorted(set(tags)):
            raise fail(number, f"tags must be sorted and each given once, found {tag_column!r}")
        undeclared = [tag for tag in tags if tag not in descriptions]
        if undeclared:
            raise fail(number, f"tag {undeclared[0]!r} is not declared in the header")
        valued = [tag for tag in tags if tag in VALUE_FORMATS]
        if len(valued) > 1:
            raise fail(number, f"tags {', '.join(valued)} both carry a value; a line carries one at most")
        if not valued and value:
            raise fail(number, f"value {value!r} on a line whose tags carry none")
        if valued and not VALUE_FORMATS[valued[0]].fullmatch(value):
            raise fail(number, f"value {value!r} is not a valid {valued[0]} value")
        for tag in tags:
            words_by_tag.setdefault(tag, set()).add(word)
        if valued:
            values_by_tag.setdefault(valued[0], {})[word] = value
    return Lexicon(
        words_by_tag={tag: frozenset(words) for tag, words in words_by_tag.items()},
        values_by_tag=values_by_tag,
        descriptions=descriptions,
    )


LEXICON = load(LEXICON_FILE)

TITLES = LEXICON.words("title")
PERSON_TITLES = LEXICON.words("person_title")
OCCUPATIONS = LEXICON.words("occupation")
FEMALE_TITLES = LEXICON.words("female_title")
MALE_TITLES = LEXICON.words("male_title")
ORG_HEADS = LEXICON.words("org_head")
LOCATION_HEADS = LEXICON.words("location_head")
KNOWN_ORGANIZATIONS = LEXICON.words("known_organization")
KNOWN_PRODUCTS = LEXICON.words("known_product")
PRODUCT_MAKERS = LEXICON.words("product_maker")
KNOWN_REGIONS = LEXICON.values("known_region")
COUNTRY_ALIASES = LEXICON.values("country_alias")
NON_NAME_WORDS = LEXICON.words("non_name_word")
SPEECH_VERBS = LEXICON.words("speech_verb")
CORE_SPEECH_VERBS = LEXICON.words("core_speech_verb")
STATEMENT_VERBS = LEXICON.words("statement_verb")
PRONOUNS = {word: gender or None for word, gender in LEXICON.values("pronoun").items()}
NP_STOP = LEXICON.words("np_stop")
UNIT_ADJECTIVES = LEXICON.words("unit_adjective")
TIME_UNITS = LEXICON.words("time_unit")
SPEECH_LEMMAS = LEXICON.words("speech_lemma")
ORGANIZATION_KINDS = LEXICON.words("organization_kind")
SEAT_HEADS = LEXICON.words("seat_head")
MATCH_VERBS = LEXICON.words("match_verb")
FIXTURE_WORDS = LEXICON.words("fixture_word")
EVENT_HEADS = LEXICON.words("event_head")
COMPOUND_SUFFIXES = LEXICON.words("compound_suffix")
COMPANY_SUFFIXES = LEXICON.words("company_suffix")
TENURE_WORDS = LEXICON.words("tenure_word")
MATCH_NOUNS = LEXICON.words("match_noun")
SPORTS_ROLES = LEXICON.words("sports_role")
MARKET_WORDS = LEXICON.words("market_word")
SPORTING_NATIONS = LEXICON.words("sporting_nation")
RELIGIONS = LEXICON.words("religion")
NAME_PREFIXES = LEXICON.words("name_prefix")

# Reading a figure (figures.py).
UNITS_WORDS = {word: int(number) for word, number in LEXICON.values("units_word").items()}
TENS_WORDS = {word: int(number) for word, number in LEXICON.values("tens_word").items()}
SCALES = {word: int(multiplier) for word, multiplier in LEXICON.values("scale_word").items()}
CURRENCIES = LEXICON.values("currency_symbol")
CURRENCY_WORDS = LEXICON.values("currency_word")
PERCENT_WORDS = LEXICON.words("percent_word")
VERB_QUALIFIERS = LEXICON.values("qualifier_verb")
RANGE_WORDS = LEXICON.words("range_word")
READING_WORDS = LEXICON.words("reading_word")
MONTH_WORDS = LEXICON.words("month_word")
ORDINAL_SUFFIXES = LEXICON.words("ordinal_suffix")
CASUALTY_VERBS = LEXICON.words("casualty_verb")
PARTITIVE_DETERMINERS = LEXICON.words("partitive_determiner")
IRREGULAR_PLURALS = LEXICON.values("irregular_plural")
IRREGULAR_PARTICIPLES = LEXICON.words("irregular_participle")
IRREGULAR_PAST = LEXICON.words("irregular_past")
AUXILIARIES = LEXICON.words("auxiliary")
MODALS = LEXICON.words("modal")
PHRASE_ENDS = LEXICON.words("phrase_end")
PARTICLES = LEXICON.words("verb_particle")
NOT_PREDICATES = LEXICON.words("not_predicate")

# Whose a figure is (claims.py, affiliation.py).
OWN_SIDE_UNITS = LEXICON.words("own_side_unit")
POSSESSIVE_PRONOUNS = LEXICON.words("possessive_pronoun")
IRREGULAR_DEMONYMS = LEXICON.values("irregular_demonym")
# Every nationality word, the irregular ones ("Briton", "Kiwi") included.
DEMONYMS = LEXICON.words("demonym") | frozenset(IRREGULAR_DEMONYMS)
NOT_NATIONAL = LEXICON.words("not_national")

# Quotes and their speakers (quotes.py, attribution.py).
ADVERBS = LEXICON.words("quote_adverb")
NOUN_LIKE_VERBS = LEXICON.words("noun_like_verb")
FUNCTION_WORDS = LEXICON.words("function_word")
DETERMINERS = LEXICON.words("determiner")
FINITE_WORDS = LEXICON.words("finite_word")
GENERIC_SPEAKERS = LEXICON.words("generic_speaker")
GENERIC_ORGANIZATIONS = LEXICON.words("generic_organization")
STATEMENT_WORDS = LEXICON.words("statement_word")
RELATIVE_PRONOUNS = LEXICON.words("relative_pronoun")
FIRST_AND_SECOND_PERSON = LEXICON.words("first_second_person")

# Names (entities.py).
CONNECTORS = LEXICON.words("connector")
NAME_PARTICLES = LEXICON.words("name_particle")
PRODUCT_HEADS = LEXICON.words("product_head")
TITLE_MODIFIERS = LEXICON.words("title_modifier")
PLACE_PREPOSITIONS = LEXICON.words("place_preposition")
NEWSPAPER_HEADS = LEXICON.words("newspaper_head")
DATE_WORDS = LEXICON.words("date_word")
