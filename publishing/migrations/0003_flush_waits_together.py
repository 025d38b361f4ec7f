"""The flush function with the argument take_turns (publishing/tile_versions.py): readers that
find a flush under way wait for it together instead of taking the lock one after the other."""

from django.db import migrations

from publishing import tile_versions

OLD = f"DROP FUNCTION IF EXISTS {tile_versions.FLUSH_FUNCTION}()"


class Migration(migrations.Migration):
    dependencies = [("publishing", "0002_flush_function")]

    operations = [
        migrations.RunSQL(
            [OLD, tile_versions.install_sql()], reverse_sql=tile_versions.uninstall_sql()
        ),
    ]
