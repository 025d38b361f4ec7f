from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from .models import User


@admin.register(User)
class StadtmacherUserAdmin(UserAdmin):
    fieldsets = UserAdmin.fieldsets + (("Stadtmacher", {"fields": ("show_name_publicly",)}),)
    list_display = ("username", "email", "show_name_publicly", "is_staff")
