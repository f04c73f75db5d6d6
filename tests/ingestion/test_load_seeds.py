import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from articles.models import Article, Entity, EntityAlias, Mention, Quote, Source
from claims.models import Claim

from .documents import BRIDGE_ARTICLE_JSON, HARBOUR_ARTICLE

pytestmark = pytest.mark.django_db


def row_counts():
    return {model.__name__: model.objects.count() for model in (Article, Entity, EntityAlias, Mention, Quote, Claim,
                                                                Source)}


def load(*paths):
    out, err = StringIO(), StringIO()
    call_command("load_seeds", *map(str, paths), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_default_seeds_folder_loads_the_seed_article():
    output, _ = load()
    article = Article.objects.get()
    assert article.published_at.isoformat() == "2022-02-24T20:04:00+00:00"
    assert article.subtitle.startswith("Zelensky said")
    assert article.quotes.filter(kind="direct").count() >= 4
    assert article.claims.exclude(value=None).count() >= 12
    assert article.mentions.filter(entity__name="Volodymyr Zelensky").exists()
    assert "loaded 1" in output and "failed 0" in output


def test_loading_twice_leaves_the_same_rows():
    load()
    first = row_counts()
    output, _ = load()
    assert row_counts() == first
    assert "unchanged 1" in output


def test_a_malformed_document_is_named_and_the_others_still_load(tmp_path):
    (tmp_path / "good.txt").write_text(HARBOUR_ARTICLE, encoding="utf-8")
    (tmp_path / "bad-date.txt").write_text("A headline\n\n31st Friday, February 2025 - 10:00 UTC\n\nBody.\n")
    (tmp_path / "not-utf8.txt").write_bytes(b"Headline\n\nBody with \xff\xfe bytes\n")
    (tmp_path / "feed.jsonl").write_text(json.dumps(BRIDGE_ARTICLE_JSON) + "\n{not json\n", encoding="utf-8")
    with pytest.raises(CommandError, match="3 document"):
        load(tmp_path)
    titles = set(Article.objects.values_list("title", flat=True))
    assert titles == {"Storm floods harbour town after 12 boats sink", "Bridge reopens after repairs"}


def test_failures_name_file_line_and_reason(tmp_path):
    (tmp_path / "bad-date.txt").write_text("A headline\n\n31st Friday, February 2025 - 10:00 UTC\n\nBody.\n")
    (tmp_path / "feed.jsonl").write_text(json.dumps(BRIDGE_ARTICLE_JSON) + "\n{not json\n", encoding="utf-8")
    err = StringIO()
    with pytest.raises(CommandError):
        call_command("load_seeds", str(tmp_path), stdout=StringIO(), stderr=err)
    messages = err.getvalue()
    assert f"{tmp_path / 'bad-date.txt'}:3: cannot read the date line" in messages
    assert f"{tmp_path / 'feed.jsonl'}:2: invalid JSON" in messages


def test_a_document_without_a_date_is_refused_and_leaves_nothing(tmp_path):
    (tmp_path / "undated.txt").write_text("A headline\n\nFirst paragraph of the body.\n\nSecond one.\n")
    with pytest.raises(CommandError):
        load(tmp_path)
    assert row_counts()["Article"] == 0 and row_counts()["Entity"] == 0


def test_json_lines_fields_are_checked(tmp_path):
    record = dict(BRIDGE_ARTICLE_JSON, published_at="yesterday")
    (tmp_path / "feed.jsonl").write_text(json.dumps(record) + "\n" + json.dumps({"body": "x"}) + "\n")
    err = StringIO()
    with pytest.raises(CommandError):
        call_command("load_seeds", str(tmp_path), stdout=StringIO(), stderr=err)
    assert "feed.jsonl:1: published_at:" in err.getvalue()
    assert "feed.jsonl:2: title: is required" in err.getvalue()


def test_records_with_unstorable_fields_fail_alone(tmp_path):
    too_long = dict(BRIDGE_ARTICLE_JSON, url="https://example.org/" + "a" * 2000, title="Long URL")
    not_a_url = dict(BRIDGE_ARTICLE_JSON, url="javascript:alert(1)", title="Bad URL")
    lines = [json.dumps(too_long), json.dumps(not_a_url), json.dumps(BRIDGE_ARTICLE_JSON)]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines) + "\n")
    err = StringIO()
    with pytest.raises(CommandError, match="2 document"):
        call_command("load_seeds", str(tmp_path), stdout=StringIO(), stderr=err)
    assert "feed.jsonl:1: url:" in err.getvalue() and "feed.jsonl:2: url:" in err.getvalue()
    assert list(Article.objects.values_list("title", flat=True)) == ["Bridge reopens after repairs"]


