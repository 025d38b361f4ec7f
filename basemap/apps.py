import weakref

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

# Order in layers.hooks.after_overlay_bulk_change (see layers/hooks.py for the list).
DISTRICTS_ORDER = 20


class BasemapConfig(AppConfig):
    name = "basemap"
    verbose_name = _("Base map")

    def ready(self):
        from django.db.backends.signals import connection_created

        from layers import hooks

        connection_created.connect(set_word_similarity, dispatch_uid="basemap-word-similarity")

        from .services import gazetteer_districts_refresh

        hooks.after_overlay_bulk_change.register(
            gazetteer_districts_refresh,
            order=DISTRICTS_ORDER,
            reason=(
                "A district layer was imported or deleted: the gazetteer's districts follow. "
                "Independent of the reclustering, which it neither reads nor feeds."
            ),
        )


# The server connections that have the setting. With a pool, Django sends connection_created
# each time a request takes a connection from it, not once per server connection.
_configured = weakref.WeakSet()


def set_word_similarity(sender, connection, **kwargs):
    """pg_trgm's threshold for the gazetteer's `%>` (selectors.WORD_SIMILARITY), once per
    server connection, so that a search is one statement (a placeholder setting until pg_trgm
    loads). The setting lasts as long as the session; the pool does not reset it."""
    if connection.vendor != "postgresql" or connection.connection in _configured:
        return
    from .selectors import WORD_SIMILARITY

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT set_config('pg_trgm.word_similarity_threshold', %s, false)",
            [str(WORD_SIMILARITY)],
        )
    _configured.add(connection.connection)
