"""Editors correct what extraction got wrong, and the corrections last (issue 9), all through HTTP."""

from io import StringIO

import pytest
from django.core.management import call_command

from articles.models import Article, Entity, EntityAlias, Mention, Quote
from claims.models import Claim, Measure
from tests.factories import EntityFactory

pytestmark = pytest.mark.django_db

URL = "https://valley.example/dam-inspection"
PARAGRAPHS = [
    "The regional council met on Monday to discuss the budget.",
    "Inspectors found 7 cracks in the northern dam on Tuesday, chief engineer Marta Kovacs said.",
    "\"The structure is safe for now, but it needs work before winter,\" Kovacs said.",
    "Mayor Peter Lindqvist said 12 bridges in the valley were damaged by the floods.",
]
ARTICLE = {"title": "Dam inspection finds 7 cracks", "published_at": "2025-05-06T12:00:00Z",
           "source": "Valley Times", "url": URL, "body": "\n\n".join(PARAGRAPHS)}
# The first paragraph edited, above every item: offsets below it move.
EDITED = {**ARTICLE, "body": "\n\n".join([
    "The regional council, which had postponed the meeting twice, met late on Monday to discuss the budget.",
    *PARAGRAPHS[1:],
])}


def post(client, document):
    response = client.post("/api/v1/articles/", document, format="json")
    assert response.status_code in (200, 201), response.content
    return response.json()


def text_of(article_id):
    return Article.objects.get(pk=article_id).text


def item_at_its_offsets(item, now):
    """The item's offsets still select what they selected (a quote's text, a claim's figure)."""
    before = SELECTED[item["id"], "quote" if "kind" in item else "claim"]
    return text_of(now["article"]["id"])[now["start"]:now["end"]] == before


SELECTED = {}


def remember(article):
    text = text_of(article["id"])
    for kind in ("quotes", "claims"):
        for item in article[kind]:
            SELECTED[item["id"], kind[:-1]] = text[item["start"]:item["end"]]


@pytest.fixture
def loaded(authed_client):
    article = post(authed_client, ARTICLE)
    remember(article)
    title_end = len(ARTICLE["title"])
    claim = next(c for c in article["claims"] if c["value"] == 7 and c["start"] > title_end)
    quote = next(q for q in article["quotes"] if q["text"].startswith("The structure"))
    return article, claim, quote


@pytest.fixture
def corrected(loaded, editor_client):
    article, claim, quote = loaded
    inspector = EntityFactory(name="Ingrid Holm", slug="ingrid-holm")
    response = editor_client.patch(f"/api/v1/claims/{claim['id']}/",
                                   {"claimant": inspector.pk, "note": "The inspector gave the figure."}, format="json")
    assert response.status_code == 200, response.content
    response = editor_client.patch(f"/api/v1/quotes/{quote['id']}/",
                                   {"speaker": inspector.pk, "speaker_text": "the inspector"}, format="json")
    assert response.status_code == 200, response.content
    return article, claim, quote, inspector


def test_an_editor_corrects_a_claimant_and_a_speaker(corrected, api_client):
    _, claim, quote, inspector = corrected
    claim_now = api_client.get(f"/api/v1/claims/{claim['id']}/").json()
    assert claim_now["claimant"]["id"] == inspector.pk
    assert (claim_now["verified"], claim_now["verified_by"], claim_now["attribution"]) == (True, "editor", "editor")
    assert claim_now["verified_at"] is not None
    quote_now = api_client.get(f"/api/v1/quotes/{quote['id']}/").json()
    assert (quote_now["speaker"]["id"], quote_now["speaker_text"], quote_now["verified"]) == (
        inspector.pk, "the inspector", True)
    # The measure follows the figure's new claimant.
    measure = Measure.objects.get(key=claim_now["measure"])
    assert measure.claim_count == 1 and measure.claimant_count == 1


