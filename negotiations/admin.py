"""Admin: rounds, outcomes and history for reading. All writes go through the services
(rules, versions, history), so the admin changes nothing here."""

from django.contrib import admin

from .models import HistoryEntry, Option, Outcome, Participant, Resolution, Round


class ReadOnly:
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ParticipantInline(ReadOnly, admin.TabularInline):
    model = Participant
    fk_name = "round"
    fields = ["user", "role", "invited_by", "notified_at"]


class OptionInline(ReadOnly, admin.TabularInline):
    model = Option
    fk_name = "round"
    fields = ["title", "created_by", "version", "updated_at"]


@admin.register(Round)
class RoundAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ["id", "title", "cluster", "number", "state", "opened_at", "closed_at"]
    list_filter = ["state"]
    search_fields = ["title"]
    inlines = [ParticipantInline, OptionInline]


class ResolutionInline(ReadOnly, admin.TabularInline):
    model = Resolution
    fields = ["proposal", "result", "note"]


@admin.register(Outcome)
class OutcomeAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ["round", "chosen_option", "decided_by", "decided_at"]
    inlines = [ResolutionInline]


@admin.register(HistoryEntry)
class HistoryEntryAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ["at", "round", "actor", "action"]
    list_filter = ["action"]
