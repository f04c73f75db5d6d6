"""Claims: every figure, with who asserts it.

The figures of a sentence (a number, its qualifier, unit and predicate) are read by figures.py. Here each
becomes a claim: the claimant from the quote the number sits in, else the sentence's source (or, for
backshifted reported speech, the source of the sentence before it); whose the counted things are; and
the predicate carried over from the figure before it. Attributed statements with no number are kept as
qualitative claims.
"""

from __future__ import annotations

from . import lexicon
from .affiliation import country_of_demonym, country_of_entity, country_of_phrase, country_of_place
from .attribution import Attribution, confidence
from .candidates import LOCATION
from .entity_index import EntityIndex
from .figures import Count, counts_in, predicate_of, qualifier_of, unit_of
from .text import Sentence, Text, Token
from .types import Claim, Quote


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
        found = counts_in(tokens, index)
        continued = _reported_continuation(sentences, attributions, number, quoted)
        source = attributions[number] or (continued.by("continuation") if continued else None)
        sentence_claims: list[Claim] = []
        for count in found:
            qualifier, qualifier_start = qualifier_of(tokens, count.first)
            qualifier = count.qualifier or qualifier
            unit, unit_end = unit_of(tokens, count)
            if unit is None:
                continue
            quote_position, attribution = _claimant(tokens[count.first].start, direct, source)
            predicate = predicate_of(tokens, count.first, unit_end) or (
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


def _subject(text, tokens, count: Count, unit_end: int, unit: str, index: EntityIndex, attribution) -> str | None:
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
    own_side = any(t.lower in lexicon.POSSESSIVE_PRONOUNS for t in tokens[max(0, count.first - 2):count.first]) or any(
        t.lower in lexicon.POSSESSIVE_PRONOUNS - {"the"} for t in tokens[count.last:count.last + 2]
    ) or (
        len(following) > 1 and following[0].lower in {"among", "of"} and (
            following[1].lower in lexicon.POSSESSIVE_PRONOUNS
        )
    )
    if own_side or unit.split()[-1] in lexicon.OWN_SIDE_UNITS:
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
