"""Who may do what with layers: planners import, delete and set rules; everybody reads."""

import rules
from django.utils.translation import gettext_lazy as _

from accounts.rules import add_refusals, is_planner

rules.add_perm("layers.view_layer", rules.always_allow)
rules.add_perm("layers.add_layer", is_planner)
rules.add_perm("layers.delete_layer", is_planner)
rules.add_perm("layers.change_zoningrule", is_planner)
rules.add_perm("layers.change_layer", is_planner)  # e.g. choose the authoritative district layer
# Pending, running and failed layers (with their error and report) are for planners.
rules.add_perm("layers.view_unfinished_layer", is_planner)
# The planner page, where layers are imported and zoning rules set.
rules.add_perm("layers.use_planner_page", is_planner)

_PLANNERS = _("Only planners may do this.")
add_refusals(
    {
        "layers.add_layer": _PLANNERS,
        "layers.delete_layer": _PLANNERS,
        "layers.change_zoningrule": _PLANNERS,
        "layers.change_layer": _PLANNERS,
        "layers.use_planner_page": _("The planner page is for planners."),
    }
)
