"""Writes of the claims app: measures for figures, and the statistics each measure keeps current.

The statistics change incrementally, so that adding or removing an article's figures costs a fixed number
of queries whatever the size of the measure:

- claim_count: plus or minus the article's figures;
- claimant_count: one MeasureClaimant row per (measure, claimant) with its number of figures; a row is
  created when a claimant's first figure arrives and deleted when its last one goes;
- min/max value and first/last date: widened on add; on removal re-read from one end of an index
  ((measure, value) or (measure, published_at)) only when the removed figure was that extreme;
- conflict_count: the pairs of figures within the comparison window whose intervals do not overlap. A new
  figure is compared only with the figures of its measure inside its window (one indexed range, all of
  an article's figures in one query); removing a figure subtracts its pairs the same way.
  has_conflict is conflict_count > 0. For intervals, a set of figures with no common value always holds
  two that do not overlap (Helly), so this is the relation `has_conflict()` tests over a whole measure.

`measures_recount` recomputes everything from the figures: for repairs, and after
CLAIM_COMPARISON_WINDOW_DAYS changes (`python manage.py recount_measures`).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from datetime import datetime, timedelta

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from articles.models import Article, Entity

from .measures import CONFLICTING, Interval, interval, measure_key, measure_of, relation
from .models import Claim, Measure, MeasureClaimant

STATISTICS = ["claim_count", "claimant_count", "min_value", "max_value", "first_published_at", "last_published_at",
              "conflict_count", "has_conflict", "updated_at"]


def comparison_window() -> timedelta:
    """Figures are compared when their articles are at most this far apart (the same event)."""
    return timedelta(days=settings.CLAIM_COMPARISON_WINDOW_DAYS)


def claim_interval(claim: Claim) -> Interval:
    return Interval(claim.lower, claim.upper, claim.lower_open, claim.upper_open)


def claimant_key(claim: Claim) -> str:
    """One claimant: the entity when there is one, else the source as worded, else the article's own voice."""
    if claim.claimant_id:
        return f"entity:{claim.claimant_id}"
    return f"text:{claim.claimant_text.lower()}"[:320] if claim.claimant_text else "article"


def story_figures(*, story_id: int) -> Counter:
    """The figures the copies of one story already count in measures: (measure key, interval) with multiplicity.
    Bounded by the story, not by any measure."""
    # The story's articles first (index on duplicate_of), then their figures (index on article): an OR across
    # the join would have the planner scan every figure.
    articles = [story_id, *Article.objects.filter(duplicate_of_id=story_id).values_list("pk", flat=True)]
    rows = Claim.objects.filter(article_id__in=articles, measure__isnull=False)
    return Counter(rows.values_list("measure__key", "lower", "upper", "lower_open", "upper_open").order_by())


@transaction.atomic
def measures_assign(*, claims: list[Claim], subjects: list[Entity | None], repeated: Counter | None = None) -> set[int]:
    """Give each figure of one article its interval and measure, and add it to the measure's statistics.

    The claims are not saved yet (the caller saves them in this transaction); each has its article's
    `published_at`. A figure found in `repeated` (figures another copy of the same story counts already)
    keeps no measure: a story told by 300 copies is one figure, not 300. Returns the measures touched."""
    repeated = Counter(repeated or ())
    specs: dict[str, tuple[str, str, Entity | None]] = {}
    counted: list[tuple[Claim, str]] = []
    for claim, subject in zip(claims, subjects, strict=True):
        if claim.value is None or not claim.unit:
            continue
        predicate, unit = measure_of(claim.predicate, claim.unit)
        key = measure_key(predicate, unit, subject.slug if subject else None)
        bounds = interval(claim.value, claim.qualifier)
        claim.lower, claim.upper = bounds.lower, bounds.upper
        claim.lower_open, claim.upper_open = bounds.lower_open, bounds.upper_open
        signature = (key, bounds.lower, bounds.upper, bounds.lower_open, bounds.upper_open)
        if repeated[signature] > 0:
            repeated[signature] -= 1
            continue
        specs.setdefault(key, (predicate, unit, subject))
        counted.append((claim, key))
    if not counted:
        return set()
    measures = _measures_locked(specs)
    for claim, key in counted:
        claim.measure = measures[key]
    figures = [claim for claim, _ in counted]
    _statistics_add(measures.values(), figures)
    return {measure.pk for measure in measures.values()}


