from datetime import date
from decimal import Decimal
from io import StringIO

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from competencies.models import DevelopmentForm
from ledger.models import FormYearEntries, JPEntry, JPRule, JPTotal
from ledger.services import (
    form_year_entries_drift,
    form_year_entries_rebuild,
    jp_credit_clear,
    jp_credit_set,
    jp_rule_create,
    jp_rule_delete,
    jp_totals_rebuild,
    totals_drift,
)
from people.models import Employee
from people.services import employee_update
from people.tests.factories import EmployeeFactory

TODAY = date(2026, 11, 30)


def totals(employee):
    return sorted(
        JPTotal.objects.filter(employee=employee).values_list(
            "basis", "starts_on", "ends_on", "minutes", "jp"
        )
    )


def test_credit_writes_entries_with_their_length_and_the_totals(org):
    employee = EmployeeFactory(unit=org.kel_a)
    jp_credit_set(
        source_key="activity:1",
        source="internal",
        occurred_on=date(2026, 3, 2),
        description="Briefing",
        credits={employee.pk: 100},
    )
    entry = JPEntry.objects.get()
    assert (entry.minutes, entry.minutes_per_jp) == (Decimal(100), 45)
    assert totals(employee) == [
        (
            "calendar",
            date(2026, 1, 1),
            date(2026, 12, 31),
            Decimal(100),
            Decimal("2.22"),
        )
    ]
    # Same call again: nothing changes; a new date moves the total.
    jp_credit_set(
        source_key="activity:1",
        source="internal",
        occurred_on=date(2026, 3, 2),
        description="Briefing",
        credits={employee.pk: 100},
    )
    assert JPEntry.objects.count() == 1
    jp_credit_set(
        source_key="activity:1",
        source="internal",
        occurred_on=date(2025, 12, 30),
        description="Briefing",
        credits={employee.pk: 100},
    )
    assert totals(employee) == [
        (
            "calendar",
            date(2025, 1, 1),
            date(2025, 12, 31),
            Decimal(100),
            Decimal("2.22"),
        )
    ]
    assert jp_credit_clear(source_key="activity:1") == 1
    assert totals(employee) == []


def test_jp_credits_are_turned_into_minutes_with_the_employees_length(org):
    pns = EmployeeFactory(unit=org.kel_a)
    contract = EmployeeFactory(
        unit=org.kel_a,
        employment_status=Employee.Status.PPPK,
        contract_starts_on=date(2026, 1, 1),
    )
    JPRule.objects.create(
        employment_status="PPPK",
        effective_from=date(2026, 1, 1),
        kind="cap",
        jp=Decimal(24),
        basis="contract",
        minutes_per_jp=50,
    )
    jp_credit_set(
        source_key="program-nomination:1",
        source="external",
        occurred_on=date(2026, 5, 8),
        description="Diklat",
        jp_credits={pns.pk: Decimal("2.5"), contract.pk: Decimal("2.5")},
    )
    rows = dict(JPEntry.objects.values_list("employee_id", "minutes"))
    assert rows == {pns.pk: Decimal("112.50"), contract.pk: Decimal("125.00")}
    assert [t[4] for t in totals(contract)] == [Decimal("2.50"), Decimal("2.50")]
    with pytest.raises(TypeError):
        jp_credit_set(
            source_key="x", source="internal", occurred_on=TODAY, description=""
        )


def test_a_later_rule_never_changes_a_credited_entry(org):
    employee = EmployeeFactory(unit=org.kel_a)
    jp_credit_set(
        source_key="activity:1",
        source="internal",
        occurred_on=date(2026, 3, 2),
        description="Briefing",
        credits={employee.pk: 90},
    )
    jp_rule_create(
        employment_status="PNS",
        effective_from=TODAY,
        kind="minimum",
        jp=Decimal(20),
        basis="calendar",
        minutes_per_jp=60,
        today=TODAY,
    )
    # Re-crediting the same source on the same day keeps the length it was given.
    jp_credit_set(
        source_key="activity:1",
        source="internal",
        occurred_on=date(2026, 3, 2),
        description="Briefing (ubah)",
        credits={employee.pk: 90},
    )
    assert JPEntry.objects.get().minutes_per_jp == 45
    assert totals(employee)[0][4] == Decimal("2.00")


