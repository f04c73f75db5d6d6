from .helpers import entity, run


def test_titles_are_not_part_of_names_and_surnames_are_aliases():
    result = run("Chilean Foreign Minister Paula Ortega met reporters. Ortega said little.")
    ortega = entity(result, "Paula Ortega")
    assert ortega.type == "PERSON"
    assert ortega.aliases == ("Ortega",)
    assert [m.text for m in ortega.mentions] == ["Paula Ortega", "Ortega"]


def test_every_mention_has_exact_offsets():
    result = run("Farmers in Kenya protested. Kenya's Agriculture Ministry replied.")
    text = result.document.text
    for item in result.entities:
        for mention in item.mentions:
            assert text[mention.start:mention.end] == mention.text


def test_an_organisation_after_a_possessive_keeps_its_owner():
    result = run("Peru's Interior Ministry said the roads were closed.")
    ministry = entity(result, "Peru's Interior Ministry")
    assert ministry.type == "ORGANIZATION"
    assert "Interior Ministry" in ministry.aliases
    assert entity(result, "Peru").type == "LOCATION"


def test_nationality_adjectives_are_not_entities():
    result = run("Ukrainian soldiers and Canadian officials met in Warsaw.")
    assert {e.name for e in result.entities} == {"Warsaw"}


def test_places_come_with_country_and_coordinates():
    warsaw = entity(run("The summit took place in Warsaw."), "Warsaw")
    assert warsaw.type == "LOCATION"
    assert warsaw.country_code == "PL"
    assert abs(warsaw.latitude - 52.23) < 0.1


def test_transliterations_of_one_place_are_one_entity():
    result = run("Shelling hit Kiev overnight. Officials in Kyiv said the metro was open.")
    places = [e for e in result.entities if e.type == "LOCATION"]
    assert len(places) == 1
    assert set([places[0].name, *places[0].aliases]) == {"Kiev", "Kyiv"}


def test_a_misspelling_of_a_place_is_an_alias():
    result = run("Strikes hit Zaporizhzhia on Monday. A depot near Zaporizhzia airport burned.")
    place = entity(result, "Zaporizhzhia")
    assert "Zaporizhzia" in place.aliases


def test_product_designations_and_organisations_with_heads():
    result = run("The Estonian Defence Forces bought six K9 howitzers and a Piranha-V2 carrier.")
    assert entity(result, "Estonian Defence Forces").type == "ORGANIZATION"
    assert entity(result, "K9").type == "PRODUCT"
    assert entity(result, "Piranha-V2").type == "PRODUCT"


def test_acronym_is_an_alias_of_the_name_it_abbreviates():
    result = run("The International Energy Agency (IEA) cut its forecast. The IEA said demand fell.")
    agency = entity(result, "International Energy Agency")
    assert "IEA" in agency.aliases


def test_a_speech_verb_marks_an_unknown_two_word_name_as_a_person():
    result = run("Zarko Vukelic said the talks would resume.")
    assert entity(result, "Zarko Vukelic").type == "PERSON"


def test_name_particles_stay_inside_names():
    result = run("Commissioner Anna van der Berg visited Lisbon.")
    assert entity(result, "Anna van der Berg").type == "PERSON"


def test_sentence_initial_common_words_are_not_entities():
    result = run("However, the plan failed. Meanwhile prices rose. Police said nothing.")
    assert result.entities == ()


def test_a_country_only_modifying_a_title_is_not_an_entity_but_named_elsewhere_it_is():
    result = run("Talks were held in Geneva. US President Ana Ruiz arrived late.")
    assert "US" not in {name for e in result.entities for name in (e.name, *e.aliases)}
    result = run("US President Ana Ruiz arrived late. Trade with the US fell.")
    assert any("US" in (e.name, *e.aliases) for e in result.entities)
