"""Who may do what with the base map: planners import it; everybody reads and searches it."""

import rules
from django.utils.translation import gettext_lazy as _

from accounts.rules import add_refusals, is_planner

rules.add_perm("basemap.import_basemap", is_planner)

add_refusals({"basemap.import_basemap": _("Only planners may import the base map.")})
