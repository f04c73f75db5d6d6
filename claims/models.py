"""Claims: checkable statements that an article reports, with their claimant."""

from django.db import models
from django.db.models import F, Q

from articles.models import Article, Entity, OffsetSpan, Quote


class Qualifier(models.TextChoices):
    EXACT = "exact", "Exact"
    APPROXIMATELY = "approximately", "Approximately"
    AT_LEAST = "at_least", "At least"
    MORE_THAN = "more_than", "More than"
    AT_MOST = "at_most", "At most"
    LESS_THAN = "less_than", "Less than"


class Claim(OffsetSpan):
    """One claim made in an article: a figure ("74 facilities knocked out") or a
    qualitative statement (a denial, an accusation), with who made it."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="claims")
    text = models.TextField(help_text="The sentence or clause that makes the claim.")
    claimant = models.ForeignKey(Entity, null=True, blank=True, on_delete=models.SET_NULL, related_name="claims")
    claimant_text = models.CharField(max_length=300, blank=True, help_text="The claimant as worded.")
    quote = models.ForeignKey(Quote, null=True, blank=True, on_delete=models.SET_NULL, related_name="claims")
    value = models.FloatField(null=True, blank=True)
    qualifier = models.CharField(max_length=16, choices=Qualifier.choices, blank=True)
    unit = models.CharField(max_length=100, blank=True, help_text="Singular head noun or unit of measure.")
    predicate = models.CharField(max_length=100, blank=True)
    subjects = models.ManyToManyField(Entity, blank=True, related_name="claims_about")

    class Meta:
        ordering = ["article", "start"]
        indexes = [
            models.Index(fields=["claimant", "article"], name="claim_claimant_article"),
            models.Index(fields=["unit", "predicate"], name="claim_unit_predicate"),
            models.Index(fields=["value"], name="claim_value"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(qualifier="") | Q(qualifier__in=Qualifier.values), name="claim_qualifier_valid"
            ),
            # A figure always has a qualifier, and a qualitative claim never has one.
            models.CheckConstraint(
                condition=(Q(value__isnull=True) & Q(qualifier="")) | (Q(value__isnull=False) & ~Q(qualifier="")),
                name="claim_value_has_qualifier",
            ),
            models.CheckConstraint(condition=Q(end__gt=F("start")), name="claim_offsets_ordered"),
        ]

    def __str__(self) -> str:
        return self.text[:80]
