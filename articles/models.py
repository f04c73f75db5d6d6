"""Articles and what was extracted from them: entities, mentions, quotes."""

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import F, Q
from simple_history.models import HistoricalRecords


class EntityType(models.TextChoices):
    PERSON = "PERSON", "Person"
    ORGANIZATION = "ORGANIZATION", "Organization"
    LOCATION = "LOCATION", "Location"
    PRODUCT = "PRODUCT", "Product"


class QuoteKind(models.TextChoices):
    DIRECT = "direct", "Direct"
    PARTIAL = "partial", "Partial"
    INDIRECT = "indirect", "Indirect"


class AttributionMethod(models.TextChoices):
    """How extraction found who said or asserted something (extraction/attribution.py METHODS)."""

    CUE = "cue", "A speech verb beside the quote names the speaker"
    PARSE = "parse", "The subject of the speech verb that governs it in the dependency parse"
    APPOSITION = "apposition", "A name in apposition to the subject"
    ACCORDING_TO = "according_to", '"according to X"'
    STATEMENT = "statement", "A statement read on X's website"
    COLON = "colon", "The sentence's subject hands over with a colon"
    TRANSCRIPT = "transcript", "A transcript's speaker label opens the paragraph"
    DASH = "dash", "A name after a dash, as under an epigraph"
    CLAUSE_SUBJECT = "clause_subject", "No speech verb: the subject of the clause the quote sits in"
    ROLE_NOUN = "role_noun", '"the company", "the official": the entity named last of that kind'
    PRONOUN = "pronoun", '"he", "she", "they": the last compatible person or source'
    NEIGHBOUR = "neighbour", "Another quote of the paragraph names the speaker"
    CONTINUATION = "continuation", "Continues the source of its paragraph or the paragraph before"
    EDITOR = "editor", "An editor named the source"


class Attributed(models.Model):
    """An item extraction gave a source: how it found the source, and how far that method is trusted."""

    attribution = models.CharField(
        max_length=16, choices=AttributionMethod.choices, blank=True,
        help_text="How the source was found; empty when there is none.",
    )
    confidence = models.FloatField(
        null=True, blank=True,
        help_text="The accuracy of that method measured on the development sets (0 to 1); null without a source.",
    )

    class Meta:
        abstract = True


class ItemStatus(models.TextChoices):
    ACTIVE = "active", "Stands in the article"
    REJECTED = "rejected", "An editor rejected it as wrong"
    ORPHANED = "orphaned", "Verified, but its text is gone from the article's new content"


# The statuses an editor sets; orphaned is set by realignment only.
EditableStatus = models.TextChoices("EditableStatus", [("ACTIVE", ("active", "Stands in the article")),
                                                       ("REJECTED", ("rejected", "An editor rejected it as wrong"))])


class Verified(models.Model):
    """Something an editor corrected or confirmed: extraction never replaces it."""

    verified = models.BooleanField(default=False, help_text="An editor corrected or confirmed it.")
    # Indexed only where set (`verified_by_index`): extraction stores millions of rows no editor touched, and
    # the index serves the rare delete of an editor.
    verified_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+", db_index=False)
    verified_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)

    class Meta:
        abstract = True


def verified_by_index(name: str) -> models.Index:
    """The index of a Verified model's editor, over the rows an editor verified only."""
    return models.Index(fields=["verified_by"], name=name, condition=Q(verified_by__isnull=False))


class Reviewed(Verified):
    """An extracted item an editor may also reject; one whose text left the article is kept as orphaned."""

    status = models.CharField(max_length=8, choices=ItemStatus.choices, default=ItemStatus.ACTIVE)

    class Meta:
        abstract = True


class HistoryExtras(models.Model):
    """Added to every history row: changes of related rows the snapshot cannot show (aliases, subjects)."""

    related_changes = models.JSONField(default=list, blank=True)

    class Meta:
        abstract = True


def history(*, excluded_fields: tuple[str, ...] = (), unindexed: tuple[str, ...] = (), **options) -> HistoricalRecords:
    """Audit of every save (API, admin, loader): who, when, the row before and after, and a note.

    The trail is read by the item's id alone (articles/history.py), so the foreign keys it copies (`unindexed`)
    get no index: the loader writes a history row for every quote and claim, and each index is one more
    insertion into a table that grows with every article."""
    return HistoricalRecords(bases=[HistoryExtras], excluded_fields=["updated_at", *excluded_fields],
                             history_change_reason_field=models.TextField(null=True),
                             no_db_index=list(unindexed), **options)