def test_json_lines_source_and_url_are_stored(tmp_path):
    (tmp_path / "feed.jsonl").write_text(json.dumps(BRIDGE_ARTICLE_JSON) + "\n")
    load(tmp_path)
    article = Article.objects.get()
    assert article.source.slug == "harbour-gazette"
    assert article.url == BRIDGE_ARTICLE_JSON["url"]


def test_new_content_at_a_known_url_replaces_the_old_extraction(tmp_path):
    (tmp_path / "feed.jsonl").write_text(json.dumps(BRIDGE_ARTICLE_JSON) + "\n")
    load(tmp_path)
    corrected = dict(BRIDGE_ARTICLE_JSON, body=BRIDGE_ARTICLE_JSON["body"].replace("3 lanes", "4 lanes"))
    (tmp_path / "feed.jsonl").write_text(json.dumps(corrected) + "\n")
    output, _ = load(tmp_path)
    assert "updated 1" in output
    article = Article.objects.get()
    assert "4 lanes" in article.body
    assert list(article.claims.exclude(value=None).values_list("value", flat=True)) == [4]


def test_a_missing_path_is_reported(tmp_path):
    err = StringIO()
    with pytest.raises(CommandError):
        call_command("load_seeds", str(tmp_path / "nope"), stdout=StringIO(), stderr=err)
    assert "no such file or folder" in err.getvalue()


def test_offsets_index_the_article_text():
    load()
    article = Article.objects.get()
    text = article.text
    for mention in article.mentions.all():
        assert text[mention.start:mention.end] == mention.text
    for quote in article.quotes.all():
        assert quote.text.startswith(text[quote.start:quote.end][:10])
    for claim in article.claims.all():
        assert 0 <= claim.start < claim.end <= len(text)


def test_a_document_over_the_size_limit_fails_alone_with_a_clear_reason(tmp_path, monkeypatch):
    from extraction import pipeline

    monkeypatch.setattr(pipeline, "MAX_TEXT_CHARS", len(HARBOUR_ARTICLE) + 100)
    (tmp_path / "a_harbour.txt").write_text(HARBOUR_ARTICLE, encoding="utf-8")
    (tmp_path / "b_huge.txt").write_text(HARBOUR_ARTICLE + "\n\nThe harbour reopened on Monday." * 40, encoding="utf-8")
    err = StringIO()
    with pytest.raises(CommandError, match="1 document"):
        call_command("load_seeds", str(tmp_path), stdout=StringIO(), stderr=err)
    assert Article.objects.count() == 1  # the one under the limit still loads
    assert f"{tmp_path / 'b_huge.txt'}" in err.getvalue()
    assert "characters long; extraction reads at most" in err.getvalue()


def test_two_records_of_one_url_in_a_file_settle_on_the_later_and_a_rerun_changes_nothing(tmp_path):
    earlier = dict(BRIDGE_ARTICLE_JSON, body="The bridge stayed shut on Friday. Engineer Tomasz Wojcik said 2 lanes "
                                              "were cracked.")
    (tmp_path / "feed.jsonl").write_text(json.dumps(earlier) + "\n" + json.dumps(BRIDGE_ARTICLE_JSON) + "\n")

    def snapshot():
        return {model.__name__: sorted(model.objects.values_list("pk", flat=True)) for model in
                (Article, Entity, Mention, Quote, Claim)}

    output, _ = load(tmp_path)
    assert f"superseded: {tmp_path / 'feed.jsonl'}:1: https://example.org/bridge-reopens is given again at " \
           f"{tmp_path / 'feed.jsonl'}:2, which is stored" in output
    assert "loaded 1 (new 1, updated 0), unchanged 0, failed 0, superseded 1" in output
    assert Article.objects.get().body == BRIDGE_ARTICLE_JSON["body"]
    first = snapshot()
    output, _ = load(tmp_path)
    assert "loaded 0 (new 0, updated 0), unchanged 1, failed 0, superseded 1" in output
    assert snapshot() == first
