from django.contrib import admin

from .models import Follow, MailPreference, Notice, Photo, Report


@admin.register(Photo)
class PhotoAdmin(admin.ModelAdmin):
    list_display = ("id", "proposal", "comment", "alt_text", "status", "created_at")
    list_filter = ("status",)
    raw_id_fields = ("proposal", "comment", "uploader")
    readonly_fields = ("display", "thumbnail", "width", "height")


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    list_display = ("id", "proposal", "comment", "photo", "status", "created_at")
    list_filter = ("status",)
    raw_id_fields = ("reporter", "proposal", "comment", "photo", "decided_by")


@admin.register(Notice)
class NoticeAdmin(admin.ModelAdmin):
    list_display = ("id", "user", "kind", "proposal", "created_at", "read_at", "mailed_at")
    list_filter = ("kind",)
    raw_id_fields = ("user", "proposal")


admin.site.register(Follow, raw_id_fields=("user", "proposal"))
admin.site.register(MailPreference, raw_id_fields=("user",))
