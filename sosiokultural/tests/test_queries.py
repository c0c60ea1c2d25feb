from people.models import Employee, Unit
from people.tests.factories import EmployeeFactory
from sosiokultural.queries import count_per_row


def test_count_per_row_counts_each_rows_related_rows_and_zero_when_none(
    org, django_assert_num_queries
):
    EmployeeFactory.create_batch(3, unit=org.kel_a)
    EmployeeFactory(unit=org.kel_a, is_active=False)
    EmployeeFactory(unit=org.kel_b)
    units = Unit.objects.filter(
        pk__in=[org.kel_a.pk, org.kel_b.pk, org.kecamatan.pk]
    ).annotate(
        everyone=count_per_row(Employee.objects.all(), "unit"),
        active=count_per_row(Employee.objects.filter(is_active=True), "unit"),
    )
    with django_assert_num_queries(1):
        got = {u.code: (u.everyone, u.active) for u in units.order_by("code")[:3]}
    assert got == {"JB-KMB": (0, 0), "JB-KMB-JG": (1, 1), "JB-KMB-MU": (4, 3)}
