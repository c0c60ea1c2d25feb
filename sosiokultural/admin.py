"""Shared pieces of the Django admin."""


class ReadOnlyAdminMixin:
    """For rows written only by the services (JP credits, audit events, results,
    activities): a raw admin edit would skip the credits, notices and audit trail
    that the services keep in step."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
