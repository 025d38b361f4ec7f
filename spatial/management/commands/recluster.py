from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from spatial import triggers
from spatial.services import clusters_recompute

INDEX = "spatial_proposal_analysis_geom"


class Command(BaseCommand):
    help = "Recompute all clusters from the active proposals (ids stay stable)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--tolerance", type=float, help="metres (default: the stored analysis setting)"
        )
        parser.add_argument(
            "--refresh",
            action="store_true",
            help="also rebuild statistics and verdicts of unchanged clusters "
            "(after zoning rules or the overlay changed)",
        )
        parser.add_argument(
            "--reindex",
            action="store_true",
            help="rebuild the analysis-CRS index and claim geometries first "
            "(after changing ANALYSIS_SRID)",
        )

    def handle(self, *args, tolerance=None, reindex=False, refresh=False, **options):
        if tolerance is not None and not 0 <= tolerance <= 1000:
            raise CommandError("--tolerance must be between 0 and 1000 metres.")
        if reindex:
            with connection.cursor() as cur:
                cur.execute(f"DROP INDEX IF EXISTS {INDEX}")
                cur.execute(
                    f"CREATE INDEX {INDEX} ON proposals_proposal USING gist "
                    f"(ST_Transform(geom, {int(settings.ANALYSIS_SRID)})) WHERE status = 'active'"
                )
                for statement in triggers.rebuild_sql(
                    settings.ANALYSIS_SRID
                ) + triggers.install_sql(settings.ANALYSIS_SRID):
                    cur.execute(statement)
        result = clusters_recompute(tolerance=tolerance, refresh=refresh)
        timings = ", ".join(f"{k} {v:.2f} s" for k, v in result.seconds.items())
        self.stdout.write(
            f"{result.clusters} clusters from {result.claims} claims "
            f"(tolerance {result.tolerance:g} m, {result.changed} rewritten; {timings})"
        )
