"""How the trail reads to people: the name of each action and kind of object, and
each event's before → after as one row per field, with the field's label and
values as the rest of the application shows them (choices by their label, dates
in local time, numbers in the page's language)."""

from dataclasses import dataclass
from datetime import date, datetime

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.utils import formats, timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from audit.models import AuditEvent

# Every action the services record (``audit_record(action=…)``).
ACTIONS = {
    "activity.verify": _("Kegiatan diverifikasi"),
    "activity.reject": _("Kegiatan ditolak"),
    "activity.unverify": _("Verifikasi kegiatan dibatalkan"),
    "employee.update": _("Data pegawai diubah"),
    "employee.anonymise": _("Data pegawai dianonimkan"),
    "multirater.round_open": _("Putaran penilaian 360 dibuka"),
    "multirater.round_close": _("Putaran penilaian 360 ditutup"),
    "multirater.assignment_add": _("Penilai 360 ditambahkan"),
    "multirater.assignment_remove": _("Penilai 360 dihapus"),
    "nomination.requested": _("Nominasi diajukan pegawai"),
    "nomination.nominated": _("Nominasi diusulkan kepala unit"),
    "nomination.approved": _("Nominasi disetujui"),
    "nomination.rejected": _("Nominasi ditolak"),
    "nomination.waitlisted": _("Nominasi masuk daftar tunggu"),
    "nomination.withdrawn": _("Nominasi ditarik"),
    "nomination.complete": _("Kelulusan program dicatat"),
    "nomination.completion_clear": _("Catatan kelulusan dihapus"),
    "personal_data.download": _("Data pribadi diunduh"),
    "personal_note.read": _("Catatan pribadi dibaca"),
    "personality.read": _("Profil kepribadian dibaca"),
    "result.release": _("Hasil uji dirilis"),
    "result.rescore": _("Hasil uji dinilai ulang"),
    "standard.create": _("Standar kompetensi dibuat"),
    "standard.update": _("Standar kompetensi diubah"),
    "standard.delete": _("Standar kompetensi dihapus"),
}


def action_label(code: str) -> str:
    return str(ACTIONS.get(code, code))


def kind_label(target_type: str) -> str:
    """``programs.nomination`` → the model's name ("nominasi"), capitalised."""
    model = _model(target_type)
    if model is None:
        return target_type
    return capfirst(str(model._meta.verbose_name))


def kind_choices() -> list[tuple[str, str]]:
    """The kinds of object the services record, by name."""
    labels = {
        "activities.activity",
        "assessments.result",
        "competencies.standard",
        "people.employee",
        "people.user",
        "programs.nomination",
    }
    return sorted(((t, kind_label(t)) for t in labels), key=lambda c: c[1])


@dataclass(frozen=True)
class Change:
    label: str
    before: str
    after: str

    @property
    def changed(self) -> bool:
        return self.before != self.after


def changes(event: AuditEvent) -> list[Change]:
    """One row per field named in ``before`` or ``after``, in their order."""
    before = event.before if isinstance(event.before, dict) else {}
    after = event.after if isinstance(event.after, dict) else {}
    model = _model(event.target_type)
    names = list(dict.fromkeys([*before, *after]))
    rows = []
    for name in names:
        field = _field(model, name)
        rows.append(
            Change(
                label=capfirst(str(field.verbose_name)) if field else name,
                before=_value(field, before[name]) if name in before else "—",
                after=_value(field, after[name]) if name in after else "—",
            )
        )
    if not isinstance(event.before, dict | None) or not isinstance(
        event.after, dict | None
    ):  # a plain value rather than fields
        rows.append(Change("", _value(None, event.before), _value(None, event.after)))
    return rows


def _model(target_type: str):
    try:
        return apps.get_model(target_type)
    except (LookupError, ValueError):
        return None


def _field(model, name: str):
    if model is None:
        return None
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return None
    # A name that is a reverse relation (an event noting, say, how many
    # responses a round had) is not a field of the row: shown under its name.
    return None if field.auto_created and not field.concrete else field


def _value(field, value) -> str:
    if value is None or value == "":
        return "—"
    if field is not None and field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return str(_("Ya") if value else _("Tidak"))
    if isinstance(value, str):
        moment = _moment(value)
        if moment is not None:
            return moment
        return value
    if isinstance(value, int | float):
        return formats.localize(value, use_l10n=True)
    if isinstance(value, list):
        return ", ".join(
            _value(field if field and field.choices else None, v) for v in value
        )
    if isinstance(value, dict):
        return "; ".join(f"{k}: {_value(None, v)}" for k, v in value.items())
    return str(value)


def _moment(text: str) -> str | None:
    """An ISO date or time stored by ``audit.services`` → local, as pages show it."""
    if len(text) < 10 or text[4:5] != "-" or text[7:8] != "-":
        return None
    try:
        if len(text) == 10:
            return formats.date_format(date.fromisoformat(text), "j M Y")
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    if timezone.is_aware(moment):
        moment = timezone.localtime(moment)
    return formats.date_format(moment, "j M Y H.i")