def test_a_reader_token_gets_403_and_changes_nothing(loaded, reader_client, api_client):
    _, claim, quote = loaded
    other = EntityFactory()
    for url, body in [(f"/api/v1/claims/{claim['id']}/", {"claimant": other.pk}),
                      (f"/api/v1/quotes/{quote['id']}/", {"kind": "indirect"}),
                      (f"/api/v1/entities/{other.pk}/", {"name": "Someone else"})]:
        response = reader_client.patch(url, body, format="json")
        assert response.status_code == 403
        assert response.json()["errors"][0]["code"] == "permission_denied"
        assert api_client.patch(url, body, format="json").status_code == 401
    assert Claim.objects.get(pk=claim["id"]).claimant_id == (claim["claimant"] or {}).get("id")
    assert Quote.objects.get(pk=quote["id"]).kind == quote["kind"]
    assert not Claim.history.filter(history_user__username="reader").exists()
    assert not Quote.history.filter(history_user__username="reader").exists()


def test_an_ingest_token_may_post_but_not_correct(loaded, authed_client):
    _, claim, _ = loaded
    assert authed_client.patch(f"/api/v1/claims/{claim['id']}/", {"unit": "crack"}, format="json").status_code == 403


def test_the_history_lists_each_change_with_before_and_after(corrected, api_client):
    _, claim, quote, inspector = corrected
    history = api_client.get(f"/api/v1/claims/{claim['id']}/history/").json()
    assert [entry["by"] for entry in history] == ["editor", "writer"]  # the loader's, then the editor's
    latest = history[0]
    assert (latest["by"], latest["note"]) == ("editor", "The inspector gave the figure.")
    changes = {change["field"]: change for change in latest["changes"]}
    assert changes["claimant"]["before"] == claim["claimant"]["id"]
    assert changes["claimant"]["after"] == inspector.pk
    assert changes["verified"] == {"field": "verified", "before": False, "after": True}

    quote_history = api_client.get(f"/api/v1/quotes/{quote['id']}/history/").json()
    changes = {change["field"]: change for change in quote_history[0]["changes"]}
    assert changes["speaker"]["after"] == inspector.pk
    assert changes["speaker_text"] == {"field": "speaker_text", "before": quote["speaker_text"],
                                       "after": "the inspector"}


def test_new_content_at_the_same_url_keeps_corrections_ids_and_realigns_offsets(corrected, authed_client, api_client):
    article, claim, quote, inspector = corrected
    machine_ids = {("quote", q["id"]) for q in article["quotes"] if q["id"] != quote["id"]} | {
        ("claim", c["id"]) for c in article["claims"] if c["id"] != claim["id"]}
    assert machine_ids, "the article must have machine items besides the corrected ones"

    reloaded = post(authed_client, EDITED)
    assert reloaded["id"] == article["id"]
    claim_now = api_client.get(f"/api/v1/claims/{claim['id']}/").json()
    quote_now = api_client.get(f"/api/v1/quotes/{quote['id']}/").json()
    shift = len(EDITED["body"]) - len(ARTICLE["body"])
    assert claim_now["claimant"]["id"] == inspector.pk and claim_now["verified"]
    assert quote_now["speaker"]["id"] == inspector.pk and quote_now["speaker_text"] == "the inspector"
    assert (claim_now["start"], quote_now["start"]) == (claim["start"] + shift, quote["start"] + shift)
    assert item_at_its_offsets(claim, claim_now) and item_at_its_offsets(quote, quote_now)
    assert claim_now["text"] in text_of(article["id"])
    assert claim_now["status"] == quote_now["status"] == "active"
    # Unchanged machine items keep their ids; nothing is duplicated.
    now_ids = {("quote", q["id"]) for q in reloaded["quotes"]} | {("claim", c["id"]) for c in reloaded["claims"]}
    assert machine_ids | {("quote", quote["id"]), ("claim", claim["id"])} == now_ids
    for item in reloaded["quotes"]:
        assert text_of(article["id"])[item["start"]:item["end"]] == item["text"]
    for item in reloaded["claims"]:
        assert item_at_its_offsets(item, {**item, "article": {"id": article["id"]}})
    assert Measure.objects.get(key=claim_now["measure"]).claim_count == 1


