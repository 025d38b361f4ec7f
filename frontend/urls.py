"""Pages. Each area of the tool keeps its page views in frontend/pages/<area>.py."""

from .pages import clusters, community, legal, my_pins, planner, proposals, rounds, zoning
from .pages import map as map_page

app_name = "frontend"
urlpatterns = (
    map_page.urlpatterns
    + proposals.urlpatterns
    + planner.urlpatterns
    + clusters.urlpatterns
    + rounds.urlpatterns
    + my_pins.urlpatterns
    + legal.urlpatterns
    + community.urlpatterns
    + zoning.urlpatterns
)
