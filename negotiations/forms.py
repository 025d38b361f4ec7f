"""Forms of the round pages. They only parse input; the services decide."""

import json

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Result, Stance


class OpenRoundForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200, required=False)
    deadline = forms.DateTimeField(
        label=_("Deadline"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
    )


class PositionForm(forms.Form):
    stance = forms.ChoiceField(label=_("Your position"), choices=Stance.choices,
                               widget=forms.RadioSelect)  # fmt: skip
    reason = forms.CharField(
        label=_("Reason (required when you object)"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class OptionForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(
        label=_("Description"),
        required=False,
        max_length=10_000,
        widget=forms.Textarea({"rows": 3}),
    )
    geometry = forms.CharField(required=False, widget=forms.HiddenInput)

    def clean_geometry(self):
        raw = self.cleaned_data["geometry"].strip()
        if not raw:
            return None
        try:
            value = json.loads(raw)
        except ValueError as exc:
            raise forms.ValidationError(_("The drawn geometry could not be read.")) from exc
        if not isinstance(value, dict):
            raise forms.ValidationError(_("The drawn geometry could not be read."))
        return value


class InviteForm(forms.Form):
    username = forms.CharField(label=_("Username"), max_length=150)


class VersionForm(forms.Form):
    """The version of the round the mediator saw (the page's If-Match)."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class CloseForm(VersionForm):
    summary = forms.CharField(label=_("Summary of the outcome"), widget=forms.Textarea({"rows": 4}))
    chosen_option = forms.TypedChoiceField(
        label=_("Chosen option"), required=False, coerce=int, empty_value=None
    )

    def __init__(self, *args, negotiation_round, claims, **kwargs):
        super().__init__(*args, **kwargs)
        self.claims = claims
        self.fields["chosen_option"].choices = [("", _("none"))] + [
            (o.pk, o.title) for o in negotiation_round.options.all()
        ]
        for proposal in claims:
            self.fields[f"result_{proposal.pk}"] = forms.ChoiceField(
                label=proposal.title, choices=[("", "—"), *Result.choices]
            )
            self.fields[f"note_{proposal.pk}"] = forms.CharField(
                label=_("Note"), required=False, max_length=5000
            )

    def resolution_fields(self):
        return [(p, self[f"result_{p.pk}"], self[f"note_{p.pk}"]) for p in self.claims]

    def resolutions(self) -> list[dict]:
        return [
            {
                "proposal": p.pk,
                "result": self.cleaned_data[f"result_{p.pk}"],
                "note": self.cleaned_data[f"note_{p.pk}"],
            }
            for p in self.claims
        ]
