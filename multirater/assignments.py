"""The default raters of a round, written in SQL (one INSERT … SELECT per group,
whatever the number of employees).

For everyone active in the round's unit and its sub-units:

- **self**;
- **head**: the nearest active head over their unit (their unit's head; for a
  head, the head of a unit above), never themselves;
- **peers**: up to ``PEER_LIMIT`` colleagues of the same unit who are not heads,
  the next ones by id, wrapping round (so everyone rates about as many as rate
  them, deterministically);
- **staff** (heads only): up to ``STAFF_LIMIT`` non-heads of the head's own unit,
  the first ones by id.
"""

from django.db import connection
from django.db.models import (
    Count,
    F,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    Window,
)
from django.db.models.functions import RowNumber

from multirater.models import Assignment, Relation, Round
from people.models import Employee, User
from people.tree import contains, subtree_q

PEER_LIMIT = 4
STAFF_LIMIT = 6

_HEAD = Q(user__role=User.Role.HEAD, user__is_active=True)


def round_employees(round_: Round) -> QuerySet[Employee]:
    """Everyone a round rates: the active employees of its unit and below."""
    return Employee.objects.filter(subtree_q(round_.unit), is_active=True)


def _insert(select: QuerySet) -> int:
    """INSERT the rows of ``select`` (round, ratee, rater, relation, done)."""
    sql, params = select.query.sql_with_params()
    table = connection.ops.quote_name(Assignment._meta.db_table)
    columns = ", ".join(
        connection.ops.quote_name(c)
        for c in ("round_id", "ratee_id", "rater_id", "relation", "done")
    )
    with connection.cursor() as cursor:
        cursor.execute(f"INSERT INTO {table} ({columns}) {sql}", params)  # noqa: S608 - table and columns are the model's own
        return cursor.rowcount


def _rows(queryset: QuerySet, round_: Round, ratee: str, rater: str, relation: str):
    return queryset.values_list(
        Value(round_.pk), ratee, rater, Value(relation), Value(False)
    ).order_by()


def default_assignments_create(round_: Round) -> int:
    """Write the default assignments of a new round; returns how many."""
    people = round_employees(round_)
    written = _insert(_rows(people, round_, "pk", "pk", Relation.SELF))

    nearest_head = (
        Employee.objects.filter(
            _HEAD, contains(F("unit"), OuterRef("unit")), is_active=True
        )
        .exclude(pk=OuterRef("pk"))
        .order_by("-unit__depth", "pk")
        .values("pk")[:1]
    )
    with_head = people.annotate(head_id=Subquery(nearest_head)).filter(
        head_id__isnull=False
    )
    written += _insert(_rows(with_head, round_, "pk", "head_id", Relation.HEAD))

    pool = (
        people.exclude(_HEAD)
        .annotate(
            eid=F("pk"),
            uid=F("unit_id"),
            rn=Window(RowNumber(), partition_by=[F("unit_id")], order_by=F("pk").asc()),
            cnt=Window(Count("pk"), partition_by=[F("unit_id")]),
        )
        .values("eid", "uid", "rn", "cnt")
        .order_by()
    )
    pool_sql, pool_params = pool.query.sql_with_params()
    heads = (
        people.filter(_HEAD)
        .annotate(eid=F("pk"), uid=F("unit_id"))
        .values("eid", "uid")
        .order_by()
    )
    heads_sql, heads_params = heads.query.sql_with_params()
    table = connection.ops.quote_name(Assignment._meta.db_table)
    columns = ", ".join(
        connection.ops.quote_name(c)
        for c in ("round_id", "ratee_id", "rater_id", "relation", "done")
    )
    with connection.cursor() as cursor:
        # Peers: the next PEER_LIMIT of the same unit, cyclically.
        cursor.execute(
            f"INSERT INTO {table} ({columns}) "  # nosec B608  # noqa: S608 - the model's own names
            f"SELECT %s, a.eid, b.eid, %s, %s FROM ({pool_sql}) a "
            f"JOIN ({pool_sql}) b ON a.uid = b.uid AND a.eid <> b.eid "
            "AND ((b.rn - a.rn + a.cnt) %% a.cnt) BETWEEN 1 AND %s",
            [round_.pk, Relation.PEER.value, False, *pool_params, *pool_params]
            + [PEER_LIMIT],
        )
        written += cursor.rowcount
        # Staff of each head: the first STAFF_LIMIT non-heads of the head's unit.
        cursor.execute(
            f"INSERT INTO {table} ({columns}) "  # nosec B608  # noqa: S608 - the model's own names
            f"SELECT %s, h.eid, s.eid, %s, %s FROM ({heads_sql}) h "
            f"JOIN ({pool_sql}) s ON s.uid = h.uid AND s.rn <= %s",
            [round_.pk, Relation.STAFF.value, False, *heads_params, *pool_params]
            + [STAFF_LIMIT],
        )
        written += cursor.rowcount
    return written
