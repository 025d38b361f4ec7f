"""Pages. Each area of the tool keeps its page views in frontend/pages/<area>.py."""

from .pages import clusters, planner, proposals, rounds, zoning
from .pages import map as map_page

app_name = "frontend"
urlpatterns = (
    map_page.urlpatterns
    + proposals.urlpatterns
    + planner.urlpatterns
    + clusters.urlpatterns
    + rounds.urlpatterns
    + zoning.urlpatterns
)
