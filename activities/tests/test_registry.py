"""The registry of internal forms (``activities.registry``, ``activities/kinds/``):
every entry is complete, a seventh form is one more entry (created, validated,
saved, listed, exported and shown without touching any other module), and no
module outside the registry compares form codes."""

import ast
import csv
import io
import re
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.db import models
from django.template import engines
from django.template.loader import get_template
from django.utils import timezone

from activities import registry
from activities.forms.base import ActivityForm
from activities.forms.group import GroupActivityForm
from activities.models import Activity
from activities.rules import blank
from activities.tests.factories import roster
from competencies.models import DevelopmentForm
from exports.writer import Column
from ledger.models import JPEntry
from people.permissions import PERMISSIONS

SIX = [
    "benchmarking",
    "briefing",
    "coaching",
    "gathering",
    "pendekatan-personal",
    "pengembangan-diri",
]


def test_registry_holds_the_six_internal_forms_of_the_catalogue(framework):
    assert registry.codes() == SIX
    internal = DevelopmentForm.objects.filter(provider="internal")
    assert sorted(internal.values_list("code", flat=True)) == SIX


@pytest.mark.parametrize("code", SIX)
def test_registry_entry_is_complete(code):
    kind = registry.kind_for(code)
    assert kind.code == code
    assert str(kind.label)
    assert issubclass(kind.form_class, ActivityForm)
    assert kind.record_permission in PERMISSIONS
    if kind.detail_model is not None:
        link = kind.detail_model._meta.get_field("activity")
        assert isinstance(link, models.OneToOneField)
        assert link.related_model is Activity
        assert hasattr(Activity, kind.detail_name)
    for path in (*kind.page_select, *kind.list_related):
        assert Activity._meta.get_field(path.split("__")[0]).one_to_one
    for name in (
        kind.detail_template,
        kind.private_template,
        kind.list_template,
        kind.form_template,
    ):
        if name is not None:
            assert get_template(name)
    assert all(isinstance(column, Column) for column in kind.export_columns)
    # Something shows the detail: rows on the page, or a private section.
    assert kind.detail_model is None or kind.detail_template or kind.private_template
    if kind.detail_private:
        assert kind.private_read_action
        assert kind.page_select == () and kind.list_related == ()
        assert kind.export_columns == ()


def test_registry_flags_of_the_six_forms():
    assert registry.codes_where(author_only=True) == ["pendekatan-personal"]
    assert registry.codes_where(single_attendee=True) == [
        "coaching",
        "pendekatan-personal",
        "pengembangan-diri",
    ]
    assert registry.codes_where(takes_evidence=False) == ["pendekatan-personal"]
    assert registry.page_related() == [
        "benchmarking__host_unit",
        "briefing",
        "coaching_session__coaching__coach",
        "coaching_session__coaching__coachee",
        "gathering",
        "self_development",
    ]
    assert registry.list_related() == ["briefing"]
    assert [str(c.label) for c in registry.export_columns()] == ["Agenda briefing"]


def test_registry_refuses_a_code_twice():
    class Again(registry.ActivityKind):
        code = "briefing"

    with pytest.raises(ValueError, match="briefing"):
        registry.register(Again)
    assert registry.kind_for("briefing").__class__.__name__ == "Briefing"


# -- a seventh form: one entry, nothing else ------------------------------------

SEVENTH = "komunitas-belajar"


class LearningCommunityForm(GroupActivityForm):
    """A group form with no field of its own: the topic is the summary."""

    def detail(self):
        return {"topic": self.cleaned_data.get("summary", "")}


def _topic(activity) -> str:
    if activity.form.code != SEVENTH:
        return ""
    return activity.summary.splitlines()[0]


@pytest.fixture
def seventh(framework):
    """A learning community (komunitas belajar, Perlan 10/2018) registered for
    the test: a catalogue row and an entry, no detail model, no migration."""

    class LearningCommunity(registry.ActivityKind):
        code = SEVENTH
        label = "Komunitas Belajar"
        form_class = LearningCommunityForm
        detail_template = engines["django"].from_string(
            '<dt class="col-sm-3">Topik komunitas</dt>'
            '<dd class="col-sm-9">{{ activity.summary }}</dd>'
        )
        list_template = engines["django"].from_string(
            ' <span class="small">· komunitas</span>'
        )
        export_columns = (Column("Topik komunitas", _topic),)

        def detail_errors(self, *, actor, detail, facilitator, started_on):
            if blank(detail.get("topic")):
                yield "summary", "Tuliskan topik pertemuan komunitas belajar."

        def credit_topic(self, activity):
            return activity.summary.splitlines()[0]

    DevelopmentForm.objects.create(
        code=SEVENTH,
        name="Komunitas Belajar",
        name_en="Learning community",
        provider="internal",
        classification="non_classical",
        default_minutes=90,
        order=20,
    )
    with registry.registered(LearningCommunity) as kind:
        yield kind
    assert registry.kind_for(SEVENTH) is None


