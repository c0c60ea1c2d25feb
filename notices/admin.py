from django.contrib import admin

from notices.models import Notice


@admin.register(Notice)
class NoticeAdmin(admin.ModelAdmin):
    list_display = ["subject", "recipient", "kind", "status", "attempts", "created_at"]
    list_filter = ["status", "kind"]
    search_fields = ["subject", "recipient__username", "dedupe_key"]
    readonly_fields = ["dedupe_key", "claimed_at", "delivered_at", "attempts"]
