"""Offsets mapped through a diff, and old items matched to new ones (pure functions, no database)."""

import pytest

from ingestion.realign import Item, items_match, offset_map, span_realign

OLD = "Title\n\nThe council met.\n\nKovacs said 7 cracks were found.\n\n\"It is safe,\" she said."
NEW = "Title\n\nThe council, after two delays, met late.\n\nKovacs said 7 cracks were found.\n\n\"It is safe,\" she said."


@pytest.mark.parametrize("phrase", ["7 cracks", "\"It is safe,\"", "Kovacs", "Title"])
def test_unchanged_text_maps_to_where_it_moved(phrase):
    start = OLD.index(phrase)
    assert span_realign(offset_map(OLD, NEW), start, start + len(phrase), phrase, NEW) == (
        NEW.index(phrase), NEW.index(phrase) + len(phrase))


def test_changed_text_has_no_exact_position_and_gone_text_no_span():
    offsets = offset_map(OLD, NEW)
    start = OLD.index("The council met.")
    assert span_realign(offsets, start, start + 16, "The council met.", NEW) is None
    assert offsets.position(OLD.index("The")) == NEW.index("The")  # a control: unchanged words map


def test_identical_texts_map_every_offset_to_itself():
    offsets = offset_map(OLD, OLD)
    assert [offsets.position(i) for i in range(len(OLD))] == list(range(len(OLD)))


def test_a_moved_text_is_found_nearest_to_where_the_diff_put_it():
    old, new = "A said yes. B said yes.", "Intro. A said yes. B said yes."
    start = old.rindex("yes")
    assert span_realign(offset_map(old, new), start, start + 3, "yes", new) == (new.rindex("yes"), new.rindex("yes") + 3)


def test_items_match_by_text_then_position_then_fields():
    offsets = offset_map(OLD, NEW)
    s = OLD.index("7 cracks")
    n = NEW.index("7 cracks")
    old = [Item("7 cracks", s, s + 8, ("found", 7)), Item("7 cracks", s, s + 8, ("found", 8)),
           Item("gone", 0, 4, ())]
    new = [Item("7 cracks", n, n + 8, ("found", 8)), Item("7 cracks", n, n + 8, ("found", 7)),
           Item("brand new", 0, 9, ())]
    assert items_match(old, new, offsets) == [(0, 1), (1, 0)]
    assert items_match(old, [], offsets) == []
