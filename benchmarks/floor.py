"""The floor of the serving benchmark: the API's benchmarked reads with no framework.

A bare WSGI app that answers the benchmark's URLs with the same JSON, byte for byte (the benchmark checks),
from hand-written SQL through psycopg and orjson: what serving these pages costs when nothing but the
database and the JSON encoding is paid for. Served by gunicorn with the API's gunicorn.conf.py.

    gunicorn benchmarks.floor:application -c gunicorn.conf.py   (FLOOR_DATABASE_URL=postgres://...)

It knows only what the benchmark asks (forward cursors, the filters below); anything else is a 404.
"""

from __future__ import annotations

import os
from base64 import b64decode, b64encode
from datetime import datetime
from urllib import parse

import orjson
import psycopg

DATABASE_URL = os.environ.get("FLOOR_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/newsapi_bench100k")
_connection = None


def db():
    global _connection
    if _connection is None or _connection.closed:
        _connection = psycopg.connect(DATABASE_URL, autocommit=True, options="-c timezone=UTC")
    return _connection


def rows(sql: str, params=()) -> list[tuple]:
    return db().execute(sql, params).fetchall()


def when(value: datetime | None) -> str | None:
    """As DRF writes a date-time: ISO 8601, UTC as Z."""
    if value is None:
        return None
    text = value.isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


# -- pagination: DRF's cursor pagination, forward pages only -------------------------------------------------

def cursor_decode(query: dict) -> tuple[int, str | None]:
    encoded = query.get("cursor")
    if encoded is None:
        return 0, None
    tokens = parse.parse_qs(b64decode(encoded.encode("ascii")).decode("ascii"), keep_blank_values=True)
    return int(tokens.get("o", ["0"])[0]), tokens.get("p", [None])[0]


def cursor_link(base_url: str, offset: int, reverse: bool, position: str | None) -> str:
    tokens = {}
    if offset:
        tokens["o"] = str(offset)
    if reverse:
        tokens["r"] = "1"
    if position is not None:
        tokens["p"] = position
    encoded = b64encode(parse.urlencode(tokens, doseq=True).encode("ascii")).decode("ascii")
    scheme, netloc, path, query, fragment = parse.urlsplit(base_url)
    query_dict = parse.parse_qs(query, keep_blank_values=True)
    query_dict["cursor"] = [encoded]
    return parse.urlunsplit((scheme, netloc, path, parse.urlencode(sorted(query_dict.items()), doseq=True), fragment))


def page(environ, query, select_page, position_of, serialize, page_size=20) -> dict:
    """select_page(position, offset, limit) -> rows in order after `position`; as DRF's CursorPagination."""
    offset, position = cursor_decode(query)
    results = select_page(position, offset, page_size + 1)
    items = results[:page_size]
    following = position_of(results[-1]) if len(results) > len(items) else None
    has_next, has_previous = following is not None, position is not None or offset > 0
    base_url = absolute_uri(environ)
    next_link = previous_link = None
    if has_next:
        compare, skip, found, marker = following, 0, False, None
        for item in reversed(items):
            marker = position_of(item)
            if marker != compare:
                found = True
                break
            compare, skip = marker, skip + 1
        if items and not found:
            skip, marker = (page_size, None) if not has_previous else (offset + page_size, position)
        next_link = cursor_link(base_url, skip, False, marker)
    if has_previous:
        compare = position_of(items[0]) if items and offset != 0 else position
        skip, found, marker = 0, False, None
        for item in items:
            marker = position_of(item)
            if marker != compare:
                found = True
                break
            compare, skip = marker, skip + 1
        if items and not found:
            skip, marker = (page_size, None) if not has_next else (0, following)
        previous_link = cursor_link(base_url, skip, True, marker)
    return {"next": next_link, "previous": previous_link, "results": [serialize(item) for item in items]}


def absolute_uri(environ) -> str:
    query = environ.get("QUERY_STRING", "")
    return f"http://{environ['HTTP_HOST']}{environ['PATH_INFO']}" + (f"?{query}" if query else "")


# -- resources -------------------------------------------------------------------------------------------------

ARTICLE_COLUMNS = """a.id, a.title, a.subtitle, a.published_at, a.url, a.language, a.word_count, a.duplicate_of_id,
    a.updated_at, s.id, s.name, s.slug, s.homepage_url, s.updated_at"""


def article_brief_json(r) -> dict:
    return {"id": r[0], "title": r[1], "subtitle": r[2], "published_at": when(r[3]),
            "source": None if r[9] is None else {"id": r[9], "name": r[10], "slug": r[11], "homepage_url": r[12],
                                                 "updated_at": when(r[13])},
            "url": r[4], "language": r[5], "word_count": r[6], "duplicate_of": r[7], "updated_at": when(r[8])}


