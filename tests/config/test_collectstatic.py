"""Static files as a server stores them (DEBUG off: hashed, compressed, with a manifest
that every page needs, docs/operations.md). A vendored build that names a source map it
does not ship must not fail `collectstatic` (config/storage.py)."""

from pathlib import Path

from django.core.files.storage import FileSystemStorage

from config.storage import StaticFilesStorage

ROOT = Path(__file__).resolve().parents[2]
VENDORED = "vendor/protomaps-leaflet/protomaps-leaflet.js"


def test_a_vendored_file_naming_a_missing_source_map_is_hashed_and_compressed(tmp_path):
    source_dir = ROOT / "frontend" / "static"
    assert "sourceMappingURL=protomaps-leaflet.js.map" in (source_dir / VENDORED).read_text()
    assert not (source_dir / VENDORED).with_suffix(".js.map").exists()
    storage = StaticFilesStorage(location=tmp_path / "root")
    storage.save(VENDORED, (source_dir / VENDORED).open("rb"))

    results = list(storage.post_process({VENDORED: (FileSystemStorage(source_dir), VENDORED)}))

    assert not [r for r in results if isinstance(r[2], Exception)], results
    hashed = storage.hashed_files[VENDORED]
    assert hashed != VENDORED and (tmp_path / "root" / f"{hashed}.gz").exists()
