"""Pages. Each area of the tool keeps its page views in frontend/pages/<area>.py."""

from .pages import clusters, map, planner, proposals, rounds

app_name = "frontend"
urlpatterns = (
    map.urlpatterns
    + proposals.urlpatterns
    + planner.urlpatterns
    + clusters.urlpatterns
    + rounds.urlpatterns
)
