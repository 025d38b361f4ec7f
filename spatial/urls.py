from django.urls import path

from . import api

urlpatterns = [
    path("clusters/", api.ClusterListView.as_view(), name="cluster-list"),
    path("clusters/<int:pk>/", api.ClusterDetailView.as_view(), name="cluster-detail"),
    path("analysis-settings/", api.AnalysisSettingsView.as_view(), name="analysis-settings"),
]
