"""manage.py layer_imports_recover: the periodic check for layer imports nobody runs any
more (what celery beat runs every LAYER_IMPORT_CHECK_EVERY s), for a cron job instead."""

from django.core.management.base import BaseCommand

from layers.services import layer_imports_recover


class Command(BaseCommand):
    help = "Queue again, or fail, layer imports whose worker is gone (docs/operations.md)."

    def handle(self, *args, **options):
        result = layer_imports_recover()
        self.stdout.write(f"{result['requeued']} queued again, {result['failed']} failed")
