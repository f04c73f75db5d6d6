"""Claims: every number that counts something, with who asserts it.

A count is a number (digits, words, "$1.13bn", "76%") followed by what it
counts. Dates, times, years, ages, ordinals, scores and numbers inside names
are not counts. The qualifier comes from the words before the number, the unit
from the head noun after it, the predicate from the nearest event verb, and
the claimant from the quote the number sits in, else the sentence's source.
Attributed statements with no number are kept as qualitative claims.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import lexicon
from .affiliation import country_of_demonym, country_of_entity, country_of_phrase, country_of_place
from .attribution import Attribution, confidence
from .candidates import LOCATION
from .entity_index import EntityIndex
from .text import Sentence, Text, Token
from .types import Claim, Quote

UNITS_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS_WORDS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
              "ninety": 90}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
          "trillion": 1_000_000_000_000, "bn": 1_000_000_000, "m": 1_000_000, "mn": 1_000_000, "k": 1_000,
          "tn": 1_000_000_000_000}
CURRENCIES = {"$": "usd", "£": "gbp", "€": "eur", "¥": "jpy", "₹": "inr"}
CURRENCY_WORDS = {"dollar": "usd", "dollars": "usd", "euro": "eur", "euros": "eur", "pound": "gbp",
                  "pounds": "gbp", "yen": "jpy", "rupee": "inr", "rupees": "inr", "rouble": "rub", "roubles": "rub",
                  "ruble": "rub", "rubles": "rub", "yuan": "cny"}
PERCENT_WORDS = {"percent", "per", "pct"}
QUALIFIERS = [
    (("more", "than"), "more_than"), (("in", "excess", "of"), "more_than"), (("upwards", "of"), "more_than"),
    (("no", "less", "than"), "at_least"), (("not", "less", "than"), "at_least"), (("no", "fewer", "than"), "at_least"),
    (("at", "least"), "at_least"), (("a", "minimum", "of"), "at_least"),
    (("no", "more", "than"), "at_most"), (("up", "to"), "at_most"), (("at", "most"), "at_most"),
    (("as", "many", "as"), "at_most"), (("a", "maximum", "of"), "at_most"),
    (("less", "than"), "less_than"), (("fewer", "than"), "less_than"),
    (("close", "to"), "approximately"), (("an", "estimated"), "approximately"),
    (("over",), "more_than"), (("above",), "more_than"), (("under",), "less_than"), (("below",), "less_than"),
    (("about",), "approximately"), (("around",), "approximately"), (("approximately",), "approximately"),
    (("nearly",), "approximately"), (("almost",), "approximately"), (("some",), "approximately"),
    (("roughly",), "approximately"), (("circa",), "approximately"), (("estimated",), "approximately"),
    (("~",), "approximately"),
]
AUXILIARIES = {"had", "have", "has", "been", "were", "was", "be", "being", "are", "is", "reportedly",
               "also", "all", "allegedly", "already", "later", "since", "not", "now", "then"}
IRREGULAR_PARTICIPLES = {"shot", "hit", "struck", "won", "lost", "fell", "held", "taken", "seen", "left", "brought",
                         "put", "cut", "sent", "built", "sold", "bought", "made", "found", "given", "run", "beaten",
                         "caught", "hurt", "driven", "flown", "thrown", "stolen", "born", "spent", "paid", "met",
                         "kept", "led", "rose", "risen", "dropped", "grew", "grown", "died", "dead", "drowned"}
# Past tenses that end a counted phrase: "10 buses ran", "300 people fled".
IRREGULAR_PAST = {"ran", "went", "came", "fled", "fell", "rose", "grew", "saw", "took", "gave", "got", "left", "stood",
                  "sat", "began", "became", "remained", "stayed", "lay", "slept", "swam", "flew", "drove", "rode",
                  "wrote", "spoke", "broke", "chose", "froze", "hid", "bit", "ate", "drank", "sank", "stuck", "won",
                  "lost", "hit", "struck", "died", "say", "said", "were", "are", "was", "is", "remain", "live"}
PARTICLES = {"down", "out", "off", "up", "over", "away"}
NOT_PREDICATES = {"confirmed", "reported", "estimated", "said", "added", "claimed", "announced"} | {"according"}
MONTH_WORDS = {"january", "february", "march", "april", "may", "june", "july", "august", "september",
               "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
               "oct", "nov", "dec"}
_ORDINAL_SUFFIX = {"st", "nd", "rd", "th"}
_DIGITS = re.compile(r"^\d+(?:,\d{3})*(?:\.\d+)?$|^\d+(?:\.\d+)?$")


@dataclass
class _Count:
    first: int  # token index where the number expression starts (qualifier excluded)
    last: int  # token index after the number expression (magnitude and % included)
    value: float
    qualifier: str | None = None  # set by the words after it ("107 or more") or by a range
    unit_from: int | None = None  # read the unit here instead: after the second number of a range
    unit: str | None = None  # known from the number itself ("half" is 50 percent)


def extract_claims(
    read: Text, index: EntityIndex, quotes: list[Quote], attributions: list[Attribution | None]
) -> list[Claim]:
    text, sentences = read.string, read.sentences
    direct = [(position, q) for position, q in enumerate(quotes) if q.kind in {"direct", "partial"}]
    # Sentences that hold a direct quote, found once (a quote may run over several sentences).
    quoted = {number for q in quotes if q.kind == "direct"
              for number in range(read.sentence_index(q.start), read.sentence_index(q.end - 1) + 1)}
    claims: list[Claim] = []
    for number, sentence in enumerate(sentences):
        tokens = sentence.tokens
        found = _counts(tokens, index)
        continued = _reported_continuation(sentences, attributions, number, quoted)
        source = attributions[number] or (continued.by("continuation") if continued else None)
        sentence_claims: list[Claim] = []
        for count in found:
            qualifier, qualifier_start = _qualifier(tokens, count.first)
            qualifier = count.qualifier or qualifier
            unit, unit_end = _unit(tokens, count)
            if unit is None:
                continue
            quote_position, attribution = _claimant(tokens[count.first].start, direct, source)
            predicate = _predicate(tokens, count.first, unit_end) or (
                sentence_claims[-1].predicate if sentence_claims else None
            ) or (claims[-1].predicate if claims and _continues_list(tokens) else None)
            start = tokens[qualifier_start].start
            sentence_claims.append(
                Claim(
                    text=text[sentence.start:sentence.end],
                    claimant=attribution.speaker if attribution else None,
                    claimant_text=attribution.speaker_text if attribution else None,
                    claimant_is_entity=attribution.is_entity if attribution else False,
                    attribution=_method(attribution),
                    confidence=confidence(_method(attribution)),
                    start=start,
                    end=tokens[unit_end - 1].end,
                    value=count.value,
                    qualifier=qualifier,
                    unit=unit,
                    predicate=predicate,
                    quote_index=quote_position,
                    subjects=_subjects(index, sentence, attribution),
                    subject=_subject(text, tokens, count, unit_end, unit, index, attribution),
                )
            )
        claims.extend(sentence_claims)
        if not sentence_claims:
            qualitative = _qualitative_claim(text, sentence, attributions[number], index)
            if qualitative is not None:
                claims.append(qualitative)
    return claims


RANGE_WORDS = {"to", "and"}
# A number after these is a reading or a label, not a count: "magnitude 7.8", "category 5", "aged 45".
READING_WORDS = {"aged", "age", "number", "no", "no.", "#", "magnitude", "category", "level", "grade", "size",
                 "version", "phase", "round", "stage", "step", "rank", "page", "chapter", "article", "section",
                 "flight", "route", "highway", "gate", "platform", "room", "seat", "line", "channel", "model"}
CASUALTY_VERBS = {"killed", "dead", "died", "wounded", "injured", "hurt", "missing", "arrested", "detained",
                  "evacuated", "rescued", "displaced", "hospitalized", "hospitalised", "killing", "wounding",
                  "injuring", "leaving", "left", "kill", "wound", "injure", "executed", "drowned", "trapped"}
TRAILING_QUALIFIERS = {("or", "more"): "at_least", ("or", "over"): "at_least", ("and", "more"): "at_least",
                       ("or", "fewer"): "at_most", ("or", "less"): "at_most", ("or", "so"): "approximately"}
VERB_QUALIFIERS = {"exceeded": "more_than", "exceeding": "more_than", "exceeds": "more_than", "exceed": "more_than",
                   "topped": "more_than", "surpassed": "more_than", "passed": "more_than"}


def _counts(tokens: tuple[Token, ...], index: EntityIndex) -> list[_Count]:
    counts: list[_Count] = []
    i, n = 0, len(tokens)
    while i < n:
        parsed = _number_at(tokens, i)
        if parsed is None:
            i += 1
            continue
        value, last = parsed
        if _excluded(tokens, i, last, index):
            i = last
            continue
        if _is_one_as_reference(tokens, i, last):
            i = last
            continue
        count = _Count(i, last, value)
        if tokens[i].lower == "half":
            count.unit = "percent"
        trailing = tuple(t.lower for t in tokens[last:last + 2])
        if trailing in TRAILING_QUALIFIERS:
            count.qualifier = TRAILING_QUALIFIERS[trailing]
            count.last = last + 2
        # A range: "from ten to 32 pages", "between 10 and 32 pages", "40 to 50 questions".
        if last < n and tokens[last].lower in RANGE_WORDS and (
            tokens[last].lower == "to" or (i > 0 and tokens[i - 1].lower == "between")
        ):
            upper = _number_at(tokens, last + 1)
            if upper is not None:
                count.qualifier, count.unit_from = "at_least", upper[1]
                counts.append(count)
                counts.append(_Count(last + 1, upper[1], upper[0], qualifier="at_most"))
                i = upper[1]
                continue
        counts.append(count)
        i = count.last
    return counts


def _is_one_as_reference(tokens: tuple[Token, ...], i: int, last: int) -> bool:
    """"one policeman said", "One Rohingya, Muhammad Amin, ...": a person, not a count."""
    if tokens[i].lower != "one" or last + 1 >= len(tokens):
        return False
    noun = tokens[last]
    after = tokens[last + 1]
    return not noun.lower.endswith("s") and (after.text == "," or after.lower in lexicon.SPEECH_VERBS)


def _number_at(tokens: tuple[Token, ...], i: int) -> tuple[float, int] | None:
    if i >= len(tokens):  # a range's upper end is looked for past the last token ("rose from 12 to")
        return None
    token = tokens[i]
    lower = token.lower
    j = i
    if token.text in CURRENCIES and i + 1 < len(tokens) and _DIGITS.match(tokens[i + 1].text):
        j = i + 1
        lower = tokens[j].lower
    if _DIGITS.match(tokens[j].text):
        value = float(tokens[j].text.replace(",", ""))
        j += 1
    elif lower in UNITS_WORDS or lower in TENS_WORDS or lower == "dozen":
        value, j = _number_words(tokens, j)
        if value is None:
            return None
    elif "-" in lower and all(part in UNITS_WORDS or part in TENS_WORDS for part in lower.split("-")):
        value = float(sum(UNITS_WORDS.get(p, TENS_WORDS.get(p, 0)) for p in lower.split("-")))
        j += 1
    elif lower == "half" and j + 1 < len(tokens) and tokens[j + 1].lower in {"of", "as"} and (
        j == 0 or tokens[j - 1].lower not in {"the", "first", "second", "a", "latter", "other"}
    ):
        return 50.0, j + 1  # "half of all children": 50 percent
    else:
        return None
    # Magnitudes: "1.13bn", "1.5 million", "two hundred".
    while j < len(tokens) and tokens[j].lower in SCALES and (
        tokens[j].lower not in {"m", "k", "bn", "mn", "tn"} or tokens[j].start == tokens[j - 1].end
    ):
        value *= SCALES[tokens[j].lower]
        j += 1
    return value, j


def _number_words(tokens: tuple[Token, ...], i: int) -> tuple[float | None, int]:
    total, current, j = 0.0, 0.0, i
    seen = False
    while j < len(tokens):
        word = tokens[j].lower
        if word in UNITS_WORDS:
            current += UNITS_WORDS[word]
        elif word in TENS_WORDS:
            current += TENS_WORDS[word]
        elif "-" in word and all(p in UNITS_WORDS or p in TENS_WORDS for p in word.split("-")):
            current += sum(UNITS_WORDS.get(p, TENS_WORDS.get(p, 0)) for p in word.split("-"))
        elif word == "dozen":
            current = (current or 1) * 12
        elif word == "hundred" and seen:
            current *= 100
        elif word in {"thousand", "million", "billion"} and seen:
            total += current * SCALES[word]
            current = 0
        elif word == "and" and seen and j + 1 < len(tokens) and tokens[j + 1].lower in UNITS_WORDS | TENS_WORDS:
            pass
        else:
            break
        seen = True
        j += 1
    if not seen:
        return None, i
    return total + current, j


def _excluded(tokens: tuple[Token, ...], i: int, last: int, index: EntityIndex) -> bool:
    token = tokens[i]
    if token.text in CURRENCIES:
        token = tokens[i + 1]
    following = tokens[last] if last < len(tokens) else None
    preceding = tokens[i - 1] if i > 0 else None
    raw = token.text.replace(",", "")
    # Inside a name: "S-300", "Internet Explorer 6", "Vostok 1".
    if index.covers(token.start):
        return True
    if following is not None:
        if following.lower in _ORDINAL_SUFFIX and following.start == token.end:
            return True
        if following.text in {":", "–", "-", "—"} and last + 1 < len(tokens) and _DIGITS.match(tokens[last + 1].text):
            return True  # a time (20:04) or a score (1 – 0)
        if following.lower in MONTH_WORDS or following.lower in {"a.m.", "p.m.", "am", "pm", "gmt", "utc"}:
            return True
        if following.text == "-" and last + 1 < len(tokens) and tokens[last + 1].lower.startswith("year-old"):
            return True  # 45-year-old
    if preceding is not None:
        if preceding.lower in MONTH_WORDS or preceding.lower in READING_WORDS:
            return True
        if preceding.text in {"–", "-", "—"} and i >= 2 and _DIGITS.match(tokens[i - 2].text):
            return True  # the second half of a score
        if preceding.start == token.start - 1 and preceding.text.isalpha() and preceding.end == token.start:
            return True
    if "." not in raw and raw.isdigit() and len(raw) == 4 and 1800 <= int(raw) <= 2100 and "," not in token.text:
        # A year ("2000 levels", "by 2050"), unless a qualifier makes it a count: "more than 1900 people".
        return _qualifier(tokens, i)[0] == "exact"
    # "one in three adults": a ratio, not a count of three.
    if following is not None and following.lower == "in" and last + 1 < len(tokens) and (
        _number_at(tokens, last + 1) is not None
    ):
        return True
    if preceding is not None and preceding.lower == "in" and i >= 2 and _number_at(tokens, i - 2) is not None:
        return True
    # "the two provinces - Donetsk and Lugansk": names things, counts nothing new.
    return preceding is not None and preceding.lower == "the" and _introduces_enumeration(tokens, last)


def _introduces_enumeration(tokens: tuple[Token, ...], last: int) -> bool:
    for k in range(last, min(len(tokens) - 1, last + 6)):
        if tokens[k].text in {"-", "–", "—", ":", "("}:
            return tokens[k + 1].is_capitalized
        if tokens[k].text in {",", ".", ";"}:
            return False
    return False


# Longest first: "no more than" is at_most, though it ends with "more than".
QUALIFIERS.sort(key=lambda item: -len(item[0]))


def _qualifier(tokens: tuple[Token, ...], first: int) -> tuple[str, int]:
    words = [t.lower for t in tokens[max(0, first - 3):first]]
    for phrase, qualifier in QUALIFIERS:
        if tuple(words[-len(phrase):]) == phrase:
            return qualifier, first - len(phrase)
    if words and words[-1] in VERB_QUALIFIERS:
        return VERB_QUALIFIERS[words[-1]], first  # "exceeded 10%"
    return "exact", first


def _unit(tokens: tuple[Token, ...], count: _Count) -> tuple[str | None, int]:
    """What a number counts: a unit of measure, or the head noun of the phrase after it, singular."""
    j = count.last if count.unit_from is None else count.unit_from
    n = len(tokens)
    number_token = tokens[count.first]
    if count.unit is not None:
        return count.unit, count.last
    if number_token.text in CURRENCIES:
        return CURRENCIES[number_token.text], j
    if j < n and tokens[j].text == "%":
        return "percent", j + 1
    if j < n and tokens[j].lower in PERCENT_WORDS:
        if tokens[j].lower == "per" and j + 1 < n and tokens[j + 1].lower == "cent":
            return "percent", j + 2
        if tokens[j].lower != "per":
            return "percent", j + 1
    if j < n and tokens[j].lower in CURRENCY_WORDS:
        return CURRENCY_WORDS[tokens[j].lower], j + 1
    if j + 2 < n and tokens[j].lower == "of" and tokens[j + 1].lower in PARTITIVE_DETERMINERS and (
        tokens[j + 2].text.isalpha()
    ):
        if count.value == 1:
            return None, count.last  # "one of the reasons" picks one out; it counts nothing
        j += 2  # "50 of its servicemen": the count is of what follows "of its"
    if j + 1 < n and tokens[j].text == "-" and tokens[j].start == tokens[j - 1].end:
        # "72-hour ultimatum": the unit is the word the hyphen joins to the number.
        word = tokens[j + 1].lower.split("-")[0]
        if word in lexicon.TIME_UNITS or _singular(word) in lexicon.TIME_UNITS:
            return None, count.last
        return _singular(word), j + 2
    words: list[Token] = []
    while j < n and len(words) < 6:
        token = tokens[j]
        if not token.text[0].isalnum() or token.lower in lexicon.NP_STOP or token.lower in SCALES:
            break
        if token.text[0].isdigit() and not words:
            break
        words.append(token)
        j += 1
    # The head is the last common noun: "four Bayraktar TB2 unmanned combat aerial vehicles" -> vehicle.
    common = [t for t in _trim_to_noun(words) if t.text[0].islower() and t.text.replace("-", "").isalpha()]
    content = [t for t in common if t.lower not in lexicon.UNIT_ADJECTIVES]
    if not content:
        demonyms = [t for t in words if t.text in lexicon.DEMONYMS or t.text[:-1] in lexicon.DEMONYMS]
        if demonyms and demonyms[-1] is words[-1]:
            return _singular(demonyms[-1].lower), tokens.index(demonyms[-1], count.first) + 1  # "two Americans"
        if _near_casualty_verb(tokens, count):
            return "person", count.last  # "At least 107 killed", "killing 107 or more"
        return None, count.last
    head = _singular(content[-1].lower)
    if content[-1].lower in lexicon.TIME_UNITS or head in lexicon.TIME_UNITS:
        return None, count.last  # durations and ages are not counts
    # Nouns right before the head stay with it: "radar station", "command point".
    head_index = tokens.index(content[-1], count.first)
    kept = {id(t) for t in content}
    modifiers: list[str] = []
    k = head_index - 1
    while k >= count.first and id(tokens[k]) in kept:
        modifiers.insert(0, tokens[k].lower)
        k -= 1
    return " ".join([*modifiers, head]), head_index + 1


def _near_casualty_verb(tokens: tuple[Token, ...], count: _Count) -> bool:
    after = [t.lower for t in tokens[count.last:count.last + 3]]
    before = tokens[count.first - 1].lower if count.first > 0 else ""
    qualifier_words = {"least", "than", "about", "around", "nearly", "almost", "some", "over", "up"}
    if count.first > 1 and before in qualifier_words:
        before = tokens[max(0, count.first - 3)].lower
    return bool(after) and (after[0] in CASUALTY_VERBS or (after[0] in {"were", "was", "had", "have", "are"} and
                                                           any(w in CASUALTY_VERBS for w in after[1:]))) or (
        before in CASUALTY_VERBS)


def _trim_to_noun(words: list[Token]) -> list[Token]:
    """Stop the phrase before a verb that follows the noun: "40 soldiers killed" -> soldiers, but keep
    adjectives before it: "four unmanned combat aerial vehicles"."""
    for k, token in enumerate(words):
        lower = token.lower
        verb_like = lower.endswith("ed") or lower in IRREGULAR_PARTICIPLES or lower in IRREGULAR_PAST or (
            lower.endswith("ing"))
        if k > 0 and verb_like and (words[k - 1].lower.endswith("s") or k == len(words) - 1 or
                                    lower in IRREGULAR_PAST):
            return words[:k]
    if words and (words[0].lower.endswith("ed") and len(words) == 1):
        return []
    return words


def _singular(word: str) -> str:
    irregular = {"people": "person", "men": "man", "women": "woman", "children": "child", "feet": "foot",
                 "teeth": "tooth", "mice": "mouse", "geese": "goose", "criteria": "criterion", "data": "data",
                 "series": "series", "species": "species", "police": "police", "news": "news", "aircraft": "aircraft",
                 "schoolchildren": "schoolchild", "lives": "life", "wives": "wife", "knives": "knife",
                 "casualties": "casualty", "facilities": "facility", "countries": "country", "cities": "city",
                 "buses": "bus", "gases": "gas", "viruses": "virus", "bonuses": "bonus", "campuses": "campus",
                 "censuses": "census", "statuses": "status", "crises": "crisis", "analyses": "analysis"}
    if word in irregular:
        return irregular[word]
    if word.endswith("men") and len(word) > 4 and word not in {"specimen", "abdomen", "regimen"}:
        return word[:-3] + "man"  # policemen, gunmen
    for suffix, replacement in (("ies", "y"), ("sses", "ss"), ("ches", "ch"), ("shes", "sh"), ("xes", "x"),
                                ("zzes", "z"), ("oes", "o")):
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            return word[: -len(suffix)] + replacement
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]
    return word


PARTITIVE_DETERMINERS = {"its", "their", "his", "her", "our", "the", "those", "these"}
MODALS = {"would", "will", "could", "can", "may", "might", "must", "should", "shall"}
# Words after which a counted phrase's own verb cannot come any more: "pulled 45 survivors from collapsed ...".
PHRASE_ENDS = {"who", "which", "that", "while", "and", "but", "as", "after", "before", "from", "in", "at", "on",
               "into", "with", "by", "for", "during", "under", "near", "across", "inside", "outside", "if",
               "because", "when", "although"}


def _predicate(tokens: tuple[Token, ...], first: int, unit_end: int) -> str | None:
    """The event verb: after the counted phrase ("were knocked out"), else the nearest one before it."""
    j, n = unit_end, len(tokens)
    # Skip coordinated counts: "40 soldiers and around 10 civilians had been killed".
    while j < n and tokens[j].lower in {"and", "or"}:
        k = j + 1
        while k < n and tokens[k].lower in {"about", "around", "nearly", "almost", "some", "over", "more", "than",
                                            "at", "least", "up", "to", "approximately", "roughly"}:
            k += 1
        if k >= n or _number_at(tokens, k) is None:
            break
        while k < n and tokens[k].text not in {",", "."} and not _is_verb(tokens[k]) and (
            tokens[k].lower not in AUXILIARIES
        ):
            k += 1
        j = k
    # Skip what qualifies the counted things: "of Ukraine's military infrastructure", "belonging to the Air Force".
    limit = j + 10
    while j < min(n, limit) and not _is_verb(tokens[j]):
        token = tokens[j]
        if token.lower in MODALS and j + 1 < n and tokens[j + 1].text.isalpha() and tokens[j + 1].text.islower():
            following = j + 2 if tokens[j + 1].lower in {"be", "have", "not"} and j + 2 < n else j + 1
            if _is_verb(tokens[following]) or tokens[following].lower not in AUXILIARIES:
                return _with_particle(tokens, following)  # "would lose", "could be destroyed"
        if token.text in {",", ".", ";", ":", "“", "”", '"'} or token.lower in PHRASE_ENDS:
            break
        if token.lower == "to" and tokens[j - 1].lower not in {"belonging", "owned", "attached", "related"}:
            break  # "awarded 14 contracts to companies linked to ...": the object is done
        j += 1
    if j < n and _is_verb(tokens[j]):
        return _with_particle(tokens, j)
    for k in range(first - 1, max(-1, first - 8), -1):
        token = tokens[k]
        if token.text in {".", ";", "“", "”", '"', ","}:
            break
        if _is_verb(token) and token.lower not in NOT_PREDICATES:
            return _with_particle(tokens, k)
    for k in range(first - 1, max(-1, first - 8), -1):
        if tokens[k].lower in {"confirmed", "reported"}:
            return tokens[k].lower
    return None


def _is_verb(token: Token) -> bool:
    lower = token.lower
    if lower in CASUALTY_VERBS and token.text.islower():
        return True  # "killing at least 120", "injuring more than 1,000"
    return token.text.isalpha() and token.text.islower() and (
        (lower.endswith("ed") and len(lower) > 4 and lower not in {"red", "need", "speed", "seed", "hundred"})
        or lower in IRREGULAR_PARTICIPLES
    )


def _with_particle(tokens: tuple[Token, ...], k: int) -> str:
    if k + 1 < len(tokens) and tokens[k + 1].lower in PARTICLES:
        return f"{tokens[k].lower} {tokens[k + 1].lower}"
    return tokens[k].lower


def _continues_list(tokens: tuple[Token, ...]) -> bool:
    return len(tokens) > 1 and tokens[0].lower in {"among", "including", "these", "of", "they"}


def _reported_continuation(sentences: list[Sentence], attributions: list, number: int, quoted: set[int]):
    """A sentence in backshifted reported speech ("undernourishment would increase by 49 percent") with no
    source of its own goes on reporting the source of the sentence before it in its paragraph that reports
    in its own words: a direct quote between them is closed, and does not carry on."""
    if not any(token.lower == "would" for token in sentences[number].tokens):
        return None
    for k in range(number - 1, -1, -1):
        if sentences[k].paragraph != sentences[number].paragraph:
            return None
        if k in quoted:
            continue
        if attributions[k] is not None and attributions[k].speaker:
            return attributions[k]
    return None


def _method(attribution: Attribution | None) -> str | None:
    return attribution.method if attribution is not None and attribution.speaker else None


def _claimant(offset: int, direct: list[tuple[int, Quote]], attribution: Attribution | None):
    for position, quote in direct:
        if quote.start <= offset < quote.end and quote.kind == "direct":
            return position, Attribution(
                quote.speaker, quote.speaker_text, quote.cue, quote.speaker_is_entity, quote.attribution
            )
    if attribution is not None and attribution.speaker:
        return None, attribution
    return None, None


OWN_SIDE_UNITS = {"soldier", "troop", "serviceman", "servicewoman", "servicemember", "civilian", "casualty",
                  "person", "death", "fatality", "fighter", "officer", "policeman", "child", "woman", "man",
                  "resident", "citizen", "sailor", "pilot", "marine", "guard", "conscript", "reservist"}
POSSESSIVE_PRONOUNS = {"his", "her", "their", "our", "its", "my"}


def _subject(text, tokens, count: _Count, unit_end: int, unit: str, index: EntityIndex, attribution) -> str | None:
    """Whose the counted things are, or where: a nationality word in the phrase ("40 Ukrainian soldiers"),
    an owner after it ("facilities belonging to Ukraine", "of Ukraine's infrastructure"), or the source's own
    country for "his troops" and for people counted with no side named."""
    for token in tokens[count.last:unit_end]:
        country = country_of_demonym(token.text)
        if country:
            return country
    following = tokens[unit_end:unit_end + 6]
    if following and following[0].lower in {"of", "belonging", "from", "owned"}:
        for _, _, entity in index.in_span(following[0].start, following[-1].end):
            if entity.type == LOCATION:
                return entity.name
    own_side = any(t.lower in POSSESSIVE_PRONOUNS for t in tokens[max(0, count.first - 2):count.first]) or any(
        t.lower in POSSESSIVE_PRONOUNS - {"the"} for t in tokens[count.last:count.last + 2]
    ) or (
        len(following) > 1 and following[0].lower in {"among", "of"} and following[1].lower in POSSESSIVE_PRONOUNS
    )
    if own_side or unit.split()[-1] in OWN_SIDE_UNITS:
        country = _source_country(text, index, attribution)
        if country or own_side:
            return country
        # People counted with no side and a source of no known country: where it happened.
        sentence_start, sentence_end = tokens[0].start, tokens[-1].end
        for _, _, entity in index.in_span(sentence_start, sentence_end):
            if entity.type == LOCATION:
                return country_of_place(entity.name) or entity.name
    return None


def _source_country(text: str, index: EntityIndex, attribution) -> str | None:
    if attribution is None or not attribution.speaker:
        return None
    entity = index.by_name.get(attribution.speaker) if attribution.is_entity else None
    if entity is not None:
        return country_of_entity(entity, text)
    return country_of_phrase(attribution.speaker_text or attribution.speaker)


def _subjects(index: EntityIndex, sentence: Sentence, attribution: Attribution | None) -> tuple[str, ...]:
    names = []
    for _, _, entity in index.in_span(sentence.start, sentence.end):
        if entity.name != (attribution.speaker if attribution else None) and entity.name not in names:
            names.append(entity.name)
    return tuple(names)


def _qualitative_claim(text: str, sentence: Sentence, attribution: Attribution | None, index: EntityIndex):
    """An attributed statement with no figure: a denial, an accusation, a report."""
    if attribution is None or not attribution.speaker or attribution.cue in {None, "read on"}:
        return None
    return Claim(
        text=text[sentence.start:sentence.end],
        claimant=attribution.speaker,
        claimant_text=attribution.speaker_text,
        claimant_is_entity=attribution.is_entity,
        attribution=_method(attribution),
        confidence=confidence(_method(attribution)),
        start=sentence.start,
        end=sentence.end,
        predicate=attribution.cue,
        subjects=_subjects(index, sentence, attribution),
    )
