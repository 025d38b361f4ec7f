"""History entries are append-only: the database refuses UPDATE and DELETE on them.

TRUNCATE (used by test database flushes) is not affected.
"""

from django.db import migrations

FORWARD = """
CREATE FUNCTION negotiations_history_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'negotiation history is append-only: % refused', TG_OP
        USING ERRCODE = 'integrity_constraint_violation';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER negotiations_history_append_only
    BEFORE UPDATE OR DELETE ON negotiations_historyentry
    FOR EACH ROW EXECUTE FUNCTION negotiations_history_append_only();
"""

BACKWARD = """
DROP TRIGGER IF EXISTS negotiations_history_append_only ON negotiations_historyentry;
DROP FUNCTION IF EXISTS negotiations_history_append_only();
"""


class Migration(migrations.Migration):
    dependencies = [("negotiations", "0001_rounds")]

    operations = [migrations.RunSQL(FORWARD, BACKWARD)]
