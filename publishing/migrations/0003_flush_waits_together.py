"""The flush function with the argument take_turns (publishing/tile_versions.py): readers that
find a flush under way wait for it together instead of taking the lock one after the other.

The function without arguments stays, as the old way (taking turns), for app servers of the
previous release that still call it during a rolling deploy; a later release drops it."""

from django.db import migrations

from publishing import tile_versions

NAME = tile_versions.FLUSH_FUNCTION
PREVIOUS = f"""
CREATE OR REPLACE FUNCTION {NAME}() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    PERFORM {NAME}(true);
END $$"""


class Migration(migrations.Migration):
    dependencies = [("publishing", "0002_flush_function")]

    operations = [
        migrations.RunSQL(
            [tile_versions.install_sql(), PREVIOUS],
            # Back at 0002, the function without arguments is the one that release calls.
            reverse_sql=migrations.RunSQL.noop,
        ),
    ]
