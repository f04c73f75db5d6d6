"""Smoke test of a Python client generated from the API's schema with openapi-python-client (.ci/run builds it
into a temporary folder and runs this against the quick-start server, seeded with seeds/).

    python tests/clients/python_smoke.py http://127.0.0.1:8000

Every answer is read through the client's typed models, as a user of the generated client would: a field
missing from the schema, typed optional though always served, or of another type fails here."""

import csv
import io
import sys
from urllib.parse import parse_qs, urlsplit

from newsapi_client import Client
from newsapi_client.api.articles import articles_list, articles_retrieve
from newsapi_client.api.claims import claims_list, claims_related_list
from newsapi_client.api.entities import entities_list, entities_retrieve
from newsapi_client.api.measures import measures_retrieve
from newsapi_client.models import (
    ArticleFull,
    EntitiesListTypeItem,
    EntityFull,
    PaginatedArticleListList,
    PaginatedClaimList,
    QualifierEnum,
    ValidationErrorResponse,
)

checks = []


def check(name: str, condition: bool, detail: object = "") -> None:
    checks.append(name)
    if not condition:
        raise AssertionError(f"{name}: {detail}")
    print(f"ok  {name}")


def main(base_url: str) -> None:
    client = Client(base_url=base_url, raise_on_unexpected_status=True)

    page = articles_list.sync(client=client)
    check("list: a typed page of articles", isinstance(page, PaginatedArticleListList) and len(page.results) == 1,
          page)
    article_id = page.results[0].id
    check("list: always-present fields are plain values", page.next_ is None and isinstance(page.results[0].language, str))

    article = articles_retrieve.sync(article_id, client=client)
    check("detail: the full article", isinstance(article, ArticleFull), article)
    check("detail: nothing left in additional_properties", article.additional_properties == {},
          article.additional_properties)
    facility = [claim for claim in article.claims if claim.unit in {"ground facility", "ground infrastructure facility"}]
    check("detail: claims as typed attributes",
          {(claim.value, claim.qualifier) for claim in facility} == {(74, QualifierEnum.EXACT), (70, QualifierEnum.MORE_THAN)},
          [(claim.value, claim.qualifier) for claim in facility])
    check("detail: a qualitative claim's qualifier is None, not blank",
          any(claim.value is None and claim.qualifier is None for claim in article.claims))
    speakers = {quote.speaker.name for quote in article.quotes if quote.speaker is not None}
    check("detail: quotes with their typed speakers", "Igor Konashenkov" in speakers, speakers)

    by_unit = claims_list.sync(client=client, unit=["facility"])
    by_predicate = claims_list.sync(client=client, predicate=["destroyed"], count=True)
    check("filters: unit=facility finds both wordings", isinstance(by_unit, PaginatedClaimList)
          and {claim.value for claim in by_unit.results} == {70, 74}, by_unit)
    check("filters: predicate=destroyed finds them too", {70, 74} <= {claim.value for claim in by_predicate.results})
    check("filters: count=true counts", by_predicate.count == len(by_predicate.results), by_predicate.count)
    people_and_organisations = entities_list.sync(
        client=client, type_=[EntitiesListTypeItem.PERSON, EntitiesListTypeItem.ORGANIZATION], page_size=200)
    check("filters: several values", {entity.type_ for entity in people_and_organisations.results} ==
          {"PERSON", "ORGANIZATION"}, {entity.type_ for entity in people_and_organisations.results})

    ids, cursor, pages = [], None, 0
    while True:
        claims_page = claims_list.sync(client=client, page_size=3, cursor=cursor)
        ids += [claim.id for claim in claims_page.results]
        pages += 1
        if claims_page.next_ is None:
            break
        cursor = parse_qs(urlsplit(claims_page.next_).query)["cursor"][0]
    total = claims_list.sync(client=client, count=True, page_size=1).count
    check("cursor walk: every claim once", len(ids) == len(set(ids)) == total and pages > 1, (len(ids), total, pages))

    related = claims_related_list.sync(min(claim.id for claim in facility), client=client)
    check("related: typed relation", {str(row.relation) for row in related.results} <= {"consistent", "conflicting"})
    measure = measures_retrieve.sync("destroyed--facility--ukraine", client=client)
    check("measure: claimants with their figures", measure.claim_count == 2 and measure.claimants[0].figures, measure)
    ukraine = next(entity for entity in entities_list.sync(client=client, search="Ukraine").results
                   if entity.name == "Ukraine")
    entity = entities_retrieve.sync(ukraine.id, client=client)
    check("entity: claim_count, measure_count and measures typed",
          isinstance(entity, EntityFull) and entity.measure_count == len(entity.measures) > 0, entity)

    error = claims_list.sync_detailed(client=client, claimant=["no-such-claimant"], page_size=0)
    check("400: a typed error body", error.status_code == 400 and isinstance(error.parsed, ValidationErrorResponse))
    check("400: every error, each naming its parameter",
          {item.attr for item in error.parsed.errors} == {"claimant", "page_size"}, error.parsed)

    raw = client.get_httpx_client()
    export = raw.get("/api/v1/claims/", params={"unit": "facility"}, headers={"Accept": "text/csv"})
    lines = export.text.splitlines()
    rows = list(csv.DictReader(io.StringIO("\n".join(line for line in lines if not line.startswith("#")))))
    check("CSV export through a raw request", export.headers["content-type"].startswith("text/csv")
          and sorted(float(row["value"]) for row in rows) == [70, 74] and lines[-1] == "#complete,2",
          export.text[:300])
    trimmed = raw.get("/api/v1/claims/", params={"fields": "id,value", "unit": "facility"}).json()
    check("fields= through a raw request", [set(row) for row in trimmed["results"]] == [{"id", "value"}] * 2)
    print(f"python client smoke: {len(checks)} checks, all ok")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000")