def articles(environ, query):
    where, params = [], []
    if "search" in query:
        where.append("a.search_vector @@ websearch_to_tsquery('english'::regconfig, %s)")
        params.append(query["search"])
    if "entity" in query:
        where.append("EXISTS (SELECT 1 FROM articles_mention m WHERE m.article_id = a.id AND m.entity_id = %s)")
        params.append(int(query["entity"]))
    if "published_after" in query:
        where.append("a.published_at >= %s")
        params.append(query["published_after"])
    if "published_before" in query:
        where.append("a.published_at <= %s")
        params.append(query["published_before"] + ("T23:59:59.999999Z" if len(query["published_before"]) == 10
                                                   else ""))

    def select_page(position, offset, limit):
        conditions = where + (["a.published_at < %s"] if position is not None else [])
        sql = (f"SELECT {ARTICLE_COLUMNS} FROM articles_article a LEFT JOIN articles_source s ON s.id = a.source_id"
               + (" WHERE " + " AND ".join(conditions) if conditions else "")
               + " ORDER BY a.published_at DESC, a.id DESC LIMIT %s OFFSET %s")
        return rows(sql, [*params, *([position] if position is not None else []), limit, offset])

    return page(environ, query, select_page, lambda r: str(r[3]), article_brief_json)


def entity_brief(r, at=0) -> dict | None:
    return None if r[at] is None else {"id": r[at], "name": r[at + 1], "slug": r[at + 2], "type": r[at + 3]}


def aliases_of(entity_ids, names) -> dict[int, list[str]]:
    found: dict[int, list[str]] = {}
    for entity_id, alias in rows("SELECT entity_id, name FROM articles_entityalias WHERE entity_id = ANY(%s) "
                                 "ORDER BY name", (list(entity_ids),)):
        if alias.lower() != names[entity_id].lower():
            found.setdefault(entity_id, []).append(alias)
    return {entity_id: sorted(names_) for entity_id, names_ in found.items()}


QUOTE_COLUMNS = """q.id, q.text, q.kind, q.speaker_text, q.cue, q.attribution, q.confidence, q.start, q."end",
    q.sentence, q.status, q.verified, u.username, q.verified_at, q.updated_at, e.id, e.name, e.slug, e.type"""


def quote_json(r, article=None) -> dict:
    item = {"id": r[0], "text": r[1], "kind": r[2], "speaker": entity_brief(r, 15), "speaker_text": r[3],
            "cue": r[4], "attribution": r[5], "confidence": r[6], "start": r[7], "end": r[8], "sentence": r[9],
            "status": r[10], "verified": r[11], "verified_by": r[12], "verified_at": when(r[13]),
            "updated_at": when(r[14])}
    if article is not None:
        item["article"] = article
    return item


def quotes(environ, query):
    speaker = int(query["speaker"])

    def select_page(position, offset, limit):
        return rows(f"""SELECT {QUOTE_COLUMNS}, a.id, a.title, a.published_at FROM articles_quote q
            JOIN articles_article a ON a.id = q.article_id LEFT JOIN articles_entity e ON e.id = q.speaker_id
            LEFT JOIN auth_user u ON u.id = q.verified_by_id
            WHERE q.speaker_id = %s AND q.status = 'active' {"AND q.id < %s" if position else ""}
            ORDER BY q.id DESC LIMIT %s OFFSET %s""", [speaker, *([int(position)] if position else []), limit, offset])

    return page(environ, query, select_page, lambda r: str(r[0]),
                lambda r: quote_json(r, {"id": r[19], "title": r[20], "published_at": when(r[21])}))


CLAIM_COLUMNS = """c.id, c.text, c.claimant_text, c.attribution, c.confidence, c.quote_id, c.value, c.qualifier,
    c.unit, c.predicate, c.lower, c.upper, c.lower_open, c.upper_open, c.start, c."end", c.status, c.verified,
    u.username, c.verified_at, c.updated_at, e.id, e.name, e.slug, e.type, ms.key"""


def claim_json(r, subjects, article=None) -> dict:
    item = {"id": r[0], "text": r[1], "claimant": entity_brief(r, 21), "claimant_text": r[2], "attribution": r[3],
            "confidence": r[4], "quote": r[5], "value": r[6], "qualifier": r[7], "unit": r[8], "predicate": r[9],
            "subjects": subjects.get(r[0], []), "measure": r[25],
            "interval": None if r[6] is None else {"lower": r[10], "upper": r[11], "lower_open": r[12],
                                                   "upper_open": r[13]},
            "start": r[14], "end": r[15], "status": r[16], "verified": r[17], "verified_by": r[18],
            "verified_at": when(r[19]), "updated_at": when(r[20])}
    if article is not None:
        item["article"] = article
    return item


