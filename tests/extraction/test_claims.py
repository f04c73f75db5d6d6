import pytest

from .helpers import claims_with, run


@pytest.mark.parametrize(
    ("sentence", "value", "unit", "qualifier"),
    [
        ("Rescuers found 14 survivors in the rubble.", 14, "survivor", "exact"),
        ("At least 30 houses were destroyed.", 30, "house", "at_least"),
        ("More than 1,200 people fled the town.", 1200, "person", "more_than"),
        ("Nearly 500 workers joined the strike.", 500, "worker", "approximately"),
        ("No less than 60 tanks crossed the river.", 60, "tank", "at_least"),
        ("Up to 25 ships were stuck in the canal.", 25, "ship", "at_most"),
        ("No more than 15 soldiers were lost.", 15, "soldier", "at_most"),
        ("Not less than 8 bridges were hit.", 8, "bridge", "at_least"),
        ("Fewer than 10 buses ran on Monday.", 10, "bus", "less_than"),
        ("Police arrested three protesters.", 3, "protester", "exact"),
        ("The firm earned $1.13bn last year.", 1_130_000_000, "usd", "exact"),
        ("The bank lent £2.5 million to farmers.", 2_500_000, "gbp", "exact"),
        ("Turnout reached 76% in the capital.", 76, "percent", "exact"),
        ("Prices rose 12 per cent in May.", 12, "percent", "exact"),
        ("Around twenty-five drones were shot down.", 25, "drone", "approximately"),
        ("A dozen villages lost power.", 12, "village", "exact"),
    ],
)
def test_value_unit_and_qualifier(sentence, value, unit, qualifier):
    found = claims_with(run(sentence), value)
    assert found, sentence
    assert (found[0].unit.split()[-1], found[0].qualifier) == (unit, qualifier)


@pytest.mark.parametrize(
    "sentence",
    [
        "The talks began on March 3, 2021 in Oslo.",
        "The meeting ended at 20:30 on Friday.",
        "The 45-year-old driver was unhurt.",
        "It was the 20th attempt this month.",
        "Sweden beat Chile 2 – 0 in the final.",
        "The army fired S-300 missiles at the town.",
        "The crisis lasted for 11 years.",
    ],
)
def test_dates_times_ages_ordinals_scores_names_and_durations_are_not_claims(sentence):
    assert [c for c in run(sentence).claims if c.value is not None] == []


def test_compound_units_keep_their_head_noun():
    result = run("The strikes knocked out 18 radar stations and three command points.")
    assert {c.unit for c in result.claims if c.value} == {"radar station", "command point"}


def test_claimant_is_the_speaker_of_the_quote_the_figure_sits_in():
    result = run('"We lost 40 soldiers and 10 civilians today," President Ana Duarte said.')
    assert {(c.value, c.claimant) for c in result.claims if c.value} == {(40, "Ana Duarte"), (10, "Ana Duarte")}


def test_claimant_from_the_sentence_attribution_or_none():
    result = run("Officials in the region said 80 people were evacuated. The storm destroyed 12 barns.")
    assert claims_with(result, 80)[0].claimant == "Officials in the region"
    assert claims_with(result, 12)[0].claimant is None


def test_predicate_is_the_event_verb_with_its_particle():
    result = run("The ministry said 11 drones were shot down over the coast.")
    assert claims_with(result, 11)[0].predicate == "shot down"
    result = run("Rebels claimed to have captured 4 villages.")
    found = claims_with(result, 4)[0]
    assert (found.predicate, found.claimant) == ("captured", "Rebels")


def test_offsets_cover_the_figure():
    result = run("Crews repaired 37 bridges in the north.")
    claim = claims_with(result, 37)[0]
    assert result.document.text[claim.start:claim.end] == "37 bridges"


def test_attributed_statements_without_figures_are_qualitative_claims():
    result = run("The defence ministry denied that its jets had struck the market.")
    qualitative = [c for c in result.claims if c.value is None]
    assert qualitative and qualitative[0].claimant


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Reports put the size of the forms at from eight to 30 pages.", {(8, "page", "at_least"), (30, "page", "at_most")}),
        ("Between 15 and 20 trucks crossed daily.", {(15, "truck", "at_least"), (20, "truck", "at_most")}),
        ("A landslide killed 23 or more villagers.", {(23, "villager", "at_least")}),
        ("At least 64 killed as ferry capsizes", {(64, "person", "at_least")}),
        ("The blast tore through the market, killing 12 and wounding 30.", {(12, "person", "exact"),
                                                                            (30, "person", "exact")}),
        ("Losses exceeded 20% of revenue.", {(20, "percent", "more_than")}),
        ("Almost half of all households lack clean water.", {(50, "percent", "approximately")}),
        ("About 40 Riverside firemen joined the strike.", {(40, "fireman", "approximately")}),
        ("Two Canadians were detained.", {(2, "canadian", "exact")}),
        ("The storm left seven sailors aboard the ship missing.", {(7, "sailor", "exact")}),
    ],
)
def test_ranges_trailing_qualifiers_implied_people_and_noun_phrases(sentence, expected):
    found = {(c.value, c.unit, c.qualifier) for c in run(sentence).claims if c.value is not None}
    assert expected <= found, found


