"""Claims: checkable statements that an article reports, with their claimant."""

from django.db import models
from django.db.models import F, Q

from articles.models import Article, Attributed, Entity, OffsetSpan, Quote, Reviewed, history, verified_by_index
from extraction.types import MAX_FIGURE

from .measures import measure_of


class Qualifier(models.TextChoices):
    EXACT = "exact", "Exact"
    APPROXIMATELY = "approximately", "Approximately"
    AT_LEAST = "at_least", "At least"
    MORE_THAN = "more_than", "More than"
    AT_MOST = "at_most", "At most"
    LESS_THAN = "less_than", "Less than"


class Measure(models.Model):
    """What a figure counts, so that figures of different sources can be compared: the normalised
    predicate, the unit and the subject ("killed / soldier / Ukraine"). Its figures are kept current
    by claims.services whenever an article adds a claim to it."""

    key = models.SlugField(max_length=300, unique=True, help_text='"killed--soldier--ukraine".')
    predicate = models.CharField(max_length=100, blank=True, help_text="Normalised event: killed, destroyed ...")
    unit = models.CharField(max_length=100, help_text="What is counted, one singular noun or unit.")
    subject = models.ForeignKey(Entity, null=True, blank=True, on_delete=models.SET_NULL, related_name="measures")
    subject_name = models.CharField(max_length=300, blank=True, help_text="Whose or where, as named.")
    claim_count = models.PositiveIntegerField(default=0)
    claimant_count = models.PositiveIntegerField(default=0)
    min_value = models.FloatField(null=True, blank=True)
    max_value = models.FloatField(null=True, blank=True)
    has_conflict = models.BooleanField(default=False, help_text="Two of its figures conflict within the window.")
    conflict_count = models.PositiveIntegerField(
        default=0, help_text="Pairs of its figures within the comparison window that conflict; kept so that "
                             "removing a figure updates has_conflict without rereading the measure.")
    first_published_at = models.DateTimeField(null=True, blank=True)
    last_published_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["key"]
        indexes = [
            models.Index(fields=["predicate", "unit"], name="measure_predicate_unit"),
            models.Index(fields=["-claim_count", "id"], name="measure_claim_count"),
            models.Index(fields=["has_conflict"], name="measure_has_conflict"),
        ]

    def __str__(self) -> str:
        return self.key


class MeasureClaimant(models.Model):
    """One claimant of a measure and how many of its counted figures they gave, so that the measure's
    claimant_count changes by one query whatever the number of its figures."""

    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="claimant_rows")
    key = models.CharField(max_length=320, help_text='"entity:12", "text:kiev sources" or "article".')
    figure_count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["measure", "key"], name="measure_claimant_unique")]

    def __str__(self) -> str:
        return f"{self.measure_id}: {self.key}"


# Where read queries prefetch a claim's subjects: a plain list (a prefetch into the m2m manager built a manager
# and a queryset for every claim, a fifth of the article detail's time).
SUBJECTS_PREFETCHED = "prefetched_subjects"


