"""What other apps do after a proposal changes, and what they tell proposals about the city,
without proposals importing them.

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
    30  community  after_proposal_write       (follows of new pins, notices to followers)
    40  spatial  clusters_update_for_proposal (reads the overlay for the contested verdict;
                                              last: it holds the cluster lock to the commit)

The city's outline and its districts come from the district layer, which proposals cannot
read. A provider registers in `outline_providers` a function
`provider(*, district_id=None)`: called without a district it answers the city outline,
called with one it answers that district's outline; each as a GEOSGeometry in EPSG:4326, or
None when it has no district layer (or no such district). The first provider (by order)
that answers something wins:

    10  layers   district_outline             (the union of the usable district layers)

An author may put a withdrawn pin back on the map (services.proposal_reinstate) unless an
app above holds it. A veto registers in `reinstate_vetoes` a function
`veto(*, proposal)` that answers None, or the sentence telling the author why not; the
first sentence (by order) is the answer:

    10  negotiations  closed_round_veto      (a closed round decided on the pin)
"""

from core.hooks import Registry

after_proposal_write = Registry("proposals.after_proposal_write")
outline_providers = Registry("proposals.outline_providers")
reinstate_vetoes = Registry("proposals.reinstate_vetoes")


def run_after_write(*, proposal, change: str) -> None:
    after_proposal_write.run(proposal=proposal, change=change)


def _first_answer(**kwargs):
    for hook in outline_providers.registered():
        answer = hook.fn(**kwargs)
        if answer is not None:
            return answer
    return None


def city_outline():
    """The union of the districts (GEOSGeometry, EPSG:4326), or None without a district layer."""
    return _first_answer(district_id=None)


def district_outline(district_id: int):
    """One district's outline (GEOSGeometry, EPSG:4326), or None when there is no such one."""
    return _first_answer(district_id=int(district_id))


def reinstate_veto(*, proposal) -> str | None:
    """Why the author may not put `proposal` back on the map, or None."""
    for hook in reinstate_vetoes.registered():
        sentence = hook.fn(proposal=proposal)
        if sentence:
            return sentence
    return None
