"""Tile versions and the triggers that feed them (docs/adr/0012-tile-versions.md)."""

import django.contrib.gis.db.models.fields
from django.db import migrations, models

from publishing import tile_triggers


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ("accounts", "0001_initial"),
        ("proposals", "0004_claim_scope"),
        ("spatial", "0006_former_cluster_of_merged_claims"),
    ]

    operations = [
        migrations.CreateModel(
            name='TileChange',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('layer', models.CharField(max_length=40)),
                ('box', django.contrib.gis.db.models.fields.GeometryField(null=True, srid=4326)),
                ('everything', models.BooleanField(default=False)),
            ],
        ),
        migrations.CreateModel(
            name='TileVersion',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('layer', models.CharField(max_length=40)),
                ('z', models.SmallIntegerField()),
                ('x', models.IntegerField()),
                ('y', models.IntegerField()),
                ('version', models.BigIntegerField()),
            ],
            options={
                'constraints': [models.UniqueConstraint(fields=('layer', 'z', 'x', 'y'), name='tile_version_once')],
            },
        ),
        migrations.RunSQL(
            "CREATE SEQUENCE publishing_tileversion_seq",
            reverse_sql="DROP SEQUENCE publishing_tileversion_seq",
        ),
        migrations.RunSQL(tile_triggers.install_sql(), reverse_sql=tile_triggers.uninstall_sql()),
    ]
