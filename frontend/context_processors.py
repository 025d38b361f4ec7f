from django.conf import settings
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from community.selectors import unread_count

# Navigation slots: (label, URL names to try in order). A slot shows only once one of its
# names resolves, so pages other areas add appear in the nav as soon as they are routed.
NAV = (
    (_("Map"), ("frontend:map",)),
    (_("List"), ("frontend:proposal-list",)),
    (_("Planner"), ("frontend:planner",)),
    (_("Clusters"), ("frontend:clusters", "frontend:cluster-list")),
    (_("Review"), ("frontend:review", "frontend:cluster-review", "frontend:round-list")),
)


def _first_url(names):
    for name in names:
        try:
            return reverse(name)
        except NoReverseMatch:
            continue
    return None


def nav_items(path: str) -> list[dict]:
    """The nav entries whose pages exist, with `current` set for the page at `path`."""
    items = []
    for label, names in NAV:
        url = _first_url(names)
        if url is None:
            continue
        current = path == url if url == "/" else path.startswith(url)
        items.append({"label": label, "url": url, "current": current})
    return items


def site(request):
    user = getattr(request, "user", None)
    return {
        "CITY_NAME": settings.CITY_NAME,
        "NAV": nav_items(request.path),
        # The badge on the notices link (one count query on pages of signed-in people).
        "NOTICES_UNREAD": unread_count(user=user) if user is not None else 0,
    }
