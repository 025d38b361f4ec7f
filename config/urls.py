from csp.constants import UNSAFE_INLINE
from csp.decorators import csp_update
from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.views.i18n import JavaScriptCatalog
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from accounts import views as accounts_views
from accounts.api import TokenCreateView, TokenDetailView, TokenListView
from publishing import ogc

api_patterns = [
    path("auth/token/", TokenCreateView.as_view(), name="token"),
    path("auth/tokens/", TokenListView.as_view(), name="token-list"),
    path("auth/tokens/<str:token_key>/", TokenDetailView.as_view(), name="token-detail"),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    # Swagger UI's page has one inline <style>; its script is a file (the split view).
    path(
        "docs/",
        csp_update({"style-src-elem": [UNSAFE_INLINE]})(
            SpectacularSwaggerSplitView.as_view(url_name="api:schema")
        ),
        name="docs",
    ),
    path("", include("publishing.urls")),
    path("", include("proposals.urls")),
    path("", include("layers.urls")),
    path("export/", include("publishing.export_urls")),
    path("", include("layers.participation_urls")),
    path("", include("spatial.urls")),
    path("", include("negotiations.urls")),
    path("", include("community.urls")),
]

urlpatterns = [
    path("api/", include((api_patterns, "api"))),
    # QGIS does not follow APPEND_SLASH's relative redirect: /ogc is the landing page too.
    path("ogc", ogc.landing, name="ogc-landing"),
    path("ogc/", include("publishing.ogc_urls")),
    path("i18n/setlang/", accounts_views.set_language, name="set_language"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
    path("admin/", admin.site.urls),
    path("accounts/login/", accounts_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("accounts/", include("accounts.urls")),
    path("", include("frontend.urls")),
]

# Under /api/ and /ogc/ errors Django answers itself (unknown path, 500) come back as JSON.
handler400 = "config.api.bad_request"
handler403 = "config.api.permission_denied"
handler404 = "config.api.page_not_found"
handler500 = "config.api.server_error"

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
