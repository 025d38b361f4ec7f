"""The login lockout (django-axes) as the first authentication backend."""

from axes.backends import AxesStandaloneBackend


class LoginLockoutBackend(AxesStandaloneBackend):
    """Refuses a locked-out username+address before any password is checked.

    Logins without a request (a shell, a management command) come from no address and
    are not a way in from the network: they pass to the next backend unchecked."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)
