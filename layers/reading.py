"""Reading GIS files with pyogrio (its bundled GDAL), network access off.

Only paths that `layers.uploads` has checked come here; this module adds the GDAL side:
the driver GDAL actually picked must be one we allow, and every layer must say its CRS.
"""

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pyogrio
import pyogrio.raw
import pyproj
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.utils.translation import gettext as _

from .uploads import ALLOWED_DRIVERS

# Any HTTP request GDAL might attempt goes to a closed local port and fails at once;
# PROJ never downloads grids; GeoPackage triggers and views may not call OGR SQL functions.
pyogrio.set_gdal_config_options(
    {
        "GDAL_HTTP_PROXY": "127.0.0.1:9",
        "GDAL_HTTP_TIMEOUT": "1",
        "GDAL_HTTP_MAX_RETRY": "0",
        "CPL_VSIL_CURL_ALLOWED_EXTENSIONS": ".invalid-no-network",
        "GDAL_DISABLE_READDIR_ON_OPEN": "EMPTY_DIR",
        "PROJ_NETWORK": "OFF",
        "ALLOW_OGR_SQL_FUNCTIONS_FROM_TRIGGER_AND_VIEW": "NO",
        # XPlanGML (GML driver): no schema is fetched (fields are inferred from the file
        # and read as text, so code-list values stay "1200"), XLinks are not resolved.
        # GDAL writes its .gfs next to the file, which is always in a private work folder.
        "GML_FIELDTYPES": "ALWAYS_STRING",
        "GML_SKIP_RESOLVE_ELEMS": "ALL",
        "GML_DOWNLOAD_WFS_SCHEMA": "NO",
    }
)

# Registered drivers that would run or follow what a file says (see GDAL_SKIPPED_DRIVERS).
UNSAFE_DRIVERS = {"GDALG", "VRT", "OGR_VRT"} & set(pyogrio.list_drivers())

BATCH_SIZE = 10_000  # small enough that reading and COPY overlap well


@dataclass
class LayerInfo:
    name: str
    driver: str
    crs: str | None
    geometry_type: str
    fields: list[str]
    count: int


def gdal_path(path: Path, driver: str | None = None) -> str:
    """The name GDAL opens: a local file only, and `driver` (what layers.uploads found the
    content to be) must be an allowed one. GDAL then picks the driver itself: GDALG and VRT,
    which would run or follow what the file says, are not registered (GDAL_SKIP in the
    settings), and the driver it picked is checked again in layer_info()."""
    text = str(path)
    if text.startswith("/vsi") or "://" in text or not Path(text).exists():
        raise ValidationError(_("Only local files can be imported."))
    if UNSAFE_DRIVERS:  # pyogrio was imported before the settings: fail closed
        raise ImproperlyConfigured(
            f"GDAL drivers {sorted(UNSAFE_DRIVERS)} are registered; import pyogrio only "
            "after the settings (config/settings/base.py keeps them out)."
        )
    if driver is not None and driver not in ALLOWED_DRIVERS:
        raise ValidationError(
            _("Files read by the %(driver)s driver are not accepted.") % {"driver": driver}
        )
    return text


def _gdal_error(exc: Exception, path: Path) -> ValidationError:
    # GDAL names the file by its path on the server (a private temporary folder): name it
    # by its own name instead, which is what the person uploading it knows.
    error = str(exc).replace(f"'{path}'", str(path)).replace(str(path), f"“{path.name}”")
    return ValidationError(_("GDAL cannot read the file: %(error)s") % {"error": error})


def list_layers(path: Path, *, driver: str | None = None) -> list[str]:
    """The layer names of the file; `driver` (from layers.uploads.unpack_upload) is the only
    driver GDAL may open it with."""
    try:
        return [str(row[0]) for row in pyogrio.list_layers(gdal_path(path, driver))]
    except (pyogrio.errors.DataSourceError, pyogrio.errors.DataLayerError) as exc:
        raise _gdal_error(exc, path) from exc


def layer_info(path: Path, layer: str | None = None, *, driver: str | None = None) -> LayerInfo:
    """Describe one layer of the file; with several layers, `layer` must name one."""
    names = list_layers(path, driver=driver)
    if layer is None:
        if len(names) != 1:
            raise ValidationError(
                _("The file holds %(n)d layers (%(names)s): choose one.")
                % {"n": len(names), "names": ", ".join(names)}
            )
        layer = names[0]
    elif layer not in names:
        raise ValidationError(
            _("The file has no layer “%(layer)s”; its layers are: %(names)s.")
            % {"layer": layer, "names": ", ".join(names)}
        )
    try:
        info = pyogrio.read_info(gdal_path(path, driver), layer=layer, force_feature_count=True)
    except (pyogrio.errors.DataSourceError, pyogrio.errors.DataLayerError) as exc:
        raise _gdal_error(exc, path) from exc
    if info["driver"] not in ALLOWED_DRIVERS:
        raise ValidationError(
            _("Files read by the %(driver)s driver are not accepted.") % {"driver": info["driver"]}
        )
    return LayerInfo(
        name=layer,
        driver=info["driver"],
        crs=info["crs"],
        geometry_type=info["geometry_type"] or "Unknown",
        fields=[str(f) for f in info["fields"]],
        count=int(info["features"]),
    )


def crs_label(crs: str) -> str:
    """A short name for a CRS: "EPSG:25833", or the CRS's own name."""
    parsed = pyproj.CRS.from_user_input(crs)
    epsg = parsed.to_epsg()
    return f"EPSG:{epsg}" if epsg else parsed.name[:255]


def source_crs(info: LayerInfo, source_srid: int | None) -> str:
    if source_srid:
        try:
            pyproj.CRS.from_epsg(source_srid)
        except pyproj.exceptions.CRSError as exc:
            raise ValidationError(
                _("EPSG:%(srid)s is not a known CRS.") % {"srid": source_srid}
            ) from exc
        return f"EPSG:{source_srid}"
    if not info.crs:
        raise ValidationError(
            _(
                "The layer does not say its coordinate reference system (a Shapefile needs "
                "its .prj file). Give the EPSG code of the data as source_srid."
            )
        )
    return info.crs


def read_batches(
    path: Path,
    *,
    layer: str,
    columns: list[str],
    batch_size: int = BATCH_SIZE,
    driver: str | None = None,
) -> Iterator[tuple[np.ndarray, dict[str, np.ndarray]]]:
    """Yield (WKB array, {field: values}) for batches of the layer, in file order."""
    skip = 0
    while True:
        try:
            meta, _fids, wkb, fields = pyogrio.raw.read(
                gdal_path(path, driver),
                layer=layer,
                columns=columns,
                force_2d=True,
                skip_features=skip,
                max_features=batch_size,
            )
        except (pyogrio.errors.DataSourceError, pyogrio.errors.DataLayerError) as exc:
            raise _gdal_error(exc, path) from exc
        if wkb is None or len(wkb) == 0:
            return
        yield wkb, dict(zip((str(f) for f in meta["fields"]), fields, strict=True))
        skip += len(wkb)
        if len(wkb) < batch_size:
            return
