"""Import an OpenStreetMap extract of the city as the base map and the gazetteer.

    manage.py import_basemap city.osm.pbf [--attribution "© OpenStreetMap contributors"]

Replaces the previous base map as a whole; what lies outside CITY_BBOX is left out.
"""

from django.core.management.base import BaseCommand, CommandError

from basemap.osm import OSM_ATTRIBUTION
from basemap.services import BasemapImportError, basemap_import


class Command(BaseCommand):
    help = "Import an OpenStreetMap extract (.osm.pbf or .osm) as the base map and gazetteer."

    def add_arguments(self, parser):
        parser.add_argument("path", help="the extract: .osm.pbf (Geofabrik, BBBike) or .osm XML")
        parser.add_argument(
            "--attribution",
            default=OSM_ATTRIBUTION,
            help="the line the map shows under the base map (the data's licence asks for it)",
        )

    def handle(self, *, path, attribution, **options):
        try:
            version = basemap_import(path=path, attribution=attribution)
        except BasemapImportError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Base map version {version.pk}: {version.features} features, "
            f"{version.places} places from {version.source}."
        )
