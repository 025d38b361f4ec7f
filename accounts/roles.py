"""The role groups. A user's roles are the groups they belong to."""

PLANNER = "planner"
MEDIATOR = "mediator"
MODERATOR = "moderator"
ALL = (PLANNER, MEDIATOR, MODERATOR)