def _measures_locked(specs: dict[str, tuple[str, str, Entity | None]]) -> dict[str, Measure]:
    """The measures of these keys, created when new, locked in one order (so that concurrent loaders never
    wait on each other in a cycle): three queries at most."""
    locked = {m.key: m for m in Measure.objects.select_for_update().filter(key__in=specs).order_by("pk")}
    missing = sorted(set(specs) - set(locked))
    if missing:
        Measure.objects.bulk_create([
            Measure(key=key, predicate=specs[key][0], unit=specs[key][1], subject=specs[key][2],
                    subject_name=specs[key][2].name if specs[key][2] else "")
            for key in missing
        ], ignore_conflicts=True)  # a concurrent loader may create one of them first
        locked |= {m.key: m for m in Measure.objects.select_for_update().filter(key__in=missing).order_by("pk")}
    return locked


def _statistics_add(measures: Iterable[Measure], figures: list[Claim]) -> None:
    by_measure = {measure.pk: measure for measure in measures}
    conflicts = _stored_conflicts(figures)
    pairs = _pairs_among(figures)
    grouped: dict[int, list[Claim]] = defaultdict(list)
    for figure in figures:
        grouped[figure.measure_id].append(figure)
    new_claimants = _claimants_add(figures)
    now = timezone.now()
    for pk, own in grouped.items():
        measure = by_measure[pk]
        values = [f.value for f in own]
        dates = [f.published_at for f in own]
        measure.claim_count += len(own)
        measure.claimant_count += new_claimants[pk]
        measure.min_value = min([*values, *([measure.min_value] if measure.min_value is not None else [])])
        measure.max_value = max([*values, *([measure.max_value] if measure.max_value is not None else [])])
        measure.first_published_at = min([*dates, *([measure.first_published_at] if measure.first_published_at
                                                    else [])])
        measure.last_published_at = max([*dates, *([measure.last_published_at] if measure.last_published_at else [])])
        measure.conflict_count += sum(conflicts[id(f)] for f in own) + pairs[pk]
        measure.has_conflict = measure.conflict_count > 0
        measure.updated_at = now
    _measures_save([by_measure[pk] for pk in grouped])


@transaction.atomic
def measures_remove(*, figures: list[Claim]) -> set[int]:
    """Take figures that were just deleted (or detached from their measure) out of their measures' statistics;
    a measure left with no figure is deleted. Returns the measures that remain."""
    figures = [f for f in figures if f.measure_id is not None]
    if not figures:
        return set()
    ids = sorted({f.measure_id for f in figures})
    by_measure = {m.pk: m for m in Measure.objects.select_for_update().filter(pk__in=ids).order_by("pk")}
    figures = [f for f in figures if f.measure_id in by_measure]
    conflicts = _stored_conflicts(figures)  # the figures are gone: what is left in their windows
    pairs = _pairs_among(figures)
    gone_claimants = _claimants_remove(figures)
    grouped: dict[int, list[Claim]] = defaultdict(list)
    for figure in figures:
        grouped[figure.measure_id].append(figure)
    emptied, kept, now = [], [], timezone.now()
    for pk, own in grouped.items():
        measure = by_measure[pk]
        measure.claim_count = max(0, measure.claim_count - len(own))
        if measure.claim_count == 0:
            emptied.append(pk)
            continue
        measure.claimant_count = max(0, measure.claimant_count - gone_claimants[pk])
        measure.conflict_count = max(0, measure.conflict_count - sum(conflicts[id(f)] for f in own) - pairs[pk])
        measure.has_conflict = measure.conflict_count > 0
        _extremes_reread(measure, own)
        measure.updated_at = now
        kept.append(measure)
    _measures_save(kept)
    Measure.objects.filter(pk__in=emptied).delete()
    return {m.pk for m in kept}


def _measures_save(measures: list[Measure]) -> None:
    # One plain UPDATE each: an article touches a few measures, and bulk_update's CASE per field costs more.
    for measure in measures:
        Measure.objects.filter(pk=measure.pk).update(**{name: getattr(measure, name) for name in STATISTICS})


def _extremes_reread(measure: Measure, removed: list[Claim]) -> None:
    """A removed figure that was the lowest or highest value, or the first or last date, hands that extreme to
    the next figure: one index end each, read only when needed."""
    figures = Claim.objects.filter(measure_id=measure.pk)
    values = [f.value for f in removed]
    dates = [f.published_at for f in removed]
    if measure.min_value is not None and min(values) <= measure.min_value:
        measure.min_value = figures.order_by("value").values_list("value", flat=True).first()
    if measure.max_value is not None and max(values) >= measure.max_value:
        measure.max_value = figures.order_by("-value").values_list("value", flat=True).first()
    if measure.first_published_at is not None and min(dates) <= measure.first_published_at:
        measure.first_published_at = figures.order_by("published_at").values_list("published_at", flat=True).first()
    if measure.last_published_at is not None and max(dates) >= measure.last_published_at:
        measure.last_published_at = figures.order_by("-published_at").values_list("published_at", flat=True).first()


