"""manage.py import_layer PATH --name ... --kind zoning|district|other [--zone-field ...]"""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from layers.models import LayerKind
from layers.services import layer_import


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
        effects = report.get("side_effects") or {}
        if effects.get("compatibility_changed"):
            self.stdout.write(
                self.style.WARNING(
                    f"The compatibility of {effects['compatibility_changed']} proposals changed; "
                    f"{effects['now_unknown']} are now unknown until the layer's rules are set."
                )
            )
        if effects.get("district_changed"):
            self.stdout.write(
                self.style.WARNING(
                    f"{effects['district_changed']} proposals now belong to a district of this "
                    "layer (unless a district layer is marked authoritative, the newest decides "
                    "where district layers overlap)."
                )
            )
        plan = report.get("plan")
        if plan:
            status = plan["legal_status_name"] or plan["legal_status"]
            self.stdout.write(
                f"XPlanGML {plan['version']}, {plan['type']} plan: {plan['name']} ({status})"
            )
        if report.get("ignored_files"):
            self.stdout.write("Ignored files in the zip: " + ", ".join(report["ignored_files"]))

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
