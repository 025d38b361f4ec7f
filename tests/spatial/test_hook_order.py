"""The incremental cluster update reads the zoning overlay of the proposal (its contested
verdict depends on it), so the overlay hook must run first whatever order the apps load in."""

import pytest
from django.apps import apps

from core.hooks import Registry
from layers.services import overlay_update_for_proposal
from proposals import hooks
from spatial.services import clusters_update_for_proposal


def test_the_overlay_hook_runs_before_the_cluster_hook():
    fns = [hook.fn for hook in hooks.after_proposal_write.registered()]
    assert fns.index(overlay_update_for_proposal) < fns.index(clusters_update_for_proposal)


@pytest.mark.parametrize("app_order", [["layers", "spatial"], ["spatial", "layers"]])
def test_the_order_does_not_follow_installed_apps(monkeypatch, app_order):
    fresh = Registry("proposals.after_proposal_write")
    monkeypatch.setattr(hooks, "after_proposal_write", fresh)
    for label in app_order:
        apps.get_app_config(label).ready()
    assert [hook.fn for hook in fresh.registered()] == [
        overlay_update_for_proposal,
        clusters_update_for_proposal,
    ]
    assert all(hook.reason for hook in fresh.registered())
