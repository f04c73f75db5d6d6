from datetime import UTC, datetime

from extraction import Document, extract


def run(body: str, title: str = "A headline about nothing in particular"):
    return extract(Document(title=title, body=body, published_at=datetime(2025, 1, 1, tzinfo=UTC)))


def entity(result, name):
    found = [e for e in result.entities if e.name == name]
    assert found, f"{name!r} not in {[e.name for e in result.entities]}"
    return found[0]


def quote(result, start_of_text):
    found = [q for q in result.quotes if q.text.startswith(start_of_text)]
    assert found, f"no quote starting {start_of_text!r} in {[q.text for q in result.quotes]}"
    return found[0]


def claims_with(result, value):
    return [c for c in result.claims if c.value == value]
