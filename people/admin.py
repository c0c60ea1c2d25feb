from django import forms
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from people.models import Employee, EmployeeImport, PositionType, Unit, User
from people.services import employee_update, unit_create, unit_move, unit_update
from sosiokultural.admin import ReadOnlyAdminMixin


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    list_display = ["username", "first_name", "role", "is_active", "last_login"]
    list_filter = ["role", "is_active", "is_staff"]
    fieldsets = [*BaseUserAdmin.fieldsets, ("Sosiokultural", {"fields": ["role"]})]


class UnitAdminForm(forms.ModelForm):
    """Checks a move the way ``unit_move`` will, so a refused move is a form
    error, not a server error."""

    class Meta:
        model = Unit
        fields = ["code", "name", "kind", "parent"]

    def clean(self):
        cleaned = super().clean()
        parent = cleaned.get("parent")
        if self.instance.pk and parent is not None and self.instance.contains(parent):
            raise ValidationError(
                {"parent": _("Unit tidak dapat dipindahkan ke bawah dirinya sendiri.")}
            )
        return cleaned


@admin.register(Unit)
class UnitAdmin(admin.ModelAdmin):
    form = UnitAdminForm
    list_display = ["name", "code", "kind", "parent"]
    list_filter = ["kind"]
    search_fields = ["name", "code"]
    readonly_fields = ["depth"]

    def save_model(self, request, obj, form, change):
        # The materialised path is maintained by the services, never by hand.
        if not change:
            created = unit_create(
                code=obj.code, name=obj.name, kind=obj.kind, parent=obj.parent
            )
            obj.pk, obj.path, obj.depth = created.pk, created.path, created.depth
            return
        unit = Unit.objects.get(pk=obj.pk)
        unit_update(unit=unit, code=obj.code, name=obj.name, kind=obj.kind)
        if "parent" in form.changed_data:
            unit_move(unit=unit, new_parent=obj.parent)


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

    def save_model(self, request, obj, form, change):
        # A change goes through the employee service, so the roll-ups that follow
        # an employee's unit, position, status or contract follow it here too.
        if not change:
            return super().save_model(request, obj, form, change)
        employee_update(
            employee=Employee.objects.get(pk=obj.pk),
            **{name: form.cleaned_data[name] for name in form.changed_data},
        )


@admin.register(EmployeeImport)
class EmployeeImportAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["pk", "filename", "requested_by", "status", "progress"]
    list_filter = ["status"]
    raw_id_fields = ["requested_by"]
    exclude = ["report"]  # thousands of rows: the job's own page shows them
