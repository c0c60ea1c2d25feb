from django.contrib import admin

from notices.models import ChannelDelivery, Notice, NoticePreference
from sosiokultural.admin import ReadOnlyAdminMixin


@admin.register(Notice)
class NoticeAdmin(admin.ModelAdmin):
    list_display = ["subject", "recipient", "kind", "status", "attempts", "created_at"]
    list_filter = ["status", "kind"]
    search_fields = ["subject", "recipient__username", "dedupe_key"]
    readonly_fields = ["dedupe_key", "claimed_at", "delivered_at", "attempts"]


@admin.register(ChannelDelivery)
class ChannelDeliveryAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["notice", "channel", "status", "attempts", "delivered_at"]
    list_filter = ["channel", "status"]
    raw_id_fields = ["notice"]


@admin.register(NoticePreference)
class NoticePreferenceAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    # Each person sets their own on /pemberitahuan/pengaturan/.
    list_display = ["user", "email", "daily_digest", "whatsapp"]
    raw_id_fields = ["user"]
