"""Reading files that are nearly right: each fault is its document's own, reported where it is, and the load
goes on to its summary."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from articles.models import Article

from .documents import BRIDGE_ARTICLE_JSON, HARBOUR_ARTICLE

pytestmark = pytest.mark.django_db


def load_failing(*paths):
    out, err = StringIO(), StringIO()
    with pytest.raises(CommandError):
        call_command("load_seeds", *map(str, paths), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_a_date_utc_cannot_hold_is_that_documents_error_and_the_load_ends_with_its_summary(tmp_path):
    (tmp_path / "a-first-century.txt").write_text(
        "A headline\n\n1st January 0001 00:00 +01:00\n\nThe body of the article.\n", encoding="utf-8")
    record = dict(BRIDGE_ARTICLE_JSON, url=None, published_at="0001-01-01T00:00:00+01:00")
    (tmp_path / "b-feed.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    (tmp_path / "c-harbour.txt").write_text(HARBOUR_ARTICLE, encoding="utf-8")
    out, err = load_failing(tmp_path)
    assert f"{tmp_path / 'a-first-century.txt'}:3: cannot read the date line" in err
    assert "outside the years 1 to 9999" in err
    assert f"{tmp_path / 'b-feed.jsonl'}:1: published_at:" in err
    assert "loaded 1 (new 1, updated 0), unchanged 0, failed 2" in out
    assert list(Article.objects.values_list("title", flat=True)) == ["Storm floods harbour town after 12 boats sink"]


def test_json_lines_split_only_at_line_feeds(tmp_path):
    # U+2028, U+0085 and a form feed are line breaks to str.splitlines() but may stand raw in a JSON string.
    record = dict(BRIDGE_ARTICLE_JSON, body="The bridge reopened\u2028on Friday.\x85Engineer Tomasz Wojcik\x0csaid so.")
    lines = [json.dumps(record, ensure_ascii=False), "{not json", json.dumps(dict(record, title="Later", url=None))]
    (tmp_path / "feed.jsonl").write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    out, err = load_failing(tmp_path)
    assert err.strip().splitlines() == [f"failed: {tmp_path / 'feed.jsonl'}:2: invalid JSON: Expecting property "
                                        "name enclosed in double quotes at column 2"]
    assert "loaded 2" in out
    assert set(Article.objects.values_list("title", flat=True)) == {"Bridge reopens after repairs", "Later"}


def test_a_record_nested_too_deeply_is_reported(tmp_path):
    deep = "[" * 100_000 + "]" * 100_000
    (tmp_path / "feed.jsonl").write_text(deep + "\n" + json.dumps(BRIDGE_ARTICLE_JSON) + "\n", encoding="utf-8")
    (tmp_path / "one.json").write_text(deep, encoding="utf-8")
    out, err = load_failing(tmp_path)
    assert f"{tmp_path / 'feed.jsonl'}:1: invalid JSON: nested too deeply" in err
    assert f"{tmp_path / 'one.json'}: invalid JSON: nested too deeply" in err
    assert "loaded 1" in out and "failed 2" in out


def test_a_file_without_a_headline_says_so(tmp_path):
    (tmp_path / "headless.txt").write_text(
        "24th Thursday, February 2022 - 20:04 UTC Full article\n\nThe body of the article.\n\nMore body.\n")
    _, err = load_failing(tmp_path)
    assert err.strip() == f"failed: {tmp_path / 'headless.txt'}:1: there is no headline: the first line is the date line"
