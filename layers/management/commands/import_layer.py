"""manage.py import_layer PATH --name ... --kind zoning|district|other [--zone-field ...]
[--yes]"""

import sys

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from layers.models import LayerKind
from layers.services import layer_import, zoning_layer_put_in_effect

from .put_layer_in_effect import describe_changes


class Command(BaseCommand):
    help = (
        "Import a GeoPackage, GeoJSON, zipped Shapefile or XPlanGML plan (.gml or XPlanArchiv "
        "zip; --layer names the feature class, --zone-field xplan:artDerBaulNutzung makes the "
        "zone from ArtDerBaulNutzung) as a layer (all or nothing)."
    )

    def add_arguments(self, parser):
        parser.add_argument("path")
        parser.add_argument("--name", required=True)
        parser.add_argument("--kind", required=True, choices=LayerKind.values)
        parser.add_argument("--zone-field")
        parser.add_argument("--layer", help="the layer inside a multi-layer file")
        parser.add_argument("--population-field")
        parser.add_argument("--name-field")
        parser.add_argument("--source-srid", type=int, help="EPSG code when the file has no CRS")
        parser.add_argument(
            "--confirm-outside",
            action="store_true",
            help="import a layer that lies mostly outside the city (refused otherwise)",
        )
        parser.add_argument(
            "--yes",
            "--confirm",
            action="store_true",
            dest="yes",
            help="put a zoning layer into effect at once, without showing first how many "
            "proposals' verdicts it changes (without it the command asks, or, when not run "
            "in a terminal, leaves the layer waiting for confirmation)",
        )
        parser.add_argument("--no-progress", action="store_true")

    def handle(self, *args, **options):
        bar = None

        def on_progress(done: int, total: int) -> None:
            nonlocal bar
            if options["no_progress"]:
                return
            if bar is None:
                bar = tqdm(total=total, unit="features", desc=options["name"])
            bar.update(done - bar.n)

        try:
            layer = layer_import(
                path=options["path"],
                name=options["name"],
                kind=options["kind"],
                zone_field=options["zone_field"],
                layer_name=options["layer"],
                population_field=options["population_field"],
                name_field=options["name_field"],
                source_srid=options["source_srid"],
                confirm_outside=options["confirm_outside"],
                in_effect=options["yes"],
                on_progress=on_progress,
            )
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from exc
        finally:
            if bar is not None:
                bar.close()
        report = layer.report
        self.stdout.write(
            self.style.SUCCESS(
                f"Imported {report['imported']} of {report['read']} features into layer "
                f"“{layer.slug}” ({report['repaired']} repaired, {report['refused']} refused)."
            )
        )
        for refusal in report["refusals"][:20]:
            self.stdout.write(f"  feature {refusal['feature']}: {refusal['reason']}")
        self._write_location(report)
        self._write_side_effects(layer, report.get("side_effects") or {})
        plan = report.get("plan")
        if plan:
            status = plan["legal_status_name"] or plan["legal_status"]
            self.stdout.write(
                f"XPlanGML {plan['version']}, {plan['type']} plan: {plan['name']} ({status})"
            )
        if report.get("ignored_files"):
            self.stdout.write("Ignored files in the zip: " + ", ".join(report["ignored_files"]))
        if not layer.in_effect:
            self._confirm(layer, report.get("pending_effects") or {})

    def _write_side_effects(self, layer, effects: dict) -> None:
        for line in describe_changes(effects, done=True):
            self.stdout.write(self.style.WARNING(line))
        if layer.kind == LayerKind.DISTRICT:
            self.stdout.write(
                "This layer decides the districts."
                if layer.authoritative
                else "Another district layer decides the districts; to let this one decide, "
                "use its button on the planner page (or POST "
                f"/api/layers/{layer.slug}/authoritative/)."
            )

    def _confirm(self, layer, pending: dict) -> None:
        """A zoning layer waits: show what it would change and ask (in a terminal)."""
        self.stdout.write(
            self.style.WARNING(
                f"The zoning layer “{layer.slug}” is imported but not in effect yet."
            )
        )
        for line in describe_changes(pending, done=False):
            self.stdout.write(line)
        answer = ""
        if sys.stdin.isatty():
            answer = input("Put it into effect now? [y/N] ").strip().lower()
        if answer in ("y", "yes", "j", "ja"):
            changes = zoning_layer_put_in_effect(layer=layer)
            self.stdout.write(self.style.SUCCESS(f"“{layer.slug}” is in effect."))
            for line in describe_changes(changes, done=True):
                self.stdout.write(self.style.WARNING(line))
            return
        self.stdout.write(
            "Set its rules first if you like, then confirm it on the planner page, with "
            f"`manage.py put_layer_in_effect {layer.slug}`, or POST "
            f"/api/layers/{layer.slug}/in-effect/."
        )

    def _write_location(self, report: dict) -> None:
        """Where the layer landed: the features outside the city's bounds, and the
        coordinate check's sentence when most of the layer lies outside."""
        if report.get("outside_city"):
            self.stdout.write(
                self.style.WARNING(
                    f"{report['outside_city']} of {report['imported']} features lie outside "
                    "the city's bounds."
                )
            )
        where = report.get("location") or {}
        if where.get("message"):
            self.stdout.write(self.style.WARNING(f"Coordinate check: {where['message']}."))
