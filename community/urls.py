from django.urls import path

from . import api

# Included under /api/ with the namespace "api" (config/urls.py).
urlpatterns = [
    path("proposals/<int:pk>/photos/", api.ProposalPhotosView.as_view(), name="proposal-photos"),
    path("proposals/<int:pk>/follow/", api.FollowView.as_view(), name="proposal-follow"),
    path("photos/<int:pk>/", api.PhotoDetailView.as_view(), name="photo-detail"),
    path("photos/<int:pk>/hide/", api.PhotoHideView.as_view(), name="photo-hide"),
    path(
        "photos/<int:pk>/<str:variant>.jpg",
        api.PhotoImageView.as_view(),
        name="photo-image",
    ),
    path("notices/", api.NoticeListView.as_view(), name="notice-list"),
    path("notices/read/", api.NoticeReadView.as_view(), name="notice-read"),
    path("notices/preference/", api.PreferenceView.as_view(), name="notice-preference"),
    path("reports/", api.ReportListView.as_view(), name="report-list"),
    path("reports/<int:pk>/decide/", api.ReportDecideView.as_view(), name="report-decide"),
]