class Claim(OffsetSpan, Attributed, Reviewed):
    """One claim made in an article: a figure ("74 facilities knocked out") or a
    qualitative statement (a denial, an accusation), with who made it."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="claims")
    text = models.TextField(help_text="The sentence or clause that makes the claim.")
    # Foreign keys that lead a wider index below are not indexed alone: an index is written for every claim
    # stored (millions), read or not.
    claimant = models.ForeignKey(Entity, null=True, blank=True, on_delete=models.SET_NULL, related_name="claims",
                                 db_index=False)
    claimant_text = models.CharField(max_length=300, blank=True, help_text="The claimant as worded.")
    quote = models.ForeignKey(Quote, null=True, blank=True, on_delete=models.SET_NULL, related_name="claims",
                              db_index=False)  # indexed where set (claim_quote)
    value = models.FloatField(null=True, blank=True)
    qualifier = models.CharField(max_length=16, choices=Qualifier.choices, blank=True)
    unit = models.CharField(max_length=100, blank=True, help_text="Singular head noun or unit of measure.")
    predicate = models.CharField(max_length=100, blank=True)
    subjects = models.ManyToManyField(Entity, blank=True, related_name="claims_about")
    measure = models.ForeignKey(Measure, null=True, blank=True, on_delete=models.SET_NULL, related_name="claims",
                                db_index=False)
    # The values the figure allows (claims/measures.py); None is unbounded.
    lower = models.FloatField(null=True, blank=True)
    upper = models.FloatField(null=True, blank=True)
    lower_open = models.BooleanField(default=False)
    upper_open = models.BooleanField(default=False)
    # How the measure vocabulary reads `unit` and `predicate` (measures.measure_of: "ground facility" counts
    # facility, "knocked out" is destroyed, "deaths" are killed persons), stored so that the `unit` and
    # `predicate` filters are index lookups. Derived: set by save() and by `vocabulary_set()` before a bulk insert.
    unit_normalised = models.CharField(max_length=100, blank=True, editable=False)
    predicate_normalised = models.CharField(max_length=100, blank=True, editable=False)
    history = history(excluded_fields=("unit_normalised", "predicate_normalised"),
                      unindexed=("article", "claimant", "quote", "measure", "verified_by"))
    # The article's date, copied so that the figures of a measure within the comparison window are one index range.
    published_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["article", "start"]
        indexes = [
            models.Index(fields=["measure", "published_at"], name="claim_measure_published"),
            models.Index(fields=["measure", "value"], name="claim_measure_value"),
            models.Index(fields=["claimant", "article"], name="claim_claimant_article"),
            models.Index(fields=["claimant", "-id"], name="claim_claimant_id"),  # a claimant's claims, newest first
            # The `unit` and `predicate` filters, newest first as the list orders.
            models.Index(fields=["unit_normalised", "-id"], name="claim_unit_normalised_id"),
            models.Index(fields=["predicate_normalised", "-id"], name="claim_predicate_normalised_id"),
            models.Index(fields=["value"], name="claim_value"),
            models.Index(fields=["confidence"], name="claim_confidence"),
            # A quote's claims, for when the quote goes: most claims were made outside any quote.
            models.Index(fields=["quote"], name="claim_quote", condition=Q(quote__isnull=False)),
            verified_by_index("claim_verified_by"),
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
            models.CheckConstraint(condition=Q(confidence__gte=0, confidence__lte=1) | Q(confidence=None),
                                   name="claim_confidence_range"),
            # A finite figure no larger than MAX_FIGURE (NaN and infinity fail it on PostgreSQL): JSON can say it.
            models.CheckConstraint(
                condition=Q(value__isnull=True) | Q(value__gte=-MAX_FIGURE, value__lte=MAX_FIGURE),
                name="claim_value_bounded",
            ),
        ]

    def __str__(self) -> str:
        return self.text[:80]

    @property
    def subjects_by_name(self) -> list[Entity]:
        """Its subjects by name: the list a read query prefetched into SUBJECTS_PREFETCHED (claims.selectors),
        or else a query."""
        prefetched = self.__dict__.get(SUBJECTS_PREFETCHED)
        return prefetched if prefetched is not None else list(self.subjects.order_by("name", "id"))

    def vocabulary_set(self) -> None:
        """The normalised unit and predicate from the stated ones (bulk inserts call this; save() does)."""
        predicate, unit = measure_of(self.predicate, self.unit)
        self.predicate_normalised, self.unit_normalised = predicate[:100], unit[:100]

    def save(self, *args, update_fields=None, **kwargs):
        self.vocabulary_set()
        if update_fields is not None and {"unit", "predicate"} & set(update_fields):
            update_fields = {*update_fields, "unit_normalised", "predicate_normalised"}
        super().save(*args, update_fields=update_fields, **kwargs)
