from django.db import migrations, models
from django.db.models import Max, Min, Q

# extraction.types.MAX_FIGURE when this migration was written; a migration does not follow later changes.
MAX_FIGURE = 10**15


def drop_unbounded_figures(apps, schema_editor):
    """Figures stored before the bound (a 400-digit number was stored as Infinity) lose their value as new ones
    do, so that the constraint can be added; their measures are recounted from the figures left, or deleted."""
    Claim = apps.get_model("claims", "Claim")
    Measure = apps.get_model("claims", "Measure")
    # On PostgreSQL NaN sorts above every number, so `> MAX_FIGURE` finds it with the infinities.
    unbounded = Claim.objects.filter(Q(value__gt=MAX_FIGURE) | Q(value__lt=-MAX_FIGURE))
    measure_ids = set(unbounded.exclude(measure=None).values_list("measure_id", flat=True))
    unbounded.update(value=None, qualifier="", measure=None, lower=None, upper=None, lower_open=False,
                     upper_open=False)
    for measure in Measure.objects.filter(pk__in=measure_ids):
        figures = Claim.objects.filter(measure=measure)
        if not figures.exists():
            measure.delete()
            continue
        bounds = figures.aggregate(low=Min("value"), high=Max("value"))
        measure.claim_count, measure.min_value, measure.max_value = figures.count(), bounds["low"], bounds["high"]
        measure.save(update_fields=["claim_count", "min_value", "max_value"])


class Migration(migrations.Migration):

    dependencies = [
        ('articles', '0003_entity_name_index'),
        ('claims', '0002_measures'),
    ]

    operations = [
        migrations.RunPython(drop_unbounded_figures, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name='claim',
            constraint=models.CheckConstraint(condition=models.Q(('value__isnull', True), models.Q(('value__gte', -1000000000000000), ('value__lte', 1000000000000000)), _connector='OR'), name='claim_value_bounded'),
        ),
    ]
