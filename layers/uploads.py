"""Upload safety: decide what a file is from its content, inspect zips before extracting.

`unpack_upload(path, name, workdir)` returns the local path of the dataset to open
(a .gpkg, a .geojson, or the directory a zipped Shapefile was extracted into) and its
format, or raises ValidationError with a reason a person can act on. Nothing here opens
the file with GDAL: by the time GDAL sees it, we know what it is.
"""

import os
import stat
import zipfile
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from . import shapefile, xplanung

GPKG, GEOJSON, SHAPEFILE, XPLANGML = "GPKG", "GeoJSON", "ESRI Shapefile", "GML"
ALLOWED_DRIVERS = (GPKG, GEOJSON, SHAPEFILE, XPLANGML)

ZIP_MAX_ENTRIES = 100
ZIP_MAX_RATIO = 100  # uncompressed / compressed size of one entry
SHAPEFILE_PARTS = {".shp", ".shx", ".dbf", ".prj", ".cpg"}
# Sidecars that GIS programs and WFS downloads write next to a Shapefile: spatial indexes
# (.qix, .sbn, .sbx), metadata (.xml, also .shp.xml; .qmd), schemas (.xsd), old QGIS
# projections (.qpj), styles (.qml, .sld, .lyr), codepage (.cst), attribute copies (.csv)
# and readmes. Skipped, never extracted; anything else (a script, an executable, another
# format) is refused.
ZIP_IGNORED = {
    ".qix", ".sbn", ".sbx", ".xml", ".qmd", ".xsd", ".qpj", ".qml", ".sld", ".lyr", ".cst",
    ".csv", ".txt", ".pdf", ".html", ".htm", ".md",
    # the scanned plans and their world files an XPlanArchiv carries next to its GML
    ".png", ".jpg", ".jpeg", ".tif", ".tiff", ".tfw", ".pgw", ".jgw", ".wld",
}  # fmt: skip

SQLITE_MAGIC = b"SQLite format 3\x00"
GPKG_APPLICATION_IDS = {b"GPKG", b"GP10", b"GP11"}


def _head(path: Path, size: int = 100) -> bytes:
    with open(path, "rb") as f:
        return f.read(size)


def _not_what_it_says(name: str, expected: str) -> ValidationError:
    return ValidationError(
        _("“%(name)s” is not a %(format)s file (its content does not match its name).")
        % {"name": name, "format": expected}
    )


def _check_gpkg(path: Path, name: str) -> None:
    head = _head(path)
    if not head.startswith(SQLITE_MAGIC) or head[68:72] not in GPKG_APPLICATION_IDS:
        raise _not_what_it_says(name, "GeoPackage")


# A GDALG file is JSON too: a GDAL command line ("read /etc/passwd ! ...") that GDAL runs
# when it opens the file. GDAL recognises it by this marker in the file's first bytes.
GDALG_MARKERS = (b"gdal_streamed_alg", b'"command_line"')


def _check_geojson(path: Path, name: str) -> None:
    head = _head(path, 4096).lstrip(b"\xef\xbb\xbf").lstrip()
    if not head.startswith(b"{"):
        raise _not_what_it_says(name, "GeoJSON")
    if any(marker in head for marker in GDALG_MARKERS):
        raise ValidationError(
            _("“%(name)s” is a GDAL pipeline, not GeoJSON data; pipelines are not accepted.")
            % {"name": name}
        )


def check_size(size: int, *, imported_in_request: bool = False) -> None:
    """Refuse a file over LAYER_UPLOAD_MAX_BYTES; with `imported_in_request` (an upload to
    import) and no broker, also one over LAYER_UPLOAD_MAX_BYTES_WITHOUT_BROKER."""
    limit = settings.LAYER_UPLOAD_MAX_BYTES
    if size > limit:
        raise ValidationError(
            _("The file is %(size).1f MB; the limit is %(limit).1f MB.")
            % {"size": size / 1e6, "limit": limit / 1e6}
        )
    if imported_in_request and settings.CELERY_TASK_ALWAYS_EAGER:
        # No broker: the import runs inside the request, which the web server kills after
        # its timeout, leaving no answer. Refuse what a request cannot finish, up front.
        limit = settings.LAYER_UPLOAD_MAX_BYTES_WITHOUT_BROKER
        if size > limit:
            raise ValidationError(
                _(
                    "The file is %(size).1f MB. Without a background worker this server "
                    "imports files up to %(limit).1f MB: split the file, or ask the "
                    "operator to set up a worker (CELERY_BROKER_URL)."
                )
                % {"size": size / 1e6, "limit": limit / 1e6}
            )


def _safe_member_name(info: zipfile.ZipInfo) -> PurePosixPath:
    name = info.filename
    path = PurePosixPath(name)
    if (
        name.startswith(("/", "\\"))
        or "\\" in name
        or ".." in path.parts
        or (len(name) > 1 and name[1] == ":")
        or "\x00" in name
    ):
        raise ValidationError(_("The zip holds an unsafe path: “%(name)s”.") % {"name": name})
    mode = info.external_attr >> 16
    if stat.S_ISLNK(mode):
        raise ValidationError(_("The zip holds a link: “%(name)s”.") % {"name": name})
    if info.flag_bits & 0x1:
        raise ValidationError(_("The zip is encrypted: “%(name)s”.") % {"name": name})
    return path


