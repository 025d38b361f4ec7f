"""What other apps do after a proposal changes, without proposals importing them.

Apps register in their AppConfig.ready(), naming the order and why:

    from proposals import hooks
    hooks.after_proposal_write.register(overlay_update_for_proposal, order=..., reason=...)

Each hook is called as hook(proposal=..., change=...) inside the writing transaction,
where change is "created", "updated" (geometry, category or kind may have changed),
"withdrawn", "hidden" or "restored"; or "supported" (support_count changed) or "commented"
(comment_count changed), which leave geometry, category and kind alone. Ignore the changes
you do not care about. A hook that raises rolls the write back.

The orders in use (lower runs first):

    10  layers   overlay_update_for_proposal  (the proposal's zoning overlay)
    20  spatial  clusters_update_for_proposal (reads the overlay for the contested verdict)
"""

from core.hooks import Registry

after_proposal_write = Registry("proposals.after_proposal_write")


def run_after_write(*, proposal, change: str) -> None:
    after_proposal_write.run(proposal=proposal, change=change)
