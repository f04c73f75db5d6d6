import pytest
import yaml
from django.core.management import call_command


@pytest.fixture(scope="module")
def schema(tmp_path_factory):
    path = tmp_path_factory.mktemp("schema") / "schema.yaml"
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(path))
    return yaml.safe_load(path.read_text())


def parameters(schema, path, method="get"):
    return {p["name"]: p for p in schema["paths"][path][method].get("parameters", [])}


def test_every_filter_is_described_with_a_type(schema):
    expected = {
        "/api/v1/articles/": {"search", "published_after", "published_before", "source", "entity", "ordering",
                              "cursor", "page_size"},
        "/api/v1/entities/": {"type", "search", "article", "ordering"},
        "/api/v1/quotes/": {"speaker", "speaker_text", "kind", "article", "search", "published_after",
                            "published_before"},
        "/api/v1/claims/": {"claimant", "claimant_text", "unit", "predicate", "qualifier", "value_min", "value_max",
                            "has_value", "article", "entity", "search", "published_after", "published_before"},
    }
    for path, names in expected.items():
        described = parameters(schema, path)
        assert names <= set(described), (path, names - set(described))
        for name in names:
            assert described[name]["schema"].get("type") or described[name]["schema"].get("$ref"), (path, name)


def test_errors_are_documented(schema):
    responses = schema["paths"]["/api/v1/articles/"]["get"]["responses"]
    assert {"200", "400", "429", "500"} <= set(responses)
    post = schema["paths"]["/api/v1/articles/"]["post"]["responses"]
    assert {"200", "201", "400", "401", "413"} <= set(post)
    assert "404" in schema["paths"]["/api/v1/articles/{id}/"]["get"]["responses"]


def test_sub_resources_are_paginated_lists(schema):
    for path in ["/api/v1/entities/{id}/quotes/", "/api/v1/entities/{id}/claims/", "/api/v1/entities/{id}/articles/",
                 "/api/v1/articles/{id}/quotes/", "/api/v1/articles/{id}/claims/"]:
        assert {"cursor", "page_size"} <= set(parameters(schema, path)), path


@pytest.mark.django_db
def test_docs_pages_render_with_local_assets(client):
    for path in ["/api/docs/", "/api/redoc/"]:
        page = client.get(path)
        assert page.status_code == 200
        assert b"/static/drf_spectacular_sidecar/" in page.content
        assert b"cdn." not in page.content
