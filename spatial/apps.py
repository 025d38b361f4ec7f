from django.apps import AppConfig


class SpatialConfig(AppConfig):
    name = "spatial"
