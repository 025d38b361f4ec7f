"""Generate the demo city Auenstadt into data/auenstadt/ (deterministic, no network).

    .venv/bin/python -m data.generate [--out DIR]

Writes districts.geojson (EPSG:4326, name + population), zoning.gpkg (layer "zoning" in
EPSG:25833: zone_code, zone_name, plan), zoning_rules.csv (zone_code,category,verdict),
residents.csv and proposals.geojson (EPSG:4326; properties kind, category, title, description,
lang, author, hotspot, age_hours, supporters, comments). Two runs write byte-identical files.
"""

import argparse
import csv
import io
import json
import random
from pathlib import Path

import geopandas
import pyogrio
import shapely

from . import basemap, city, claims, hotspots, texts

SEED = 20260
OUT = Path(__file__).resolve().parent / "auenstadt"
# GeoPackages record when they were written; pin it so the file is reproducible.
GPKG_TIMESTAMP = "2026-01-01T00:00:00Z"


def _rounded(obj, digits: int):
    if isinstance(obj, float):
        return round(obj, digits)
    if isinstance(obj, list | tuple):
        return [_rounded(v, digits) for v in obj]
    return obj


def _geojson_geometry(geom) -> dict:
    geom = city.to_lonlat(geom)
    mapping = shapely.geometry.mapping(geom)
    return {"type": mapping["type"], "coordinates": _rounded(mapping["coordinates"], 6)}


def _feature_collection(features: list[dict]) -> str:
    """One feature per line: small diffs when the generator changes."""
    lines = [json.dumps(f, ensure_ascii=False, separators=(",", ":")) for f in features]
    return '{"type":"FeatureCollection","features":[\n' + ",\n".join(lines) + "\n]}\n"


def districts_geojson(districts) -> str:
    return _feature_collection(
        [
            {
                "type": "Feature",
                "properties": {"name": d.name, "population": d.population},
                "geometry": _geojson_geometry(d.geom),
            }
            for d in districts
        ]
    )


def proposals_geojson(items: list[dict]) -> str:
    features = []
    for i, c in enumerate(items, start=1):
        props = {"key": f"AU-{i:04d}"}
        props.update(
            {
                k: c[k]
                for k in (
                    "kind",
                    "category",
                    "title",
                    "description",
                    "lang",
                    "author",
                    "hotspot",
                    "age_hours",
                    "supporters",
                    "comments",
                )
            }
        )
        features.append(
            {"type": "Feature", "properties": props, "geometry": _geojson_geometry(c["geom"])}
        )
    return _feature_collection(features)


def _csv(header: list[str], rows) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buf.getvalue()


def rules_csv() -> str:
    rows = [
        (code, category, verdict)
        for code, verdicts in texts.RULES.items()
        for category, verdict in zip(texts.CATEGORIES, verdicts, strict=True)
    ]
    return _csv(["zone_code", "category", "verdict"], rows)


def residents_csv(people: list[dict]) -> str:
    header = ["username", "first_name", "last_name", "show_name_publicly"]
    return _csv(header, [[p[h] for h in header] for p in people])


def write_zoning(zones, path: Path) -> None:
    frame = geopandas.GeoDataFrame(
        {
            "zone_code": [z.code for z in zones],
            "zone_name": [texts.ZONES[z.code] for z in zones],
            "plan": [z.plan for z in zones],
        },
        geometry=[z.geom for z in zones],
        crs=f"EPSG:{city.SRID}",
    )
    path.unlink(missing_ok=True)
    pyogrio.set_gdal_config_options({"OGR_CURRENT_DATE": GPKG_TIMESTAMP})
    try:
        pyogrio.write_dataframe(frame, path, layer="zoning", driver="GPKG")
    finally:
        pyogrio.set_gdal_config_options({"OGR_CURRENT_DATE": None})


def generate(out: Path = OUT) -> list[Path]:
    rng = random.Random(SEED)
    out.mkdir(parents=True, exist_ok=True)
    districts = city.districts()
    zones = hotspots.zoned(city.zones(rng))
    people = claims.residents(rng)
    items = claims.proposals(rng, people, districts)
    claims.reactions(items, people, rng)
    files = {
        "districts.geojson": districts_geojson(districts),
        "zoning_rules.csv": rules_csv(),
        "residents.csv": residents_csv(people),
        "proposals.geojson": proposals_geojson(items),
        "basemap.osm": basemap.basemap_osm(),
    }
    for name, text in files.items():
        (out / name).write_text(text, encoding="utf-8")
    write_zoning(zones, out / "zoning.gpkg")
    return [out / name for name in [*files, "zoning.gpkg"]]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT, help=f"directory (default {OUT})")
    for path in generate(parser.parse_args().out):
        print(f"{path}  {path.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main()
