from django.db import migrations
from django.db.models import Count, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce


def claim_counts_backfill(apps, schema_editor):
    """Existing entities get the count of the claims they made, which the services keep from now on."""
    Entity, Claim = apps.get_model("articles", "Entity"), apps.get_model("claims", "Claim")
    made = Claim.objects.filter(claimant=OuterRef("pk")).order_by().values("claimant").annotate(n=Count("*"))
    Entity.objects.update(claim_count=Coalesce(Subquery(made.values("n"), output_field=IntegerField()), 0))


class Migration(migrations.Migration):

    dependencies = [
        ("articles", "0011_entity_mention_quote_claim_counts"),
        ("claims", "0011_claim_normalised_unit_and_predicate"),
    ]

    operations = [
        migrations.RunPython(claim_counts_backfill, migrations.RunPython.noop, elidable=True),
    ]
