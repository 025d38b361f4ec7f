"""One-time links sent by e-mail. Each expires after PASSWORD_RESET_TIMEOUT and stops
working once used, because what it signs changes when it is used."""

from django.contrib.auth.tokens import PasswordResetTokenGenerator


class SignupConfirmTokenGenerator(PasswordResetTokenGenerator):
    """The link in the sign-up e-mail: signs the account's state before confirmation."""

    key_salt = "accounts.tokens.SignupConfirmTokenGenerator"

    def _make_hash_value(self, user, timestamp):
        return f"{user.pk}{user.email}{user.email_verified}{user.is_active}{timestamp}"


signup_confirm_token = SignupConfirmTokenGenerator()
