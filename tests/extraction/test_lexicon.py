"""The word lists: read from data/lexicon.tsv, each word on one line with its tags, each tag documented."""

import re

import pytest

from extraction import lexicon
from extraction.lexicon import LEXICON_FILE, LexiconError, load


def word_lines():
    lines = LEXICON_FILE.read_text(encoding="utf-8").splitlines()
    return [line for line in lines if not line.startswith("#")]


def test_each_word_is_on_exactly_one_line_and_lines_are_sorted_by_word():
    words = [line.split("\t")[0] for line in word_lines()]
    assert len(words) > 1000
    repeated = sorted({w for w in words if words.count(w) > 1})
    assert repeated == []
    assert words == sorted(words)
    # Case matters: a capitalised word and its lower-case form are two words, on two lines.
    assert {"Report", "report"} <= set(words)


def test_every_tag_used_is_documented_in_the_header_and_every_documented_tag_is_used():
    used = {tag for line in word_lines() for tag in line.split("\t")[1].split(",")}
    header = [line for line in LEXICON_FILE.read_text(encoding="utf-8").splitlines() if line.startswith("#")]
    documented = {m.group(1) for line in header if (m := re.fullmatch(r"# tag ([a-z_]+): \S.*", line))}
    assert used == documented
    assert documented == set(lexicon.LEXICON.descriptions)
    assert len(documented) == 78


def test_the_lists_keep_their_types():
    for name in ("TITLES", "PERSON_TITLES", "OCCUPATIONS", "FEMALE_TITLES", "MALE_TITLES", "ORG_HEADS",
                 "LOCATION_HEADS", "KNOWN_ORGANIZATIONS", "KNOWN_PRODUCTS", "PRODUCT_MAKERS", "DEMONYMS",
                 "NON_NAME_WORDS", "SPEECH_VERBS", "CORE_SPEECH_VERBS", "STATEMENT_VERBS", "NP_STOP",
                 "UNIT_ADJECTIVES", "TIME_UNITS", "SPEECH_LEMMAS", "ORGANIZATION_KINDS", "SEAT_HEADS",
                 "PERCENT_WORDS", "RANGE_WORDS", "READING_WORDS", "MONTH_WORDS", "ORDINAL_SUFFIXES", "CASUALTY_VERBS",
                 "PARTITIVE_DETERMINERS", "IRREGULAR_PARTICIPLES", "IRREGULAR_PAST", "AUXILIARIES", "MODALS",
                 "PHRASE_ENDS", "PARTICLES", "NOT_PREDICATES", "OWN_SIDE_UNITS", "POSSESSIVE_PRONOUNS", "NOT_NATIONAL",
                 "ADVERBS", "NOUN_LIKE_VERBS", "FUNCTION_WORDS", "DETERMINERS", "FINITE_WORDS", "GENERIC_SPEAKERS",
                 "GENERIC_ORGANIZATIONS", "STATEMENT_WORDS", "RELATIVE_PRONOUNS", "FIRST_AND_SECOND_PERSON",
                 "CONNECTORS", "NAME_PARTICLES", "PRODUCT_HEADS", "TITLE_MODIFIERS", "PLACE_PREPOSITIONS",
                 "NEWSPAPER_HEADS", "DATE_WORDS", "MATCH_VERBS", "FIXTURE_WORDS", "EVENT_HEADS", "COMPOUND_SUFFIXES", "COMPANY_SUFFIXES", "TENURE_WORDS", "MATCH_NOUNS", "SPORTS_ROLES", "MARKET_WORDS", "SPORTING_NATIONS", "RELIGIONS", "NAME_PREFIXES"):
        assert isinstance(getattr(lexicon, name), frozenset) and getattr(lexicon, name), name
    for name in ("KNOWN_REGIONS", "COUNTRY_ALIASES", "PRONOUNS", "CURRENCIES", "CURRENCY_WORDS", "VERB_QUALIFIERS",
                 "IRREGULAR_PLURALS", "IRREGULAR_DEMONYMS"):
        assert type(getattr(lexicon, name)) is dict and getattr(lexicon, name), name
    # The number words and magnitudes are read as whole numbers, for the arithmetic of figures.py.
    for name in ("UNITS_WORDS", "TENS_WORDS", "SCALES"):
        numbers = getattr(lexicon, name)
        assert type(numbers) is dict and numbers and all(type(n) is int for n in numbers.values()), name


@pytest.mark.parametrize("smaller, larger", [
    ("PERSON_TITLES", "TITLES"),
    ("OCCUPATIONS", "PERSON_TITLES"),
    ("FEMALE_TITLES", "PERSON_TITLES"),
    ("MALE_TITLES", "PERSON_TITLES"),
    ("CORE_SPEECH_VERBS", "SPEECH_VERBS"),
    ("PRODUCT_MAKERS", "KNOWN_ORGANIZATIONS"),
])
def test_a_narrower_list_lies_inside_the_wider_one(smaller, larger):
    assert set(getattr(lexicon, smaller)) <= set(getattr(lexicon, larger))


def test_no_title_tells_both_genders_and_no_word_is_both_a_region_and_a_country_alias():
    assert not lexicon.FEMALE_TITLES & lexicon.MALE_TITLES
    assert not lexicon.KNOWN_REGIONS.keys() & lexicon.COUNTRY_ALIASES.keys()


