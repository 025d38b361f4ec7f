from django.contrib import admin

from .models import Layer, ZoningRule


class ZoningRuleInline(admin.TabularInline):
    model = ZoningRule
    extra = 0


@admin.register(Layer)
class LayerAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "kind", "state", "feature_count", "created_at"]
    list_filter = ["kind", "state"]
    readonly_fields = [
        "state",
        "progress",
        "feature_count",
        "report",
        "error",
        "source_name",
        "source_layer",
        "source_crs",
        "upload",
        "created_by",
        "created_at",
        "finished_at",
    ]
    inlines = [ZoningRuleInline]

    def delete_model(self, request, obj):
        from .services import layer_delete

        layer_delete(layer=obj, user=request.user)

    def delete_queryset(self, request, queryset):
        for layer in queryset:
            self.delete_model(request, layer)