def _conflicting(bounds: Interval) -> tuple[str, list] | None:
    """SQL for the stored figures whose interval does not overlap `bounds` (Interval.overlaps negated)."""
    parts, params = [], []
    if bounds.lower is not None:
        # Below it, or touching it where either end is open.
        parts.append("(upper < %s OR (upper = %s AND upper_open = %s))" if not bounds.lower_open
                     else "(upper <= %s)")
        params += [bounds.lower, bounds.lower, True] if not bounds.lower_open else [bounds.lower]
    if bounds.upper is not None:
        parts.append("(lower > %s OR (lower = %s AND lower_open = %s))" if not bounds.upper_open
                     else "(lower >= %s)")
        params += [bounds.upper, bounds.upper, True] if not bounds.upper_open else [bounds.upper]
    return (" OR ".join(parts), params) if parts else None


def _stored_conflicts(figures: list[Claim]) -> Counter:
    """For each figure (by id()), how many stored figures of its measure within its window it conflicts with.
    One query for all of them, each an index range on (measure, published_at)."""
    window = comparison_window()
    counts: Counter = Counter()
    columns, params, ranges, range_params, numbered = [], [], [], [], []
    for figure in figures:
        condition = _conflicting(claim_interval(figure))
        if condition is None:
            continue
        in_window = "measure_id = %s AND published_at >= %s AND published_at <= %s"
        bounds = [figure.measure_id, figure.published_at - window, figure.published_at + window]
        columns.append(f"COUNT(*) FILTER (WHERE {in_window} AND ({condition[0]}))")
        params += bounds + condition[1]
        ranges.append(f"({in_window})")
        range_params += bounds
        numbered.append(figure)
    if not numbered:
        return counts
    table = connection.ops.quote_name(Claim._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {', '.join(columns)} FROM {table} WHERE {' OR '.join(ranges)}",
                       params + range_params)
        row = cursor.fetchone()
    for figure, number in zip(numbered, row, strict=True):
        counts[id(figure)] = number or 0
    return counts


def _pairs_among(figures: list[Claim]) -> Counter:
    """Conflicting pairs among the figures themselves, per measure (an article's figures share its date)."""
    window, pairs = comparison_window(), Counter()
    for i, first in enumerate(figures):
        for second in figures[i + 1:]:
            if (first.measure_id == second.measure_id and abs(first.published_at - second.published_at) <= window
                    and relation(claim_interval(first), claim_interval(second)) == CONFLICTING):
                pairs[first.measure_id] += 1
    return pairs


def _claimants_add(figures: list[Claim]) -> Counter:
    """Count the figures per claimant; returns how many claimants are new to each measure."""
    given = Counter((f.measure_id, claimant_key(f)) for f in figures)
    rows = _claimant_rows(given)
    new, changed, fresh = [], [], Counter()
    for (measure_id, key), number in given.items():
        row = rows.get((measure_id, key))
        if row is None:
            new.append(MeasureClaimant(measure_id=measure_id, key=key, figure_count=number))
            fresh[measure_id] += 1
        else:
            row.figure_count += number
            changed.append(row)
    MeasureClaimant.objects.bulk_create(new)
    for row in changed:
        MeasureClaimant.objects.filter(pk=row.pk).update(figure_count=row.figure_count)
    return fresh


def _claimants_remove(figures: list[Claim]) -> Counter:
    """Uncount the figures per claimant; returns how many claimants each measure lost."""
    taken = Counter((f.measure_id, claimant_key(f)) for f in figures)
    rows = _claimant_rows(taken)
    gone, changed, lost = [], [], Counter()
    for (measure_id, key), number in taken.items():
        row = rows.get((measure_id, key))
        if row is None:
            continue
        row.figure_count = max(0, row.figure_count - number)
        if row.figure_count == 0:
            gone.append(row.pk)
            lost[measure_id] += 1
        else:
            changed.append(row)
    MeasureClaimant.objects.filter(pk__in=gone).delete()
    for row in changed:
        MeasureClaimant.objects.filter(pk=row.pk).update(figure_count=row.figure_count)
    return lost


def _claimant_rows(given: Counter) -> dict[tuple[int, str], MeasureClaimant]:
    if not given:
        return {}
    rows = MeasureClaimant.objects.filter(measure_id__in={m for m, _ in given}, key__in={k for _, k in given})
    return {(row.measure_id, row.key): row for row in rows}


