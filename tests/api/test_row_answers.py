"""Row answers (newsapi/api/rows.py) write the bytes the serializers write, and build no model instance per row."""

from collections import Counter
from io import StringIO

import pytest
from django.core.management import call_command
from django.db.models.signals import pre_init

from articles.models import Article, Entity, Mention, Quote, Source
from claims.models import Claim
from newsapi.api.views import RowAnswersMixin
from tests.factories import ArticleFactory, ClaimFactory, EntityFactory, MentionFactory, QuoteFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def varied(editor_client):
    """The seed article as extraction stores it, and rows of every shape an answer has to write."""
    call_command("load_seeds", verbosity=0, stdout=StringIO())
    seed = Article.objects.get()
    first = ArticleFactory(subtitle="A subtitle", url="https://news.example.org/first")
    copy = ArticleFactory(source=None, duplicate_of=first)
    # Two subjects of one name: their order is by name, then id, on both paths.
    twins = [EntityFactory(name="Same Name"), EntityFactory(name="Same Name")]
    # The factory stores the entity's own name as an alias too, which answers leave out; the others are sorted.
    speaker = EntityFactory(name="Kaja Example", aliases=["K. Example", "Example"])
    for article in (first, copy):
        MentionFactory(article=article, entity=speaker, start=0, end=8)
        MentionFactory(article=article, entity=twins[0], start=20, end=28)
        MentionFactory(article=article, entity=speaker, start=40, end=48)
        QuoteFactory(article=article, speaker=speaker)
        QuoteFactory(article=article, speaker=None, speaker_text="")
        ClaimFactory(article=article, claimant=speaker, subjects=[twins[1], twins[0], speaker])
        ClaimFactory(article=article, claimant=None, claimant_text="", value=None, qualifier="", unit="",
                     predicate="denied")
    quote = Quote.objects.filter(article=seed, speaker__isnull=False).first()
    claim = Claim.objects.filter(article=seed, value=74).get()
    for path in (f"/api/v1/quotes/{quote.pk}/", f"/api/v1/claims/{claim.pk}/"):
        response = editor_client.patch(path, {"verified": True, "note": "checked"}, format="json")
        assert response.status_code == 200, response.content
    subject = Entity.objects.get(name="Ukraine")  # the subject of the seed's measures
    return {"seed": seed.pk, "first": first.pk, "copy": copy.pk, "speaker": speaker.pk, "subject": subject.pk}


LISTS = [
    "/api/v1/articles/", "/api/v1/articles/?page_size=2", "/api/v1/articles/?ordering=title",
    "/api/v1/articles/?fields=id,title,source", "/api/v1/articles/?omit=source,url",
    "/api/v1/articles/?search=Ukraine&ordering=-rank", "/api/v1/articles/?count=true&page_size=1",
    "/api/v1/claims/", "/api/v1/claims/?ordering=value", "/api/v1/claims/?has_value=true&value_min=1",
    "/api/v1/claims/?fields=id,subjects,interval", "/api/v1/claims/?omit=subjects",
    "/api/v1/quotes/", "/api/v1/quotes/?fields=id,speaker,article", "/api/v1/quotes/?page_size=3",
    "/api/v1/entities/", "/api/v1/entities/?ordering=-article_count", "/api/v1/entities/?fields=id,aliases",
    "/api/v1/measures/", "/api/v1/sources/",
]


def through_serializers(monkeypatch):
    monkeypatch.setattr(RowAnswersMixin, "row_plan", lambda self: None)


def pages(client, url, limit=4):
    """The answers of the first `limit` pages of a list, following its `next` links."""
    found = []
    while url and len(found) < limit:
        response = client.get(url)
        assert response.status_code == 200, (url, response.content[:300])
        found.append(response.content)
        url = response.json().get("next")
    return found


@pytest.mark.parametrize("url", LISTS)
def test_a_list_answered_from_rows_is_the_serializers_answer(api_client, varied, monkeypatch, url):
    from_rows = pages(api_client, url)
    through_serializers(monkeypatch)
    assert from_rows == pages(api_client, url)


DETAILS = [f"/api/v1/articles/{{{article}}}/{query}" for article in ("seed", "first", "copy")
           for query in ("", "?fields=id,entities", "?omit=body,text,claims", "?language=en")] + [
    f"/api/v1/entities/{{{entity}}}/{query}" for entity in ("speaker", "subject")
    for query in ("", "?fields=id,measures,measure_count", "?omit=aliases")]
REFUSED = ["/api/v1/articles/0/", "/api/v1/entities/0/", "/api/v1/articles/x/", "/api/v1/articles/?ordering=rank",
           "/api/v1/articles/-1/", "/api/v1/articles/99999999999999999999/", "/api/v1/articles/1e3/",
           "/api/v1/articles/{seed}/?language=xx", "/api/v1/articles/{seed}/?fields=nope",
           "/api/v1/articles/{seed}/?no_such=1"]


def both_paths(client, monkeypatch, url):
    """The answer from rows, then the serializers' answer to the same request."""
    from_rows = client.get(url)
    through_serializers(monkeypatch)
    return from_rows, client.get(url)


@pytest.mark.parametrize("url", DETAILS)
def test_a_detail_answered_from_rows_is_the_serializers_answer(api_client, varied, monkeypatch, url):
    from_rows, through = both_paths(api_client, monkeypatch, url.format(**varied))
    assert from_rows.status_code == through.status_code == 200
    assert from_rows.content == through.content


@pytest.mark.parametrize("url", REFUSED)
def test_a_refused_request_is_refused_alike(api_client, varied, monkeypatch, url):
    from_rows, through = both_paths(api_client, monkeypatch, url.format(**varied))
    assert from_rows.status_code == through.status_code != 200
    assert from_rows.content == through.content


def test_a_detail_without_filters_reads_its_row_by_its_compiled_query(api_client, varied, monkeypatch):
    """Its row comes from a query compiled once (rows.ChildQuery), not from filtering the plan's query again."""
    answer = api_client.get(f"/api/v1/articles/{varied['seed']}/").content

    def refused(*args, **kwargs):
        raise AssertionError("the detail filtered its query")

    monkeypatch.setattr("newsapi.api.views.get_object_or_404", refused)
    assert api_client.get(f"/api/v1/articles/{varied['seed']}/").content == answer
    with pytest.raises(AssertionError, match="filtered"):  # a filter asked: the query is filtered
        api_client.get(f"/api/v1/articles/{varied['seed']}/?language=en")


ROW_MODELS = {Article, Entity, Mention, Quote, Claim, Source}


def instances_built(client, url) -> Counter:
    built = Counter()

    def count(sender, **kwargs):
        built[sender] += 1

    pre_init.connect(count)
    try:
        assert client.get(url).status_code == 200
    finally:
        pre_init.disconnect(count)
    return Counter({model: n for model, n in built.items() if model in ROW_MODELS})


@pytest.mark.parametrize("url", ["/api/v1/articles/", "/api/v1/claims/", "/api/v1/quotes/", "/api/v1/entities/",
                                 "/api/v1/articles/{seed}/", "/api/v1/entities/{subject}/"])
def test_row_answers_build_no_model_instance(api_client, varied, monkeypatch, url):
    url = url.format(**varied)
    assert instances_built(api_client, url) == Counter()
    through_serializers(monkeypatch)
    assert instances_built(api_client, url)  # the serializers' path builds them: the check can fail
