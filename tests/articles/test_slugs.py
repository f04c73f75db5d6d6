"""Slugs of names in any script: transliterated, unique, and never run out (through load_seeds and the API)."""

import json
import re
from io import StringIO

import pytest
from django.core.management import call_command

from articles.models import Entity, Source
from tests.factories import EntityFactory

pytestmark = pytest.mark.django_db

FIRST_NAMES = ["Владимир", "Сергей", "Анна", "Ольга", "Дмитрий", "Мария", "Алексей", "Наталья", "Игорь", "Елена"]
SURNAMES = ["Путин", "Лавров", "Шойгу", "Медведев", "Песков", "Захарова"]
CYRILLIC_NAMES = [f"{first} {last}" for first in FIRST_NAMES for last in SURNAMES]  # 60 people
CHINESE_SOURCES = [f"{city}{paper}" for city in ["北京", "上海", "广州", "深圳", "成都", "重庆", "天津", "武汉", "南京",
                                                  "西安"] for paper in ["日报", "晚报", "时报"]]
ARABIC_SOURCES = [f"{name} {edition}" for name in ["الأهرام", "الجزيرة", "الشرق", "النهار", "الرياض", "الخليج", "البيان",
                                                    "الوطن", "القدس", "الحياة"] for edition in ["اليوم", "الجديد", "الدولي"]]
SLUG = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")


def body_naming(*names):
    return "\n\n".join(f"Minister {name} said {number} boats sank." for number, name in enumerate(names, start=2))


def assert_meaningful(slugs, fallback):
    assert len(set(slugs)) == len(slugs)
    assert all(SLUG.fullmatch(slug) and not slug.startswith(fallback) for slug in slugs), slugs


def test_load_seeds_gives_names_and_sources_in_other_scripts_their_own_slugs(tmp_path):
    sources = CHINESE_SOURCES + ARABIC_SOURCES
    records = [
        {"title": f"Boats sink, report {number}", "body": body_naming(name), "published_at": "2025-03-03T08:15:00Z",
         "source": source}
        for number, (name, source) in enumerate(zip(CYRILLIC_NAMES, sources, strict=True))
    ]
    (tmp_path / "feed.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records),
                                         encoding="utf-8")
    out = StringIO()
    call_command("load_seeds", str(tmp_path), stdout=out, stderr=StringIO())
    assert "loaded 60" in out.getvalue() and "failed 0" in out.getvalue()
    people = dict(Entity.objects.filter(name__in=CYRILLIC_NAMES).values_list("name", "slug"))
    assert len(people) == 60
    assert_meaningful(list(people.values()), "entity")
    assert people["Владимир Путин"] == "vladimir-putin"
    publishers = dict(Source.objects.values_list("name", "slug"))
    assert set(publishers) == set(sources)
    assert_meaningful(list(publishers.values()), "source")
    assert publishers["北京日报"] == "beijingribao"


def test_the_api_gives_60_names_in_another_script_their_own_slugs(authed_client):
    article = {"title": "Boats sink", "body": body_naming(*CYRILLIC_NAMES), "published_at": "2025-03-03T08:15:00Z",
               "source": ARABIC_SOURCES[0]}
    response = authed_client.post("/api/v1/articles/", article, format="json")
    assert response.status_code == 201
    slugs = [entity["slug"] for entity in response.json()["entities"] if entity["name"] in CYRILLIC_NAMES]
    assert len(slugs) == 60
    assert_meaningful(slugs, "entity")
    assert response.json()["source"]["slug"] == "lhrm-lywm"


def test_taken_slugs_never_run_out(authed_client):
    # Sixty others already hold vladimir-putin and vladimir-putin-2 ... -60.
    for number in range(1, 61):
        EntityFactory(name=f"Someone {number}", slug="vladimir-putin" if number == 1 else f"vladimir-putin-{number}")
    article = {"title": "Boats sink", "body": body_naming("Владимир Путин"), "published_at": "2025-03-03T08:15:00Z"}
    assert authed_client.post("/api/v1/articles/", article, format="json").status_code == 201
    assert Entity.objects.get(name="Владимир Путин").slug == "vladimir-putin-61"