def _post(unit, people, summary, facilitator):
    day = timezone.localdate() - timedelta(days=1)
    return {
        "unit": unit.pk,
        "date": day.isoformat(),
        "start_time": "13:00",
        "duration_minutes": "90",
        "summary": summary,
        "facilitator": facilitator.pk,
        "dimensions": [],
        "attendance": [f"{e.pk}:present" for e in people],
    }


def test_seventh_form_is_only_recordable_once_registered(framework, roles, login):
    DevelopmentForm.objects.create(
        code=SEVENTH,
        name="Komunitas Belajar",
        provider="internal",
        classification="non_classical",
        order=20,
    )
    client = login(roles.head_a)
    codes = [f.code for f in client.get("/kegiatan/baru/").context["forms"]]
    assert SEVENTH not in codes
    assert client.get(f"/kegiatan/baru/{SEVENTH}/").status_code == 404


def test_seventh_form_records_lists_exports_and_renders(seventh, roles, org, login):
    people = roster(org.kel_a, 2)
    client = login(roles.head_a)

    # The create page offers it, after the six.
    new = client.get("/kegiatan/baru/")
    assert [f.code for f in new.context["forms"]] == [
        "pendekatan-personal",
        "coaching",
        "briefing",
        "gathering",
        "benchmarking",
        "pengembangan-diri",
        SEVENTH,
    ]
    page = client.get(f"/kegiatan/baru/{SEVENTH}/")
    assert page.status_code == 200
    assert type(page.context["form"]) is LearningCommunityForm
    assert page.context["form"]["duration_minutes"].initial == 90

    # Its rule is checked, with its message, and nothing is saved.
    refused = client.post(
        f"/kegiatan/baru/{SEVENTH}/",
        _post(org.kel_a, people, "", roles.head_a.employee),
    )
    assert refused.status_code == 200
    assert refused.context["form"].errors["summary"] == [
        "Tuliskan topik pertemuan komunitas belajar."
    ]
    assert Activity.objects.count() == 0

    # Saved through the same service: verified (a head's), credited with its topic.
    summary = "Membedah SOP izin usaha mikro\nDipandu staf teknis."
    saved = client.post(
        f"/kegiatan/baru/{SEVENTH}/",
        _post(org.kel_a, people, summary, roles.head_a.employee),
    )
    activity = Activity.objects.get()
    assert saved.status_code == 302
    assert saved["Location"] == f"/kegiatan/{activity.pk}/"
    assert activity.form.code == SEVENTH
    assert activity.kind is seventh
    assert activity.status == Activity.Status.VERIFIED
    assert sorted(
        JPEntry.objects.filter(source_key=activity.source_key).values_list(
            "employee_id", "minutes", "description"
        )
    ) == sorted(
        (e.pk, 90, "Komunitas Belajar: Membedah SOP izin usaha mikro") for e in people
    )

    # Listed, with its own snippet after the form's label.
    listed = client.get("/kegiatan/")
    assert [a.pk for a in listed.context["page"]] == [activity.pk]
    assert 'Komunitas Belajar <span class="small">· komunitas</span>' in (
        listed.content.decode()
    )

    # Exported, with its own column after the unit's.
    rows = list(
        csv.reader(
            io.StringIO(
                client.get("/kegiatan/ekspor.csv").getvalue().decode("utf-8-sig")
            )
        )
    )
    assert rows[0][5:10] == [
        "Kode unit",
        "Unit",
        "Agenda briefing",
        "Topik komunitas",
        "Fasilitator",
    ]
    row = dict(zip(rows[0], rows[1], strict=True))
    assert row["Bentuk"] == "Komunitas Belajar"
    assert row["Agenda briefing"] == ""
    assert row["Topik komunitas"] == "Membedah SOP izin usaha mikro"
    assert row["Hadir"] == "2"

    # Shown, with its own rows, evidence and facilitator as any group form.
    shown = client.get(f"/kegiatan/{activity.pk}/")
    html = shown.content.decode()
    assert shown.context["kind"] is seventh
    assert (
        '<dt class="col-sm-3">Topik komunitas</dt><dd class="col-sm-9">'
        "Membedah SOP izin usaha mikro\nDipandu staf teknis.</dd>"
    ) in html
    assert '<dt class="col-sm-3">Fasilitator</dt>' in html
    assert "Berkas bukti" in html

    # Edited with its own form.
    edit = client.get(f"/kegiatan/{activity.pk}/ubah/")
    assert edit.status_code == 200
    assert type(edit.context["form"]) is LearningCommunityForm
    assert edit.context["form"].initial["summary"] == summary


