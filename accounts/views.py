from django import forms
from django.contrib.auth import login
from django.contrib.auth.forms import UserCreationForm
from django.shortcuts import redirect, render
from django.utils.translation import ngettext

from .models import User
from .throttling import page_write_wait


def throttled_sentence(wait: int) -> str:
    minutes = max(1, round(wait / 60))
    return ngettext(
        "Too many accounts were created from this address in a short time. "
        "Please try again in %(minutes)s minute.",
        "Too many accounts were created from this address in a short time. "
        "Please try again in %(minutes)s minutes.",
        minutes,
    ) % {"minutes": minutes}


class SignupForm(UserCreationForm):
    class Meta:
        model = User
        fields = ("username", "email", "show_name_publicly")
        widgets = {"email": forms.EmailInput()}


def signup(request):
    form = SignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        wait = page_write_wait(request, "signups")
        if wait is not None:
            form.add_error(None, throttled_sentence(wait))
            response = render(request, "registration/signup.html", {"form": form}, status=429)
            response["Retry-After"] = str(wait)
            return response
        user = form.save()
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        return redirect("frontend:map")
    return render(request, "registration/signup.html", {"form": form})


def lockout_minutes(request) -> int:
    """Minutes until a locked-out username+address may try again (the whole cool-off)."""
    from axes.helpers import get_cool_off

    cool_off = get_cool_off(request)
    return max(1, round(cool_off.total_seconds() / 60)) if cool_off else 1


def lockout_sentence(minutes: int) -> str:
    return ngettext(
        "Too many wrong passwords for this account from your address. To protect the "
        "account, signing in from here is paused for %(minutes)s minute. Please wait, "
        "then try again with the right password.",
        "Too many wrong passwords for this account from your address. To protect the "
        "account, signing in from here is paused for %(minutes)s minutes. Please wait, "
        "then try again with the right password.",
        minutes,
    ) % {"minutes": minutes}


def locked_out(request, original_response=None, credentials=None):
    """AXES_LOCKOUT_CALLABLE: the login page and the admin login answer a locked-out
    username+address with this page (429, Retry-After)."""
    minutes = lockout_minutes(request)
    response = render(
        request,
        "registration/locked_out.html",
        {"sentence": lockout_sentence(minutes)},
        status=429,
    )
    response["Retry-After"] = str(minutes * 60)
    return response