def test_rule_versions_start_today_at_the_earliest(db):
    with pytest.raises(ValidationError) as past:
        jp_rule_create(
            employment_status="PNS",
            effective_from=date(2026, 11, 29),
            kind="minimum",
            jp=Decimal(20),
            basis="calendar",
            minutes_per_jp=45,
            today=TODAY,
        )
    assert "effective_from" in past.value.message_dict
    with pytest.raises(ValidationError) as missing:
        jp_rule_create(
            employment_status="PNS",
            effective_from=TODAY,
            kind="cap",
            jp=None,
            basis="calendar",
            minutes_per_jp=45,
            today=TODAY,
        )
    assert "jp" in missing.value.message_dict
    rule = jp_rule_create(
        employment_status="NON_ASN",
        effective_from=date(2027, 1, 1),
        kind="none",
        jp=Decimal(5),
        basis="calendar",
        minutes_per_jp=45,
        today=TODAY,
    )
    assert rule.jp is None
    with pytest.raises(ValidationError):
        jp_rule_create(
            employment_status="NON_ASN",
            effective_from=date(2027, 1, 1),
            kind="none",
            jp=None,
            basis="calendar",
            minutes_per_jp=45,
            today=TODAY,
        )
    in_force = JPRule.objects.get(employment_status="PNS")
    with pytest.raises(ValidationError):
        jp_rule_delete(rule=in_force, today=TODAY)
    jp_rule_delete(rule=rule, today=TODAY)
    assert JPRule.objects.count() == 4  # the four default rules


def test_default_rules_are_seeded(db):
    rules = {
        r.employment_status: (r.kind, r.jp, r.basis, r.minutes_per_jp)
        for r in JPRule.objects.all()
    }
    assert rules == {
        "PNS": ("minimum", Decimal("20.00"), "calendar", 45),
        "CPNS": ("minimum", Decimal("20.00"), "calendar", 45),
        "PPPK": ("cap", Decimal("24.00"), "contract", 45),
        "NON_ASN": ("none", None, "calendar", 45),
    }


def test_rebuild_command_reports_and_repairs_drift(org):
    employee = EmployeeFactory(unit=org.kel_a)
    jp_credit_set(
        source_key="activity:1",
        source="internal",
        occurred_on=date(2026, 3, 2),
        description="Briefing",
        credits={employee.pk: 90},
    )
    call_command("rebuild_jp_rollups", "--check", stdout=StringIO())
    JPTotal.objects.update(jp=Decimal(7))
    out = StringIO()
    with pytest.raises(CommandError):
        call_command("rebuild_jp_rollups", "--check", stdout=out)
    assert f"pegawai {employee.pk} calendar 2026-01-01" in out.getvalue()
    call_command("rebuild_jp_rollups", stdout=StringIO())
    assert totals_drift() == []
    assert totals(employee)[0][4] == Decimal("2.00")


DAYS = [
    date(2024, 12, 31),
    date(2025, 1, 1),
    date(2025, 7, 31),
    date(2025, 8, 1),
    date(2025, 12, 31),
    date(2026, 1, 1),
    date(2026, 7, 31),
    date(2026, 8, 1),
]
STARTS = [None, date(2025, 8, 1), date(2024, 2, 29), date(2026, 1, 1)]
minutes = st.decimals(min_value=Decimal("0.01"), max_value=600, places=2)
operations = st.lists(
    st.one_of(
        st.tuples(
            st.just("set"),
            st.integers(0, 3),
            st.sampled_from(DAYS),
            st.dictionaries(st.integers(0, 2), minutes, max_size=3),
            st.sampled_from([None, 0, 1]),
        ),
        st.tuples(st.just("clear"), st.integers(0, 3)),
        st.tuples(st.just("contract"), st.sampled_from(STARTS)),
        st.tuples(st.just("rule"), st.sampled_from([45, 50, 60])),
    ),
    max_size=12,
)


