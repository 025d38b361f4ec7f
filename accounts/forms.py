from django import forms
from django.contrib.auth import forms as auth_forms
from django.utils.translation import gettext_lazy as _

from .mail import account_mail_send
from .models import User


class SignupForm(auth_forms.UserCreationForm):
    class Meta:
        model = User
        fields = ("username", "email", "show_name_publicly")
        widgets = {"email": forms.EmailInput()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].required = True
        self.fields["email"].help_text = _("We send a link to this address to confirm it.")

    def _get_validation_exclusions(self):
        # The address is not checked against other accounts here: the page must not tell
        # whether it is taken (services.signup_register writes to the address instead).
        return super()._get_validation_exclusions() | {"email"}


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ("first_name", "last_name", "show_name_publicly", "email", "language")
        widgets = {"email": forms.EmailInput()}
        help_texts = {
            "email": _("A new address takes effect once you follow the link we send to it."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].required = True
        self.fields["first_name"].help_text = _(
            "With a first or last name, others see it instead of your username (if you "
            "show your name)."
        )

    def _get_validation_exclusions(self):
        # A taken address is answered by e-mail, not on the page (services).
        return super()._get_validation_exclusions() | {"email"}


class PasswordResetForm(auth_forms.PasswordResetForm):
    """Django's reset form, its e-mail sent by the worker like every account e-mail."""

    def send_mail(
        self,
        subject_template_name,
        email_template_name,
        context,
        from_email,
        to_email,
        html_email_template_name=None,
    ):
        account_mail_send(kind="password_reset", to=to_email, context=context)


class DeleteAccountForm(forms.Form):
    pins = forms.ChoiceField(
        label=_("My pins"),
        choices=(
            ("keep", _("Keep them on the map, without my name")),
            ("delete", _("Delete them")),
        ),
        widget=forms.RadioSelect,
    )
    password = forms.CharField(
        label=_("Your password, to confirm"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("This is not your password."))
        return password
