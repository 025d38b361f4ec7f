"""Load the demo city Auenstadt from data/auenstadt/ (written by `python -m data.generate`).

    manage.py demo_city [--limit N] [--url http://127.0.0.1:8000] [--reset-passwords]
                        [--language de|en]

Idempotent: run it again and nothing is duplicated. Accounts are matched by username,
layers by name, proposals by (author, title), supports by (proposal, user), comments by
(proposal, author, body). Proposals and comments go through the proposals services, so the
after-write hooks (overlay, clusters) run for each; supports are inserted in bulk, the
counts recomputed in one statement and the hooks run once per proposal whose count changed.

The demo accounts have fixed, published passwords: for a local demo only.
"""

import csv
import json
import time
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.test import override_settings
from django.utils import timezone

from accounts import roles
from accounts.models import User
from basemap.services import basemap_import
from data import rounds
from layers.models import Layer, LayerKind, LayerState
from layers.services import layer_import, zoning_layer_put_in_effect, zoning_rules_import_csv
from negotiations.demo import demo_rounds_create
from proposals import hooks
from proposals.geometry import geometry_from_geojson
from proposals.models import Comment, Proposal, Support
from proposals.services import comment_create, proposal_create
from spatial.models import Cluster
from spatial.services import clusters_recompute

DATA = settings.BASE_DIR / "data" / "auenstadt"

# username, first name, last name, role, superuser. DEMO ONLY: the password is public.
DEMO_ACCOUNTS = [
    ("anna", "Anna", "Schneider", None, False),
    ("paula", "Paula", "Brandt", roles.PLANNER, False),
    ("mehmet", "Mehmet", "Aydın", roles.MEDIATOR, False),
    ("moritz", "Moritz", "Keller", roles.MODERATOR, False),
    ("admin", "Ada", "Admin", None, True),
]
DISTRICTS_LAYER = "Auenstadt districts"
ZONING_LAYER = "Auenstadt zoning plan"
DEMO_ATTRIBUTION = "Base map: generated demo data (Auenstadt is fictitious)"


def demo_password(username: str) -> str:
    return f"{username}-demo"


def _email(username: str) -> str:
    return f"{username}@example.org"  # a reserved domain: no mail reaches anyone