CLAIM_JOINS = """LEFT JOIN articles_entity e ON e.id = c.claimant_id LEFT JOIN auth_user u ON u.id = c.verified_by_id
    LEFT JOIN claims_measure ms ON ms.id = c.measure_id"""


def subjects_of(claim_ids) -> dict[int, list[dict]]:
    found: dict[int, list[dict]] = {}
    for r in rows("SELECT cs.claim_id, e.id, e.name, e.slug, e.type FROM claims_claim_subjects cs "
                  "JOIN articles_entity e ON e.id = cs.entity_id WHERE cs.claim_id = ANY(%s) ORDER BY e.name",
                  (list(claim_ids),)):
        found.setdefault(r[0], []).append(entity_brief(r, 1))
    return found


def claims(environ, query):
    kept = {}

    def select_page(position, offset, limit):
        found = rows(f"""SELECT {CLAIM_COLUMNS}, a.id, a.title, a.published_at FROM claims_claim c
            JOIN articles_article a ON a.id = c.article_id {CLAIM_JOINS}
            WHERE upper(c.unit) = upper(%s) AND c.value >= %s AND c.value <= %s AND c.status = 'active'
            {"AND c.id < %s" if position else ""} ORDER BY c.id DESC LIMIT %s OFFSET %s""",
                     [query["unit"], float(query["value_min"]), float(query["value_max"]),
                      *([int(position)] if position else []), limit, offset])
        kept["subjects"] = subjects_of(r[0] for r in found[:limit - 1])  # one more query for the page's subjects
        return found

    return page(environ, query, select_page, lambda r: str(r[0]),
                lambda r: claim_json(r, kept["subjects"], {"id": r[26], "title": r[27], "published_at": when(r[28])}))


def article_detail(environ, article_id):
    found = rows(f"""SELECT {ARTICLE_COLUMNS}, a.body, a.content_hash, a.extractor_version, a.created_at
        FROM articles_article a LEFT JOIN articles_source s ON s.id = a.source_id WHERE a.id = %s""", (article_id,))
    if not found:
        return None
    r = found[0]
    item = article_brief_json(r)
    title, subtitle, body = r[1], r[2], r[14]
    item.update({"body": body, "text": "\n\n".join([title, subtitle, body] if subtitle else [title, body]),
                 "content_hash": r[15], "extractor_version": r[16], "created_at": when(r[17])})
    entities: dict[int, dict] = {}
    names = {}
    for m in rows("""SELECT m.start, m."end", m.text, e.id, e.name, e.slug, e.type FROM articles_mention m
                     JOIN articles_entity e ON e.id = m.entity_id WHERE m.article_id = %s ORDER BY m.start""",
                  (article_id,)):
        if m[3] not in entities:
            entities[m[3]] = {"id": m[3], "name": m[4], "slug": m[5], "type": m[6], "aliases": [], "mentions": []}
            names[m[3]] = m[4]
        entities[m[3]]["mentions"].append({"start": m[0], "end": m[1], "text": m[2]})
    for entity_id, aliases in aliases_of(entities, names).items():
        entities[entity_id]["aliases"] = aliases
    item["entities"] = list(entities.values())
    item["quotes"] = [quote_json(q) for q in rows(f"""SELECT {QUOTE_COLUMNS} FROM articles_quote q
        LEFT JOIN articles_entity e ON e.id = q.speaker_id LEFT JOIN auth_user u ON u.id = q.verified_by_id
        WHERE q.article_id = %s AND q.status = 'active' ORDER BY q.start, q.id""", (article_id,))]
    claim_rows = rows(f"""SELECT {CLAIM_COLUMNS} FROM claims_claim c {CLAIM_JOINS}
        WHERE c.article_id = %s AND c.status = 'active' ORDER BY c.start, c.id""", (article_id,))
    subjects = subjects_of(c[0] for c in claim_rows)
    item["claims"] = [claim_json(c, subjects) for c in claim_rows]
    return item


ENTITY_COLUMNS = """e.id, e.name, e.slug, e.type, e.country_code, e.latitude, e.longitude, e.verified, u.username,
    e.verified_at, e.updated_at, e.article_count, e.created_at"""


