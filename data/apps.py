from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DataConfig(AppConfig):
    """The demo city: its generator (python -m data.generate) and `manage.py demo_city`."""

    name = "data"
    verbose_name = _("Demo city")
