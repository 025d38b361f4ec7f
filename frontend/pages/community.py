"""Pages of the community app: a person's notices (and how they get them by e-mail), the
one-click unsubscribe, and the moderators' queue of reports.

The preference form and the unsubscribe answer plain form POSTs; the queue's buttons and
every other action go to the API (frontend/static/frontend/community/).
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from accounts.rules import require
from community import selectors, services
from community.mail import user_from_token
from community.models import PHOTOS_PER_ITEM, Delivery
from community.texts import notice_path, notice_text


def pin_context(request, proposal, comments, *, has_photos=True) -> dict:
    """What a pin's page shows of the community app: photos (with upload forms for their
    authors), following, and the comments' photos (set on each comment as .photo_list).
    has_photos False (the pin has none, hidden ones included) skips reading them."""
    user = request.user
    upload_url = reverse("api:proposal-photos", args=[proposal.pk])
    photos, by_comment = [], {}
    if has_photos:
        photos = list(selectors.photo_list(proposal=proposal, user=user))
        by_comment = selectors.comment_photos(proposal=proposal, user=user)
    for comment in comments:
        comment.photo_list = by_comment.get(comment.pk, [])
        comment.can_add_photo = (
            len(comment.photo_list) < PHOTOS_PER_ITEM
            and not comment.is_hidden
            and user.has_perm("community.add_photo", comment)
        )
    can_add_photo = len(photos) < PHOTOS_PER_ITEM and user.has_perm("community.add_photo", proposal)
    return {
        "photos": photos,
        "photo_upload_url": upload_url if can_add_photo else None,
        "comment_photo_upload_url": upload_url,
        "can_hide_photo": user.has_perm("community.hide_photo"),
        "following": selectors.is_following(proposal=proposal, user=user),
    }


@login_required
def notices_page(request):
    user = request.user
    if request.method == "POST":
        try:
            services.mail_preference_set(user=user, delivery=request.POST.get("delivery"))
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("Your choice is saved."))
        return redirect("frontend:notices")
    notices = list(selectors.notice_list(user=user)[:100])
    for notice in notices:
        notice.text = notice_text(notice)
        notice.path = notice_path(notice)
        notice.unread = notice.read_at is None
    services.notices_mark_read(user=user, notice_ids=[n.pk for n in notices])
    context = {
        "notices": notices,
        "delivery": selectors.delivery_of(user),
        "deliveries": Delivery.choices,
    }
    return render(request, "frontend/community/notices.html", context)


@csrf_exempt  # the signed token is the proof; mail programs POST it (RFC 8058) without a form
def unsubscribe_page(request, token):
    """GET shows one button (link checkers that open every link change nothing); POST, from
    that button or from a mail program's own unsubscribe button, stops the e-mails. A
    forged or altered token changes nothing and says so."""
    user = user_from_token(token)
    if user is None:
        return render(request, "frontend/community/unsubscribe.html", {"invalid": True}, status=400)
    done = False
    if request.method == "POST":
        services.mail_preference_set(user=user, delivery=Delivery.NONE)
        done = True
    context = {"done": done, "name": user.public_name, "notices_url": reverse("frontend:notices")}
    return render(request, "frontend/community/unsubscribe.html", context)


@login_required
def reports_page(request):
    require(request.user, "community.moderate_reports")
    context = {"groups": selectors.report_queue(), "counts": selectors.report_counts()}
    return render(request, "frontend/community/reports.html", context)


urlpatterns = [
    path("notices/", notices_page, name="notices"),
    path("notices/unsubscribe/<str:token>/", unsubscribe_page, name="unsubscribe"),
    path("moderation/reports/", reports_page, name="reports"),
]