def test_reextract_outdated_after_a_version_change_keeps_them_too(corrected, api_client):
    article, claim, quote, inspector = corrected
    before = api_client.get(f"/api/v1/articles/{article['id']}/").json()
    Article.objects.filter(pk=article["id"]).update(extractor_version="an-older-extractor")
    out = StringIO()
    call_command("reextract", "--outdated", stdout=out, stderr=StringIO())
    assert f"article {article['id']}: 0 added, 0 removed, 0 changed, 2 verified kept, 0 orphaned" in out.getvalue()
    after = api_client.get(f"/api/v1/articles/{article['id']}/").json()
    assert {q["id"] for q in after["quotes"]} == {q["id"] for q in before["quotes"]}
    assert {c["id"] for c in after["claims"]} == {c["id"] for c in before["claims"]}
    assert api_client.get(f"/api/v1/claims/{claim['id']}/").json()["claimant"]["id"] == inspector.pk
    assert api_client.get(f"/api/v1/quotes/{quote['id']}/").json()["speaker"]["id"] == inspector.pk
    # Idempotent: nothing is outdated any more, and re-extracting the article again changes nothing.
    again = StringIO()
    call_command("reextract", "--outdated", stdout=again, stderr=StringIO())
    assert "re-extracted 0 article(s)" in again.getvalue()
    again = StringIO()
    call_command("reextract", "--article", str(article["id"]), stdout=again, stderr=StringIO())
    assert "0 added, 0 removed, 0 changed" in again.getvalue()


def test_a_dry_run_writes_nothing(loaded):
    article, _, _ = loaded
    Article.objects.filter(pk=article["id"]).update(extractor_version="an-older-extractor")
    Quote.objects.filter(article_id=article["id"]).delete()  # a newer extractor would find them again
    out = StringIO()
    call_command("reextract", "--outdated", "--dry-run", stdout=out, stderr=StringIO())
    assert "added: quote" in out.getvalue() and "nothing written (dry run)" in out.getvalue()
    assert not Quote.objects.filter(article_id=article["id"]).exists()
    assert Article.objects.get(pk=article["id"]).extractor_version == "an-older-extractor"


def test_a_verified_item_whose_text_is_gone_is_kept_as_orphaned_and_reported(corrected, authed_client, api_client):
    article, claim, quote, _ = corrected
    without_quote = {**ARTICLE, "body": "\n\n".join([PARAGRAPHS[0], PARAGRAPHS[1], PARAGRAPHS[3]])}
    post(authed_client, without_quote)
    quote_now = api_client.get(f"/api/v1/quotes/{quote['id']}/").json()
    assert quote_now["status"] == "orphaned" and quote_now["verified"]
    listed = api_client.get(f"/api/v1/quotes/?article={article['id']}").json()["results"]
    assert quote["id"] not in {q["id"] for q in listed}
    orphaned = api_client.get("/api/v1/quotes/?status=orphaned").json()["results"]
    assert [q["id"] for q in orphaned] == [quote["id"]]
    # The same content back: the quote is realigned and active again, with its correction.
    post(authed_client, ARTICLE)
    quote_now = api_client.get(f"/api/v1/quotes/{quote['id']}/").json()
    assert quote_now["status"] == "active" and quote_now["speaker_text"] == "the inspector"
    assert item_at_its_offsets(quote, quote_now)


def test_rejected_items_are_hidden_from_lists_and_measures_and_stay_rejected(loaded, editor_client, api_client,
                                                                            authed_client):
    article, claim, _ = loaded
    response = editor_client.patch(f"/api/v1/claims/{claim['id']}/", {"status": "rejected"}, format="json")
    assert response.status_code == 200
    assert not Measure.objects.filter(key=claim["measure"]).exists()
    assert claim["id"] not in {c["id"] for c in api_client.get("/api/v1/claims/").json()["results"]}
    assert [c["id"] for c in api_client.get("/api/v1/claims/?status=rejected").json()["results"]] == [claim["id"]]
    assert claim["id"] not in {c["id"] for c in api_client.get(f"/api/v1/articles/{article['id']}/").json()["claims"]}
    post(authed_client, EDITED)
    assert Claim.objects.get(pk=claim["id"]).status == "rejected"
    assert Claim.objects.filter(article_id=article["id"], text=claim["text"]).count() == 1


def test_verified_filter(corrected, api_client):
    _, claim, quote, _ = corrected
    assert [c["id"] for c in api_client.get("/api/v1/claims/?verified=true").json()["results"]] == [claim["id"]]
    assert claim["id"] not in {c["id"] for c in api_client.get("/api/v1/claims/?verified=false").json()["results"]}
    assert [q["id"] for q in api_client.get("/api/v1/quotes/?verified=true").json()["results"]] == [quote["id"]]


