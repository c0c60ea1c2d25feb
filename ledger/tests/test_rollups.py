"""``ledger.rollups``: the participants of each internal form per unit and year,
and their change in level since 1 January, kept by the ledger's writer, the
level writer and employee moves (the property test in
``assessments/tests/test_rollups.py`` applies random sequences of those)."""

from datetime import date, timedelta

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from activities.services import activity_delete
from assessments.services import result_release
from assessments.tests.test_rollups import _briefing_record, _scored, make_world
from ledger.models import FormYearChange
from ledger.rollups import form_year_changes_drift
from people.models import Employee
from people.services import employee_update

pytestmark = pytest.mark.django_db


@pytest.fixture
def level_world(org, roles):
    return make_world(org)


@pytest.fixture
def head(roles):
    """The head over every unit of the world: records its briefings."""
    return roles.head_kecamatan


def _rows() -> dict:
    """{(unit, year, form, active): (people, entries, counted and change of
    dimensions 1 and 2)}."""
    return {
        (row.unit_id, row.year, row.form.code, row.active): (
            row.people,
            row.entries,
            row.counted_1,
            row.change_1,
            row.counted_2,
            row.change_2,
        )
        for row in FormYearChange.objects.select_related("form")
    }


def test_each_writer_keeps_the_participants_and_their_changes(level_world, head):
    dims, instrument, units, employees, __ = level_world
    a, b, c = employees  # a and c in units[0], b in units[1]
    # Three briefings on the three days before today, or in the first days of
    # January on the last three of December: one year. A level in force on its
    # 1 January for ``a`` only: 3 on dimension 1.
    today = timezone.localdate()
    back = 0 if today.timetuple().tm_yday > 3 else today.timetuple().tm_yday
    year = (today - timedelta(days=back + 1)).year
    first = _scored(instrument, a, date(year - 1, 6, 1), [(dims[0], 3)])
    assert result_release(result=first, by=None)
    # Briefings with one present attendee each: a twice, c once.
    briefing = _briefing_record(head, employees, frozenset({2}), back + 1)
    _briefing_record(head, employees, frozenset({0}), back + 2)
    _briefing_record(head, employees, frozenset({0}), back + 3)
    unit = units[0].pk
    # a: two entries, a change of 0 on dimension 1 (level 3 then and now);
    # c: one entry, no level.
    assert _rows() == {(unit, year, "briefing", True): (2, 3, 1, 0, 0, 0)}

    # A release after 1 January: a's change becomes 5 − 3.
    second = _scored(instrument, a, date(year, 1, 2), [(dims[0], 5), (dims[1], 2)])
    assert result_release(result=second, by=None)
    assert _rows() == {(unit, year, "briefing", True): (2, 3, 1, 2, 0, 0)}

    # a moves to b's unit: the unit left keeps c, the unit joined has a.
    employee_update(employee=Employee.objects.get(pk=a.pk), unit=units[1])
    other = units[1].pk
    assert _rows() == {
        (unit, year, "briefing", True): (1, 1, 0, 0, 0, 0),
        (other, year, "briefing", True): (1, 2, 1, 2, 0, 0),
    }

    # Deactivated: counted under ``active = False``.
    employee_update(employee=Employee.objects.get(pk=a.pk), is_active=False)
    assert _rows() == {
        (unit, year, "briefing", True): (1, 1, 0, 0, 0, 0),
        (other, year, "briefing", False): (1, 2, 1, 2, 0, 0),
    }

    # c's briefing deleted: c has no entry left.
    activity_delete(activity=briefing, actor=head)
    assert _rows() == {(other, year, "briefing", False): (1, 2, 1, 2, 0, 0)}
    assert form_year_changes_drift() == []


def test_rebuild_rollups_reports_and_repairs_its_drift(level_world, head, capsys):
    __, __, units, employees, __ = level_world
    _briefing_record(head, employees, frozenset({0}), 1)
    _briefing_record(head, employees, frozenset({1}), 2)
    call_command("rebuild_rollups", "--check")
    FormYearChange.objects.filter(unit=units[0]).update(people=9)
    FormYearChange.objects.filter(unit=units[1]).delete()
    with pytest.raises(CommandError, match="2 baris"):
        call_command("rebuild_rollups", "--check")
    assert "FormYearChange: 2 baris menyimpang" in capsys.readouterr().out
    call_command("rebuild_rollups")
    call_command("rebuild_rollups", "--check")
    assert sorted(people for (people, *__) in _rows().values()) == [1, 1]
