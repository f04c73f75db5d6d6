"""One Entity row per real thing across articles, built by ingestion from per-article extractions."""

from datetime import UTC, datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.models import Entity
from extraction import Document, extract
from ingestion.services import article_ingest, entities_resolve

pytestmark = pytest.mark.django_db


def ingest(title, body, day=1):
    return article_ingest(document=Document(title=title, body=body, published_at=datetime(2025, 3, day, tzinfo=UTC)))


def persons():
    return {e.name: sorted(e.aliases) for e in Entity.objects.filter(type="PERSON").prefetch_related("alias_set")}


def test_a_short_name_in_one_article_and_the_full_name_in_another_are_one_entity():
    ingest("Port strike ends", "Minister Halvard Lien said the port would reopen. Lien thanked the workers.", 1)
    ingest("Port reopens", "Lien said on Friday that the cranes were moving again.", 2)
    assert persons() == {"Halvard Lien": ["Lien"]}


def test_the_fuller_name_becomes_the_entity_name():
    ingest("Budget vote", "Senator Okonjo said the vote would pass easily.", 1)
    ingest("Budget passes", "Senator Ngozi Okonjo said the budget had passed.", 2)
    assert list(persons()) == ["Ngozi Okonjo"]
    assert "Okonjo" in persons()["Ngozi Okonjo"]


def test_two_people_with_one_surname_are_not_merged():
    ingest("Election", "Candidate Maria Santos said she would win.", 1)
    ingest("Election result", "Candidate Paulo Santos said he had lost.", 2)
    assert set(persons()) == {"Maria Santos", "Paulo Santos"}


def test_a_bare_surname_shared_by_two_known_people_is_not_given_to_either():
    ingest("Election", "Candidate Maria Santos said she would win.", 1)
    ingest("Election result", "Candidate Paulo Santos said he had lost.", 2)
    ingest("Recount", "Santos said the count was fair.", 3)
    assert Entity.objects.filter(type="PERSON", name="Maria Santos").get().mentions.count() == 1
    assert Entity.objects.filter(type="PERSON", name="Paulo Santos").get().mentions.count() == 1


def test_transliterations_of_one_place_in_different_articles_are_one_entity():
    ingest("Shelling", "Shelling hit Kiev overnight, officials said.", 1)
    ingest("Metro reopens", "The metro in Kyiv reopened on Monday.", 2)
    places = Entity.objects.filter(type="LOCATION")
    assert places.count() == 1
    assert places.get().country_code == "UA"


def test_an_article_naming_many_known_entities_resolves_them_in_a_few_queries():
    people = ["Halvard Lien", "Ngozi Okonjo", "Maria Santos", "Tomasz Wojcik", "Ingrid Halvorsen", "Artur Hovhannisyan"]
    body = " ".join(f"Minister {name} said the port would reopen." for name in people) + " Shelling hit Kiev."
    document = Document(title="Ministers meet", body=body, published_at=datetime(2025, 3, 1, tzinfo=UTC))
    entities = list(extract(document).entities)
    assert len(entities) >= 7
    first = entities_resolve(entities=entities)
    assert len(first.created) == len({row.pk for row in first.rows})
    with CaptureQueriesContext(connection) as captured:
        again = entities_resolve(entities=entities)
    assert [row.pk for row in again.rows] == [row.pk for row in first.rows]
    assert again.created == []
    assert len(captured) <= 4  # aliases, entities, coordinates, and one insert of names (none new)


def test_a_bare_surname_several_people_share_is_one_entity_across_articles():
    # Both are known by their surname too, so a bare "Santos" could be either.
    ingest("Election", "Senator Maria Santos said she would win. Santos thanked her staff.", 1)
    ingest("Election result", "Senator Paulo Santos said he had lost. Santos thanked his staff.", 2)
    ingest("Recount", "Senator Santos said the count was fair.", 3)
    ingest("Appeal", "Senator Santos said the court would hear the appeal.", 4)
    ambiguous = Entity.objects.filter(type="PERSON", name="Santos")
    assert ambiguous.count() == 1
    assert ambiguous.get().mentions.count() == 2
    assert Entity.objects.get(type="PERSON", name="Maria Santos").mentions.count() == 2


def test_a_new_full_name_does_not_take_a_surname_stored_while_it_was_shared():
    # Both are known by their surname too, so a bare "Santos" could be either.
    ingest("Election", "Senator Maria Santos said she would win. Santos thanked her staff.", 1)
    ingest("Election result", "Senator Paulo Santos said he had lost. Santos thanked his staff.", 2)
    ingest("Recount", "Senator Santos said the count was fair.", 3)
    ingest("New candidate", "Senator Joao Santos said he would run.", 4)
    assert set(persons()) == {"Maria Santos", "Paulo Santos", "Santos", "Joao Santos"}
    assert Entity.objects.get(type="PERSON", name="Santos").mentions.count() == 1
    assert Entity.objects.get(type="PERSON", name="Joao Santos").mentions.count() == 1
