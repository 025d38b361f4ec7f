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
