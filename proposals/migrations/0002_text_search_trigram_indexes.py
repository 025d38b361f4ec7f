# Trigram indexes for the q filter (UPPER(col) LIKE UPPER('%text%'), Django's icontains).

import django.contrib.postgres.indexes
import django.db.models.functions.text
from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

TITLE = django.contrib.postgres.indexes.GinIndex(
    django.contrib.postgres.indexes.OpClass(
        django.db.models.functions.text.Upper("title"), name="gin_trgm_ops"
    ),
    name="proposal_title_trgm",
)
DESCRIPTION = django.contrib.postgres.indexes.GinIndex(
    django.contrib.postgres.indexes.OpClass(
        django.db.models.functions.text.Upper("description"), name="gin_trgm_ops"
    ),
    name="proposal_description_trgm",
)


def index_sql(name, column):
    # Written out because OpClass in an index needs django.contrib.postgres installed.
    return (
        f'CREATE INDEX IF NOT EXISTS "{name}" ON "proposals_proposal" '
        f'USING gin ((UPPER("{column}"::text)) gin_trgm_ops)',
        f'DROP INDEX IF EXISTS "{name}"',
    )


class Migration(migrations.Migration):
    dependencies = [
        ("proposals", "0001_initial"),
    ]

    operations = [
        # CREATE EXTENSION IF NOT EXISTS pg_trgm (a trusted extension since PostgreSQL 13).
        TrigramExtension(),
        migrations.RunSQL(
            *index_sql("proposal_title_trgm", "title"),
            state_operations=[migrations.AddIndex(model_name="proposal", index=TITLE)],
        ),
        migrations.RunSQL(
            *index_sql("proposal_description_trgm", "description"),
            state_operations=[migrations.AddIndex(model_name="proposal", index=DESCRIPTION)],
        ),
    ]