class Source(models.Model):
    """A publisher of articles."""

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True)
    homepage_url = models.URLField(blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


def article_text(title: str, subtitle: str | None, body: str) -> str:
    """Title, subtitle and body joined: what extraction read, and what every offset indexes."""
    return "\n\n".join([title, subtitle, body] if subtitle else [title, body])


def aliases_shown(name: str, alias_names) -> list[str]:
    """An entity's other names as answers show them: sorted, without its own name in any case."""
    own = name.lower()
    return sorted(alias for alias in alias_names if alias.lower() != own)


class Article(models.Model):
    """One news article as loaded, with the extractor version that read it.

    Offsets of mentions, quotes and claims index `text`: the title, a blank
    line, the subtitle and a blank line when there is one, then the body.
    """

    source = models.ForeignKey(Source, null=True, blank=True, on_delete=models.PROTECT, related_name="articles")
    title = models.CharField(max_length=500)
    subtitle = models.CharField(max_length=1000, blank=True)
    body = models.TextField()
    published_at = models.DateTimeField(db_index=True)
    url = models.URLField(max_length=1000, null=True, blank=True, unique=True)
    language = models.CharField(max_length=8, default="en")
    content_hash = models.CharField(max_length=64, unique=True, help_text="SHA-256 of title, subtitle, body, date.")
    word_count = models.PositiveIntegerField()
    extractor_version = models.CharField(max_length=32)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Kept up to date by a PostgreSQL trigger (migration 0002) and GIN-indexed there; unused on SQLite.
    search_vector = SearchVectorField(null=True, editable=False)
    duplicate_of = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="duplicates",
        help_text="The first stored article of the same story, when this one is a near-copy of it.",
    )

    class Meta:
        ordering = ["-published_at", "-id"]
        indexes = [models.Index(fields=["-published_at", "-id"], name="article_published_desc")]
        constraints = [models.CheckConstraint(condition=~Q(title=""), name="article_title_not_empty")]

    def __str__(self) -> str:
        return self.title

    @property
    def text(self) -> str:
        return article_text(self.title, self.subtitle, self.body)


class ArticleFingerprint(models.Model):
    """The MinHash signature of an article's body (ingestion/duplicates.py), kept to compare a new article
    with the candidates its LSH bands find."""

    article = models.OneToOneField(Article, on_delete=models.CASCADE, primary_key=True, related_name="fingerprint")
    signature = models.BinaryField()

    def __str__(self) -> str:
        return f"fingerprint of {self.article_id}"