class Command(BaseCommand):
    help = "Load the demo city Auenstadt: accounts, residents, layers, proposals, clusters."

    def add_arguments(self, parser):
        parser.add_argument(
            "--limit", type=int, default=None, help="load only the first N proposals (tests)"
        )
        parser.add_argument(
            "--url", default="http://127.0.0.1:8000", help="where the demo is served (printed)"
        )
        parser.add_argument(
            "--language",
            choices=[code for code, _name in settings.LANGUAGES],
            default=settings.LANGUAGE_CODE,
            help="the language the demo's negotiation rounds are written in (default: the "
            "site's LANGUAGE_CODE); residents' proposals keep their own language",
        )
        parser.add_argument(
            "--reset-passwords",
            action="store_true",
            help="set the demo passwords again on existing demo accounts",
        )

    def handle(self, *, limit, url, reset_passwords, language, **options):
        started = time.monotonic()
        self.step("accounts", lambda: self.load_accounts(reset_passwords))
        self.step("residents", self.load_residents)
        self.step("layers", self.load_layers)
        self.step("basemap", self.load_basemap)
        # The residents are fictional: the notices their comments make are not e-mailed.
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"):
            self.step("proposals", lambda: self.load_proposals(limit))
        self.step("clusters", self.recluster)
        # Keep last among the steps: rounds need the clusters of the loaded proposals.
        self.step("rounds", lambda: demo_rounds_create(language=language, describe=rounds.describe))
        self.print_accounts(url)
        self.stdout.write(f"Demo city loaded in {time.monotonic() - started:.1f} s.")

    def step(self, name: str, load) -> None:
        started = time.monotonic()
        report = load()
        self.stdout.write(f"  {name:<10} {report} ({time.monotonic() - started:.1f} s)")

    # --- base map -------------------------------------------------------------------------

    def load_basemap(self) -> str:
        """The generated streets, addresses, water and parks (data/basemap.py) as the base
        map and gazetteer, through the import a real OpenStreetMap extract takes."""
        version = basemap_import(path=DATA / "basemap.osm", attribution=DEMO_ATTRIBUTION)
        return f"{version.features} features, {version.places} places"

    # --- accounts -------------------------------------------------------------------------

    def load_accounts(self, reset_passwords: bool) -> str:
        groups = {name: Group.objects.get_or_create(name=name)[0] for name in roles.ALL}
        created = 0
        for username, first, last, role, superuser in DEMO_ACCOUNTS:
            user, new = User.objects.get_or_create(
                username=username,
                defaults={"first_name": first, "last_name": last, "email": _email(username)},
            )
            created += new
            user.is_staff = user.is_superuser = superuser
            # Hashing takes about a second each: only for new accounts, or when asked.
            if new or reset_passwords or not user.has_usable_password():
                user.set_password(demo_password(username))
            user.save()
            if role:
                user.groups.add(groups[role])
        return f"{len(DEMO_ACCOUNTS)} demo accounts ({created} new)"

    def load_residents(self) -> str:
        with open(DATA / "residents.csv", encoding="utf-8") as f:
            rows = list(csv.DictReader(f))
        existing = set(User.objects.values_list("username", flat=True))
        new = []
        for row in rows:
            if row["username"] in existing:
                continue
            user = User(
                username=row["username"],
                first_name=row["first_name"],
                last_name=row["last_name"],
                email=_email(row["username"]),
                show_name_publicly=row["show_name_publicly"] == "True",
            )
            user.set_unusable_password()  # residents of the demo do not sign in
            new.append(user)
        User.objects.bulk_create(new)
        hidden = sum(row["show_name_publicly"] != "True" for row in rows)
        return f"{len(rows)} residents, {hidden} hide their name ({len(new)} new)"

    # --- layers ---------------------------------------------------------------------------

    def load_layers(self) -> str:
        planner = User.objects.get(username="paula")
        districts, new_districts = self._layer(
            DISTRICTS_LAYER,
            LayerKind.DISTRICT,
            "districts.geojson",
            name_field="name",
            population_field="population",
            user=planner,
        )
        zoning, new_zoning = self._layer(
            ZONING_LAYER,
            LayerKind.ZONING,
            "zoning.gpkg",
            zone_field="zone_code",
            name_field="zone_name",  # "GR" is explained as "Grünfläche" wherever it shows
            layer_name="zoning",
            user=planner,
        )
        rules = zoning_rules_import_csv(
            layer=zoning, text=(DATA / "zoning_rules.csv").read_text(encoding="utf-8")
        )
        if not zoning.in_effect:  # as a planner would: rules first, then confirm it
            zoning_layer_put_in_effect(layer=zoning, user=planner)
        return (
            f"{districts.feature_count} districts ({'new' if new_districts else 'kept'}), "
            f"{zoning.feature_count} zones ({'new' if new_zoning else 'kept'}), {rules} rules"
        )

    def _layer(self, name, kind, file_name, **options) -> tuple[Layer, bool]:
        layer = Layer.objects.filter(name=name, kind=kind, state=LayerState.DONE).first()
        if layer:
            return layer, False
        return layer_import(path=DATA / file_name, name=name, kind=kind, **options), True

    # --- proposals ------------------------------------------------------------------------

    @transaction.atomic
    def load_proposals(self, limit) -> str:
        with open(DATA / "proposals.geojson", encoding="utf-8") as f:
            every = json.load(f)["features"]
        features = every[:limit]
        users = {u.username: u for u in User.objects.all()}
        proposals = {
            (p.author.username, p.title): p
            for p in Proposal.objects.select_related("author").filter(
                author__username__in={f["properties"]["author"] for f in every}
            )
        }
        in_file = {(f["properties"]["author"], f["properties"]["title"]) for f in every}
        others = len(proposals.keys() - in_file)
        now = timezone.now()
        created = []
        for feature in features:
            props = feature["properties"]
            key = (props["author"], props["title"])
            if key in proposals:
                continue
            proposal = proposal_create(
                author=users[props["author"]],
                kind=props["kind"],
                category=props["category"],
                title=props["title"],
                description=props["description"],
                geom=geometry_from_geojson(feature["geometry"]),
            )
            proposal.created_at = proposal.updated_at = now - timedelta(hours=props["age_hours"])
            proposals[key] = proposal
            created.append(proposal)
        Proposal.objects.bulk_update(created, ["created_at", "updated_at"])
        supports = self._supports(features, proposals, users)
        comments = self._comments(features, proposals, users, now)
        report = (
            f"{len(features)} proposals ({len(created)} new), {supports} supports, "
            f"{comments} comments"
        )
        if others:  # drawn in the app, or loaded from an older version of the demo data
            report += f"; {others} other proposals by demo residents left as they are"
        return report

    def _supports(self, features, proposals, users) -> int:
        rows = [
            Support(
                proposal=proposals[(f["properties"]["author"], f["properties"]["title"])],
                user=users[name],
            )
            for f in features
            for name in f["properties"]["supporters"]
        ]
        Support.objects.bulk_create(rows, ignore_conflicts=True, batch_size=2000)
        ids = [p.pk for p in proposals.values()]
        with connection.cursor() as cursor:
            cursor.execute(
                """WITH counted AS (
                       SELECT p.id, (SELECT count(*) FROM proposals_support s
                                     WHERE s.proposal_id = p.id) AS n
                       FROM proposals_proposal p WHERE p.id = ANY(%s))
                   UPDATE proposals_proposal p SET support_count = counted.n
                   FROM counted WHERE counted.id = p.id AND p.support_count <> counted.n
                   RETURNING p.id""",
                [ids],
            )
            changed = [row[0] for row in cursor.fetchall()]
        # What support_add would have told the other apps, once per proposal.
        for proposal in Proposal.objects.filter(pk__in=changed):
            hooks.run_after_write(proposal=proposal, change="supported")
        return Support.objects.filter(proposal_id__in=ids).count()

    def _comments(self, features, proposals, users, now) -> int:
        ids = [p.pk for p in proposals.values()]
        existing = set(
            Comment.objects.filter(proposal_id__in=ids).values_list(
                "proposal_id", "author__username", "body"
            )
        )
        created = []
        for f in features:
            props = f["properties"]
            proposal = proposals[(props["author"], props["title"])]
            for c in props["comments"]:
                if (proposal.pk, c["author"], c["body"]) in existing:
                    continue
                author = users[c["author"]]
                comment = comment_create(proposal=proposal, author=author, body=c["body"])
                comment.created_at = now - timedelta(hours=c["age_hours"])
                created.append(comment)
        Comment.objects.bulk_update(created, ["created_at"])
        return Comment.objects.filter(proposal_id__in=ids).count()

    def recluster(self) -> str:
        """A full recompute: the same partition the incremental updates reached, checked."""
        result = clusters_recompute()
        contested = Cluster.objects.current().filter(contested=True).count()
        return (
            f"{result.clusters} clusters ({contested} contested) from {result.claims} claims, "
            f"tolerance {result.tolerance:g} m, {result.changed} rewritten"
        )

    # --- report ---------------------------------------------------------------------------

    def print_accounts(self, url: str) -> None:
        self.stdout.write("")
        self.stdout.write(f"Auenstadt is ready at {url}")
        self.stdout.write("Demo accounts (DEMO ONLY: these passwords are public, never use them")
        self.stdout.write("on a server others can reach):")
        self.stdout.write(f"  {'role':<11} {'username':<9} {'password':<14} name")
        for username, first, last, role, superuser in DEMO_ACCOUNTS:
            label = "admin" if superuser else (role or "resident")
            self.stdout.write(
                f"  {label:<11} {username:<9} {demo_password(username):<14} {first} {last}"
            )
        self.stdout.write(f"  Sign in at {url}/accounts/login/ ; the admin is at {url}/admin/")
        self.stdout.write("  (Changed a demo password? `manage.py demo_city --reset-passwords`.)")
