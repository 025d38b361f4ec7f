from tests.layers.conftest import english, media_in_tmp, planner_api, zones_gpkg  # noqa: F401
from tests.publishing.test_proposal_filters import city  # noqa: E402,F401  (zoning + districts)
