"""XPlanung (XPlanGML 5.x and 6.x): what the file is, the plan it describes, zone codes.

GDAL's GML driver reads the feature classes (BP_Plan, BP_BaugebietsTeilFlaeche,
FP_BebauungsFlaeche, ...) as layers, arcs linearised, without the XPlanung schemas: the
fields are inferred from the file and read as text (GML_FIELDTYPES=ALWAYS_STRING, set in
layers.reading), XLinks are not resolved and nothing is fetched. Before GDAL sees the file,
`check_file` parses it once with expat: it must be well-formed, carry no DTD (no entities,
so no entity expansion or external entities) and be XPlanGML of a supported version.

A zoning layer's zone comes from `besondereArtDerBaulNutzung`, else
`allgArtDerBaulNutzung` (the virtual attribute ZONE_FIELD): its code is the BauNVO
abbreviation ("WA") and its name "WA – Allgemeines Wohngebiet", from the code lists in
xplanung_codes.json (their source is named there).
"""

import json
import re
from functools import cache
from pathlib import Path
from xml.parsers import expat

import numpy as np
import pyogrio
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

ZONE_FIELD = "xplan:artDerBaulNutzung"  # besondere, else allgemeine ArtDerBaulNutzung
BESONDERE, ALLGEMEINE = "besondereArtDerBaulNutzung", "allgArtDerBaulNutzung"
SCHEMA_LOCATION = "http://www.w3.org/2001/XMLSchema-instance schemaLocation"
NAMESPACE = re.compile(r"^http://www\.xplanung\.de/xplangml/(\d+)/(\d+)$")
SUPPORTED_MAJOR = (5, 6)
PLAN_CLASSES = ("BP_Plan", "FP_Plan")
PLAN_DATES = (
    "aufstellungsbeschlussDatum",
    "satzungsbeschlussDatum",
    "inkrafttretensDatum",
    "planbeschlussDatum",
    "wirksamkeitsDatum",
    "untergangsDatum",
    "technHerstellDatum",
)
CODES_FILE = Path(__file__).with_name("xplanung_codes.json")


@cache
def codes() -> dict:
    return json.loads(CODES_FILE.read_text(encoding="utf-8"))


class _Refused(Exception):
    pass


def _refuse_dtd(*_args):
    raise _Refused


def check_file(path: Path, name: str) -> str:
    """Parse the whole file once; return its XPlanGML version ("5.4") or raise a
    ValidationError saying why it is not an XPlanGML file we read."""
    parser = expat.ParserCreate(namespace_separator=" ")
    parser.StartDoctypeDeclHandler = _refuse_dtd
    parser.EntityDeclHandler = _refuse_dtd
    root: list[str] = []
    schemas: list[str] = []

    def start(tag, attrs):
        if not root:
            root.append(tag)
            schemas.extend(attrs.get(SCHEMA_LOCATION, "").split()[1::2])

    parser.StartElementHandler = start
    try:
        with open(path, "rb") as f:
            parser.ParseFile(f)
    except _Refused:
        raise ValidationError(
            _("“%(name)s” declares a DTD or entities; XPlanGML files do not.") % {"name": name}
        ) from None
    except expat.ExpatError as exc:
        raise ValidationError(
            _("“%(name)s” is not well-formed XML: %(error)s") % {"name": name, "error": exc}
        ) from None
    namespace = root[0].split(" ")[0] if root and " " in root[0] else ""
    match = NAMESPACE.match(namespace)
    if not match:
        raise ValidationError(
            _(
                "“%(name)s” is not an XPlanGML file (its root element is not in an XPlanung "
                "namespace http://www.xplanung.de/xplangml/…)."
            )
            % {"name": name}
        )
    local = [location for location in schemas if not location.startswith(("http://", "https://"))]
    if local:  # GDAL would open a local path; a URL it is never allowed to fetch
        raise ValidationError(
            _(
                "“%(name)s” names a local schema file (%(schema)s); XPlanGML names its "
                "schema by URL."
            )
            % {"name": name, "schema": local[0][:200]}
        )
    version = f"{match[1]}.{match[2]}"
    if int(match[1]) not in SUPPORTED_MAJOR:
        raise ValidationError(
            _("XPlanGML %(version)s is not supported; export the plan as XPlanGML 5.x or 6.x.")
            % {"version": version}
        )
    return version


def file_version(path: Path) -> str:
    """The version of a file check_file() accepted (read from its first 64 KB)."""
    with open(path, "rb") as f:  # not the whole file: a plan may be hundreds of MB
        head = f.read(1 << 16).decode("utf-8", errors="replace")
    match = re.search(r"http://www\.xplanung\.de/xplangml/(\d+)/(\d+)", head)
    return f"{match[1]}.{match[2]}" if match else ""


def _text(value) -> str:
    if value is None or (isinstance(value, float) and not np.isfinite(value)):
        return ""
    return str(value).strip()


def plan_info(path: Path, layers: list[str]) -> dict | None:
    """The plan the file describes: name, number, type (BP/FP), legal status, dates."""
    plan_layer = next((name for name in PLAN_CLASSES if name in layers), None)
    if plan_layer is None:
        return None
    _meta, _fids, _geom, values = pyogrio.raw.read(
        str(path), layer=plan_layer, max_features=1, read_geometry=False
    )
    fields = [str(f) for f in _meta["fields"]]
    row = {field: _text(column[0]) for field, column in zip(fields, values, strict=True)}
    kind = plan_layer[:2]
    status = row.get("rechtsstand", "")
    return {
        "version": file_version(path),
        "type": kind,
        "name": row.get("name", ""),
        "number": row.get("nummer", ""),
        "legal_status": status,
        "legal_status_name": codes()[f"{kind}_Rechtsstand"].get(status, ""),
        "dates": {key: row[key][:10] for key in PLAN_DATES if row.get(key)},
    }


def _code_text(value) -> str:
    text = _text(value)
    return text[:-2] if text.endswith(".0") else text


def zone(besondere, allgemeine) -> tuple[str, str]:
    """(zone code, zone name) of one feature: the BauNVO abbreviation and
    "WA – Allgemeines Wohngebiet"; an unknown code stays as it is."""
    for key, value in ((BESONDERE, besondere), (ALLGEMEINE, allgemeine)):
        code = _code_text(value)
        if not code:
            continue
        entry = codes()[key].get(code)
        if entry is None:
            return code, ""
        abbreviation, label = entry
        return abbreviation or label, f"{abbreviation} – {label}" if abbreviation else label
    return "", ""


def zone_columns(columns: dict[str, np.ndarray], n: int) -> tuple[list[str], list[str]]:
    """Zone codes and names of a batch from its ArtDerBaulNutzung columns."""
    empty = [None] * n
    besondere = columns[BESONDERE].tolist() if BESONDERE in columns else empty
    allgemeine = columns[ALLGEMEINE].tolist() if ALLGEMEINE in columns else empty
    pairs = [zone(b, a) for b, a in zip(besondere, allgemeine, strict=True)]
    return [code for code, _name in pairs], [name for _code, name in pairs]


def has_zone(fields: list[str]) -> bool:
    return BESONDERE in fields or ALLGEMEINE in fields
