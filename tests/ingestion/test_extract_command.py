import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from .documents import HARBOUR_ARTICLE


def test_extract_prints_the_contract_and_touches_no_database(tmp_path, django_db_blocker):
    path = tmp_path / "harbour.txt"
    path.write_text(HARBOUR_ARTICLE, encoding="utf-8")
    out = StringIO()
    with django_db_blocker.unblock(), CaptureQueriesContext(connection) as queries:
        call_command("extract", str(path), stdout=out)
    assert len(queries) == 0
    payload = json.loads(out.getvalue())
    assert set(payload) == {"article", "entities", "quotes", "claims"}
    assert payload["article"]["published_at"] == "2025-03-03T08:15:00Z"
    assert payload["article"]["subtitle"] == 'Mayor Ingrid Halvorsen said the damage was "severe"'


def test_extract_writes_one_file_per_input_with_output_dir(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "harbour.txt").write_text(HARBOUR_ARTICLE, encoding="utf-8")
    call_command("extract", str(tmp_path / "in"), "--output-dir", str(tmp_path / "out"), stdout=StringIO())
    written = json.loads((tmp_path / "out" / "harbour.json").read_text())
    assert written["article"]["title"] == "Storm floods harbour town after 12 boats sink"


def test_extract_fails_on_an_unreadable_document(tmp_path):
    (tmp_path / "empty.txt").write_text("\n\n")
    err = StringIO()
    with pytest.raises(CommandError):
        call_command("extract", str(tmp_path / "empty.txt"), stdout=StringIO(), stderr=err)
    assert "empty.txt:1: the document is empty" in err.getvalue()


def test_extract_prints_valid_json_for_a_400_digit_figure(tmp_path):
    path = tmp_path / "huge.jsonl"
    path.write_text(json.dumps({"title": "Impossible toll", "body": f"The ministry said {'9' * 400} soldiers were "
                                "killed on Tuesday.", "published_at": "2025-06-03T10:00:00Z"}), encoding="utf-8")
    out = StringIO()
    call_command("extract", str(path), stdout=out)

    def refuse(constant):
        raise AssertionError(f"extract printed {constant}, which is not JSON")
    claims = json.loads(out.getvalue(), parse_constant=refuse)["claims"]
    assert [(claim["value"], claim["qualifier"]) for claim in claims] == [(None, None)]