def entity_json(r, aliases) -> dict:
    return {"id": r[0], "name": r[1], "slug": r[2], "type": r[3], "aliases": aliases.get(r[0], []),
            "country_code": r[4], "latitude": r[5], "longitude": r[6], "verified": r[7], "verified_by": r[8],
            "verified_at": when(r[9]), "updated_at": when(r[10])}


def entities_by_article_count(environ, query):
    kept = {}

    def select_page(position, offset, limit):
        found = rows(f"""SELECT {ENTITY_COLUMNS} FROM articles_entity e LEFT JOIN auth_user u ON u.id = e.verified_by_id
            WHERE e.merged_into_id IS NULL {"AND e.article_count < %s" if position else ""}
            ORDER BY e.article_count DESC, e.id LIMIT %s OFFSET %s""",
                     [*([int(position)] if position else []), limit, offset])
        kept["aliases"] = aliases_of({r[0] for r in found[:limit - 1]}, {r[0]: r[1] for r in found})
        return found

    return page(environ, query, select_page, lambda r: str(r[11]), lambda r: entity_json(r, kept["aliases"]))


MEASURE_COLUMNS = """m.key, m.predicate, m.unit, s.id, s.name, s.slug, s.type, m.subject_name, m.claim_count,
    m.claimant_count, m.min_value, m.max_value, m.has_conflict, m.first_published_at, m.last_published_at,
    m.updated_at"""


def measure_json(r) -> dict:
    return {"key": r[0], "predicate": r[1], "unit": r[2], "subject": entity_brief(r, 3), "subject_name": r[7],
            "claim_count": r[8], "claimant_count": r[9], "min_value": r[10], "max_value": r[11],
            "has_conflict": r[12], "first_published_at": when(r[13]), "last_published_at": when(r[14]),
            "updated_at": when(r[15])}


def entity_detail(environ, entity_id):
    found = rows(f"""SELECT {ENTITY_COLUMNS},
            (SELECT count(*) FROM articles_mention WHERE entity_id = e.id),
            (SELECT count(*) FROM articles_quote WHERE speaker_id = e.id),
            (SELECT count(*) FROM claims_claim WHERE claimant_id = e.id),
            (SELECT count(*) FROM claims_measure WHERE subject_id = e.id)
        FROM articles_entity e LEFT JOIN auth_user u ON u.id = e.verified_by_id WHERE e.id = %s""", (entity_id,))
    if not found:
        return None
    r = found[0]
    item = entity_json(r, aliases_of({r[0]}, {r[0]: r[1]}))
    item.update({"article_count": r[11], "mention_count": r[13], "quote_count": r[14], "created_at": when(r[12]),
                 "claim_count": r[15], "measure_count": r[16]})
    item["measures"] = [measure_json(m) for m in rows(f"""SELECT {MEASURE_COLUMNS} FROM claims_measure m
        LEFT JOIN articles_entity s ON s.id = m.subject_id WHERE m.subject_id = %s
        ORDER BY m.claim_count DESC, m.id LIMIT 50""", (entity_id,))]
    return item


def measures(environ, query):
    def select_page(position, offset, limit):
        return rows(f"""SELECT {MEASURE_COLUMNS} FROM claims_measure m LEFT JOIN articles_entity s ON s.id = m.subject_id
            {"WHERE m.key > %s" if position else ""} ORDER BY m.key LIMIT %s OFFSET %s""",
                    [*([position] if position else []), limit, offset])

    return page(environ, query, select_page, lambda r: r[0], measure_json)


LISTS = {"/api/v1/articles/": articles, "/api/v1/quotes/": quotes, "/api/v1/claims/": claims,
         "/api/v1/measures/": measures}


def route(environ):
    path = environ["PATH_INFO"]
    query = {k: v[-1] for k, v in parse.parse_qs(environ.get("QUERY_STRING", "")).items()}
    if path in LISTS:
        return LISTS[path](environ, query)
    if path == "/api/v1/entities/" and query.get("ordering") == "-article_count":
        return entities_by_article_count(environ, query)
    parts = path.strip("/").split("/")
    if len(parts) == 4 and parts[3].isdigit() and parts[2] in {"articles", "entities"}:
        return (article_detail if parts[2] == "articles" else entity_detail)(environ, int(parts[3]))
    return None


def application(environ, start_response):
    data = route(environ)
    if data is None:
        start_response("404 Not Found", [("Content-Type", "application/json")])
        return [b'{"detail":"not found"}']
    body = orjson.dumps(data)
    start_response("200 OK", [("Content-Type", "application/json"), ("Content-Length", str(len(body)))])
    return [body]