def test_updated_after_lists_only_what_changed(corrected, api_client):
    _, claim, quote, _ = corrected
    since = Claim.objects.get(pk=claim["id"]).updated_at.isoformat()
    listed = api_client.get("/api/v1/claims/", {"updated_after": since}).json()["results"]
    assert [c["id"] for c in listed] == [claim["id"]]
    for path in ["articles", "entities", "quotes", "sources", "measures"]:
        assert api_client.get(f"/api/v1/{path}/", {"updated_after": "2000-01-01"}).status_code == 200
        assert api_client.get(f"/api/v1/{path}/", {"updated_after": "yesterday"}).status_code == 400


def test_a_figure_correction_moves_it_between_measures(loaded, editor_client):
    _, claim, _ = loaded
    response = editor_client.patch(f"/api/v1/claims/{claim['id']}/",
                                   {"value": 9, "qualifier": "at_least", "predicate": "damaged"}, format="json")
    body = response.json()
    assert body["measure"] != claim["measure"] and body["measure"].startswith("damaged--crack")
    assert not Measure.objects.filter(key=claim["measure"]).exists()
    measure = Measure.objects.get(key=body["measure"])
    assert (measure.min_value, measure.claim_count) == (9, 1)
    assert (body["interval"]["lower"], body["interval"]["upper"]) == (9.0, None)


@pytest.mark.parametrize(("body", "attr"), [
    ({"claimant": 999999}, "claimant"),
    ({"qualifier": "roughly"}, "qualifier"),
    ({"value": None, "qualifier": "exact"}, "qualifier"),
    ({"subjects": [999999]}, "subjects.0"),
    ({"status": "orphaned"}, "status"),
    ({"text": "rewritten"}, "text"),
    ({"value": "many"}, "value"),
    # JSON types as the schema states them: DRF alone took these as 0.0, 12.0 and True.
    ({"value": False, "qualifier": "exact"}, "value"),
    ({"value": "12", "qualifier": "exact"}, "value"),
    ({"verified": 1}, "verified"),
])
def test_invalid_claim_corrections_are_field_level_400s(loaded, editor_client, body, attr):
    _, claim, _ = loaded
    response = editor_client.patch(f"/api/v1/claims/{claim['id']}/", body, format="json")
    assert response.status_code == 400
    assert attr in {error["attr"] for error in response.json()["errors"]}
    assert not Claim.objects.get(pk=claim["id"]).verified


def test_an_editor_adds_missed_quotes_and_claims_by_offsets(loaded, editor_client, api_client):
    article, _, _ = loaded
    text = text_of(article["id"])
    start = text.index("12 bridges")
    end = text.index(" by the floods")
    mayor = EntityFactory(name="Peter Lindqvist", slug="peter-lindqvist-2")
    response = editor_client.post("/api/v1/claims/", {
        "article": article["id"], "start": start, "end": end, "claimant": mayor.pk, "value": 12, "qualifier": "exact",
        "unit": "bridge", "predicate": "damaged", "note": "missed"}, format="json")
    assert response.status_code == 201, response.content
    created = response.json()
    assert created["text"] == text[start:end] and created["verified"] and created["measure"]
    response = editor_client.post("/api/v1/quotes/", {
        "article": article["id"], "start": start, "end": end, "kind": "indirect", "speaker": mayor.pk}, format="json")
    assert response.status_code == 201
    assert api_client.get(f"/api/v1/claims/{created['id']}/history/").json()[0]["note"] == "missed"


@pytest.mark.parametrize(("change", "attr"), [
    ({"start": 100000, "end": 100010}, "start"), ({"start": 5, "end": 5}, "end"),
    ({"end": 100000}, "end"), ({"article": 999999}, "article"), ({"speaker": 999999}, "speaker"),
    ({"kind": "shouted"}, "kind"),
    ({"start": "0"}, "start"), ({"end": True}, "end"),
])
def test_added_quotes_with_bad_offsets_or_references_are_400s(loaded, editor_client, change, attr):
    article, _, _ = loaded
    body = {"article": article["id"], "start": 0, "end": 10, "kind": "direct", **change}
    response = editor_client.post("/api/v1/quotes/", body, format="json")
    assert response.status_code == 400
    assert attr in {error["attr"] for error in response.json()["errors"]}


