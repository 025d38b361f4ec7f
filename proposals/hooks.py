"""What other apps do after a proposal changes, without proposals importing them.

Apps register in their AppConfig.ready():

    from proposals import hooks
    hooks.after_proposal_write.append(overlay_update_for_proposal)

Each hook is called as hook(proposal=..., change=...) inside the writing transaction,
where change is "created", "updated" (geometry, category or kind may have changed),
"withdrawn", "hidden" or "restored"; or "supported" (support_count changed) or "commented"
(comment_count changed), which leave geometry, category and kind alone. Ignore the changes
you do not care about. A hook that raises rolls the write back.
"""

from collections.abc import Callable

after_proposal_write: list[Callable] = []


def run_after_write(*, proposal, change: str) -> None:
    for hook in after_proposal_write:
        hook(proposal=proposal, change=change)