class ArticleBand(models.Model):
    """One LSH band of an article's signature, hashed with its band number: articles sharing a band are
    candidate near-duplicates, found through the index from any process."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="bands")
    key = models.BigIntegerField()

    class Meta:
        # The first articles holding a key, in one index range: a lookup reads a bounded number of rows per key.
        indexes = [models.Index(fields=["key", "article"], name="article_band_key_article")]

    def __str__(self) -> str:
        return f"{self.article_id}: {self.key}"


class Entity(Verified):
    """One real-world person, organisation, place or product, across all articles.

    An entity merged into another stays as a pointer to it (`merged_into`), with no names or figures of its own."""

    name = models.CharField(max_length=300, help_text="The fullest name any article uses.")
    type = models.CharField(max_length=12, choices=EntityType.choices)
    slug = models.SlugField(max_length=320, unique=True)
    country_code = models.CharField(max_length=2, blank=True, help_text="ISO 3166-1 alpha-2, for locations.")
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    merged_into = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
                                    help_text="The entity this duplicate was folded into.")
    # Kept by the services that write mentions (ingestion, merges), so that `ordering=-article_count` reads an
    # index instead of counting every entity's articles; not audited (no one edits it).
    article_count = models.PositiveIntegerField(default=0, editable=False, help_text="Articles that mention it.")
    # Kept the same way (and by the corrections that change a speaker or claimant), so that an entity's page reads
    # them instead of counting its rows: hundreds of thousands for a country.
    mention_count = models.PositiveIntegerField(default=0, editable=False, help_text="Its mentions in articles.")
    quote_count = models.PositiveIntegerField(default=0, editable=False, help_text="Quotes it is the speaker of.")
    claim_count = models.PositiveIntegerField(default=0, editable=False, help_text="Claims it made.")
    history = history(excluded_fields=("article_count", "mention_count", "quote_count", "claim_count"))

    class Meta:
        ordering = ["name", "id"]
        verbose_name_plural = "entities"
        indexes = [
            models.Index(fields=["type", "name"], name="entity_type_name"),
            models.Index(fields=["name", "id"], name="entity_name_id"),  # the list's default cursor order
            models.Index(fields=["-article_count", "id"], name="entity_article_count"),  # ordering=-article_count
            verified_by_index("entity_verified_by"),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(type__in=EntityType.values), name="entity_type_valid"),
            models.CheckConstraint(
                condition=Q(latitude__isnull=True) | Q(latitude__gte=-90, latitude__lte=90), name="entity_latitude_range"
            ),
            models.CheckConstraint(
                condition=Q(longitude__isnull=True) | Q(longitude__gte=-180, longitude__lte=180),
                name="entity_longitude_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.type})"

    @property
    def aliases(self) -> list[str]:
        """The other names of this entity (uses the prefetched `alias_set`)."""
        return aliases_shown(self.name, (alias.name for alias in self.alias_set.all()))


class EntityAlias(models.Model):
    """Another name of an entity ("Zelensky", "Kyiv"), indexed for resolution and search."""

    entity = models.ForeignKey(Entity, on_delete=models.CASCADE, related_name="alias_set")
    name = models.CharField(max_length=300)
    normalized = models.CharField(max_length=300, db_index=True, help_text="Lower-case form used for matching.")

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "entity aliases"
        constraints = [models.UniqueConstraint(fields=["entity", "normalized"], name="alias_unique_per_entity")]

    def __str__(self) -> str:
        return self.name


class OffsetSpan(models.Model):
    """Character offsets into the article's `text`."""

    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()

    class Meta:
        abstract = True


class Mention(OffsetSpan):
    """One place where an article names an entity."""

    # Both keys are the first column of a wider index below: an index of their own would be written for every
    # mention stored and never read.
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="mentions", db_index=False)
    entity = models.ForeignKey(Entity, on_delete=models.PROTECT, related_name="mentions", db_index=False)
    text = models.CharField(max_length=300)

    class Meta:
        ordering = ["article", "start"]
        indexes = [models.Index(fields=["entity", "article"], name="mention_entity_article")]
        constraints = [
            models.CheckConstraint(condition=Q(end__gt=F("start")), name="mention_offsets_ordered"),
            models.UniqueConstraint(fields=["article", "start", "end"], name="mention_unique_span"),
        ]

    def __str__(self) -> str:
        return self.text


class Quote(OffsetSpan, Attributed, Reviewed):
    """Speech or writing that an article attributes to someone."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="quotes")
    text = models.TextField()
    kind = models.CharField(max_length=8, choices=QuoteKind.choices)
    speaker = models.ForeignKey(Entity, null=True, blank=True, on_delete=models.SET_NULL, related_name="quotes",
                                db_index=False)  # the first column of the speaker indexes below
    speaker_text = models.CharField(max_length=300, blank=True, help_text='The speaker as worded: "Kiev sources".')
    cue = models.CharField(max_length=100, blank=True, help_text='The attribution: "said", "according to".')
    sentence = models.TextField(blank=True)
    history = history(unindexed=("article", "speaker", "verified_by"))

    class Meta:
        ordering = ["article", "start"]
        indexes = [
            models.Index(fields=["speaker", "article"], name="quote_speaker_article"),
            models.Index(fields=["speaker", "-id"], name="quote_speaker_id"),  # a speaker's quotes, newest first
            models.Index(fields=["kind"], name="quote_kind"),
            models.Index(fields=["confidence"], name="quote_confidence"),
            verified_by_index("quote_verified_by"),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(confidence__gte=0, confidence__lte=1) | Q(confidence=None),
                                   name="quote_confidence_range"),
            models.CheckConstraint(condition=Q(kind__in=QuoteKind.values), name="quote_kind_valid"),
            models.CheckConstraint(condition=Q(end__gt=F("start")), name="quote_offsets_ordered"),
        ]

    def __str__(self) -> str:
        return self.text[:80]
