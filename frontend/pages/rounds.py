"""Pages of the negotiation rounds: review queue, round page, outcome report.

Writes go through plain forms (POST, then redirect) into negotiations.services; the map
and drawing are progressive enhancements (frontend/static/frontend/rounds/).
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.models import User
from accounts.rules import require
from negotiations import forms, selectors, services
from negotiations.models import Option, Round, Stance

from .map import base_map_config, categories
from .shared import shared_when_anonymous


def _messages_of(exc: ValidationError) -> list[str]:
    return exc.messages


def _action_labels() -> dict:
    return {
        "created": _("created the round"),
        "opened": _("opened the round and invited the authors"),
        "updated": _("changed the round"),
        "invited": _("invited a participant"),
        "option_added": _("added an option"),
        "option_updated": _("revised an option"),
        "option_carried": _("carried an option over from the previous round"),
        "position_set": _("gave a position"),
        "closed": _("closed the round with an outcome"),
        "continued": _("started the next round"),
        "claims_added": _("added claims that joined the cluster and invited their authors"),
    }


def _labelled(entries):
    labels, stances = _action_labels(), dict(Stance.choices)
    entries = list(entries)
    for entry in entries:
        entry.label = labels.get(entry.action, entry.action)
        entry.stance_label = stances.get(entry.payload.get("stance"), "")
    return entries


# --- Review queue ----------------------------------------------------------------------


@login_required
def review_page(request):
    require(request.user, "negotiations.view_review_queue")
    clusters = selectors.review_queue()
    config = {
        "palette": categories(),
        "clusters": {str(c.pk): c.map_data for c in clusters},
        "base": base_map_config(),
    }
    return render(
        request,
        "frontend/rounds/review.html",
        {
            "clusters": clusters,
            "config": config,
            "can_open": request.user.has_perm("negotiations.open_round"),
            "open_form": forms.OpenRoundForm(),
        },
    )


@require_POST
@login_required
def round_open_page(request, cluster_pk):
    from spatial.models import Cluster

    cluster = get_object_or_404(Cluster, pk=cluster_pk)
    form = forms.OpenRoundForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Please check the title and deadline."))
        return redirect("frontend:review")
    try:
        negotiation_round = services.round_open(
            cluster=cluster,
            mediator=request.user,
            title=form.cleaned_data["title"],
            deadline=form.cleaned_data["deadline"],
        )
    except services.ClaimsInOpenRound as exc:
        messages.error(request, exc.messages[0])
        return redirect("frontend:round-detail", exc.round.pk)
    except ValidationError as exc:
        for message in _messages_of(exc):
            messages.error(request, message)
        return redirect("frontend:review")
    messages.success(request, _("The round is open and the authors have been invited."))
    return redirect("frontend:round-detail", negotiation_round.pk)


# --- Round page ------------------------------------------------------------------------


def _visible_round(request, pk) -> Round:
    return get_object_or_404(
        selectors.round_list(user=request.user).select_related("previous"), pk=pk
    )


def _render_round(request, negotiation_round, *, close_form=None, option_form=None, status=200):
    user = request.user
    participant = selectors.participant_of(negotiation_round, user)
    claims = list(negotiation_round.claims.order_by("id"))
    can = {
        "add_option": user.has_perm("negotiations.add_option", negotiation_round),
        "set_position": user.has_perm("negotiations.set_position", negotiation_round),
        "close": user.has_perm("negotiations.close_round", negotiation_round),
        "next": user.has_perm("negotiations.next_round", negotiation_round),
        "invite": user.has_perm("negotiations.invite_participant", negotiation_round),
        "consent": user.has_perm("negotiations.view_consent_matrix", negotiation_round),
        "history": user.has_perm("negotiations.view_history", negotiation_round),
    }
    options = selectors.round_options(negotiation_round, for_user=user)
    for option in options:
        mine = option.my_position
        option.position_form = forms.PositionForm(
            initial={"stance": mine.stance, "reason": mine.reason} if mine else None,
            prefix=f"o{option.pk}",
        )
    if can["close"] and close_form is None:
        close_form = forms.CloseForm(
            negotiation_round=negotiation_round,
            claims=claims,
            initial={"version": negotiation_round.version},
        )
    map_data = selectors.round_map_data(negotiation_round)
    config = {
        **map_data,
        "palette": categories(),
        "draw": can["add_option"],
        "base": base_map_config(),
    }
    context = {
        "round": negotiation_round,
        "claims": claims,
        "participant": participant,
        "participants": selectors.round_participants(negotiation_round) if can["history"] else [],
        "options": options,
        "can": can,
        "changes": selectors.round_changes(negotiation_round),
        "outcome": selectors.round_outcome(negotiation_round),
        "matrix": selectors.consent_matrix(negotiation_round) if can["consent"] else None,
        "history": _labelled(selectors.round_history(negotiation_round)) if can["history"] else [],
        "close_form": close_form,
        "option_form": option_form or forms.OptionForm(),
        "invite_form": forms.InviteForm(),
        "version_form": forms.VersionForm(initial={"version": negotiation_round.version}),
        "config": config,
    }
    return render(request, "frontend/rounds/round.html", context, status=status)


@shared_when_anonymous
def round_page(request, pk):
    return _render_round(request, _visible_round(request, pk))


def _back(negotiation_round) -> str:
    return reverse("frontend:round-detail", args=[negotiation_round.pk])


def _report_errors(request, exc: ValidationError):
    for message in _messages_of(exc):
        messages.error(request, message)


@require_POST
@login_required
def round_position_page(request, pk, option_pk):
    negotiation_round = _visible_round(request, pk)
    option = get_object_or_404(Option, round=negotiation_round, pk=option_pk)
    form = forms.PositionForm(request.POST, prefix=f"o{option.pk}")
    if not form.is_valid():
        messages.error(request, _("Choose support, can live with or object."))
        return redirect(_back(negotiation_round) + f"#option-{option.pk}")
    try:
        services.position_set(option=option, user=request.user, **form.cleaned_data)
    except ValidationError as exc:
        _report_errors(request, exc)
    else:
        messages.success(request, _("Your position on “%(title)s” is saved.") % {"title": option})
    return redirect(_back(negotiation_round) + f"#option-{option.pk}")


@require_POST
@login_required
def round_option_add_page(request, pk):
    negotiation_round = _visible_round(request, pk)
    form = forms.OptionForm(request.POST)
    if form.is_valid():
        try:
            services.option_add(
                negotiation_round=negotiation_round, user=request.user, **form.cleaned_data
            )
        except ValidationError as exc:
            form.add_error(None, exc.messages)
        else:
            messages.success(request, _("The option is added."))
            return redirect(_back(negotiation_round) + "#options")
    return _render_round(request, negotiation_round, option_form=form, status=400)


@require_POST
@login_required
def round_invite_page(request, pk):
    negotiation_round = _visible_round(request, pk)
    form = forms.InviteForm(request.POST)
    user = None
    if form.is_valid():
        user = User.objects.filter(username=form.cleaned_data["username"], is_active=True).first()
    if user is None:
        messages.error(request, _("There is no user with this username."))
        return redirect(_back(negotiation_round) + "#participants")
    services.participant_invite(
        negotiation_round=negotiation_round, mediator=request.user, user=user
    )
    messages.success(request, _("%(name)s is invited.") % {"name": user.public_name})
    return redirect(_back(negotiation_round) + "#participants")


@require_POST
@login_required
def round_close_page(request, pk):
    negotiation_round = _visible_round(request, pk)
    claims = list(negotiation_round.claims.order_by("id"))
    form = forms.CloseForm(request.POST, negotiation_round=negotiation_round, claims=claims)
    if not form.is_valid():
        return _render_round(request, negotiation_round, close_form=form, status=400)
    chosen = form.cleaned_data["chosen_option"]
    try:
        services.round_close(
            negotiation_round=negotiation_round,
            mediator=request.user,
            summary=form.cleaned_data["summary"],
            chosen_option=negotiation_round.options.filter(pk=chosen).first() if chosen else None,
            resolutions=form.resolutions(),
            expected_version=form.cleaned_data["version"],
        )
    except services.VersionConflict as exc:
        # Keep what the mediator typed; show the round as it is now.
        negotiation_round.refresh_from_db()
        form.add_error(None, str(exc))
        return _render_round(request, negotiation_round, close_form=form, status=409)
    except ValidationError as exc:
        form.add_error(None, exc.messages)
        return _render_round(request, negotiation_round, close_form=form, status=400)
    messages.success(request, _("The round is closed and its outcome recorded."))
    return redirect(_back(negotiation_round))


@require_POST
@login_required
def round_next_page(request, pk):
    negotiation_round = _visible_round(request, pk)
    form = forms.VersionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Reload the page and try again."))
        return redirect(_back(negotiation_round))
    try:
        new = services.round_next(
            negotiation_round=negotiation_round,
            mediator=request.user,
            expected_version=form.cleaned_data["version"],
        )
    except services.VersionConflict as exc:
        messages.error(request, str(exc))
        return redirect(_back(negotiation_round))
    messages.success(request, _("Round %(n)s is open with the options copied.") % {"n": new.number})
    return redirect("frontend:round-detail", new.pk)


def round_report(request, pk):
    negotiation_round = _visible_round(request, pk)
    outcome = selectors.round_outcome(negotiation_round)
    if outcome is None:
        raise Http404(_("This round has no outcome yet."))
    return render(
        request,
        "frontend/rounds/report.html",
        {
            "round": negotiation_round,
            "outcome": outcome,
            "options": selectors.round_options(negotiation_round),
            "participants": selectors.round_participants(negotiation_round),
            "matrix": selectors.consent_matrix(negotiation_round),
            "cluster": negotiation_round.cluster,
        },
    )


urlpatterns = [
    path("review/", review_page, name="review"),
    path("review/<int:cluster_pk>/open/", round_open_page, name="round-open"),
    path("rounds/<int:pk>/", round_page, name="round-detail"),
    path("rounds/<int:pk>/report/", round_report, name="round-report"),
    path(
        "rounds/<int:pk>/options/<int:option_pk>/position/",
        round_position_page,
        name="round-position",
    ),
    path("rounds/<int:pk>/options/", round_option_add_page, name="round-option-add"),
    path("rounds/<int:pk>/invite/", round_invite_page, name="round-invite"),
    path("rounds/<int:pk>/close/", round_close_page, name="round-close"),
    path("rounds/<int:pk>/next/", round_next_page, name="round-next"),
]
