from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from people.models import Employee, PositionType, Unit, User
from people.services import unit_create, unit_move


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    list_display = ["username", "first_name", "role", "is_active", "last_login"]
    list_filter = ["role", "is_active", "is_staff"]
    fieldsets = [*BaseUserAdmin.fieldsets, ("Sosiokultural", {"fields": ["role"]})]


@admin.register(Unit)
class UnitAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "kind", "parent", "path"]
    list_filter = ["kind"]
    search_fields = ["name", "code"]
    readonly_fields = ["path", "depth"]

    def save_model(self, request, obj, form, change):
        # The materialised path is maintained by the services, never by hand.
        if not change:
            created = unit_create(
                code=obj.code, name=obj.name, kind=obj.kind, parent=obj.parent
            )
            obj.pk, obj.path, obj.depth = created.pk, created.path, created.depth
            return
        parent_changed = "parent" in form.changed_data
        Unit.objects.filter(pk=obj.pk).update(
            code=obj.code, name=obj.name, kind=obj.kind
        )
        if parent_changed:
            unit_move(unit=Unit.objects.get(pk=obj.pk), new_parent=obj.parent)


@admin.register(PositionType)
class PositionTypeAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "tier", "leads_unit", "order"]


@admin.register(Employee)
class EmployeeAdmin(admin.ModelAdmin):
    list_display = [
        "name",
        "nip",
        "unit",
        "position_type",
        "employment_status",
        "is_active",
    ]
    list_filter = ["employment_status", "position_type", "is_active", "gender"]
    search_fields = ["name", "nip"]
    autocomplete_fields = ["unit", "user"]
    list_select_related = ["unit", "position_type"]
