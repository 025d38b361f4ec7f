from django import forms
from django.contrib import admin, messages
from django.contrib.admin.helpers import ActionForm
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from leaflet.admin import LeafletGeoAdmin

from . import services
from .models import Comment, Proposal, Status


class ModerationActionForm(ActionForm):
    reason = forms.CharField(label=_("Reason (for hiding)"), required=False, max_length=2_000)


@admin.register(Proposal)
class ProposalAdmin(LeafletGeoAdmin):
    list_display = ("title", "kind", "category", "status", "author", "support_count", "created_at")
    list_filter = ("status", "kind", "category")
    search_fields = ("title", "description", "author__username")
    readonly_fields = ("author", "support_count", "comment_count", "created_at", "updated_at")
    action_form = ModerationActionForm
    actions = ["hide_selected", "restore_selected"]

    @admin.action(description=_("Hide selected proposals (give a reason)"))
    def hide_selected(self, request, queryset):
        reason = request.POST.get("reason", "").strip()
        if not reason:
            self.message_user(request, _("Give a reason for hiding."), messages.ERROR)
            return
        done = 0
        for proposal in queryset.exclude(status=Status.WITHDRAWN):
            services.proposal_hide(proposal=proposal, moderator=request.user, reason=reason)
            done += 1
        self.message_user(request, _("%(n)d proposals hidden.") % {"n": done})

    @admin.action(description=_("Restore selected hidden proposals"))
    def restore_selected(self, request, queryset):
        done = 0
        for proposal in queryset.filter(status=Status.HIDDEN):
            try:
                services.proposal_restore(proposal=proposal, user=request.user)
            except ValidationError:
                continue
            done += 1
        self.message_user(request, _("%(n)d proposals restored.") % {"n": done})


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    list_display = ("proposal", "author", "created_at")
    search_fields = ("body", "author__username")
    raw_id_fields = ("proposal",)
    readonly_fields = ("author", "created_at")
