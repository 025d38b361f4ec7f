from rest_framework import serializers

from .models import AnalysisSettings


class AnalysisSettingsSerializer(serializers.ModelSerializer):
    class Meta:
        model = AnalysisSettings
        fields = ["cluster_tolerance_m", "updated_at"]
        read_only_fields = ["updated_at"]


class AnalysisSettingsInputSerializer(serializers.Serializer):
    cluster_tolerance_m = serializers.FloatField(min_value=0, max_value=1000)
