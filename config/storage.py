"""Static files storage: WhiteNoise's compressed, hashed files, without rewriting source-map
comments. Vendored builds (protomaps-leaflet) end in `//# sourceMappingURL=….map` for a map
they do not ship; Django's manifest storage would fail `collectstatic` on it, and with
DEBUG off every page needs that manifest. Source maps are a developer's aid: a browser
that asks for a missing one gets a 404 and nothing else changes."""

from django.contrib.staticfiles.storage import ManifestStaticFilesStorage
from whitenoise.storage import CompressedManifestStaticFilesStorage


def _without_source_maps(patterns):
    def keep(pattern) -> bool:
        regex = pattern if isinstance(pattern, str) else pattern[0]
        return "sourceMappingURL" not in regex

    return tuple(
        (extension, tuple(p for p in rules if keep(p)))
        for extension, rules in patterns
        if any(keep(p) for p in rules)
    )


class StaticFilesStorage(CompressedManifestStaticFilesStorage):
    patterns = _without_source_maps(ManifestStaticFilesStorage.patterns)
