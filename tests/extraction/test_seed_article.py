"""The seed article, read by hand: what a fact-checker expects the pipeline to find in it."""

from pathlib import Path

import pytest

from extraction import extract, parse_seed_text

SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_37b9d987016121c3.txt"

PEOPLE = {"Volodymyr Zelensky", "Vladimir Putin", "Ursula von der Leyen", "Emmanuel Macron", "Karl Nehammer",
          "Recep Tayyip Erdogan", "Igor Konashenkov", "Joseph Biden"}
PLACES = {"Ukraine", "Russia", "Moscow", "Belarus", "Crimea", "Donbass", "Lugansk", "Lutsk", "Ivano-Frankivsk",
          "Kiev", "Odessa", "Kharkiv", "Dnipro"}
# Either reading is right for these ("Donetsk" and "Donetsk Oblast" name one region here).
EITHER = {"Donetsk", "Donetsk Oblast", "Kremlin", "Air Force", "Ukrainian Navy", "Russia's Armed Forces"}


@pytest.fixture(scope="module")
def result():
    return extract(parse_seed_text(SEED.read_text(encoding="utf-8")))


def names(result, type_):
    return {e.name for e in result.entities if e.type == type_}


def test_people_places_organisations_and_products(result):
    assert names(result, "PERSON") == PEOPLE
    assert PLACES <= names(result, "LOCATION") <= PLACES | EITHER
    assert {"European Commission", "Twitter", "Russia's Defense Ministry"} <= names(result, "ORGANIZATION")
    assert names(result, "ORGANIZATION") - {"European Commission", "Twitter", "Russia's Defense Ministry"} <= EITHER
    assert names(result, "PRODUCT") == {"Bayraktar TB2", "S-300", "Buk-M1"}
    zelensky = next(e for e in result.entities if e.name == "Volodymyr Zelensky")
    assert zelensky.aliases == ("Zelensky",)
    frankivsk = next(e for e in result.entities if e.name == "Ivano-Frankivsk")
    assert "Vano-Frankivsk" in frankivsk.aliases


def test_direct_quotes_and_their_speakers(result):
    direct = {(q.text[:30], q.speaker) for q in result.quotes if q.kind == "direct"}
    assert direct == {
        ("The state of Ukraine severed d", "Volodymyr Zelensky"),
        ("The armed forces of Ukraine ar", "Volodymyr Zelensky"),
        ("Ukraine is defending itself", "Volodymyr Zelensky"),
        ("As a result of the strikes con", "Igor Konashenkov"),
    }


def test_figures_with_qualifier_and_claimant(result):
    figures = {(c.value, c.unit.split()[-1], c.qualifier, c.claimant) for c in result.claims if c.value is not None}
    assert figures == {
        (50, "death", "exact", None),
        (40, "soldier", "exact", "Volodymyr Zelensky"),
        (10, "civilian", "exact", "Volodymyr Zelensky"),
        (40, "casualty", "exact", "Volodymyr Zelensky"),
        (50, "soldier", "at_least", "Kiev sources"),
        (40, "soldier", "more_than", "Volodymyr Zelensky"),
        (10, "civilian", "approximately", "Volodymyr Zelensky"),
        (70, "facility", "more_than", "Igor Konashenkov"),
        (74, "facility", "exact", "Igor Konashenkov"),
        (11, "airfield", "exact", "Igor Konashenkov"),
        (3, "point", "exact", "Igor Konashenkov"),
        (18, "station", "exact", "Igor Konashenkov"),
        (4, "vehicle", "exact", "Igor Konashenkov"),
    }


def test_the_qualitative_claim_of_the_russian_official_is_kept(result):
    qualitative = [c for c in result.claims if c.value is None and "neither Ukrainian cities" in c.text]
    assert [c.claimant for c in qualitative] == ["Igor Konashenkov"]
