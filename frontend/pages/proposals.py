"""The list of pins (/proposals/) and one pin's page (/proposals/<id>/), server-rendered.

Both read through the map's filters and selectors (proposals and publishing), so the list
shows what the map shows. Actions on a pin's page (support, comment, edit, withdraw, hide)
go to the API.
"""

import json
from functools import cached_property, partial

from django.core.exceptions import ValidationError
from django.core.paginator import Page, Paginator
from django.http import Http404
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import path, reverse
from django.utils.formats import number_format
from django.utils.http import urlencode
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from proposals.models import Status, Support
from proposals.selectors import comment_list, proposal_get, proposal_list, with_author_name
from publishing.filters import MAP_FILTERS
from publishing.selectors import map_proposal_list, overlay_properties

from .cached import PinRows, cached, cached_each, pin_rows, versions
from .community import pin_context
from .map import api_query, categories, filter_state, map_config
from .shared import shared_when_anonymous
from .zoning import compatibility_labels, proposal_zoning, usable_layers

PAGE_SIZE = 25


# The list counts the matching pins up to this many; beyond, it says "more than" and pages
# on without a last page number. Counting every pin of a large city after every write (the
# list is built again after nearly each one at a peak) grew with the city: 8 ms at 20,000
# pins, the database's busiest statement under load.
COUNT_CAP = 1_000


class _ListPaginator(Paginator):
    """Pages of the list that count at most COUNT_CAP + 1 matching pins, without the joins
    and columns the cards need (the author's name, the overlay)."""

    def __init__(self, object_list, per_page, *, counted):
        super().__init__(object_list, per_page)
        self._counted = counted

    @cached_property
    def count(self) -> int:
        return self._counted.order_by()[: COUNT_CAP + 1].count()

    @cached_property
    def exact(self) -> bool:
        return self.count <= COUNT_CAP

    def validate_number(self, number):
        if self.exact:
            return super().validate_number(number)
        try:
            number = int(number)
        except (TypeError, ValueError):
            number = 1
        return max(number, 1)

    def page(self, number):
        """A page; beyond the count, one with a next page when one more pin follows."""
        number = self.validate_number(number)
        if self.exact:
            return super().page(number)
        bottom = (number - 1) * self.per_page
        rows = list(self.object_list[bottom : bottom + self.per_page + 1])
        if not rows and number > 1:
            return self.page(1)  # past the end (an old link): the first page
        page = _OpenPage(rows[: self.per_page], number, self)
        page.more = len(rows) > self.per_page
        return page


class _OpenPage(Page):
    """A page of a list counted only up to COUNT_CAP: it knows whether another follows."""

    more = False

    def has_next(self) -> bool:
        return self.more

    def end_index(self) -> int:
        return (self.number - 1) * self.paginator.per_page + len(self.object_list)


def _results(filters, user, query) -> str:
    """The list's results (count, cards, pages) as HTML; `filters` None: no results."""
    if filters is None:
        matching = proposal_list().none()
    else:
        matching = map_proposal_list(**filters, user=user)
    # The cards read what they show (CARD_FIELDS), not the geometry or the description.
    proposals = (
        with_author_name(matching)
        .annotate(**overlay_properties())
        .select_related(None)
        .only(*CARD_COLUMNS)
    )
    paginator = _ListPaginator(proposals, PAGE_SIZE, counted=matching)
    page = paginator.get_page(query.get("page"))
    others = query.copy()
    others.pop("page", None)
    context = {
        "page": page,
        "cards": _cards(list(page)),
        "errors": filters is None,
        "query": others.urlencode(),
        "cap": number_format(COUNT_CAP, force_grouping=True),
    }
    return render_to_string("frontend/proposals/_results.html", context)


# What a card shows (with the language): its key in the cache.
CARD_FIELDS = (
    "pk", "kind", "category", "title", "author_name", "created_at", "support_count",
    "comment_count", "compatibility", "district_name",
)  # fmt: skip
# The proposal's own columns among them (the others are annotations).
CARD_COLUMNS = ("id", "kind", "category", "title", "created_at", "support_count", "comment_count")


def _cards(proposals) -> list[str]:
    """The proposals' cards in the list, each from the cache under what it shows, so a card
    renders again only when something on it changed."""
    colours = {c["value"]: c["colour"] for c in categories()}
    compatibilities = compatibility_labels()

    def card(proposal) -> str:
        proposal.colour = colours.get(proposal.category)
        proposal.compatibility_label = compatibilities.get(proposal.compatibility, "")
        return render_to_string("frontend/proposals/_card.html", {"proposal": proposal})

    def shown(proposal) -> tuple:
        return tuple(getattr(proposal, field) for field in CARD_FIELDS)

    return [mark_safe(html) for html in cached_each("list-card", proposals, shown, card)]  # noqa: S308


