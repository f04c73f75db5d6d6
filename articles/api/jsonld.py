"""schema.org JSON-LD for articles, entities and quotes."""

from __future__ import annotations

from django.urls import reverse

from articles.models import Article, Entity, Quote

CONTEXT = "https://schema.org"
ENTITY_TYPES = {"PERSON": "Person", "ORGANIZATION": "Organization", "LOCATION": "Place", "PRODUCT": "Product"}


def absolute(request, name: str, pk) -> str:
    return request.build_absolute_uri(reverse(name, args=[pk]))


def entity_node(entity: Entity, request) -> dict:
    node = {
        "@type": ENTITY_TYPES[entity.type],
        "@id": absolute(request, "entity-detail", entity.pk),
        "name": entity.name,
    }
    aliases = entity.aliases
    if aliases:
        node["alternateName"] = aliases
    if entity.type == "LOCATION":
        if entity.latitude is not None:
            node["geo"] = {"@type": "GeoCoordinates", "latitude": entity.latitude, "longitude": entity.longitude}
        if entity.country_code:
            node["address"] = {"@type": "PostalAddress", "addressCountry": entity.country_code}
    return node


def source_node(entity: Entity | None, worded: str, request) -> dict | None:
    if entity is not None:
        return entity_node(entity, request)
    return {"@type": "Thing", "name": worded} if worded else None


def article_reference(article: Article, request) -> dict:
    return {"@type": "NewsArticle", "@id": absolute(request, "article-detail", article.pk), "headline": article.title}


def quote_node(quote: Quote, request, with_article: bool = True) -> dict:
    node = {
        "@type": "Quotation",
        "@id": absolute(request, "quote-detail", quote.pk),
        "text": quote.text,
        "additionalType": quote.kind,
    }
    creator = source_node(quote.speaker, quote.speaker_text, request)
    if creator:
        node["creator"] = creator
    if with_article:
        node["isPartOf"] = article_reference(quote.article, request)
    return node


def article_document(article: Article, request, extra_parts: list[dict] | None = None) -> dict:
    """A NewsArticle with the entities it mentions and the quotes (and claims) it carries."""
    entities = {mention.entity_id: mention.entity for mention in article.mentions.all()}
    document = {
        "@context": CONTEXT,
        "@type": "NewsArticle",
        "@id": absolute(request, "article-detail", article.pk),
        "headline": article.title,
        "articleBody": article.body,
        "datePublished": article.published_at.isoformat().replace("+00:00", "Z"),
        "wordCount": article.word_count,
        "inLanguage": article.language,
        "mentions": [entity_node(entity, request) for entity in entities.values()],
        "hasPart": [quote_node(quote, request, with_article=False) for quote in article.quotes.all()]
        + (extra_parts or []),
    }
    if article.subtitle:
        document["alternativeHeadline"] = article.subtitle
    if article.url:
        document["url"] = article.url
    if article.source_id:
        document["publisher"] = {"@type": "Organization", "name": article.source.name}
    return document


def entity_document(entity: Entity, request) -> dict:
    return {"@context": CONTEXT, **entity_node(entity, request)}


def quote_document(quote: Quote, request) -> dict:
    return {"@context": CONTEXT, **quote_node(quote, request)}
