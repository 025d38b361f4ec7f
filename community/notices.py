"""Notices: who is told what, in the site and by e-mail.

Made inside the writing transaction (so a rolled-back write tells nobody); the e-mails of
those who want them at once are queued for the Celery worker only after the commit
(`transaction.on_commit(task.delay)`), never sent inside the request. A daily digest
collects the rest (community.tasks.notices_digest).
"""

from django.db import transaction
from django.db.models import Q

from proposals.models import Comment

from .models import Delivery, Follow, Notice, NoticeKind


def _followers(proposal_id: int, *, besides=None) -> list[int]:
    users = Follow.objects.filter(proposal_id=proposal_id)
    if besides is not None:
        users = users.exclude(user_id=besides)
    return list(users.values_list("user_id", flat=True))


def notify(*, user_ids, kind: str, proposal_id=None, **params) -> list[Notice]:
    """One notice for each user; e-mails for those who want them at once, after commit."""
    if not user_ids:
        return []
    made = Notice.objects.bulk_create(
        [
            Notice(user_id=user_id, kind=kind, proposal_id=proposal_id, params=params)
            for user_id in sorted(set(user_ids))
        ]
    )
    mail_now = [
        notice.pk
        for notice in Notice.objects.filter(pk__in=[n.pk for n in made])
        .exclude(user__email="")
        .filter(
            Q(user__mail_preference__isnull=True)
            | Q(user__mail_preference__delivery=Delivery.IMMEDIATE)
        )
    ]
    if mail_now:
        from .tasks import notices_mail

        # robust: a broker that is down loses the e-mails (logged), never the committed write;
        # the notices stay on the site.
        transaction.on_commit(lambda: notices_mail.delay(mail_now), robust=True)
    return made


def after_proposal_write(*, proposal, change: str) -> None:
    """proposals' after-write hook: the author follows their new pin; followers hear of new
    comments, hiding and restoring."""
    if change == "created":
        # One statement (no savepoint): part of every new pin's transaction.
        Follow.objects.bulk_create(
            [Follow(user_id=proposal.author_id, proposal=proposal)], ignore_conflicts=True
        )
    elif change == "commented":
        # The newest comment is the one this write added (the count update that ran the
        # hook holds the pin's row lock until the commit).
        comment = Comment.objects.filter(proposal=proposal).order_by("-id").first()
        if comment is None:
            return
        notify(
            user_ids=_followers(proposal.pk, besides=comment.author_id),
            kind=NoticeKind.COMMENT,
            proposal_id=proposal.pk,
            title=proposal.title,
            comment=comment.pk,
        )
    elif change in ("hidden", "restored"):
        # The moderator's reason is written for the author; other followers hear only that
        # the pin was hidden.
        kind = NoticeKind.HIDDEN if change == "hidden" else NoticeKind.RESTORED
        followers = _followers(proposal.pk)
        if proposal.author_id in followers:
            notify(
                user_ids=[proposal.author_id],
                kind=kind,
                proposal_id=proposal.pk,
                title=proposal.title,
                reason=proposal.hidden_reason,
            )
        notify(
            user_ids=[pk for pk in followers if pk != proposal.author_id],
            kind=kind,
            proposal_id=proposal.pk,
            title=proposal.title,
            reason="",
        )


def after_round_event(*, negotiation_round, action: str, payload: dict) -> None:
    """negotiations' history hook: followers hear when their pin enters a round, of the
    outcome for it, and when a round continues in a next one."""
    from proposals.models import Proposal

    round_params = {
        "round": negotiation_round.pk,
        "round_title": negotiation_round.title,
        "number": negotiation_round.number,
    }
    if action in ("opened", "claims_added"):
        claims = {pk: None for pk in payload.get("claims", ())}
        kind = NoticeKind.IN_ROUND
    elif action == "closed":
        claims = {int(pk): result for pk, result in payload.get("resolutions", {}).items()}
        kind = NoticeKind.OUTCOME
    elif action == "continued":
        claims = dict.fromkeys(negotiation_round.round_claims.values_list("proposal_id", flat=True))
        kind = NoticeKind.ROUND_CONTINUED
        round_params["next_round"] = payload.get("next_round")
    else:
        return
    titles = dict(Proposal.objects.filter(pk__in=claims).values_list("pk", "title"))
    for proposal_id, result in sorted(claims.items()):
        extra = {"result": result} if result else {}
        notify(
            user_ids=_followers(proposal_id),
            kind=kind,
            proposal_id=proposal_id,
            title=titles.get(proposal_id, ""),
            **round_params,
            **extra,
        )


def report_decided(*, reports, hidden: bool, reason: str) -> None:
    """Each reporter hears what became of their report."""
    for report in reports:
        notify(
            user_ids=[report.reporter_id],
            kind=NoticeKind.REPORT_RESULT,
            proposal_id=report.proposal_id,
            title=report.proposal.title,
            target=report.target_kind,
            hidden=hidden,
            reason=reason if hidden else "",
        )


def content_hidden(*, author_id, proposal, target: str, reason: str) -> None:
    """The author of a hidden comment or uploader of a hidden photo is told why (a hidden
    pin tells its followers, the author among them, through the proposals hook)."""
    if author_id is None:
        return
    notify(
        user_ids=[author_id],
        kind=NoticeKind.CONTENT_HIDDEN,
        proposal_id=proposal.pk,
        title=proposal.title,
        target=target,
        reason=reason,
    )
