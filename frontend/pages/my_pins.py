"""The signed-in user's own pins (/my-pins/), withdrawn and hidden ones included; a
withdrawn pin can be put back on the map from here."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from proposals import hooks
from proposals.models import Proposal, Status
from proposals.selectors import own_proposal_list
from proposals.services import proposal_reinstate


@login_required
def my_pins_page(request):
    pins = list(own_proposal_list(user=request.user))
    for pin in pins:
        pin.veto = hooks.reinstate_veto(proposal=pin) if pin.status == Status.WITHDRAWN else None
    return render(request, "frontend/proposals/mine.html", {"pins": pins})


@login_required
@require_POST
def reinstate(request, pk):
    proposal = get_object_or_404(Proposal, pk=pk, author=request.user)
    try:
        proposal_reinstate(proposal=proposal, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("“%(title)s” is back on the map.") % {"title": proposal.title})
    return redirect("frontend:my-pins")


urlpatterns = [
    path("my-pins/", my_pins_page, name="my-pins"),
    path("my-pins/<int:pk>/reinstate/", reinstate, name="my-pins-reinstate"),
]
