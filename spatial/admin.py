from django.contrib.admin import EmptyFieldListFilter
from django.contrib.gis import admin

from .models import AnalysisSettings, Cluster, ClusterMember


class MemberInline(admin.TabularInline):
    model = ClusterMember
    raw_id_fields = ["proposal"]
    extra = 0


@admin.register(Cluster)
class ClusterAdmin(admin.GISModelAdmin):
    list_display = ["id", "contested", "score", "claim_count", "author_count", "dissolved_at"]
    list_filter = ["contested", ("dissolved_at", EmptyFieldListFilter)]
    readonly_fields = [f.name for f in Cluster._meta.fields]
    inlines = [MemberInline]


@admin.register(AnalysisSettings)
class AnalysisSettingsAdmin(admin.ModelAdmin):
    list_display = ["cluster_tolerance_m", "updated_at", "updated_by"]
    readonly_fields = ["updated_at", "updated_by"]

    def has_add_permission(self, request):
        return False  # the one row is created on first use (AnalysisSettings.load)

    def save_model(self, request, obj, form, change):
        from .services import analysis_settings_update

        analysis_settings_update(user=request.user, cluster_tolerance_m=obj.cluster_tolerance_m)
