from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublishingConfig(AppConfig):
    """What the platform publishes: the map read model of proposals (with their overlay),
    exports and OGC API Features. It may read every app below it; nothing below reads it."""

    name = "publishing"
    verbose_name = _("Publishing")
