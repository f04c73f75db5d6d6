"""Figures: reading a number that counts something from a sentence's tokens.

A count is a number (digits, words, "$1.13bn", "76%", "half of") followed by what it counts. Dates,
times, years, ages, ordinals, scores, ratios, readings ("magnitude 7.8") and numbers inside names are
not counts. For each count this module reads the qualifier from the words before it ("more than"), the
unit from the head noun after it, and the predicate from the nearest event verb; claims.py assembles
them into claims with their claimant. The word lists are in the lexicon (data/lexicon.tsv).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import lexicon
from .entity_index import EntityIndex
from .text import Token

# Qualifiers are phrases, matched as word tuples right before the number.
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
TRAILING_QUALIFIERS = {("or", "more"): "at_least", ("or", "over"): "at_least", ("and", "more"): "at_least",
                       ("or", "fewer"): "at_most", ("or", "less"): "at_most", ("or", "so"): "approximately"}
_DIGITS = re.compile(r"^\d+(?:,\d{3})*(?:\.\d+)?$|^\d+(?:\.\d+)?$")


@dataclass
class Count:
    first: int  # token index where the number expression starts (qualifier excluded)
    last: int  # token index after the number expression (magnitude and % included)
    value: float
    qualifier: str | None = None  # set by the words after it ("107 or more") or by a range
    unit_from: int | None = None  # read the unit here instead: after the second number of a range
    unit: str | None = None  # known from the number itself ("half" is 50 percent)


def counts_in(tokens: tuple[Token, ...], index: EntityIndex) -> list[Count]:
    counts: list[Count] = []
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
        count = Count(i, last, value)
        if tokens[i].lower == "half":
            count.unit = "percent"
        trailing = tuple(t.lower for t in tokens[last:last + 2])
        if trailing in TRAILING_QUALIFIERS:
            count.qualifier = TRAILING_QUALIFIERS[trailing]
            count.last = last + 2
        # A range: "from ten to 32 pages", "between 10 and 32 pages", "40 to 50 questions".
        if last < n and tokens[last].lower in lexicon.RANGE_WORDS and (
            tokens[last].lower == "to" or (i > 0 and tokens[i - 1].lower == "between")
        ):
            upper = _number_at(tokens, last + 1)
            if upper is not None:
                count.qualifier, count.unit_from = "at_least", upper[1]
                counts.append(count)
                counts.append(Count(last + 1, upper[1], upper[0], qualifier="at_most"))
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
    if token.text in lexicon.CURRENCIES and i + 1 < len(tokens) and _DIGITS.match(tokens[i + 1].text):
        j = i + 1
        lower = tokens[j].lower
    if _DIGITS.match(tokens[j].text):
        value = float(tokens[j].text.replace(",", ""))
        j += 1
    elif lower in lexicon.UNITS_WORDS or lower in lexicon.TENS_WORDS or lower == "dozen":
        value, j = _number_words(tokens, j)
        if value is None:
            return None
    elif "-" in lower and all(part in lexicon.UNITS_WORDS or part in lexicon.TENS_WORDS for part in lower.split("-")):
        value = float(sum(lexicon.UNITS_WORDS.get(p, lexicon.TENS_WORDS.get(p, 0)) for p in lower.split("-")))
        j += 1
    elif lower == "half" and j + 1 < len(tokens) and tokens[j + 1].lower in {"of", "as"} and (
        j == 0 or tokens[j - 1].lower not in {"the", "first", "second", "a", "latter", "other"}
    ):
        return 50.0, j + 1  # "half of all children": 50 percent
    else:
        return None
    # Magnitudes: "1.13bn", "1.5 million", "two hundred".
    while j < len(tokens) and tokens[j].lower in lexicon.SCALES and (
        tokens[j].lower not in {"m", "k", "bn", "mn", "tn"} or tokens[j].start == tokens[j - 1].end
    ):
        value *= lexicon.SCALES[tokens[j].lower]
        j += 1
    return value, j


def _number_words(tokens: tuple[Token, ...], i: int) -> tuple[float | None, int]:
    total, current, j = 0.0, 0.0, i
    seen = False
    while j < len(tokens):
        word = tokens[j].lower
        if word in lexicon.UNITS_WORDS:
            current += lexicon.UNITS_WORDS[word]
        elif word in lexicon.TENS_WORDS:
            current += lexicon.TENS_WORDS[word]
        elif "-" in word and all(p in lexicon.UNITS_WORDS or p in lexicon.TENS_WORDS for p in word.split("-")):
            current += sum(lexicon.UNITS_WORDS.get(p, lexicon.TENS_WORDS.get(p, 0)) for p in word.split("-"))
        elif word == "dozen":
            current = (current or 1) * 12
        elif word == "hundred" and seen:
            current *= 100
        elif word in {"thousand", "million", "billion"} and seen:
            total += current * lexicon.SCALES[word]
            current = 0
        elif word == "and" and seen and j + 1 < len(tokens) and (
            tokens[j + 1].lower in lexicon.UNITS_WORDS | lexicon.TENS_WORDS
        ):
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
    if token.text in lexicon.CURRENCIES:
        token = tokens[i + 1]
    following = tokens[last] if last < len(tokens) else None
    preceding = tokens[i - 1] if i > 0 else None
    raw = token.text.replace(",", "")
    # Inside a name: "S-300", "Internet Explorer 6", "Vostok 1".
    if index.covers(token.start):
        return True
    if following is not None:
        if following.lower in lexicon.ORDINAL_SUFFIXES and following.start == token.end:
            return True
        if following.text in {":", "–", "-", "—"} and last + 1 < len(tokens) and _DIGITS.match(tokens[last + 1].text):
            return True  # a time (20:04) or a score (1 – 0)
        if following.lower in lexicon.MONTH_WORDS or following.lower in {"a.m.", "p.m.", "am", "pm", "gmt", "utc"}:
            return True
        if following.text == "-" and last + 1 < len(tokens) and tokens[last + 1].lower.startswith("year-old"):
            return True  # 45-year-old
    if preceding is not None:
        # "#5" is a label too: "#" is matched here, as a lexicon line that began with it would be a comment.
        if preceding.lower in lexicon.MONTH_WORDS or preceding.lower in lexicon.READING_WORDS or preceding.text == "#":
            return True
        if preceding.text in {"–", "-", "—"} and i >= 2 and _DIGITS.match(tokens[i - 2].text):
            return True  # the second half of a score
        if preceding.start == token.start - 1 and preceding.text.isalpha() and preceding.end == token.start:
            return True
    if "." not in raw and raw.isdigit() and len(raw) == 4 and 1800 <= int(raw) <= 2100 and "," not in token.text:
        # A year ("2000 levels", "by 2050"), unless a qualifier makes it a count: "more than 1900 people".
        return qualifier_of(tokens, i)[0] == "exact"
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


def qualifier_of(tokens: tuple[Token, ...], first: int) -> tuple[str, int]:
    words = [t.lower for t in tokens[max(0, first - 3):first]]
    for phrase, qualifier in QUALIFIERS:
        if tuple(words[-len(phrase):]) == phrase:
            return qualifier, first - len(phrase)
    if words and words[-1] in lexicon.VERB_QUALIFIERS:
        return lexicon.VERB_QUALIFIERS[words[-1]], first  # "exceeded 10%"
    return "exact", first


def unit_of(tokens: tuple[Token, ...], count: Count) -> tuple[str | None, int]:
    """What a number counts: a unit of measure, or the head noun of the phrase after it, singular."""
    j = count.last if count.unit_from is None else count.unit_from
    n = len(tokens)
    number_token = tokens[count.first]
    if count.unit is not None:
        return count.unit, count.last
    if number_token.text in lexicon.CURRENCIES:
        return lexicon.CURRENCIES[number_token.text], j
    if j < n and tokens[j].text == "%":
        return "percent", j + 1
    if j < n and tokens[j].lower in lexicon.PERCENT_WORDS:
        if tokens[j].lower == "per" and j + 1 < n and tokens[j + 1].lower == "cent":
            return "percent", j + 2
        if tokens[j].lower != "per":
            return "percent", j + 1
    if j < n and tokens[j].lower in lexicon.CURRENCY_WORDS:
        return lexicon.CURRENCY_WORDS[tokens[j].lower], j + 1
    if j + 2 < n and tokens[j].lower == "of" and tokens[j + 1].lower in lexicon.PARTITIVE_DETERMINERS and (
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
        if not token.text[0].isalnum() or token.lower in lexicon.NP_STOP or token.lower in lexicon.SCALES:
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


def _near_casualty_verb(tokens: tuple[Token, ...], count: Count) -> bool:
    after = [t.lower for t in tokens[count.last:count.last + 3]]
    before = tokens[count.first - 1].lower if count.first > 0 else ""
    qualifier_words = {"least", "than", "about", "around", "nearly", "almost", "some", "over", "up"}
    if count.first > 1 and before in qualifier_words:
        before = tokens[max(0, count.first - 3)].lower
    return bool(after) and (after[0] in lexicon.CASUALTY_VERBS or (
        after[0] in {"were", "was", "had", "have", "are"} and any(w in lexicon.CASUALTY_VERBS for w in after[1:])
    )) or (before in lexicon.CASUALTY_VERBS)


def _trim_to_noun(words: list[Token]) -> list[Token]:
    """Stop the phrase before a verb that follows the noun: "40 soldiers killed" -> soldiers, but keep
    adjectives before it: "four unmanned combat aerial vehicles"."""
    for k, token in enumerate(words):
        lower = token.lower
        verb_like = lower.endswith("ed") or lower in lexicon.IRREGULAR_PARTICIPLES or (
            lower in lexicon.IRREGULAR_PAST) or lower.endswith("ing")
        if k > 0 and verb_like and (words[k - 1].lower.endswith("s") or k == len(words) - 1 or
                                    lower in lexicon.IRREGULAR_PAST):
            return words[:k]
    if words and (words[0].lower.endswith("ed") and len(words) == 1):
        return []
    return words


def _singular(word: str) -> str:
    if word in lexicon.IRREGULAR_PLURALS:
        return lexicon.IRREGULAR_PLURALS[word]
    if word.endswith("men") and len(word) > 4 and word not in {"specimen", "abdomen", "regimen"}:
        return word[:-3] + "man"  # policemen, gunmen
    for suffix, replacement in (("ies", "y"), ("sses", "ss"), ("ches", "ch"), ("shes", "sh"), ("xes", "x"),
                                ("zzes", "z"), ("oes", "o")):
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            return word[: -len(suffix)] + replacement
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]
    return word


def predicate_of(tokens: tuple[Token, ...], first: int, unit_end: int) -> str | None:
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
            tokens[k].lower not in lexicon.AUXILIARIES
        ):
            k += 1
        j = k
    # Skip what qualifies the counted things: "of Ukraine's military infrastructure", "belonging to the Air Force".
    limit = j + 10
    while j < min(n, limit) and not _is_verb(tokens[j]):
        token = tokens[j]
        if token.lower in lexicon.MODALS and j + 1 < n and tokens[j + 1].text.isalpha() and (
            tokens[j + 1].text.islower()
        ):
            following = j + 2 if tokens[j + 1].lower in {"be", "have", "not"} and j + 2 < n else j + 1
            if _is_verb(tokens[following]) or tokens[following].lower not in lexicon.AUXILIARIES:
                return _with_particle(tokens, following)  # "would lose", "could be destroyed"
        if token.text in {",", ".", ";", ":", "“", "”", '"'} or token.lower in lexicon.PHRASE_ENDS:
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
        if _is_verb(token) and token.lower not in lexicon.NOT_PREDICATES:
            return _with_particle(tokens, k)
    for k in range(first - 1, max(-1, first - 8), -1):
        if tokens[k].lower in {"confirmed", "reported"}:
            return tokens[k].lower
    return None


def _is_verb(token: Token) -> bool:
    lower = token.lower
    if lower in lexicon.CASUALTY_VERBS and token.text.islower():
        return True  # "killing at least 120", "injuring more than 1,000"
    return token.text.isalpha() and token.text.islower() and (
        (lower.endswith("ed") and len(lower) > 4 and lower not in {"red", "need", "speed", "seed", "hundred"})
        or lower in lexicon.IRREGULAR_PARTICIPLES
    )


def _with_particle(tokens: tuple[Token, ...], k: int) -> str:
    if k + 1 < len(tokens) and tokens[k + 1].lower in lexicon.PARTICLES:
        return f"{tokens[k].lower} {tokens[k + 1].lower}"
    return tokens[k].lower