def figures_remeasure(*, claims: list[Claim], subjects: list[Entity | None]) -> set[int]:
    """Figures already stored whose value, unit, predicate, subject or status an editor (or realignment) changed:
    give them their measure and interval again, save them, and recount every measure they left or joined.
    Recounting reads those measures' figures: right for a correction, never used on the bulk ingest path."""
    left = {claim.measure_id for claim in claims}
    for claim in claims:
        claim.measure = None
        if claim.published_at is None:  # a figure an editor added: the comparison window needs its date
            claim.published_at = claim.article.published_at
    joined = measures_assign(claims=claims, subjects=subjects)
    for claim in claims:
        claim.save(update_fields=["measure", "lower", "upper", "lower_open", "upper_open", "published_at"])
    measures_refresh(ids=left | joined)
    return joined


def measures_refresh(*, ids: Iterable[int | None]) -> None:
    """Recount these measures from their figures after figures already counted changed (a measure left
    with none is deleted)."""
    measures_recount(ids={pk for pk in ids if pk is not None})


def measures_recount(*, ids: Iterable[int] | None = None) -> int:
    """Recompute the statistics of these measures (default: all) from their figures. Reads every figure of
    each measure: a repair, never on the write path. Returns the number of measures recounted."""
    queryset = Measure.objects.order_by("pk")
    if ids is not None:
        queryset = queryset.filter(pk__in=list(ids))
    done = 0
    for pk in queryset.values_list("pk", flat=True).iterator():
        with transaction.atomic():
            measure = Measure.objects.select_for_update().filter(pk=pk).first()
            if measure is not None:
                _measure_recount(measure)
                done += 1
    return done


def _measure_recount(measure: Measure) -> None:
    figures = list(measure.claims.order_by("published_at", "id"))
    if not figures:
        measure.delete()
        return
    values = [f.value for f in figures]
    dates = [f.published_at for f in figures]
    claimants = Counter(claimant_key(f) for f in figures)
    MeasureClaimant.objects.filter(measure=measure).delete()
    MeasureClaimant.objects.bulk_create(
        [MeasureClaimant(measure=measure, key=key, figure_count=number) for key, number in claimants.items()])
    measure.claim_count, measure.claimant_count = len(figures), len(claimants)
    measure.min_value, measure.max_value = min(values), max(values)
    measure.first_published_at, measure.last_published_at = min(dates), max(dates)
    measure.conflict_count = conflict_pairs([(f.published_at, claim_interval(f)) for f in figures])
    measure.has_conflict = measure.conflict_count > 0
    measure.save()


def conflict_pairs(dated: list[tuple[datetime, Interval]]) -> int:
    """How many pairs of figures within the comparison window of each other do not overlap."""
    dated = sorted(dated, key=lambda item: item[0])
    window, pairs = comparison_window(), 0
    for i, (start, first) in enumerate(dated):
        for moment, other in dated[i + 1:]:
            if moment - start > window:
                break
            if relation(first, other) == CONFLICTING:
                pairs += 1
    return pairs


def has_conflict(dated: list[tuple]) -> bool:
    """Whether two intervals within the comparison window of each other fail to overlap.

    Intervals overlap pairwise exactly when the highest lower bound does not pass the lowest upper
    bound, so one forward scan per figure, over the figures of its window, is enough."""
    dated = sorted(dated, key=lambda item: item[0])
    window = comparison_window()
    for i, (start, first) in enumerate(dated):
        highest_lower, lowest_upper = Interval(first.lower, None, first.lower_open), Interval(None, first.upper,
                                                                                              upper_open=first.upper_open)
        for moment, other in dated[i + 1:]:
            if moment - start > window:
                break
            highest_lower = _higher_lower(highest_lower, other)
            lowest_upper = _lower_upper(lowest_upper, other)
            if relation(highest_lower, lowest_upper) == CONFLICTING:
                return True
    return False


def _higher_lower(current: Interval, other: Interval) -> Interval:
    if other.lower is None:
        return current
    if current.lower is None or other.lower > current.lower or (other.lower == current.lower and other.lower_open):
        return Interval(other.lower, None, other.lower_open)
    return current


def _lower_upper(current: Interval, other: Interval) -> Interval:
    if other.upper is None:
        return current
    if current.upper is None or other.upper < current.upper or (other.upper == current.upper and other.upper_open):
        return Interval(None, other.upper, upper_open=other.upper_open)
    return current
