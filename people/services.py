"""Writes for units, employees and logins."""

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Max, Value
from django.db.models.functions import Concat, Lower, Substr
from django.utils.translation import gettext as _

from activities.rollups import attendee_units_joined, attendee_units_leaving
from assessments.rollups import level_counts_refresh
from evaluations.rollups import due_follow_ups_refresh
from ledger.services import jp_contract_changed
from notices.services import notice_create
from people import tree
from people.models import Employee, PositionType, Unit, User
from sosiokultural.models import set_fields


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
    set_fields(employee, fields)
    employee.nip = (employee.nip or "").strip() or None
    _check_employee(employee)
    # The activities' attendee-unit roll-up follows a move (the row locked and
    # its stored unit read first, so two writers of one employee serialise).
    moving = attendee_units_leaving(units={employee.pk: employee.unit_id})
    employee.save()
    attendee_units_joined(employee_ids=moving)
    if contract_terms(employee) != before:
        # The ledger's contract-year totals follow the contract, in this transaction.
        jp_contract_changed(employee_ids=[employee.pk])
    if placement(employee) != placed:
        # A move, a position change or a (de)activation: the level counts of the
        # unit left and the unit joined, in this transaction.
        level_counts_refresh(unit_ids=[placed[0], employee.unit_id])
    if employee.unit_id != placed[0]:
        # The follow-ups due about them move with them (whether active or not:
        # the queue shows both).
        due_follow_ups_refresh(unit_ids=[placed[0], employee.unit_id])
    return employee


# Fields a bulk write may set; the login (``user``) is given by
# ``employee_login_create`` only.
UPSERT_FIELDS = [
    "name",
    "nip",
    "unit",
    "position_type",
    "employment_status",
    "gender",
    "placed_on",
    "is_active",
    "email",
    "contract_starts_on",
    "contract_ends_on",
]
# Rows per lookup, INSERT and UPDATE statement of a bulk write.
BATCH = 1000


@dataclass
class EmployeesUpserted:
    """What ``employees_upsert`` did, by position in its input."""

    created: list[int] = field(default_factory=list)
    updated: list[int] = field(default_factory=list)
    errors: dict[int, list[str]] = field(default_factory=dict)


def _employee_errors(employee: Employee) -> list[str]:
    """The record's own rules without a query (fields, NIP, contract:
    ``Employee.clean``), for a batch whose unit and position the caller resolved
    and whose NIP uniqueness it established (the database constraint stays the
    last word)."""
    try:
        employee.clean_fields(exclude=["user", "unit", "position_type"])
        employee.clean()
    except ValidationError as exc:
        return exc.messages
    return []


def _chunks(items: list, size: int = BATCH):
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _existing_employees(records: Sequence[dict]) -> dict[tuple, Employee]:
    """The stored employees the records name, keyed as ``employee_key``: a few
    queries per thousand records."""
    found: dict[tuple, Employee] = {}
    nips = sorted({r["nip"] for r in records if r.get("nip")})
    for chunk in _chunks(nips):
        for employee in Employee.objects.filter(nip__in=chunk):
            found[("nip", employee.nip)] = employee
    unnamed = [r for r in records if not r.get("nip")]
    names = sorted({r["name"].strip().lower() for r in unnamed})
    unit_ids = sorted({r["unit"].pk for r in unnamed})
    for chunk in _chunks(names):
        for employee in Employee.objects.annotate(lname=Lower("name")).filter(
            nip__isnull=True, lname__in=chunk, unit_id__in=unit_ids
        ):
            found.setdefault(("name", employee.lname, employee.unit_id), employee)
    return found


def _stored(employee: Employee) -> tuple:
    return tuple(
        getattr(employee, Employee._meta.get_field(name).attname)
        for name in UPSERT_FIELDS
    )


def employee_key(record: dict) -> tuple:
    """Who a record is: the NIP, or the name and unit of an employee without one."""
    if record.get("nip"):
        return ("nip", record["nip"])
    return ("name", record["name"].strip().lower(), record["unit"].pk)


@transaction.atomic
def employees_upsert(*, records: Sequence[dict]) -> EmployeesUpserted:
    """Create or update many employees at once, with the rules of
    ``employee_create``/``employee_update``: each record is a dict of
    ``UPSERT_FIELDS`` (unit and position resolved; the contract dates may be left
    out to keep the stored ones), matched by ``employee_key``. All or nothing:
    when any record breaks a rule, nothing is written and the errors come back by
    position. A constant number of queries per ``BATCH`` records; the ledger's
    contract-year totals follow changed contracts in the same transaction."""
    outcome = EmployeesUpserted()
    existing = _existing_employees(records)
    new: list[Employee] = []
    changed: list[Employee] = []
    recontracted: list[int] = []
    moved_units: set[int] = set()  # units left or joined (the level roll-up)
    relocated: set[int] = set()  # units left or joined by a move only
    seen: dict[tuple, int] = {}
    for index, record in enumerate(records):
        values = {k: v for k, v in record.items() if k in UPSERT_FIELDS}
        values["name"] = values["name"].strip()
        values["nip"] = (values.get("nip") or "").strip() or None
        key = employee_key(values)
        if key in seen:
            outcome.errors[index] = [
                _("Pegawai yang sama sudah ada pada baris data ke-%(n)s.")
                % {"n": seen[key] + 1}
            ]
            continue
        seen[key] = index
        employee = existing.get(key)
        if employee is None:
            employee = Employee(**values)
            before = None
        else:
            before = contract_terms(employee)
            placed = placement(employee)
            stored = _stored(employee)
            set_fields(employee, values)
        errors = _employee_errors(employee)
        if errors:
            outcome.errors[index] = errors
            continue
        if before is None:
            new.append(employee)
            outcome.created.append(index)
        else:
            outcome.updated.append(index)
            if stored != _stored(employee):
                changed.append(employee)
            if contract_terms(employee) != before:
                recontracted.append(employee.pk)
            if placement(employee) != placed:
                moved_units.update((placed[0], employee.unit_id))
            if employee.unit_id != placed[0]:
                relocated.update((placed[0], employee.unit_id))
    if outcome.errors:
        return outcome
    Employee.objects.bulk_create(new, batch_size=BATCH)
    moving = attendee_units_leaving(units={e.pk: e.unit_id for e in changed})
    Employee.objects.bulk_update(changed, UPSERT_FIELDS, batch_size=BATCH // 2)
    attendee_units_joined(employee_ids=moving)
    jp_contract_changed(employee_ids=recontracted)
    # A new employee has no level yet: only moves change the level counts.
    level_counts_refresh(unit_ids=moved_units)
    # The due follow-ups of the moved employees' units (a new employee has none).
    due_follow_ups_refresh(unit_ids=relocated)
    return outcome


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
