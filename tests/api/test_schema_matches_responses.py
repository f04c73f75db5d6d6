"""Real answers of every GET operation, on the seed article, held against the OpenAPI schema: each object's keys
are the schema's properties, every key always present is `required`, every null is `nullable`, every value has
the schema's type and enumeration. This is what generated clients rely on."""

from io import StringIO

import pytest
from django.core.management import call_command
from drf_spectacular.generators import SchemaGenerator

from articles.models import Article, Entity, Quote, Source
from claims.models import Claim, Measure
from ingestion.models import IngestItem, IngestJob

pytestmark = pytest.mark.django_db

# Properties that are documented as optional, and when they appear.
OPTIONAL = {"count"}  # with ?count=true


@pytest.fixture(scope="module")
def schema():
    return SchemaGenerator().get_schema(request=None, public=True)


def resolve(schema, node):
    while "$ref" in node or ("allOf" in node and len(node["allOf"]) == 1):
        nullable = node.get("nullable", False)
        if "$ref" in node:
            node = schema["components"]["schemas"][node["$ref"].rsplit("/", 1)[1]]
        else:
            node = {**node["allOf"][0], "nullable": nullable or node["allOf"][0].get("nullable", False)}
            continue
        node = {**node, "nullable": nullable or node.get("nullable", False)}
    return node


TYPES = {"string": str, "integer": int, "number": (int, float), "boolean": bool, "array": list, "object": dict}


def mismatches(schema, node, value, where):
    """Every way `value` departs from the schema `node`, as readable lines."""
    node = resolve(schema, node)
    if value is None:
        return [] if node.get("nullable") else [f"{where}: null, but not nullable"]
    if "oneOf" in node:
        tries = [mismatches(schema, variant, value, where) for variant in node["oneOf"]]
        return [] if any(not found for found in tries) else min(tries, key=len)
    expected = node.get("type")
    if expected and (not isinstance(value, TYPES[expected]) or (expected != "boolean" and isinstance(value, bool))):
        return [f"{where}: {type(value).__name__} {value!r:.40}, schema says {expected}"]
    if "enum" in node and value not in node["enum"]:
        return [f"{where}: {value!r} is not in {node['enum']}"]
    found = []
    if isinstance(value, list) and "items" in node:
        for index, item in enumerate(value[:5]):
            found += mismatches(schema, node["items"], item, f"{where}[{index}]")
    if isinstance(value, dict) and "properties" in node:
        keys, properties, required = set(value), set(node["properties"]), set(node.get("required", []))
        found += [f"{where}.{key}: served, not in the schema" for key in sorted(keys - properties)]
        found += [f"{where}.{key}: required, not served" for key in sorted(required - keys)]
        found += [f"{where}.{key}: always served, typed optional" for key in sorted((keys & properties) - required - OPTIONAL)]
        for key in sorted(keys & properties):
            found += mismatches(schema, node["properties"][key], value[key], f"{where}.{key}")
    return found


@pytest.fixture
def seeded(editor_client):
    call_command("load_seeds", stdout=StringIO())
    claim = Claim.objects.get(value=74)
    # A correction each, so that the history endpoints have entries; a job with a failure for ingest-jobs.
    editor_client.patch(f"/api/v1/claims/{claim.pk}/", {"verified": True, "note": "checked"}, format="json")
    quote = Quote.objects.filter(speaker__name="Igor Konashenkov").first()
    editor_client.patch(f"/api/v1/quotes/{quote.pk}/", {"verified": True, "note": "checked"}, format="json")
    ukraine = Entity.objects.get(name="Ukraine")
    editor_client.patch(f"/api/v1/entities/{ukraine.pk}/", {"note": "checked", "verified": True}, format="json")
    job = IngestJob.objects.create(origin="api", total=1)
    IngestItem.objects.create(job=job, position=1, location="request", status="failed", error="no headline")
    return {
        "articles": Article.objects.get().pk, "claims": claim.pk, "quotes": quote.pk, "entities": ukraine.pk,
        "sources": Source.objects.first().pk if Source.objects.exists() else None, "ingest-jobs": job.pk,
        "measures": Measure.objects.get(key="destroyed--facility--ukraine").key,
    }


def test_every_get_answer_matches_its_schema(api_client, schema, seeded):
    checked, found = [], []
    for path, operations in schema["paths"].items():
        if "get" not in operations:
            continue
        resource = path.split("/")[3]
        if "{" in path and seeded[resource] is None:
            continue  # the seed has no source
        url = path.replace("{id}", str(seeded[resource])).replace("{key}", str(seeded[resource]))
        listed = "cursor" in {parameter["name"] for parameter in operations["get"].get("parameters", [])}
        for query in (["?page_size=200", "?count=true"] if listed else [""]):
            response = api_client.get(url + query)
            assert response.status_code == 200, (url, response.content[:300])
            node = operations["get"]["responses"]["200"]["content"]["application/json"]["schema"]
            body = response.json()
            found += mismatches(schema, node, body, f"GET {url}{query}")
            checked.append(url + query)
            if query == "?count=true":
                assert isinstance(body["count"], int), url
    assert len(checked) >= 30
    assert found == []


def test_error_answers_match_their_schema(api_client, schema, seeded):
    found = []
    for url, path, status in [("/api/v1/claims/?qualifier=roughly&claimant=ghost", "/api/v1/claims/", 400),
                              ("/api/v1/claims/999999/", "/api/v1/claims/{id}/", 404),
                              ("/api/v1/articles/?format=xml", "/api/v1/articles/", 406)]:
        response = api_client.get(url)
        assert response.status_code == status, url
        node = schema["paths"][path]["get"]["responses"][str(status)]["content"]["application/json"]["schema"]
        found += mismatches(schema, node, response.json(), f"GET {url}")
    assert found == []


def test_the_check_finds_what_a_loose_schema_hides(schema):
    # The comparison itself must be able to fail: a field served but typed optional, one missing, a stray key.
    node = {"type": "object", "required": ["id"], "properties": {"id": {"type": "integer"},
                                                                 "unit": {"type": "string"}}}
    assert mismatches(schema, node, {"id": 1, "unit": "x"}, "x") == ["x.unit: always served, typed optional"]
    assert mismatches(schema, node, {"unit": "x", "extra": 1}, "x") == [
        "x.extra: served, not in the schema", "x.id: required, not served", "x.unit: always served, typed optional"]
    assert mismatches(schema, {"type": "string"}, None, "x") == ["x: null, but not nullable"]
    assert mismatches(schema, {"$ref": "#/components/schemas/QualifierEnum"}, "", "x") == [
        "x: '' is not in ['exact', 'approximately', 'at_least', 'more_than', 'at_most', 'less_than']"]


def test_the_examples_of_the_schema_have_the_shape_of_real_answers(schema):
    found, examples = [], 0
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            for status, response in operation["responses"].items():
                for media, content in response.get("content", {}).items():
                    for name, example in content.get("examples", {}).items():
                        if media != "application/json":
                            continue
                        examples += 1
                        found += mismatches(schema, content["schema"], example["value"],
                                            f"{method.upper()} {path} {status} example {name}")
    assert examples >= 10
    assert found == []
