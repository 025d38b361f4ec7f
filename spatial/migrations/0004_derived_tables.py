"""Derived spatial tables kept by triggers (docs/adr/0006-claim-geometry.md).

- spatial_claimgeometry: the active proposals' geometry in ANALYSIS_SRID, filled here
  from the proposals already there; after changing ANALYSIS_SRID, run
  `manage.py recluster --reindex`.
- spatial_clustermember loses its database foreign keys; the trigger on proposals drops
  the membership of a deleted proposal.
"""

import django.contrib.gis.db.models.fields
import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

from spatial import triggers


class Migration(migrations.Migration):

    dependencies = [
        ('proposals', '0003_verbose_names'),
        ('spatial', '0003_verbose_names'),
    ]

    operations = [
        migrations.CreateModel(
            name='ClaimGeometry',
            fields=[
                ('proposal', models.OneToOneField(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, primary_key=True, related_name='+', serialize=False, to='proposals.proposal')),
                ('geom', django.contrib.gis.db.models.fields.GeometryField(spatial_index=False, srid=settings.ANALYSIS_SRID)),
            ],
            options={
                'verbose_name': 'claim geometry',
                'verbose_name_plural': 'claim geometries',
            },
        ),
        migrations.AlterField(
            model_name='clustermember',
            name='cluster',
            field=models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.CASCADE, related_name='members', to='spatial.cluster'),
        ),
        migrations.AlterField(
            model_name='clustermember',
            name='proposal',
            field=models.OneToOneField(db_constraint=False, on_delete=django.db.models.deletion.CASCADE, primary_key=True, related_name='cluster_membership', serialize=False, to='proposals.proposal'),
        ),
        migrations.RunSQL(
            triggers.install_sql(settings.ANALYSIS_SRID, triggers.CLUSTERED_BEFORE_SCOPES),
            reverse_sql=triggers.UNINSTALL_SQL,
        ),
        migrations.RunSQL(
            triggers.fill_sql(settings.ANALYSIS_SRID, triggers.CLUSTERED_BEFORE_SCOPES),
            migrations.RunSQL.noop,
        ),
    ]
