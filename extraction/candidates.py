"""A candidate name: a slice of a capitalised run, or a name the model proposes, before it is typed."""

from __future__ import annotations

from dataclasses import dataclass, field

from .gazetteer import Place
from .text import Token

PERSON, ORGANIZATION, LOCATION, PRODUCT = "PERSON", "ORGANIZATION", "LOCATION", "PRODUCT"

@dataclass
class Part:
    """A candidate name: a slice of a capitalised run."""

    tokens: list[Token]
    sentence_initial: bool
    before: list[Token]  # tokens of the sentence before the part
    after: list[Token]
    possessor: Part | None = None
    lead: list[Token] = field(default_factory=list)  # nationality words cut from the front ("Korean")
    title_before: str | None = None
    type: str | None = None
    place: Place | None = None
    gender: str | None = None
    name: str = ""
    attributive: bool = False  # "US" in "US President Joseph Biden": a modifier, like "French"
    rule: str | None = None  # the typing rule that decided, or "model" for the statistical model
    proposed: str | None = None  # the model's type for a name no rule typed

    @property
    def ruled_out(self) -> bool:
        """A typing rule found that it names nothing we keep (an office, an event)."""
        return self.type is None and self.rule is not None

    @property
    def start(self) -> int:
        return self.tokens[0].start

    @property
    def end(self) -> int:
        return self.tokens[-1].end


def surface(tokens: list[Token]) -> str:
    """The tokens as printed, with single spaces where the text has any: "Maria T. Okafor"."""
    pieces = [tokens[0].text]
    for previous, token in zip(tokens, tokens[1:], strict=False):
        pieces.append(token.text if token.start == previous.end else " " + token.text)
    return "".join(pieces)
