from tests.layers.conftest import english, media_in_tmp, planner_api, zones_gpkg  # noqa: F401