@pytest.mark.parametrize("name, word, expected", [
    ("SPEECH_VERBS", "said", True),
    ("SPEECH_LEMMAS", "say", True),
    ("SPEECH_LEMMAS", "said", False),
    ("DEMONYMS", "Ukrainian", True),
    ("DEMONYMS", "Democratic", True),
    ("DEMONYMS", "democratic", False),
    ("TITLES", "foreign", True),
    ("PERSON_TITLES", "foreign", False),
    ("MALE_TITLES", "mr", True),
    ("NON_NAME_WORDS", "Mr", True),
    ("ORG_HEADS", "bank", True),
    ("LOCATION_HEADS", "bank", True),
    ("KNOWN_ORGANIZATIONS", "Al Jazeera", True),
    ("NP_STOP", "they", True),
    ("MONTH_WORDS", "sept", True),
    ("DATE_WORDS", "May", False),
    ("READING_WORDS", "magnitude", True),
    ("CASUALTY_VERBS", "killed", True),
    ("STATEMENT_WORDS", "statement", True),
    ("NAME_PARTICLES", "von", True),
    ("NOT_NATIONAL", "Sunni", True),
])
def test_known_words_are_in_the_lists_the_rules_expect(name, word, expected):
    assert (word in getattr(lexicon, name)) is expected


@pytest.mark.parametrize("name, key, value", [
    ("KNOWN_REGIONS", "Crimea", "UA"),
    ("KNOWN_REGIONS", "Middle East", ""),
    ("COUNTRY_ALIASES", "Türkiye", "Turkey"),
    ("COUNTRY_ALIASES", "U.S.", "United States"),
    ("PRONOUNS", "she", "f"),
    ("PRONOUNS", "he", "m"),
    ("PRONOUNS", "they", None),
    ("UNITS_WORDS", "zero", 0),
    ("UNITS_WORDS", "nineteen", 19),
    ("TENS_WORDS", "forty", 40),
    ("SCALES", "bn", 1_000_000_000),
    ("CURRENCIES", "$", "usd"),
    ("CURRENCY_WORDS", "roubles", "rub"),
    ("VERB_QUALIFIERS", "exceeded", "more_than"),
    ("IRREGULAR_PLURALS", "people", "person"),
    ("IRREGULAR_DEMONYMS", "Dutch", "Netherlands"),
])
def test_the_dict_lists_carry_their_values(name, key, value):
    assert getattr(lexicon, name)[key] == value


HEADER = (
    "# A small lexicon for the loader's tests.\n"
    "# tag title: Titles.\n"
    "# tag pronoun: Pronouns. Value: m, f or empty.\n"
    "# tag known_region: Regions. Value: an ISO code or empty.\n"
)


def write(tmp_path, body):
    path = tmp_path / "lexicon.tsv"
    path.write_text(HEADER + body, encoding="utf-8")
    return path


def test_a_well_formed_file_loads_into_word_sets_and_values(tmp_path):
    loaded = load(write(tmp_path, "Crimea\tknown_region\tUA\nOceania\tknown_region\t\nmayor\ttitle\t\n"
                                   "she\tpronoun\tf\nthey\tpronoun\t\n"))
    assert loaded.words("title") == {"mayor"}
    assert loaded.values("known_region") == {"Crimea": "UA", "Oceania": ""}
    assert loaded.values("pronoun") == {"she": "f", "they": ""}
    assert loaded.descriptions["title"] == "Titles."


@pytest.mark.parametrize("body, line, reason", [
    ("mayor\ttitle\n", 5, "expected 3 tab-separated columns (word, tags, value), found 2"),
    ("\n", 5, "expected 3 tab-separated columns"),
    ("mayor\ttitle\t\nmayor\ttitle\t\n", 6, "'mayor' is already on line 5: each word is on one line only"),
    (" mayor\ttitle\t\n", 5, "the word ' mayor' is empty or has spaces around it"),
    ("mayor\t\t\n", 5, "tags must be comma-separated tag names, found ''"),
    ("mayor\ttitle, pronoun\t\n", 5, "tags must be comma-separated tag names"),
    ("she\ttitle,pronoun\tf\n", 5, "tags must be sorted and each given once, found 'title,pronoun'"),
    ("mayor\ttitle,title\t\n", 5, "tags must be sorted and each given once"),
    ("mayor\tofficial\t\n", 5, "tag 'official' is not declared in the header"),
    ("mayor\ttitle\tm\n", 5, "value 'm' on a line whose tags carry none"),
    ("she\tpronoun\tx\n", 5, "value 'x' is not a valid pronoun value"),
    ("Crimea\tknown_region\tUkraine\n", 5, "value 'Ukraine' is not a valid known_region value"),
    ("Gaza\tknown_region,pronoun\tPS\n", 5, "tags known_region, pronoun both carry a value"),
    ("mayor\ttitle\t\n# tag mayor_word: Late.\n", 6, "tag 'mayor_word' is declared after the first word"),
    ("# tag title: Again.\n", 5, "tag 'title' is declared twice"),
    ("# tag Title - titles\n", 5, "a tag declaration reads '# tag name: what the list is for'"),
])
def test_a_malformed_line_is_reported_with_its_line_number_and_reason(tmp_path, body, line, reason):
    path = write(tmp_path, body)
    with pytest.raises(LexiconError) as error:
        load(path)
    assert str(error.value).startswith(f"{path}:{line}: {reason}")
