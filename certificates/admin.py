from django.contrib import admin

from certificates.models import Certificate, Verification
from sosiokultural.admin import ReadOnlyAdminMixin


class VerificationInline(admin.TabularInline):
    model = Verification
    extra = 0
    can_delete = False
    readonly_fields = ["channel", "verified_at", "valid"]

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Certificate)
class CertificateAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Read-only: issued from completions, revoked on the certificate page."""

    list_display = ["title", "employee", "jp", "issued_at", "revoked_at"]
    search_fields = ["title", "employee__name", "public_id"]
    inlines = [VerificationInline]
