"""Writes to proposals. Each runs in one transaction and calls the after-write hooks in it.

Each checks the permission of the person it acts for first, with accounts.rules.require
(docs/architecture.md, "Permissions"), then the state the write needs (a withdrawn pin
cannot be supported, a hide needs a reason).
"""

from contextlib import contextmanager

from django.conf import settings
from django.contrib.gis.geos import Polygon
from django.core.exceptions import ValidationError
from django.db import IntegrityError, router, transaction
from django.db.models import F
from django.db.models.deletion import Collector, ProtectedError, RestrictedError
from django.db.models.functions import Greatest
from django.utils.translation import gettext as _

from accounts.rules import require

from . import hooks
from .geometry import claim_place_check
from .models import Category, Comment, Kind, Proposal, Scope, Status, Support

EDITABLE_FIELDS = ("kind", "category", "title", "description", "geom")


def clean_text(
    value: str, field: str, *, required: bool, max_length: int, missing: str | None = None
) -> str:
    """The text stripped, or a ValidationError on `field`: empty when required (`missing`
    says what to write), longer than max_length, or holding a NUL (PostgreSQL refuses it)."""
    value = (value or "").strip()
    if required and not value:
        raise ValidationError({field: [missing or _("This field may not be blank.")]})
    if len(value) > max_length:
        raise ValidationError(
            {field: [_("At most %(n)s characters, please.") % {"n": f"{max_length:,}"}]}
        )
    if "\x00" in value:
        raise ValidationError({field: [_("Text must not contain NUL characters.")]})
    return value


def _check_choice(value, choices, field: str) -> None:
    if value not in choices.values:
        raise ValidationError(
            {
                field: [
                    _("Unknown %(field)s %(value)s; use one of %(known)s.")
                    % {
                        "field": field,
                        "value": repr(value)[:40],
                        "known": ", ".join(choices.values),
                    }
                ]
            }
        )


def _check_fields(fields: dict) -> dict:
    if "kind" in fields:
        _check_choice(fields["kind"], Kind, "kind")
    if "category" in fields:
        _check_choice(fields["category"], Category, "category")
    if "title" in fields:
        fields["title"] = clean_text(fields["title"], "title", required=True, max_length=200)
    if "description" in fields:
        fields["description"] = clean_text(
            fields["description"], "description", required=False, max_length=10_000
        )
    if "geom" in fields and (fields["geom"] is None or fields["geom"].srid != 4326):
        raise ValidationError({"geometry": [_("A geometry in EPSG:4326 is required.")]})
    return fields


@contextmanager
def _database_checks():
    """The table's CHECK constraints back the validation above; should one still fire (say
    PostGIS's GEOS judges validity differently from shapely's), answer it as bad input."""
    try:
        with transaction.atomic():
            yield
    except IntegrityError as exc:
        if "proposal_geom_valid" in str(exc):
            raise ValidationError(
                {"geometry": [_("The geometry is not valid (ST_IsValid); redraw it.")]}
            ) from exc
        raise ValidationError(_("The proposal breaks a database rule: %(e)s") % {"e": exc}) from exc


def _scope_geometry(scope, geom, district_id):
    """The geometry a claim of `scope` stores (docs/adr/0008-claim-scope.md): the drawn one,
    checked for size; a district's outline; the city's outline (CITY_BBOX without districts).
    A wide claim's drawn geometry, if sent, is not used."""
    _check_choice(scope, Scope, "scope")
    if scope == Scope.DRAWN:
        if geom is None:
            raise ValidationError(
                {"geometry": [_("A geometry is required: a GeoJSON Point, LineString or Polygon.")]}
            )
        if district_id is not None:
            raise ValidationError(
                {"district": [_("Only a claim about a whole district names a district.")]}
            )
        try:
            claim_place_check(geom)
        except ValidationError as exc:
            raise ValidationError({"geometry": exc.messages}) from exc
        return geom
    city = hooks.city_outline()
    if scope == Scope.CITY:
        return city if city is not None else Polygon.from_bbox(settings.CITY_BBOX)
    if city is None:
        raise ValidationError(
            {"district": [_("This city has no district layer yet: choose the whole city or draw.")]}
        )
    outline = None
    if isinstance(district_id, int) and not isinstance(district_id, bool):
        outline = hooks.district_outline(district_id)
    if outline is None:
        raise ValidationError(
            {
                "district": [
                    _("Choose one of the city's districts; %(value)s is not one.")
                    % {"value": repr(district_id)[:40]}
                ]
            }
        )
    return outline


