from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views import i18n
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_http_methods, require_POST

from . import privacy, services
from .forms import DeleteAccountForm, PasswordResetForm, ProfileForm, SignupForm
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


def apply_language(response, user):
    """The user's chosen language, for this response and the pages after it (the cookie
    LocaleMiddleware reads)."""
    if user.language:
        translation.activate(user.language)
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            user.language,
            max_age=settings.LANGUAGE_COOKIE_AGE,
            path=settings.LANGUAGE_COOKIE_PATH,
            domain=settings.LANGUAGE_COOKIE_DOMAIN,
            secure=settings.LANGUAGE_COOKIE_SECURE,
            httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
            samesite=settings.LANGUAGE_COOKIE_SAMESITE,
        )
    return response


@csrf_protect
def _set_language_signed_in(request):
    response = i18n.set_language(request)
    language = request.POST.get("language")
    if language in dict(settings.LANGUAGES):
        services.language_set(user=request.user, language=language)
    return response


@csrf_exempt
@require_POST
def set_language(request):
    """Django's language switch; for a signed-in person it also becomes their profile's
    language, so the next sign-in keeps it.

    Only that change needs the CSRF token. Without an account the switch sets a cookie and
    nothing else, and its form carries no token: a page without a token is the same for
    every anonymous reader, so a shared cache may keep it (docs/adr/0017)."""
    if request.user.is_authenticated:
        return _set_language_signed_in(request)
    return i18n.set_language(request)


class LoginView(auth_views.LoginView):
    """Django's login, then the pages in the user's language."""

    def form_valid(self, form):
        return apply_language(super().form_valid(form), form.get_user())


def signup(request):
    form = SignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        wait = page_write_wait(request, "signups")
        if wait is not None:
            form.add_error(None, throttled_sentence(wait))
            response = render(request, "registration/signup.html", {"form": form}, status=429)
            response["Retry-After"] = str(wait)
            return response
        data = form.cleaned_data
        services.signup_register(
            username=data["username"],
            email=data["email"],
            password=data["password1"],
            show_name_publicly=data["show_name_publicly"],
            language=translation.get_language() or "",
        )
        # The same answer whether or not the address had an account: the e-mail tells.
        return render(request, "registration/signup_sent.html", {"email": data["email"]})
    return render(request, "registration/signup.html", {"form": form})


@require_http_methods(["GET", "POST"])
def signup_confirm(request, uidb64, token):
    """GET shows a button, POST confirms: a mail scanner that opens links confirms nothing."""
    if request.method == "GET":
        return render(
            request, "registration/confirm.html", {"title": _("Confirm your e-mail address")}
        )
    try:
        user = services.signup_confirm(uidb64=uidb64, token=token)
    except ValidationError as error:
        return render(
            request, "registration/link_invalid.html", {"error": error.messages[0]}, status=400
        )
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    messages.success(request, _("Your e-mail address is confirmed. Welcome!"))
    return apply_language(redirect("frontend:map"), user)


@require_http_methods(["GET", "POST"])
def email_confirm(request, token):
    if request.method == "GET":
        return render(
            request, "registration/confirm.html", {"title": _("Confirm your new e-mail address")}
        )
    try:
        user = services.email_change_confirm(token=token)
    except ValidationError as error:
        return render(
            request, "registration/link_invalid.html", {"error": error.messages[0]}, status=400
        )
    messages.success(request, _("Your e-mail address is now %(email)s.") % {"email": user.email})
    return redirect("accounts:profile" if request.user == user else "login")


@login_required
def profile(request):
    user = request.user
    # The form works on a copy: the e-mail address changes only when its link is followed.
    form = ProfileForm(request.POST or None, instance=User.objects.get(pk=user.pk))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.profile_update(
            user=user,
            first_name=data["first_name"],
            last_name=data["last_name"],
            show_name_publicly=data["show_name_publicly"],
            language=data["language"],
        )
        if data["email"].lower() != user.email.lower():
            services.email_change_request(user=user, new_email=data["email"])
            messages.info(
                request,
                _("We sent a link to %(email)s. Your address changes when you follow it.")
                % {"email": data["email"]},
            )
        response = apply_language(redirect("accounts:profile"), user)
        messages.success(request, _("Your profile is saved."))
        return response
    return render(request, "accounts/profile.html", {"form": form})


@login_required
@require_http_methods(["GET", "POST"])
def data_export(request):
    """GET: what the download holds; POST: the zip, of the signed-in user only."""
    if request.method == "GET":
        return render(request, "accounts/data_export.html")
    response = HttpResponse(privacy.export_zip(user=request.user), content_type="application/zip")
    response["Content-Disposition"] = 'attachment; filename="stadtmacher-my-data.zip"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def account_delete(request):
    form = DeleteAccountForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        privacy.account_delete(user=request.user, keep_pins=form.cleaned_data["pins"] == "keep")
        logout(request)
        messages.success(request, _("Your account is deleted."))
        return redirect("frontend:map")
    preview = privacy.deletion_preview(user=request.user)
    status = 400 if form.errors else 200
    return render(
        request, "accounts/delete.html", {"form": form, "preview": preview}, status=status
    )


class PasswordResetView(auth_views.PasswordResetView):
    form_class = PasswordResetForm
    success_url = reverse_lazy("accounts:password-reset-done")

    def form_valid(self, form):
        wait = page_write_wait(self.request, "account_mails")
        if wait is None:
            return super().form_valid(form)
        minutes = max(1, round(wait / 60))
        form.add_error(
            None,
            ngettext(
                "Too many requests from this address in a short time. Please try again in "
                "%(minutes)s minute.",
                "Too many requests from this address in a short time. Please try again in "
                "%(minutes)s minutes.",
                minutes,
            )
            % {"minutes": minutes},
        )
        response = self.form_invalid(form)
        response.status_code = 429
        response["Retry-After"] = str(wait)
        return response


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    success_url = reverse_lazy("accounts:password-reset-complete")


class PasswordChangeView(auth_views.PasswordChangeView):
    success_url = reverse_lazy("accounts:profile")

    def form_valid(self, form):
        messages.success(self.request, _("Your password is changed."))
        return super().form_valid(form)


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
