from django.contrib import admin

from api.models import ApiToken
from sosiokultural.admin import ReadOnlyAdminMixin


@admin.register(ApiToken)
class ApiTokenAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Read-only: tokens are made and revoked by their owners; only the digest
    is stored, so nothing here can be used to sign in."""

    list_display = ["name", "user", "prefix", "scope", "expires_at", "revoked_at"]
    list_filter = ["scope"]
    search_fields = ["name", "user__username", "prefix"]
    exclude = ["digest"]