@transaction.atomic
def proposal_create(
    *,
    author,
    kind,
    category,
    title,
    geom=None,
    description="",
    scope=Scope.DRAWN,
    district_id=None,
) -> Proposal:
    """A new active proposal. geom: a GEOSGeometry from proposals.geometry.geometry_from_geojson,
    required for the drawn scope; a district-scope claim names district_id (a district feature)."""
    require(author, "proposals.add_proposal")
    geom = _scope_geometry(scope, geom, district_id)
    if geom.srid is None:
        geom.srid = 4326
    fields = _check_fields(
        {
            "kind": kind,
            "category": category,
            "title": title,
            "description": description,
            "geom": geom,
            "scope": scope,
            "district_id": district_id if scope == Scope.DISTRICT else None,
        }
    )
    with _database_checks():
        proposal = Proposal.objects.create(author=author, **fields)
    hooks.run_after_write(proposal=proposal, change="created")
    return proposal


@transaction.atomic
def proposal_update(*, proposal: Proposal, user, **changes) -> Proposal:
    """user changes any of kind, category, title, description, geom of an active proposal."""
    proposal = Proposal.objects.select_for_update().get(pk=proposal.pk)
    require(user, "proposals.change_proposal", proposal)
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValidationError(
            {name: [_("This field cannot be changed.")] for name in sorted(unknown)}
        )
    if proposal.status != Status.ACTIVE:
        raise ValidationError(_("Only active proposals can be edited."))
    if "geom" in changes and proposal.scope != Scope.DRAWN:
        raise ValidationError(
            {"geometry": [_("A claim about a whole district or the city has no drawn shape.")]}
        )
    changes = _check_fields(dict(changes))
    if "geom" in changes:
        try:
            claim_place_check(changes["geom"])
        except ValidationError as exc:
            raise ValidationError({"geometry": exc.messages}) from exc
    for name, value in changes.items():
        setattr(proposal, name, value)
    with _database_checks():
        proposal.save(update_fields=[*changes, "updated_at"])
    hooks.run_after_write(proposal=proposal, change="updated")
    return proposal


@transaction.atomic
def proposal_withdraw(*, proposal: Proposal, user) -> Proposal:
    """The author (user) takes the pin back; it leaves the map but stays in the database."""
    proposal = Proposal.objects.select_for_update().get(pk=proposal.pk)
    require(user, "proposals.delete_proposal", proposal)
    if proposal.status != Status.ACTIVE:
        raise ValidationError(_("Only active proposals can be withdrawn."))
    proposal.status = Status.WITHDRAWN
    proposal.save(update_fields=["status", "updated_at"])
    hooks.run_after_write(proposal=proposal, change="withdrawn")
    return proposal


@transaction.atomic
def proposal_hide(*, proposal: Proposal, moderator, reason: str) -> Proposal:
    """A moderator hides a pin, saying why. moderator is recorded in the hooks' view only."""
    proposal = Proposal.objects.select_for_update().get(pk=proposal.pk)
    require(moderator, "proposals.hide_proposal", proposal)
    reason = clean_text(reason, "reason", required=True, max_length=2_000)
    if proposal.status == Status.WITHDRAWN:
        raise ValidationError(
            _("A withdrawn proposal is not on the map; there is nothing to hide.")
        )
    proposal.status = Status.HIDDEN
    proposal.hidden_reason = reason
    proposal.save(update_fields=["status", "hidden_reason", "updated_at"])
    hooks.run_after_write(proposal=proposal, change="hidden")
    return proposal


@transaction.atomic
def proposal_restore(*, proposal: Proposal, user) -> Proposal:
    """A moderator (user) puts a hidden pin back on the map."""
    proposal = Proposal.objects.select_for_update().get(pk=proposal.pk)
    require(user, "proposals.restore_proposal", proposal)
    if proposal.status != Status.HIDDEN:
        raise ValidationError(_("Only hidden proposals can be restored."))
    proposal.status = Status.ACTIVE
    proposal.hidden_reason = ""
    proposal.save(update_fields=["status", "hidden_reason", "updated_at"])
    hooks.run_after_write(proposal=proposal, change="restored")
    return proposal


