"""Directory search and sort orders.

On PostgreSQL only: the unaccent extension, an IMMUTABLE wrapper around it (unaccent itself is
only STABLE, so it cannot appear in a generated column or an index), and a stored generated
tsvector column `people_profile.search_document` with a GIN index. The column is not a model
field: Django never reads or writes it (people/search.py explains how it is queried).

Beware: PostgreSQL refuses to change the type of a column a generated column reads
(display_name, headline, city, show_city, bio), e.g. a new max_length. A migration doing so
must first drop search_document (drop_search_document below), then add it back.
"""

from django.contrib.postgres.operations import UnaccentExtension
from django.db import migrations, models

# The city counts only when the member shows it: searching a hidden city would reveal it.
DOCUMENT = """
    setweight(to_tsvector('simple'::regconfig, people_immutable_unaccent(display_name)), 'A')
    || setweight(to_tsvector('simple'::regconfig, people_immutable_unaccent(headline)), 'B')
    || setweight(to_tsvector('simple'::regconfig,
                 people_immutable_unaccent(CASE WHEN show_city THEN city ELSE '' END)), 'C')
    || setweight(to_tsvector('simple'::regconfig, people_immutable_unaccent(bio)), 'D')
"""


def create_search_document(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(
            "SELECT extnamespace::regnamespace::text FROM pg_extension WHERE extname = 'unaccent'"
        )
        (schema,) = cursor.fetchone()
    # The dictionary is named with its schema so the function does not depend on the
    # search_path, which is what makes declaring it IMMUTABLE safe.
    schema_editor.execute(
        f"""
        CREATE OR REPLACE FUNCTION people_immutable_unaccent(text) RETURNS text
        LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
        AS $$ SELECT {schema}.unaccent('{schema}.unaccent'::regdictionary, $1) $$
        """
    )
    schema_editor.execute(
        "ALTER TABLE people_profile ADD COLUMN search_document tsvector "
        f"GENERATED ALWAYS AS ({DOCUMENT}) STORED"
    )
    schema_editor.execute(
        "CREATE INDEX profile_search_document ON people_profile USING gin (search_document)"
    )


def drop_search_document(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("ALTER TABLE people_profile DROP COLUMN IF EXISTS search_document")
    schema_editor.execute("DROP FUNCTION IF EXISTS people_immutable_unaccent(text)")


class Migration(migrations.Migration):
    dependencies = [("people", "0003_reviewers_group")]

    operations = [
        UnaccentExtension(),
        migrations.RunPython(create_search_document, drop_search_document),
        migrations.AddIndex(
            model_name="profile",
            index=models.Index(
                condition=models.Q(is_listed=True),
                fields=["display_name", "id"],
                name="profile_name_order",
            ),
        ),
        migrations.AddIndex(
            model_name="profile",
            index=models.Index(
                condition=models.Q(is_listed=True),
                fields=["-created_at", "-id"],
                name="profile_newest_order",
            ),
        ),
        migrations.AddIndex(
            model_name="profile",
            index=models.Index(
                condition=models.Q(is_listed=True),
                fields=["country", "display_name", "id"],
                name="profile_country_name_order",
            ),
        ),
    ]
