"""The demo's training evaluation: reactions to past programs and gatherings,
follow-ups recorded by the demo heads with more still due, the effectiveness
report for the demo year, and a second ``seed_demo`` that changes nothing."""

import pytest
from django.core.management import call_command
from django.db.models import F

from evaluations.effectiveness import program_rows, report_programs
from evaluations.models import FollowUp, Observation, Reaction
from evaluations.selectors import follow_up_queue
from people.models import User
from programs.models import Program

E_LEARNING = "E-Learning Etika Pelayanan PTSP"


@pytest.fixture
def seeded(demo_seeded, db):
    """The demo, seeded once for this module (each test runs in a savepoint)."""


def _counts():
    return (
        Reaction.objects.count(),
        FollowUp.objects.count(),
        Observation.objects.count(),
    )


def test_report_shows_the_e_learning_reactions(seeded, client):
    program = Program.objects.get(title=E_LEARNING)
    bpsdm = User.objects.get(username="bpsdm")
    year = program.ends_on.year
    rows = {r.label: r for r in program_rows(bpsdm, year, report_programs(bpsdm, year))}
    # Seven Kembangan participants, the fifth did not finish: six answered.
    row = rows[E_LEARNING]
    assert (row.participants, row.responses) == (6, 6)
    assert rows["Diklat Komunikasi Pelayanan Angkatan I"].responses == 2
    client.force_login(bpsdm)
    page = client.get(f"/evaluasi/laporan/?tahun={year}")
    assert page.status_code == 200
    assert E_LEARNING in page.content.decode()


def test_heads_have_follow_ups_done_and_due(seeded):
    head = User.objects.get(username="kepala.kembangan")
    village_head = User.objects.get(username="kepala.meruyautara")
    assert FollowUp.objects.filter(recorded_by=head).count() == 5
    assert FollowUp.objects.filter(recorded_by=village_head).count() == 1
    # Never about themselves.
    assert not FollowUp.objects.filter(recorded_by__employee=F("employee")).exists()
    assert follow_up_queue(head).exists()
    assert follow_up_queue(village_head).exists()


def test_second_seed_demo_changes_no_row_count(seeded):
    first = _counts()
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert _counts() == first