@transaction.atomic
def proposal_reinstate(*, proposal: Proposal, user) -> Proposal:
    """The author (user) puts a pin they withdrew back on the map, unless something above
    proposals holds it (a closed negotiation round decided on it: hooks.reinstate_vetoes)."""
    proposal = Proposal.objects.select_for_update().get(pk=proposal.pk)
    require(user, "proposals.reinstate_proposal", proposal)
    if proposal.status != Status.WITHDRAWN:
        raise ValidationError(_("Only withdrawn proposals can be put back on the map."))
    veto = hooks.reinstate_veto(proposal=proposal)
    if veto:
        raise ValidationError(veto)
    proposal.status = Status.ACTIVE
    proposal.save(update_fields=["status", "updated_at"])
    hooks.run_after_write(proposal=proposal, change="restored")
    return proposal


def proposal_is_held(proposal: Proposal) -> bool:
    """Whether a record of another app refers to the pin and forbids deleting it (a
    negotiation round's snapshot or outcome protects its claims)."""
    try:
        Collector(using=router.db_for_write(Proposal), origin=proposal).collect([proposal])
    except (ProtectedError, RestrictedError):
        return True
    return False


@transaction.atomic
def proposal_erase(*, proposal: Proposal, user) -> bool:
    """The author (user) deletes the pin for good, with the supports and comments on it,
    when they delete their account. A pin that a round holds stays (False)."""
    proposal = Proposal.objects.select_for_update().get(pk=proposal.pk)
    require(user, "proposals.delete_proposal", proposal)
    if proposal_is_held(proposal):
        return False
    if proposal.status == Status.ACTIVE:
        # Off the map first, through the hooks, so overlay and clusters let go of it.
        proposal.status = Status.WITHDRAWN
        proposal.save(update_fields=["status", "updated_at"])
        hooks.run_after_write(proposal=proposal, change="withdrawn")
    proposal.delete()
    return True


def _after_count_change(proposal: Proposal, change: str) -> None:
    """Run the hooks with the counts as stored (they were changed in SQL, not on `proposal`)."""
    proposal.refresh_from_db(fields=["support_count", "comment_count"])
    hooks.run_after_write(proposal=proposal, change=change)


def _require_active(proposal: Proposal) -> None:
    if proposal.status != Status.ACTIVE:
        raise ValidationError(_("This proposal is no longer on the map."))


@transaction.atomic
def support_add(*, proposal: Proposal, user) -> int:
    """user supports the proposal (idempotent). Returns the new support_count."""
    _require_active(proposal)  # its own sentence, before the rule (which needs it too)
    require(user, "proposals.add_support", proposal)
    try:
        with transaction.atomic():
            Support.objects.create(proposal=proposal, user=user)
    except IntegrityError:
        pass  # already supported: nothing changes
    else:
        Proposal.objects.filter(pk=proposal.pk).update(support_count=F("support_count") + 1)
        _after_count_change(proposal, "supported")
    return Proposal.objects.values_list("support_count", flat=True).get(pk=proposal.pk)


@transaction.atomic
def support_remove(*, proposal: Proposal, user) -> int:
    """user withdraws their support (idempotent). Returns the new support_count."""
    deleted, _details = Support.objects.filter(proposal=proposal, user=user).delete()
    if deleted:
        Proposal.objects.filter(pk=proposal.pk).update(
            support_count=Greatest(F("support_count") - 1, 0)
        )
        _after_count_change(proposal, "supported")
    return Proposal.objects.values_list("support_count", flat=True).get(pk=proposal.pk)


@transaction.atomic
def comment_create(*, proposal: Proposal, author, body: str) -> Comment:
    _require_active(proposal)  # its own sentence, before the rule (which needs it too)
    require(author, "proposals.add_comment", proposal)
    body = clean_text(body, "body", required=True, max_length=5_000)
    comment = Comment.objects.create(proposal=proposal, author=author, body=body)
    Proposal.objects.filter(pk=proposal.pk).update(comment_count=F("comment_count") + 1)
    _after_count_change(proposal, "commented")
    return comment


@transaction.atomic
def comment_hide(*, comment: Comment, moderator, reason: str) -> Comment:
    """A moderator hides a comment, saying why: it stays in its place (and in the count)
    with a note instead of its text."""
    comment = Comment.objects.select_for_update().get(pk=comment.pk)
    require(moderator, "proposals.hide_comment", comment)
    reason = clean_text(reason, "reason", required=True, max_length=2_000)
    comment.is_hidden = True
    comment.hidden_reason = reason
    comment.save(update_fields=["is_hidden", "hidden_reason"])
    return comment
