"""The sentences of notices, written when shown, in the active language."""

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _

from .models import Notice, NoticeKind


def _result_label(result: str) -> str:
    from negotiations.models import Result

    try:
        return str(Result(result).label)
    except ValueError:
        return result


def _target_label(target: str) -> str:
    return {"photo": _("photo"), "comment": _("comment")}.get(target, _("pin"))


def _report_text(p: dict) -> str:
    if p.get("hidden"):
        return _(
            "Thank you for your report on a %(target)s of “%(title)s”: a moderator has "
            "hidden it. Reason: %(reason)s"
        ) % {"target": _target_label(p.get("target")), "title": p["title"], "reason": p["reason"]}
    return _(
        "Thank you for your report on a %(target)s of “%(title)s”: a moderator has looked "
        "at it and left it in place."
    ) % {"target": _target_label(p.get("target")), "title": p["title"]}


def notice_text(notice: Notice) -> str:
    p = notice.params
    kind = notice.kind
    if kind == NoticeKind.COMMENT:
        return _("New comment on “%(title)s”.") % p
    if kind == NoticeKind.HIDDEN:
        text = _("“%(title)s” was hidden by a moderator.") % p
        return f"{text} {_('Reason:')} {p['reason']}" if p.get("reason") else text
    if kind == NoticeKind.RESTORED:
        return _("“%(title)s” is back on the map.") % p
    if kind == NoticeKind.IN_ROUND:
        return _("“%(title)s” is now negotiated in round %(number)s “%(round_title)s”.") % p
    if kind == NoticeKind.OUTCOME:
        return _("Round “%(round_title)s” has decided on “%(title)s”: %(result)s.") % {
            **p,
            "result": _result_label(p.get("result", "")),
        }
    if kind == NoticeKind.ROUND_CONTINUED:
        return _("Round “%(round_title)s” on “%(title)s” goes on in a next round.") % p
    if kind == NoticeKind.REPORT_RESULT:
        return _report_text(p)
    if kind == NoticeKind.CONTENT_HIDDEN:
        return _("A moderator has hidden your %(target)s on “%(title)s”. Reason: %(reason)s") % {
            **p,
            "target": _target_label(p.get("target")),
        }
    return p.get("title", "")


def notice_path(notice: Notice) -> str:
    """Where the notice leads: the round, or the pin."""
    p = notice.params
    round_id = p.get("next_round") or p.get("round")
    if round_id and notice.kind != NoticeKind.REPORT_RESULT:
        return reverse("frontend:round-detail", args=[round_id])
    if notice.proposal_id:
        return reverse("frontend:proposal-detail", args=[notice.proposal_id])
    return reverse("frontend:notices")


def notice_url(notice: Notice) -> str:
    return settings.SITE_URL + notice_path(notice)
