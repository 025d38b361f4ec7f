"""Role predicates shared by every app's rules.py."""

import rules

from . import roles

is_planner = rules.is_group_member(roles.PLANNER) | rules.is_superuser
is_mediator = rules.is_group_member(roles.MEDIATOR) | rules.is_superuser
is_moderator = rules.is_group_member(roles.MODERATOR) | rules.is_superuser
