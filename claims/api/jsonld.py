"""schema.org JSON-LD for claims: a Claim with its author (the claimant) and where it appeared."""

from __future__ import annotations

from articles.api.jsonld import CONTEXT, absolute, article_reference, entity_node, source_node
from claims.models import Claim


def claim_node(claim: Claim, request, with_article: bool = True) -> dict:
    node = {"@type": "Claim", "@id": absolute(request, "claim-detail", claim.pk), "text": claim.text}
    author = source_node(claim.claimant, claim.claimant_text, request)
    if author:
        node["author"] = author
    if claim.value is not None:
        node["about"] = {
            "@type": "QuantitativeValue",
            "value": claim.value,
            "unitText": claim.unit,
            "description": f"{claim.qualifier} {claim.value:g} {claim.unit} {claim.predicate}".strip(),
        }
        if claim.lower is not None:
            node["about"]["minValue"] = claim.lower
        if claim.upper is not None:
            node["about"]["maxValue"] = claim.upper
    subjects = [entity_node(entity, request) for entity in claim.subjects_by_name]
    if subjects:
        node["mentions"] = subjects
    if with_article:
        node["appearance"] = article_reference(claim.article, request)
    return node


def claim_document(claim: Claim, request) -> dict:
    return {"@context": CONTEXT, **claim_node(claim, request)}