def test_an_editor_corrects_an_entity(editor_client, api_client):
    entity = EntityFactory(name="Kiev", type="LOCATION", slug="kiev", aliases=["Kyiv"])
    response = editor_client.patch(f"/api/v1/entities/{entity.pk}/", {
        "name": "Kyiv", "aliases": ["Kiev", "Kyjiw"], "country_code": "UA", "latitude": 50.45, "longitude": 30.52,
        "note": "official spelling"}, format="json")
    assert response.status_code == 200, response.content
    body = response.json()
    assert (body["name"], body["slug"], body["aliases"], body["country_code"]) == ("Kyiv", "kiev", ["Kiev", "Kyjiw"],
                                                                                   "UA")
    history = api_client.get(f"/api/v1/entities/{entity.pk}/history/").json()
    changes = {change["field"]: change for change in history[0]["changes"]}
    assert changes["name"]["before"] == "Kiev" and changes["name"]["after"] == "Kyiv"
    assert changes["aliases"] == {"field": "aliases", "before": ["Kyiv"], "after": ["Kiev", "Kyjiw"]}
    for bad, attr in [({"type": "CITY"}, "type"), ({"latitude": 91, "longitude": 0}, "latitude"),
                      ({"country_code": "ukr"}, "country_code"), ({"latitude": None}, "longitude"),
                      ({"latitude": 50.45, "longitude": False}, "longitude"), ({"verified": "yes"}, "verified")]:
        response = editor_client.patch(f"/api/v1/entities/{entity.pk}/", bad, format="json")
        assert response.status_code == 400 and attr in {e["attr"] for e in response.json()["errors"]}, bad


def test_a_merge_moves_everything_and_leaves_no_dangling_reference(loaded, editor_client, api_client):
    article, claim, quote = loaded
    kovacs = Entity.objects.get(name="Marta Kovacs")
    duplicate = EntityFactory(name="M. Kovacs", slug="m-kovacs", aliases=["Chief engineer Kovacs"])
    Quote.objects.filter(pk=quote["id"]).update(speaker=duplicate)
    Claim.objects.filter(pk=claim["id"]).update(claimant=duplicate)
    Claim.objects.get(pk=claim["id"]).subjects.add(duplicate)
    Mention.objects.create(article_id=article["id"], entity=duplicate, text="Ma", start=0, end=2)

    response = editor_client.post(f"/api/v1/entities/{duplicate.pk}/merge/", {"into": kovacs.pk}, format="json")
    assert response.status_code == 200, response.content
    assert response.json()["id"] == kovacs.pk
    assert "Chief engineer Kovacs" in response.json()["aliases"]
    for model, field in [(Mention, "entity"), (Quote, "speaker"), (Claim, "claimant"), (Claim, "subjects"),
                         (Measure, "subject"), (EntityAlias, "entity")]:
        assert not model.objects.filter(**{field: duplicate}).exists(), (model, field)
    assert Quote.objects.get(pk=quote["id"]).speaker_id == kovacs.pk
    assert Claim.objects.get(pk=claim["id"]).claimant_id == kovacs.pk
    moved = api_client.get(f"/api/v1/entities/{duplicate.pk}/")
    assert moved.status_code == 301
    assert moved["Location"].endswith(f"/api/v1/entities/{kovacs.pk}/")
    assert moved.json()["merged_into"] == kovacs.pk
    assert duplicate.pk not in {e["id"] for e in api_client.get("/api/v1/entities/?page_size=200").json()["results"]}
    assert api_client.get(f"/api/v1/entities/{duplicate.pk}/history/").json()[0]["by"] == "editor"
    # A second merge of the pointer, or a merge into itself, is a 400 naming `into`.
    assert editor_client.post(f"/api/v1/entities/{kovacs.pk}/merge/", {"into": kovacs.pk},
                              format="json").status_code == 400
    assert editor_client.post(f"/api/v1/entities/{kovacs.pk}/merge/", {"into": duplicate.pk},
                              format="json").status_code == 400