# -- nothing outside the registry knows the codes --------------------------------

BASE = Path(settings.BASE_DIR)
#: Not the product's modules: tests, migrations, the browser journeys, the
#: benchmark, installed packages and collected files.
SKIPPED_DIRS = {
    "tests",
    "testsupport",  # the helpers tests and the page benchmark build worlds with
    "migrations",
    "e2e",
    "bench",
    "node_modules",
    "staticfiles",
    "media",
}
#: The registry itself, and the reference data of the catalogue (the forms and
#: the matrix of Tables 4 and 5, keyed by code as data, loaded into the database).
ALLOWED = {
    "activities/registry.py",
    "competencies/bootstrap.py",
    "competencies/reference/matrix.py",
}
KINDS_DIR = "activities/kinds/"
SHARED_TEMPLATES = [
    "activities/templates/activities/activity_detail.html",
    "activities/templates/activities/activity_form.html",
    "activities/templates/activities/activity_list.html",
]


def _sources(suffix: str):
    """The project's own files ending in ``suffix`` (top-level folders only, so
    an installed virtualenv or collected static files are never walked)."""
    for top in sorted(BASE.iterdir()):
        if not top.is_dir() or top.name.startswith(".") or top.name in SKIPPED_DIRS:
            continue
        for path in sorted(top.rglob(f"*{suffix}")):
            relative = path.relative_to(BASE)
            if SKIPPED_DIRS & set(relative.parts[:-1]):
                continue
            name = relative.as_posix()
            if name in ALLOWED or name.startswith(KINDS_DIR):
                continue
            if "templates/activities/kinds/" in name:
                continue
            yield name, path


def _constants(node, codes) -> list[str]:
    return [
        sub.value
        for sub in ast.walk(node)
        if isinstance(sub, ast.Constant) and sub.value in codes
    ]


def code_uses(tree: ast.AST, codes: set[str]) -> list[tuple[int, str]]:
    """Where a module compares with, filters by, looks up by or defines a form
    code as a literal."""
    found = []
    for node in ast.walk(tree):
        hits = []
        if isinstance(node, ast.Compare):
            hits = _constants(node, codes)
        elif isinstance(node, ast.keyword) and (node.arg or "").endswith(
            ("code", "code__in")
        ):
            hits = _constants(node.value, codes)
        elif isinstance(node, ast.Subscript) and "form" in ast.unparse(node.value):
            hits = _constants(node.slice, codes)
        elif isinstance(node, ast.Assign | ast.AnnAssign) and isinstance(
            node.value, ast.Constant
        ):
            hits = _constants(node.value, codes)
        found += [(node.lineno, hit) for hit in hits]
    return sorted(found)


def test_code_uses_finds_what_it_looks_for():
    source = (
        'if activity.form.code == "briefing": pass\n'
        'Activity.objects.filter(form__code__in=["coaching"])\n'
        'forms["gathering"]\n'
        'FORM_SELF = "pengembangan-diri"\n'
        'detail["coaching"]\n'
        'path("briefing/", view, name="briefing")\n'
    )
    assert code_uses(ast.parse(source), set(SIX)) == [
        (1, "briefing"),
        (2, "coaching"),
        (3, "gathering"),
        (4, "pengembangan-diri"),
    ]


def test_no_module_outside_the_registry_compares_form_codes():
    codes = set(registry.codes())
    names = [name for name, __ in _sources(".py")]
    assert "activities/views/records.py" in names  # the walk reaches the apps
    assert "activities/kinds/briefing.py" not in names
    found = [
        f"{name}:{line}: {code}"
        for name, path in _sources(".py")
        for line, code in code_uses(ast.parse(path.read_text()), codes)
    ]
    assert found == []


def test_no_template_outside_the_registry_compares_form_codes():
    alternatives = "|".join(re.escape(code) for code in registry.codes())
    literal = rf"['\"](?:{alternatives})['\"]"
    comparison = re.compile(rf"(?:==|!=)\s*{literal}|{literal}\s*(?:==|!=)")
    found = [
        name for name, path in _sources(".html") if comparison.search(path.read_text())
    ]
    assert found == []


def test_shared_templates_read_no_form_detail():
    accessors = {kind.detail_name for kind in registry.kinds() if kind.detail_name}
    found = [
        (name, accessor)
        for name in SHARED_TEMPLATES
        for accessor in sorted(accessors)
        if re.search(rf"\bactivity\.{accessor}\b", (BASE / name).read_text())
    ]
    assert found == []
