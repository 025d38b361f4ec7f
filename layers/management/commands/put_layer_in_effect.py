"""manage.py put_layer_in_effect SLUG [--yes]: confirm a zoning layer that waits, after
showing how many proposals' verdicts it changes."""

import sys

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from layers.models import Layer
from layers.services import zoning_layer_effects, zoning_layer_put_in_effect


def describe_changes(effects: dict, *, done: bool) -> list[str]:
    """Sentences about overlay changes (overlay.overlay_preview_in_effect or
    overlay_refresh_counting_changes): what changed (`done`) or would change."""
    if not effects:
        return []
    lines = []
    changed = effects.get("compatibility_changed", 0)
    verb = "changed" if done else "would change"  # a district
    if done and changed:
        lines.append(f"The verdict of {changed} proposals changed:")
    elif not done:
        lines.append(
            f"Putting it into effect would change the verdict of {changed} of the "
            f"{effects.get('proposals', 0)} live proposals on the layer:"
        )
    if changed or not done:
        lines += [
            f"  {t['count']} from {t['from']} to {t['to']}" for t in effects.get("transitions", [])
        ]
        if effects.get("now_unknown"):
            lines.append(
                f"  ({effects['now_unknown']} to unknown: the layer has no rule for their "
                "zone and category)"
            )
    if effects.get("district_changed"):
        lines.append(f"{effects['district_changed']} proposals' district {verb}.")
    return lines


class Command(BaseCommand):
    help = (
        "Put a zoning layer into effect (the overlay uses it from then on), after showing "
        "how many proposals' verdicts it changes."
    )

    def add_arguments(self, parser):
        parser.add_argument("slug")
        parser.add_argument("--yes", "--confirm", action="store_true", dest="yes")

    def handle(self, *args, **options):
        layer = Layer.objects.filter(slug=options["slug"]).first()
        if layer is None:
            raise CommandError(f"No layer “{options['slug']}”.")
        try:
            for line in describe_changes(zoning_layer_effects(layer=layer), done=False):
                self.stdout.write(line)
            if not options["yes"]:
                if not sys.stdin.isatty():
                    raise CommandError("Not confirmed: run again with --yes.")
                if input("Put it into effect now? [y/N] ").strip().lower() not in ("y", "yes"):
                    raise CommandError("Not confirmed; nothing changed.")
            changes = zoning_layer_put_in_effect(layer=layer)
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from exc
        self.stdout.write(self.style.SUCCESS(f"“{layer.slug}” is in effect."))
        for line in describe_changes(changes, done=True):
            self.stdout.write(line)
