from django.contrib import admin

from exports.models import Export
from sosiokultural.admin import ReadOnlyAdminMixin


@admin.register(Export)
class ExportAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["pk", "kind", "fmt", "requested_by", "status", "progress"]
    list_filter = ["status", "kind"]
    raw_id_fields = ["requested_by"]