@pytest.mark.parametrize(
    "sentence",
    [
        "Rebels hold the two eastern districts - Kalo and Mera.",
        "One fisherman, Ali Reza, said the sea was calm.",
        "Turnout was highest in 2019 levels of the survey.",
        "He scored in the second half of the match.",
    ],
)
def test_references_and_years_are_not_counts(sentence):
    assert [c.value for c in run(sentence).claims if c.value is not None] == []


def test_names_and_adjectives_inside_the_counted_phrase_keep_the_head_noun():
    found = claims_with(run("Drones hit four Shahed-136 fuel depots overnight."), 4)[0]
    assert found.unit.split()[-1] == "depot"


def test_they_resolves_to_the_last_plural_source():
    result = run("The researchers found that yields fell. They estimated that prices would rise by 30 percent.")
    assert claims_with(result, 30)[0].claimant == "The researchers"


def test_readings_and_labels_are_not_counts():
    result = run("A magnitude 6.1 earthquake hit the coast. Category 4 storms are rare here.")
    assert [c.value for c in result.claims if c.value is not None] == []


def test_participles_and_modals_give_the_event():
    result = run("A blast hit the depot on Monday, killing at least 9 workers and injuring 30 others.")
    assert [(c.value, c.predicate) for c in result.claims if c.value] == [(9, "killing"), (30, "injuring")]
    result = run("The minister said about 200 clinics would close if the law passed.")
    assert claims_with(result, 200)[0].predicate == "close"
    result = run("Divers pulled 12 survivors from flooded tunnels.")
    assert claims_with(result, 12)[0].predicate == "pulled"


def test_people_counted_with_no_side_are_where_it_happened():
    result = run("Floods swept through northern Italy, killing at least 14 people, officials said.")
    assert claims_with(result, 14)[0].subject == "Italy"


def test_subjects_from_nationality_owner_and_the_source_own_side():
    result = run("Ukrainian President Ana Koval said 30 soldiers were killed. She added that 12 Russian tanks "
                 "and 5 depots belonging to Russia were destroyed.")
    assert {(c.value, c.subject) for c in result.claims if c.value} == {(30, "Ukraine"), (12, "Russia"),
                                                                        (5, "Russia")}


def test_the_company_is_the_organisation_named_last():
    result = run("Shares of Vantor Holdings fell. The company expects revenue of around $4bn next year.")
    assert claims_with(result, 4_000_000_000)[0].claimant == "Vantor Holdings"


def test_backshifted_reported_speech_keeps_the_source_of_the_sentence_before():
    result = run("The researchers said food needs would rise. By 2040, prices would climb by 35 percent. "
                 "Farm output fell 4 percent last year.")
    assert claims_with(result, 35)[0].claimant == "The researchers"
    assert claims_with(result, 4)[0].claimant is None


def test_ratios_are_not_counts():
    result = run("Fewer than one in three adults walk enough. One in five children is overweight.")
    assert [c.value for c in result.claims if c.value is not None] == []


def test_the_object_of_the_verb_ends_the_counted_phrase():
    result = run("Prosecutors said he had awarded 14 public contracts to companies linked to his brother.")
    assert claims_with(result, 14)[0].predicate == "awarded"


def test_according_to_a_source_with_a_large_number_in_it():
    result = run("Walking lowers the risk by about 20 percent, according to a study of more than 85,000 adults.")
    assert claims_with(result, 20)[0].claimant == "a study of more than 85,000 adults"


def test_a_partitive_count_takes_the_noun_after_of_and_its_owner():
    result = run("Azerbaijan said 50 of its servicemen had been killed.")
    found = claims_with(result, 50)[0]
    assert (found.unit, found.predicate, found.claimant, found.subject) == (
        "serviceman", "killed", "Azerbaijan", "Azerbaijan")


def test_one_of_the_things_is_a_selection_not_a_count():
    result = run("It was one of the reasons for the delay, and one of their pilots said so.")
    assert [c.value for c in result.claims if c.value is not None] == []


def test_backshifted_speech_continues_the_reported_source_not_a_closed_direct_quote():
    result = run('The researchers estimated that demand would grow sharply. As coauthor Jane Roe told a newspaper, '
                 '"The projections are quite consistent." By 2050, hunger would increase by 49 percent.')
    [claim] = claims_with(result, 49)
    assert (claim.claimant, claim.attribution) == ("The researchers", "continuation")
    # Positive control: with no quote between them, the sentence before is the source.
    result = run("As coauthor Jane Roe told a newspaper, demand would grow. By 2050, hunger would increase by 49 percent.")
    assert claims_with(result, 49)[0].claimant == "Jane Roe"
