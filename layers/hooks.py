"""What other apps do after the overlay of many proposals changed at once, without layers
importing them: a layer was imported or deleted, or a zoning rule matrix was replaced.

Apps register in their AppConfig.ready(), naming the order and why:

    from layers import hooks
    hooks.after_overlay_bulk_change.register(recluster_after_zoning_change, order=..., reason=...)

Each hook is called as hook() inside the writing transaction. (A single proposal's overlay
follows the proposals hooks instead, see proposals/hooks.py.)

The orders in use (lower runs first):

    10  spatial     recluster_after_zoning_change (the contested verdicts read the new overlay)
    20  publishing  proposal_tiles_after_zoning_change (new versions for every proposal tile)
"""

from core.hooks import Registry

after_overlay_bulk_change = Registry("layers.after_overlay_bulk_change")


def run_after_bulk_change() -> None:
    after_overlay_bulk_change.run()
