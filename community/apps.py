from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunityConfig(AppConfig):
    name = "community"
    verbose_name = _("Community")

    def ready(self):
        from django.conf import settings
        from django.db.models.signals import post_delete
        from PIL import Image

        from . import hooks, privacy
        from .models import Photo
        from .services import photo_files_follow_the_row

        # Pillow refuses to open images above this many pixels (DecompressionBombError at
        # twice the number, a warning above it, which community.images turns into a refusal).
        Image.MAX_IMAGE_PIXELS = settings.PHOTO_MAX_PIXELS
        hooks.register()
        privacy.register()
        post_delete.connect(photo_files_follow_the_row, sender=Photo, dispatch_uid="photo-files")
