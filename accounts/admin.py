from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from .models import User


@admin.register(User)
class StadtmacherUserAdmin(UserAdmin):
    fieldsets = UserAdmin.fieldsets + (
        (
            "Stadtmacher",
            {"fields": ("show_name_publicly", "language", "email_verified", "deleted_at")},
        ),
    )
    readonly_fields = ("deleted_at",)
    list_display = ("username", "email", "email_verified", "show_name_publicly", "is_staff")
    list_filter = UserAdmin.list_filter + ("email_verified",)
