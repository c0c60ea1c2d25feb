"""Writes for units, employees and logins."""

from datetime import date

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Max, Value
from django.db.models.functions import Concat, Substr
from django.utils.translation import gettext as _

from assessments.rollups import level_counts_refresh
from ledger.services import jp_contract_changed
from notices.services import notice_create
from people import tree
from people.models import Employee, PositionType, Unit, User


@transaction.atomic
def unit_create(*, code: str, name: str, kind: str, parent: Unit | None = None) -> Unit:
    # The path needs the id, so insert with a unique temporary path first.
    unit = Unit.objects.create(
        code=code, name=name, kind=kind, parent=parent, path=f"tmp-{code}"
    )
    unit.path = tree.child_path(parent.path if parent else "", unit.pk)
    unit.depth = tree.depth_of(unit.path)
    if unit.depth > tree.MAX_DEPTH:
        raise ValidationError(
            {
                "parent": _("Pohon unit paling dalam %(n)s tingkat.")
                % {"n": tree.MAX_DEPTH + 1}
            }
        )
    unit.save(update_fields=["path", "depth"])
    return unit


@transaction.atomic
def unit_update(*, unit: Unit, code: str, name: str, kind: str) -> Unit:
    unit.code, unit.name, unit.kind = code, name, kind
    unit.full_clean(exclude=["path", "parent"])
    unit.save(update_fields=["code", "name", "kind"])
    return unit


@transaction.atomic
def unit_move(*, unit: Unit, new_parent: Unit | None) -> Unit:
    """Re-hang ``unit`` (and its whole subtree) under ``new_parent``: one UPDATE."""
    if new_parent is not None and unit.contains(new_parent):
        raise ValidationError(
            {"parent": _("Unit tidak dapat dipindahkan ke bawah dirinya sendiri.")}
        )
    old_prefix = unit.path
    new_prefix = tree.child_path(new_parent.path if new_parent else "", unit.pk)
    depth_change = tree.depth_of(new_prefix) - tree.depth_of(old_prefix)
    deepest = Unit.objects.subtree_of(unit).aggregate(d=Max("depth"))["d"] or 0
    if deepest + depth_change > tree.MAX_DEPTH:
        raise ValidationError(
            {
                "parent": _("Pohon unit paling dalam %(n)s tingkat.")
                % {"n": tree.MAX_DEPTH + 1}
            }
        )
    Unit.objects.subtree_of(unit).update(
        path=Concat(Value(new_prefix), Substr("path", len(old_prefix) + 1)),
        depth=F("depth") + depth_change,
    )
    Unit.objects.filter(pk=unit.pk).update(parent=new_parent)
    unit.refresh_from_db()
    return unit


def _check_employee(employee: Employee) -> None:
    employee.full_clean(exclude=["user"])  # includes the NIP rules (Employee.clean)


@transaction.atomic
def employee_create(
    *,
    name: str,
    unit: Unit,
    position_type: PositionType,
    employment_status: str,
    gender: str,
    placed_on: date,
    nip: str | None = None,
    email: str = "",
    is_active: bool = True,
    contract_starts_on: date | None = None,
    contract_ends_on: date | None = None,
) -> Employee:
    employee = Employee(
        contract_starts_on=contract_starts_on,
        contract_ends_on=contract_ends_on,
        name=name.strip(),
        nip=(nip or "").strip() or None,
        unit=unit,
        position_type=position_type,
        employment_status=employment_status,
        gender=gender,
        placed_on=placed_on,
        email=email,
        is_active=is_active,
    )
    _check_employee(employee)
    employee.save()
    return employee


def contract_terms(employee: Employee) -> tuple:
    """What the JP roll-up's contract years depend on."""
    return (
        employee.employment_status,
        employee.contract_starts_on,
        employee.contract_ends_on,
    )


def placement(employee: Employee) -> tuple:
    """What the level roll-up (``LevelCount``) counts an employee under."""
    return (employee.unit_id, employee.position_type_id, employee.is_active)


@transaction.atomic
def employee_update(*, employee: Employee, **fields) -> Employee:
    before = contract_terms(employee)
    placed = placement(employee)
    for name, value in fields.items():
        setattr(employee, name, value)
    employee.nip = (employee.nip or "").strip() or None
    _check_employee(employee)
    employee.save()
    if contract_terms(employee) != before:
        # The ledger's contract-year totals follow the contract, in this transaction.
        jp_contract_changed(employee_ids=[employee.pk])
    if placement(employee) != placed:
        # A move, a position change or a (de)activation: the level counts of the
        # unit left and the unit joined, in this transaction.
        level_counts_refresh(unit_ids=[placed[0], employee.unit_id])
    return employee


def role_for_position(position_type: PositionType) -> str:
    return User.Role.HEAD if position_type.leads_unit else User.Role.STAFF


@transaction.atomic
def employee_login_create(
    *,
    employee: Employee,
    username: str,
    password: str | None = None,
    role: str | None = None,
) -> User:
    """Give ``employee`` a login and queue the welcome notice (email via Celery)."""
    if employee.user_id:
        raise ValidationError(_("Pegawai ini sudah memiliki akun login."))
    if User.objects.filter(username__iexact=username).exists():
        raise ValidationError({"username": _("Nama pengguna sudah dipakai.")})
    user = User(
        username=username,
        email=employee.email,
        first_name=employee.name[:150],
        role=role or role_for_position(employee.position_type),
    )
    if password:
        # The same validators as a password change (settings), in Indonesian:
        # no common, all-digit, too short or username-like initial password.
        try:
            validate_password(password, user=user)
        except ValidationError as exc:
            raise ValidationError({"password": exc.messages}) from exc
        user.set_password(password)
    else:
        user.set_unusable_password()
    user.save()
    employee.user = user
    employee.save(update_fields=["user"])
    notice_create(
        recipient=user,
        kind="welcome",
        dedupe_key=f"welcome:user:{user.pk}",
        subject=_("Selamat datang di Sosiokultural"),
        body=_(
            "Halo %(name)s, akun Anda (%(username)s) untuk aplikasi pengembangan "
            "kompetensi sosiokultural telah dibuat."
        )
        % {"name": employee.name, "username": username},
        link="/",
    )
    return user
