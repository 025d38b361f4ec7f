"""Only drawn claims cluster: the trigger keeps spatial_claimgeometry to active proposals
of the drawn scope (docs/adr/0008-claim-scope.md); refilled once from the proposals."""

from django.conf import settings
from django.db import migrations

from spatial import triggers


class Migration(migrations.Migration):

    dependencies = [
        ('proposals', '0004_claim_scope'),
        ('spatial', '0004_derived_tables'),
    ]

    operations = [
        migrations.RunSQL(
            triggers.install_sql(settings.ANALYSIS_SRID),
            reverse_sql=triggers.install_sql(
                settings.ANALYSIS_SRID, triggers.CLUSTERED_BEFORE_SCOPES
            ),
        ),
        migrations.RunSQL(triggers.refill_sql(settings.ANALYSIS_SRID), migrations.RunSQL.noop),
    ]
