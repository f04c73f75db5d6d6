"""factory_boy factories for API tests that need many rows without running extraction."""

from datetime import UTC, datetime, timedelta

import factory

from articles.models import Article, Entity, EntityAlias, Mention, Quote, Source
from claims.models import Claim


class SourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Source

    name = factory.Sequence(lambda n: f"Source {n}")
    slug = factory.Sequence(lambda n: f"source-{n}")


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Article

    source = factory.SubFactory(SourceFactory)
    title = factory.Sequence(lambda n: f"Headline number {n}")
    body = "Body text of the article. It has two sentences."
    published_at = factory.Sequence(lambda n: datetime(2024, 1, 1, tzinfo=UTC) + timedelta(hours=n))
    content_hash = factory.Sequence(lambda n: f"{n:064x}")
    word_count = 10
    extractor_version = "test"


class EntityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Entity
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Person {n}")
    type = "PERSON"
    slug = factory.Sequence(lambda n: f"person-{n}")

    @factory.post_generation
    def aliases(self, create, extracted, **kwargs):
        for name in [self.name, *(extracted or [])]:
            EntityAlias.objects.create(entity=self, name=name, normalized=name.lower())


class MentionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Mention

    article = factory.SubFactory(ArticleFactory)
    entity = factory.SubFactory(EntityFactory)
    text = "Headline"
    start = factory.Sequence(lambda n: n * 10)
    end = factory.LazyAttribute(lambda mention: mention.start + 8)

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        # As ingestion does: the entity's article_count moves when an article names it for the first time.
        from articles.services import entity_article_counts_change

        first = not model_class.objects.filter(article=kwargs["article"], entity=kwargs["entity"]).exists()
        mention = super()._create(model_class, *args, **kwargs)
        if first:
            entity_article_counts_change(entity_ids={mention.entity_id}, delta=1)
        return mention


class QuoteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Quote

    article = factory.SubFactory(ArticleFactory)
    text = "We will keep going"
    kind = "direct"
    speaker = factory.SubFactory(EntityFactory)
    speaker_text = "he"
    cue = "said"
    start = 0
    end = 8


class ClaimFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Claim
        skip_postgeneration_save = True

    article = factory.SubFactory(ArticleFactory)
    text = "More than 40 soldiers were killed."
    claimant = factory.SubFactory(EntityFactory)
    value = 40
    qualifier = "more_than"
    unit = "soldier"
    predicate = "killed"
    start = 0
    end = 8

    @factory.post_generation
    def subjects(self, create, extracted, **kwargs):
        for entity in extracted or []:
            self.subjects.add(entity)
