"""The tile-version flush as one server-side function (publishing/tile_versions.py)."""

from django.db import migrations

from publishing import tile_versions


class Migration(migrations.Migration):
    dependencies = [("publishing", "0001_tile_versions")]

    operations = [
        migrations.RunSQL(tile_versions.install_sql(), reverse_sql=tile_versions.uninstall_sql()),
    ]
