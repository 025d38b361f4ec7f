"""Role predicates shared by every app's rules.py, and the one permission check.

Every app names its permissions in its rules.py (`rules.add_perm`) and, next to them,
registers with `add_refusals` the sentence a refused person is told, saying who may.
Services that write for a person call `require(user, "app.perm", obj)` first thing (after
locking what they lock); page views call it for page-only permissions. Views and pages do
not check write permissions themselves: the PermissionDenied becomes the 403, with the
sentence, in the API (config/api.py) and on pages (Django's handler403).
"""

import rules
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from rest_framework.permissions import SAFE_METHODS, BasePermission, IsAuthenticatedOrReadOnly

from . import roles

is_planner = rules.is_group_member(roles.PLANNER) | rules.is_superuser
is_mediator = rules.is_group_member(roles.MEDIATOR) | rules.is_superuser
is_moderator = rules.is_group_member(roles.MODERATOR) | rules.is_superuser

# What a refused person is told, per permission; filled by each app's rules.py.
REFUSALS: dict[str, str] = {}
DEFAULT_REFUSAL = _("You do not have permission to do this.")


def add_refusals(sentences: dict[str, str]) -> None:
    """Register the sentences of refusal of an app's permissions ({perm: sentence})."""
    REFUSALS.update(sentences)


def require(user, perm: str, obj=None) -> None:
    """Raise PermissionDenied, with the sentence saying who may, unless user has perm on obj.

    user None is the platform itself (a management command, the worker, the demo data),
    which may do everything; a request always passes request.user (AnonymousUser when
    nobody is signed in), never None.
    """
    if user is not None and not user.has_perm(perm, obj):
        raise PermissionDenied(REFUSALS.get(perm, DEFAULT_REFUSAL))


def refuse_before_the_body(perm: str) -> type[BasePermission]:
    """A DRF permission class for endpoints that receive large bodies (file uploads): it
    asks `require` before the body is read, so a refused person costs no parsing. The
    service checks again; this only refuses earlier. Reads (GET, HEAD, OPTIONS) pass."""

    class RefuseBeforeTheBody(IsAuthenticatedOrReadOnly):
        def has_permission(self, request, view):
            if request.method not in SAFE_METHODS:
                require(request.user, perm)
            return super().has_permission(request, view)

    return RefuseBeforeTheBody
