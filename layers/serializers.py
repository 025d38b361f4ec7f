"""API shapes of the layers app (thin: validation of options, output of rows)."""

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from rest_framework import serializers

from .models import Layer, LayerKind, LayerState


class LayerUploadSerializer(serializers.Serializer):
    file = serializers.FileField(allow_empty_file=False, use_url=False)
    name = serializers.CharField(max_length=200)
    kind = serializers.ChoiceField(choices=LayerKind.choices)
    zone_field = serializers.CharField(max_length=100, required=False, allow_blank=True)
    layer = serializers.CharField(max_length=255, required=False, allow_blank=True)
    population_field = serializers.CharField(max_length=100, required=False, allow_blank=True)
    name_field = serializers.CharField(max_length=100, required=False, allow_blank=True)
    source_srid = serializers.IntegerField(required=False, min_value=1, max_value=999_999)
    confirm_outside = serializers.BooleanField(required=False, default=False)


class LayerInspectSerializer(serializers.Serializer):
    file = serializers.FileField(allow_empty_file=False, use_url=False)


class LayerSerializer(serializers.ModelSerializer):
    legend = serializers.SerializerMethodField()
    urls = serializers.SerializerMethodField()
    waiting = serializers.SerializerMethodField()

    class Meta:
        model = Layer
        fields = [
            "id",
            "name",
            "slug",
            "kind",
            "state",
            "progress",
            "feature_count",
            "source_name",
            "source_layer",
            "source_crs",
            "zone_field",
            "name_field",
            "population_field",
            "authoritative",
            "in_effect",
            "error",
            "created_at",
            "finished_at",
            "legend",
            "urls",
            "waiting",
        ]

    def get_legend(self, layer) -> list[dict]:
        return self.context.get("legends", {}).get(layer.id, [])

    def get_waiting(self, layer) -> str | None:
        """A sentence when no worker has picked the queued import up for a while (none is
        running, or all are busy); null otherwise."""
        if layer.state != LayerState.PENDING or settings.CELERY_TASK_ALWAYS_EAGER:
            return None
        since = layer.progressed_at or layer.created_at
        seconds = int((timezone.now() - since).total_seconds())
        if seconds < settings.LAYER_IMPORT_WAITING_HINT_AFTER:
            return None
        return _(
            "No worker has picked up this import for %(seconds)d s. It starts as soon as a "
            "background worker is free; if this stays, tell the operator that no worker "
            "seems to be running."
        ) % {"seconds": seconds}

    def get_urls(self, layer) -> dict:
        slug = {"slug": layer.slug}
        tile = reverse("api:layer-tile", kwargs={**slug, "z": 0, "x": 0, "y": 0})
        return {
            "detail": reverse("api:layer-detail", kwargs=slug),
            "features": reverse("api:layer-features", kwargs=slug),
            "tiles": tile.replace("/0/0/0.pbf", "/{z}/{x}/{y}.pbf"),
            "rules": reverse("api:layer-rules", kwargs=slug),
            "authoritative": reverse("api:layer-authoritative", kwargs=slug),
            "effects": reverse("api:layer-effects", kwargs=slug),
            "put_in_effect": reverse("api:layer-put-in-effect", kwargs=slug),
        }


class LayerDetailSerializer(LayerSerializer):
    class Meta(LayerSerializer.Meta):
        fields = [*LayerSerializer.Meta.fields, "report"]
