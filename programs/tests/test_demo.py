import io

from competencies import demo as competencies_demo
from ledger.models import JPEntry
from people import demo as people_demo
from programs import demo
from programs.models import Exchange, Nomination, Program
from sosiokultural.demo import DemoContext


def _counts():
    return (
        Program.objects.count(),
        Nomination.objects.count(),
        Exchange.objects.count(),
        JPEntry.objects.filter(source_key__startswith="program-nomination:").count(),
    )


def test_demo_seed_is_idempotent_and_covers_every_state(db, settings):
    out = io.StringIO()
    context = DemoContext()
    people_demo.seed(out, context)
    competencies_demo.seed(out, context)
    demo.seed(out, context)
    first = _counts()
    demo.seed(out, context)
    assert _counts() == first
    forms = set(Program.objects.values_list("form__code", flat=True))
    assert forms == {
        "orientasi-pelayanan",
        "e-learning",
        "diklat-komunikasi",
        "pertukaran-pns-swasta",
        "uji-kompetensi",
        "diklat-disabilitas",
    }
    assert set(Nomination.objects.values_list("state", flat=True)) == {
        "requested",
        "nominated",
        "approved",
        "rejected",
        "waitlisted",
        "withdrawn",
    }
    completed = Nomination.objects.filter(outcome="completed")
    assert completed.exclude(certificate_number="").count() == completed.count() > 0
    assert first[3] == completed.count()
    for program in Program.objects.all():
        approved = program.nominations.filter(state="approved").count()
        assert approved <= program.capacity
