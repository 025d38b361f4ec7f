"""GiST index on active proposals' geometry in the analysis CRS.

The incremental cluster update finds a changed claim's neighbours with
ST_DWithin(ST_Transform(geom, ANALYSIS_SRID), ..., tolerance); this expression index
makes that an index scan. The SRID comes from settings at migration time; after changing
ANALYSIS_SRID, run `manage.py recluster --reindex` (it rebuilds this index).
"""

from django.conf import settings
from django.db import migrations

INDEX = "spatial_proposal_analysis_geom"


def create_sql(srid: int) -> str:
    return (
        f"CREATE INDEX IF NOT EXISTS {INDEX} ON proposals_proposal "
        f"USING gist (ST_Transform(geom, {int(srid)})) WHERE status = 'active'"
    )


class Migration(migrations.Migration):
    dependencies = [
        ("spatial", "0001_clusters"),
        ("proposals", "0001_initial"),
    ]

    operations = [
        migrations.RunSQL(
            create_sql(settings.ANALYSIS_SRID), reverse_sql=f"DROP INDEX IF EXISTS {INDEX}"
        ),
    ]
