"""Maintain Article.search_vector on PostgreSQL with a trigger, and index it with GIN.

SQLite has no tsvector: there the column stays empty and search falls back
to substring matching (articles/search.py).
"""

from django.db import migrations

FORWARD = """
CREATE INDEX IF NOT EXISTS article_search_vector_gin ON articles_article USING gin (search_vector);
CREATE OR REPLACE FUNCTION articles_article_search_vector_update() RETURNS trigger AS $$
BEGIN
  NEW.search_vector :=
    setweight(to_tsvector('english', coalesce(NEW.title, '')), 'A') ||
    setweight(to_tsvector('english', coalesce(NEW.subtitle, '')), 'B') ||
    setweight(to_tsvector('english', coalesce(NEW.body, '')), 'C');
  RETURN NEW;
END
$$ LANGUAGE plpgsql;
DROP TRIGGER IF EXISTS articles_article_search_vector_trigger ON articles_article;
CREATE TRIGGER articles_article_search_vector_trigger
  BEFORE INSERT OR UPDATE OF title, subtitle, body ON articles_article
  FOR EACH ROW EXECUTE FUNCTION articles_article_search_vector_update();
UPDATE articles_article SET title = title;
"""
BACKWARD = """
DROP TRIGGER IF EXISTS articles_article_search_vector_trigger ON articles_article;
DROP FUNCTION IF EXISTS articles_article_search_vector_update();
DROP INDEX IF EXISTS article_search_vector_gin;
"""


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FORWARD)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(BACKWARD)


class Migration(migrations.Migration):
    dependencies = [("articles", "0001_initial")]
    operations = [migrations.RunPython(forward, backward)]