@pytest.fixture
def trio(org):
    return [
        EmployeeFactory(unit=org.kel_a),
        EmployeeFactory(
            unit=org.kel_a,
            employment_status=Employee.Status.PPPK,
            contract_starts_on=date(2025, 8, 1),
            contract_ends_on=date(2026, 12, 31),
        ),
        EmployeeFactory(unit=org.kel_b, employment_status=Employee.Status.CPNS),
    ]


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(steps=operations)
def test_totals_equal_a_recomputation_after_any_writes(trio, framework, steps):
    forms = list(DevelopmentForm.objects.order_by("pk")[:2])
    JPEntry.objects.all().delete()
    FormYearEntries.objects.all().delete()
    JPTotal.objects.all().delete()
    JPRule.objects.filter(effective_from__gt=date(2000, 1, 1)).delete()
    contractor = trio[1]
    Employee.objects.filter(pk=contractor.pk).update(
        contract_starts_on=date(2025, 8, 1), contract_ends_on=date(2026, 12, 31)
    )
    day_of_rule = iter(DAYS)
    for step in steps:
        if step[0] == "set":
            __, key, day, credited, form = step
            jp_credit_set(
                source_key=f"s:{key}",
                source="internal",
                occurred_on=day,
                description="x",
                credits={trio[i].pk: m for i, m in credited.items()},
                form_id=None if form is None else forms[form].pk,
            )
        elif step[0] == "clear":
            jp_credit_clear(source_key=f"s:{step[1]}")
        elif step[0] == "contract":
            contractor.refresh_from_db()
            start = step[1]
            employee_update(
                employee=contractor,
                contract_starts_on=start,
                contract_ends_on=None if start is None else contractor.contract_ends_on,
            )
        else:
            day = next(day_of_rule, None)
            if day is not None:
                JPRule.objects.get_or_create(
                    employment_status="PNS",
                    effective_from=day,
                    defaults={
                        "kind": "minimum",
                        "jp": Decimal(20),
                        "basis": "calendar",
                        "minutes_per_jp": step[1],
                    },
                )
    assert totals_drift() == []
    assert form_year_entries_drift() == []
    stored = sorted(
        JPTotal.objects.values_list("employee_id", "basis", "starts_on", "jp")
    )
    jp_totals_rebuild()
    assert (
        sorted(JPTotal.objects.values_list("employee_id", "basis", "starts_on", "jp"))
        == stored
    )


def test_form_year_entries_follow_the_entries_of_each_year(org, framework):
    """One row per employee, calendar year, source and form; moving an entry to
    another year or form, or clearing it, rewrites both years' rows; entries
    without a form are not counted."""
    first, second = DevelopmentForm.objects.order_by("pk")[:2]
    a, b = EmployeeFactory(unit=org.kel_a), EmployeeFactory(unit=org.kel_b)

    def rows():
        return sorted(
            FormYearEntries.objects.values_list(
                "employee_id", "year", "source", "form_id", "entries"
            )
        )

    for key, day in (("k:1", date(2025, 12, 31)), ("k:2", date(2025, 3, 1))):
        jp_credit_set(
            source_key=key,
            source="internal",
            occurred_on=day,
            description="x",
            credits={a.pk: 60, b.pk: 30},
            form_id=first.pk,
        )
    jp_credit_set(
        source_key="k:3",
        source="internal",
        occurred_on=date(2025, 5, 1),
        description="tanpa bentuk",
        credits={a.pk: 60},
    )
    assert rows() == [
        (a.pk, 2025, "internal", first.pk, 2),
        (b.pk, 2025, "internal", first.pk, 2),
    ]
    jp_credit_set(  # k:1 moves to the next year and another form, without b
        source_key="k:1",
        source="internal",
        occurred_on=date(2026, 1, 1),
        description="x",
        credits={a.pk: 60},
        form_id=second.pk,
    )
    assert rows() == [
        (a.pk, 2025, "internal", first.pk, 1),
        (a.pk, 2026, "internal", second.pk, 1),
        (b.pk, 2025, "internal", first.pk, 1),
    ]
    jp_credit_clear(source_key="k:2")
    assert rows() == [(a.pk, 2026, "internal", second.pk, 1)]
    assert form_year_entries_drift() == []
    FormYearEntries.objects.all().delete()
    assert form_year_entries_drift() == [((a.pk, 2026, "internal", second.pk), None, 1)]
    assert form_year_entries_rebuild() == 1
    assert rows() == [(a.pk, 2026, "internal", second.pk, 1)]
