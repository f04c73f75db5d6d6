import re

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


def operations(schema):
    for path, methods in schema["paths"].items():
        for method, operation in methods.items():
            yield path, method, operation


def test_operation_ids_and_tags_name_the_resource(schema):
    ids = {operation["operationId"]: operation["tags"] for _, _, operation in operations(schema)}
    assert ids["articles_list"] == ["articles"]
    assert ids["claims_related_list"] == ["claims"]
    assert ids["ingest_jobs_retrieve"] == ["ingest-jobs"]
    assert not any(name.startswith("v1_") for name in ids)
    assert {tag for tags in ids.values() for tag in tags} == {
        "articles", "claims", "entities", "ingest-jobs", "measures", "quotes", "sources"}


def test_every_parameter_is_described(schema):
    undescribed = [(path, method, parameter["name"]) for path, method, operation in operations(schema)
                   for parameter in operation.get("parameters", []) if not parameter.get("description", "").strip()]
    assert undescribed == []


def test_a_token_is_asked_only_where_it_is_needed(schema):
    for path, method, operation in operations(schema):
        if method == "get":
            assert operation["security"] == [], path
            assert not {"403", "405", "415"} & set(operation["responses"]), (path, sorted(operation["responses"]))
        else:
            assert operation["security"] == [{"knoxApiToken": []}], (path, method)
            assert {"401", "403", "415"} <= set(operation["responses"]), (path, method)
        assert "405" not in operation["responses"]
        # The 414 is the HTTP server's, in plain text before the API runs, so it documents no JSON body.
        assert "content" not in operation["responses"]["414"], (path, method)
        for status, response in operation["responses"].items():
            if status >= "400" and status != "414":
                assert set(response["content"]) == {"application/json"}, (path, method, status)


def test_the_claims_app_answers_are_the_ones_named(schema):
    article = schema["paths"]["/api/v1/articles/{id}/"]["get"]["responses"]["200"]["content"]["application/json"]
    assert article["schema"] == {"$ref": "#/components/schemas/ArticleFull"}
    entity = schema["paths"]["/api/v1/entities/{id}/"]["get"]["responses"]["200"]["content"]["application/json"]
    assert entity["schema"] == {"$ref": "#/components/schemas/EntityFull"}
    components = schema["components"]["schemas"]
    assert "claims" in components["ArticleFull"]["required"]
    assert {"claim_count", "measure_count", "measures"} <= set(components["EntityFull"]["required"])


def test_enumerations_have_no_blank_member_and_nulls_are_marked(schema):
    components = schema["components"]["schemas"]
    assert "BlankEnum" not in components and "NullEnum" not in components
    enums = {name: component["enum"] for name, component in components.items() if "enum" in component}
    assert all("" not in values and None not in values for values in enums.values())
    qualifier = components["Claim"]["properties"]["qualifier"]
    assert qualifier["nullable"] is True and qualifier["allOf"] == [{"$ref": "#/components/schemas/QualifierEnum"}]
    for always_there in ["subtitle", "url", "language"]:
        assert always_there in components["ArticleList"]["required"]
    for always_there in ["unit", "predicate", "value", "qualifier"]:
        assert always_there in components["Claim"]["required"]
    assert {"next", "previous", "results"} == set(components["PaginatedClaimList"]["required"])


def test_several_values_and_field_selection_are_in_the_schema(schema):
    entities = parameters(schema, "/api/v1/entities/")
    assert entities["type"]["schema"] == {"type": "array", "items": {
        "type": "string", "enum": ["PERSON", "ORGANIZATION", "LOCATION", "PRODUCT"]}}
    assert entities["type"]["explode"] is True and "exclude_type" in entities
    claims = parameters(schema, "/api/v1/claims/")
    assert {"unit", "unit_text", "predicate", "predicate_text", "measure", "count", "fields", "omit"} <= set(claims)
    assert "value" in claims["fields"]["schema"]["items"]["enum"]
    detail = parameters(schema, "/api/v1/articles/{id}/")
    assert "claims" in detail["fields"]["schema"]["items"]["enum"]
    assert "format" not in claims and "format" not in detail
    assert "language" in parameters(schema, "/api/v1/articles/")


DEVELOPER_WORDS = ["serializer", "queryset", "viewset", "prefetch", "select_related", "mixin", "claims app",
                   "depends on", "django"]


def descriptions(node):
    if isinstance(node, dict):
        for key, value in node.items():
            if key in {"description", "summary"} and isinstance(value, str):
                yield value
            else:
                yield from descriptions(value)
    elif isinstance(node, list):
        for item in node:
            yield from descriptions(item)


def test_descriptions_are_written_for_the_api_s_users(schema):
    texts = list(descriptions(schema))
    assert len(texts) > 100
    assert [text for text in texts if any(word in text.lower() for word in DEVELOPER_WORDS)] == []


@pytest.mark.django_db
@pytest.mark.parametrize(("path", "what"), [
    ("/api/v1/articles/", "News articles: newest first"), ("/api/v1/claims/", "Checkable statements"),
    ("/api/v1/entities/", "People, organisations, places"), ("/api/v1/quotes/", "What the articles report"),
])
def test_the_browsable_api_shows_what_a_resource_is(client, path, what):
    page = client.get(path, HTTP_ACCEPT="text/html").content.decode()
    description = re.search(r'<div class="pull-left">(.*?)</div>', page, re.DOTALL).group(1)
    assert what in description
    assert [word for word in DEVELOPER_WORDS if word in description.lower()] == []


def test_a_required_body_text_of_white_space_only_is_invalid_in_the_schema(schema):
    # The API trims body texts and refuses what is left empty; the schema must not call such a text valid.
    title = schema["components"]["schemas"]["ArticleInputRequest"]["properties"]["title"]
    for blank in (" ", "\u0085", "\t\u001c"):
        assert not re.search(title["pattern"], blank), repr(blank)
    assert re.search(title["pattern"], " A headline ")
