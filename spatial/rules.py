"""Permissions of the spatial app as named predicates."""

import rules
from django.utils.translation import gettext_lazy as _

from accounts.rules import add_refusals, is_mediator, is_planner

# Clusters are public to read; the tolerance is set by planners and mediators.
rules.add_perm("spatial.change_analysissettings", is_planner | is_mediator)
add_refusals(
    {
        "spatial.change_analysissettings": _(
            "Only planners and mediators can change the tolerance."
        ),
    }
)