def _zip_members(
    archive: zipfile.ZipFile, ignored: list[str] | None = None
) -> list[tuple[zipfile.ZipInfo, PurePosixPath]]:
    """The entries worth extracting, after checking every entry of the archive; the
    skipped sidecars' names are appended to `ignored` (for the import report)."""
    infos = archive.infolist()
    if len(infos) > ZIP_MAX_ENTRIES:
        raise ValidationError(
            _("The zip holds %(n)d entries; at most %(max)d are allowed.")
            % {"n": len(infos), "max": ZIP_MAX_ENTRIES}
        )
    total = sum(info.file_size for info in infos)
    max_total = settings.LAYER_UPLOAD_MAX_BYTES * 5
    if total > max_total:
        raise ValidationError(
            _("The zip unpacks to %(size).1f MB; at most %(max).1f MB are allowed.")
            % {"size": total / 1e6, "max": max_total / 1e6}
        )
    members = []
    for info in infos:
        path = _safe_member_name(info)
        if info.is_dir() or path.parts[0] == "__MACOSX" or path.name.startswith("._"):
            continue
        if info.file_size > ZIP_MAX_RATIO * max(info.compress_size, 1):
            raise ValidationError(
                _("“%(name)s” in the zip is compressed suspiciously well (a zip bomb?).")
                % {"name": info.filename}
            )
        suffix = path.suffix.lower()
        if suffix in ZIP_IGNORED:
            if ignored is not None:
                ignored.append(info.filename)
            continue
        if suffix not in SHAPEFILE_PARTS and suffix != ".gml":
            raise ValidationError(
                _(
                    "The zip holds “%(name)s”; a zip may only hold a Shapefile "
                    "(.shp, .shx, .dbf, .prj, .cpg)."
                )
                % {"name": info.filename}
            )
        members.append((info, path))
    return members


def _extract(archive: zipfile.ZipFile, members, target: Path) -> None:
    root = target.resolve()
    for info, path in members:
        dest = (root / Path(*path.parts)).resolve()
        if root not in dest.parents:
            raise ValidationError(_("The zip holds an unsafe path: “%(name)s”.") % {"name": path})
        dest.parent.mkdir(parents=True, exist_ok=True)
        # zipfile stops at the declared size and checks the CRC, so a lying header fails here.
        with archive.open(info) as src, open(dest, "xb") as out:
            while chunk := src.read(1 << 20):
                out.write(chunk)


def _zip_content(members) -> tuple[list[PurePosixPath], str]:
    """The dataset files of the zip (its .shp files, or its one XPlanGML file) and their
    driver: a zip is a Shapefile or an XPlanArchiv, never both."""
    shps = [p for _i, p in members if p.suffix.lower() == ".shp"]
    gmls = [p for _i, p in members if p.suffix.lower() == ".gml"]
    if shps and gmls:
        raise ValidationError(
            _("The zip holds both a Shapefile and an XPlanGML file; upload them one by one.")
        )
    if len(gmls) > 1:
        raise ValidationError(_("An XPlanArchiv zip may hold one XPlanGML file (.gml)."))
    if not shps and not gmls:
        raise ValidationError(_("The zip holds no Shapefile (.shp)."))
    return (shps, SHAPEFILE) if shps else (gmls, XPLANGML)


def _unpack_zip(
    path: Path, name: str, workdir: Path, ignored: list[str] | None = None
) -> tuple[Path, str]:
    if not zipfile.is_zipfile(path):
        raise _not_what_it_says(name, "zip")
    try:
        with zipfile.ZipFile(path) as archive:
            members = _zip_members(archive, ignored)
            datasets, driver = _zip_content(members)
            target = workdir / "unzipped"
            target.mkdir()
            _extract(archive, members, target)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError) as exc:
        raise ValidationError(_("The zip is damaged: %(error)s") % {"error": exc}) from exc
    if driver == XPLANGML:
        gml = target / Path(*datasets[0].parts)
        xplanung.check_file(gml, datasets[0].name)
        return gml, XPLANGML
    for shp in datasets:
        shapefile.check(target / Path(*shp.parts))
    return target, SHAPEFILE


def unpack_upload(
    path: Path, name: str, workdir: Path, *, ignored: list[str] | None = None
) -> tuple[Path, str]:
    """Check an uploaded file and return (dataset path to open, driver name). The names
    of the sidecars skipped in a zip are appended to `ignored` when it is given."""
    path = Path(path)
    if str(path).startswith("/vsi") or not path.is_file() or path.is_symlink():
        raise ValidationError(_("Only local files can be imported."))
    check_size(os.path.getsize(path))
    suffix = Path(name).suffix.lower()
    if suffix == ".gpkg":
        _check_gpkg(path, name)
        return path, GPKG
    if suffix in (".geojson", ".json"):
        _check_geojson(path, name)
        return path, GEOJSON
    if suffix == ".zip":
        return _unpack_zip(path, name, workdir, ignored)
    if suffix == ".gml":
        xplanung.check_file(path, name)
        return path, XPLANGML
    if suffix in SHAPEFILE_PARTS:
        raise ValidationError(
            _("Upload a Shapefile as one .zip holding its .shp, .shx, .dbf and .prj files.")
        )
    raise ValidationError(
        _(
            "“%(name)s” cannot be imported: use a GeoPackage (.gpkg), GeoJSON (.geojson), "
            "a zipped Shapefile (.zip) or an XPlanGML file (.gml, or an XPlanArchiv .zip)."
        )
        % {"name": name}
    )
