"""What other apps do after the overlay of many proposals changed at once, without layers
importing them: a layer was imported or deleted, or a zoning rule matrix was replaced.

Apps register in their AppConfig.ready():

    from layers import hooks
    hooks.after_overlay_bulk_change.append(clusters_refresh_after_zoning_change)

Each hook is called as hook() inside the writing transaction. (A single proposal's overlay
follows the proposals hooks instead, see proposals/hooks.py.)
"""

from collections.abc import Callable

after_overlay_bulk_change: list[Callable] = []


def run_after_bulk_change() -> None:
    for hook in after_overlay_bulk_change:
        hook()
