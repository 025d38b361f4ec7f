import logging
from functools import cache

from django.conf import settings
from django.urls import NoReverseMatch, reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from community.selectors import unread_count
from config.csp import import_map, script_hash

log = logging.getLogger(__name__)

# Navigation slots: (label, URL names to try in order[, permission]). A slot shows only once
# one of its names resolves, so pages other areas add appear in the nav as soon as they are
# routed; a slot with a permission shows only to people who have it (the page checks it too).
NAV = (
    (_("Map"), ("frontend:map",)),
    (_("List"), ("frontend:proposal-list",)),
    (_("Planner"), ("frontend:planner",), "layers.use_planner_page"),
    (_("Clusters"), ("frontend:clusters", "frontend:cluster-list")),
    (
        _("Review"),
        ("frontend:review", "frontend:cluster-review", "frontend:round-list"),
        "negotiations.view_review_queue",
    ),
)


def _first_url(names):
    for name in names:
        try:
            return reverse(name)
        except NoReverseMatch:
            continue
    return None


def nav_items(path: str, user=None) -> list[dict]:
    """The nav entries whose pages exist and that `user` may use (None: only the entries
    open to everybody), with `current` set for the page at `path`."""
    items = []
    for label, names, *perm in NAV:
        if perm and (user is None or not user.has_perm(perm[0])):
            continue
        url = _first_url(names)
        if url is None:
            continue
        current = path == url if url == "/" else path.startswith(url)
        items.append({"label": label, "url": url, "current": current})
    return items


@cache
def _import_map(prefix: str) -> str:
    text = import_map(prefix)
    if script_hash(text) not in settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]["script-src"]:
        # Browsers would refuse it and no page's script would run: say why, once.
        log.error(
            "The import map for static prefix %s is not allowed by the Content-Security-"
            "Policy: served under a sub-path, set FORCE_SCRIPT_NAME to it.",
            prefix,
        )
    return mark_safe(text)  # noqa: S308 (our own JSON, the static prefix from settings)


def site(request):
    user = getattr(request, "user", None)
    return {
        "CITY_NAME": settings.CITY_NAME,
        "IMPORT_MAP": _import_map(settings.STATIC_URL),
        "NAV": nav_items(request.path, user),
        # The badge on the notices link (one count query on pages of signed-in people).
        "NOTICES_UNREAD": unread_count(user=user) if user is not None else 0,
    }
