"""The logins of the load test (``scripts/loadtest.sh``), on any database.

Real use is mostly staff (recording the morning briefing, looking at their own
pages), some unit heads and a few BPSDM administrators. ``prepare`` makes that
spread of logins from the database's own people, always the same ones for the same
data: staff are the lowest-id employees without a login, one unit after another
(every unit's first, then every unit's second, …); heads are the lowest-id
``kepala-unit`` of the units in the same order, kelurahan first; BPSDM logins have
no employee. A login made by an earlier run is kept with its employee; its password
is set to the one given. Briefings the load test recorded in an earlier run
(unverified, by these logins) are deleted through the service, so every run records
its briefings into the same empty evening slots.
"""

from dataclasses import dataclass

from django.db import transaction
from django.db.models import Case, F, IntegerField, Q, Value, When, Window
from django.db.models.functions import RowNumber

from activities.models import Activity
from activities.services import activity_delete
from people.models import Employee, Unit, User

PREFIX = "lt-"
HEAD_POSITION = "kepala-unit"
ROLES = (
    ("staf", User.Role.STAFF),
    ("kepala", User.Role.HEAD),
    ("bpsdm", User.Role.BPSDM),
)
# Heads of the smallest units first: most heads in a province lead a kelurahan.
KIND_ORDER = [
    Unit.Kind.VILLAGE,
    Unit.Kind.DISTRICT,
    Unit.Kind.CITY,
    Unit.Kind.PROVINCE,
    Unit.Kind.BPSDM,
]


@dataclass(frozen=True)
class Login:
    role: str
    username: str
    employee_id: int | None
    unit_id: int | None


def _spread(people, count: int) -> list[int]:
    """Ids of ``count`` employees taken one unit after another (the n-th of every
    unit before the (n+1)-th of any), in SQL."""
    if count <= 0:
        return []
    ranked = people.annotate(
        rank=Window(RowNumber(), partition_by=[F("unit_id")], order_by=F("pk").asc()),
        kind_order=_kind_order(),
    ).order_by("rank", "kind_order", "unit_id")
    return list(ranked.values_list("pk", flat=True)[:count])


def _kind_order():
    return Case(
        *(When(unit__kind=kind, then=Value(n)) for n, kind in enumerate(KIND_ORDER)),
        default=Value(len(KIND_ORDER)),
        output_field=IntegerField(),
    )


def _existing(role_name: str) -> list[User]:
    return list(
        User.objects.filter(username__startswith=f"{PREFIX}{role_name}-").order_by(
            "username"
        )
    )


@transaction.atomic
def prepare(*, staff: int, heads: int, bpsdm: int, password: str) -> list[Login]:
    """Make (or reuse) the logins and clear the previous run's briefings."""
    if not password:
        raise ValueError("a password is required")
    wanted = {"staf": staff, "kepala": heads, "bpsdm": bpsdm}
    free = Employee.objects.filter(is_active=True, user__isnull=True)
    taken: set[int] = set()
    made: list[tuple[str, User]] = []
    for role_name, role in ROLES:
        users = _existing(role_name)[: wanted[role_name]]
        linked = dict(
            Employee.objects.filter(user__in=users).values_list("user_id", "pk")
        )
        taken.update(linked.values())
        missing = wanted[role_name] - len(users)
        if role == User.Role.BPSDM:
            new_people = [None] * missing
        else:
            heads_only = Q(position_type__code=HEAD_POSITION)
            pool = free.filter(heads_only if role == User.Role.HEAD else ~heads_only)
            new_people = _spread(pool.exclude(pk__in=taken), missing)
            taken.update(new_people)
        start = len(users)
        for n, employee_id in enumerate(new_people, start=start + 1):
            user = User.objects.create_user(
                username=f"{PREFIX}{role_name}-{n:03d}", role=role, password=None
            )
            if employee_id is not None:
                Employee.objects.filter(pk=employee_id).update(user=user)
            users.append(user)
        for user in users:
            user.set_password(password)
            user.role = role
            user.is_active = True
            user.save(update_fields=["password", "role", "is_active"])
            made.append((role_name, user))
    _clear_briefings()
    people = {
        user_id: (pk, unit_id)
        for user_id, pk, unit_id in Employee.objects.filter(
            user__in=[user for __, user in made]
        ).values_list("user_id", "pk", "unit_id")
    }
    return [
        Login(role_name, user.username, *people.get(user.pk, (None, None)))
        for role_name, user in made
    ]


def _clear_briefings() -> int:
    """Delete what earlier runs recorded (never verified: nobody verifies in the
    load test); through the service, so files and credits go with them."""
    recorded = Activity.objects.filter(
        recorded_by__username__startswith=PREFIX
    ).select_related("recorded_by")
    n = 0
    for activity in recorded.exclude(status=Activity.Status.VERIFIED).iterator():
        activity_delete(activity=activity, actor=activity.recorded_by)
        n += 1
    return n