@shared_when_anonymous
def proposal_list_page(request):
    errors = []
    try:
        filters = MAP_FILTERS.read(request.GET)
    except ValidationError as exc:
        errors = [message for messages in exc.message_dict.values() for message in messages]
        filters = None
    query, user = request.GET, request.user
    if errors:
        results = _results(filters, user, query)
    else:
        # The same query string shows everybody the same results, except "only my pins".
        v = versions(request)
        parts = (
            v.proposals,
            v.layers,
            sorted(query.lists()),
            user.pk if "author" in filters else None,
        )
        results = cached("list-results", parts, lambda: _results(filters, user, query))
    context = {
        "results": mark_safe(results),  # noqa: S308 (rendered from our template)
        "errors": errors,
        "filters": filter_state(request),
        "map_query": urlencode(api_query(request.GET)),
    }
    return render(request, "frontend/proposals/list.html", context, status=400 if errors else 200)


def _detail_context(request, proposal, rows: PinRows) -> dict:
    user, pk = request.user, proposal.pk
    signed_in = user.is_authenticated
    supported = signed_in and Support.objects.filter(proposal=proposal, user=user).exists()
    config = map_config(request)
    config["pin"] = {
        "id": proposal.pk,
        "kind": proposal.kind,
        "category": proposal.category,
        "geometry": _geojson(proposal),
    }
    config["urls"].update(
        detail=reverse("api:proposal-detail", args=[pk]),
        support=reverse("api:proposal-support", args=[pk]),
        comments=reverse("api:proposal-comments", args=[pk]),
        hide=reverse("api:proposal-hide", args=[pk]),
        restore=reverse("api:proposal-restore", args=[pk]),
        map=reverse("frontend:map"),
    )
    is_active = proposal.status == Status.ACTIVE
    comments = list(comment_list(proposal=proposal)) if rows.comments else []
    context = {
        "proposal": proposal,
        "category_label": proposal.get_category_display(),
        "kind_label": proposal.get_kind_display(),
        "colour": next(c["colour"] for c in categories() if c["value"] == proposal.category),
        "comments": comments,
        "supported": supported,
        "can_support": user.has_perm("proposals.add_support", proposal),
        "can_comment": user.has_perm("proposals.add_comment", proposal),
        "can_edit": _can_edit(user, proposal),
        "can_withdraw": is_active and user.has_perm("proposals.delete_proposal", proposal),
        "can_hide": is_active and user.has_perm("proposals.hide_proposal", proposal),
        "can_restore": user.has_perm("proposals.restore_proposal", proposal),
        "is_active": is_active,
        "filters": filter_state(request),
        "config": config,
        "map_view": _map_view(proposal),
        "zoning": proposal_zoning(proposal, usable_layers(request)),
        "has_negotiations": rows.negotiations,
        **pin_context(request, proposal, comments, has_photos=rows.photos),
    }
    return context


def _detail_body(request, proposal, rows: PinRows) -> str:
    context = _detail_context(request, proposal, rows)
    return render_to_string("frontend/proposals/_detail.html", context, request=request)


@shared_when_anonymous
def proposal_detail_page(request, pk):
    user = request.user
    proposal = proposal_get(proposal_id=pk, user=user)
    if proposal is None:
        raise Http404(_("No such proposal (or it is no longer public)."))
    rows = pin_rows(pk)
    if user.is_authenticated:
        body, can_edit = _detail_body(request, proposal, rows), _can_edit(user, proposal)
    else:
        # Every anonymous viewer sees the same page of a pin: cached under the versions of
        # everything it shows (the map config in it: the layers' and the base map's).
        v = versions(request)
        key = (pk, rows.version, v.layers, v.basemap)
        build = partial(_detail_body, request, proposal, rows)
        body, can_edit = cached("pin-page", key, build), False
    context = {"proposal": proposal, "can_edit": can_edit, "body": mark_safe(body)}  # noqa: S308
    return render(request, "frontend/proposals/detail.html", context)


def _can_edit(user, proposal) -> bool:
    return proposal.status == Status.ACTIVE and user.has_perm("proposals.change_proposal", proposal)


def _map_view(proposal) -> str:
    """The main map's address fragment (#zoom/lat/lon) centred on the pin."""
    point = proposal.geom.point_on_surface
    return f"#16/{point.y:.5f}/{point.x:.5f}"


def _geojson(proposal) -> dict:
    return json.loads(proposal.geom.json)


urlpatterns = [
    path("proposals/", proposal_list_page, name="proposal-list"),
    path("proposals/<int:pk>/", proposal_detail_page, name="proposal-detail"),
]
