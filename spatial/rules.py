"""Permissions of the spatial app as named predicates."""

import rules

from accounts.rules import is_mediator, is_planner

# Clusters are public to read; the tolerance is set by planners and mediators.
rules.add_perm("spatial.change_analysissettings", is_planner | is_mediator)
