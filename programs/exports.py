"""Exports of the programs app: a program's nominations (scoped to the viewer)
and the unit profile sent to BPSDM (from the stored snapshot, so it shows what
was sent)."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from exports.registry import register
from exports.writer import Column, Document, Sheet, chunked, display, user_label
from ledger.selectors import minutes_per_jp_text
from programs.selectors import (
    nominations_visible_to,
    program_get_for_user,
    submission_get_for_user,
)
from programs.snapshot import snapshot_columns

NOMINATION_COLUMNS = [
    Column(gettext_lazy("Program"), lambda n: n.program.title, width=30),
    Column(gettext_lazy("NIP"), lambda n: n.employee.nip, width=20),
    Column(gettext_lazy("Nama"), lambda n: n.employee.name, width=28),
    Column(gettext_lazy("Unit"), lambda n: n.employee.unit.name, width=28),
    Column(gettext_lazy("Jabatan"), lambda n: n.employee.position_type.name),
    Column(
        gettext_lazy("Status kepegawaian"),
        lambda n: display(n.employee, "employment_status"),
    ),
    Column(gettext_lazy("Status usulan"), lambda n: display(n, "state")),
    Column(
        gettext_lazy("Dimensi"),
        lambda n: n.dimension.label if n.dimension else "",
        width=28,
    ),
    Column(gettext_lazy("Alasan"), lambda n: n.reason, width=40),
    Column(gettext_lazy("Diusulkan"), lambda n: n.created_at),
    Column(gettext_lazy("Alasan keputusan"), lambda n: n.decision_note, width=40),
    Column(gettext_lazy("Hasil"), lambda n: display(n, "outcome")),
    Column(gettext_lazy("Kehadiran (%)"), lambda n: n.attendance_percent),
    Column(gettext_lazy("Nilai"), lambda n: n.score),
    Column(gettext_lazy("Nomor STTPP"), lambda n: n.certificate_number),
]


@register("programs.nominations", label=gettext_lazy("Usulan peserta program"))
def nominations_document(user, query, *, pk: int) -> Document:
    program = program_get_for_user(user, pk)
    nominations = (
        nominations_visible_to(user)
        .filter(program=program)
        .order_by("employee__unit__path", "employee__name", "pk")
    )
    return Document(
        name=f"usulan-{program.pk}",
        title=_("Usulan peserta: %(program)s") % {"program": program.title},
        sheets=[
            Sheet(
                _("Usulan peserta"),
                NOMINATION_COLUMNS,
                chunked(nominations),
                nominations.count,
            )
        ],
        notes=[
            (_("Program"), program.title),
            (_("Mulai"), program.starts_on),
            (_("Selesai"), program.ends_on),
        ],
    )


@register("programs.submission", label=gettext_lazy("Profil unit"), formats=("xlsx",))
def submission_document(user, query, *, pk: int) -> Document:
    submission = submission_get_for_user(user, pk)
    return Document(
        name=f"profil-{submission.unit.code}-{submission.as_of:%Y%m%d}",
        title=_("Profil pegawai unit %(unit)s") % {"unit": submission.unit.name},
        sheets=[
            Sheet(
                _("Profil pegawai"),
                snapshot_columns(submission),
                submission.rows,
                lambda: len(submission.rows),
            )
        ],
        notes=[
            (_("Unit"), submission.unit.name),
            (_("Keadaan per"), submission.as_of),
            (_("Dikirim"), submission.submitted_at),
            (_("Dikirim oleh"), user_label(submission.submitted_by) or "-"),
            (_("Jumlah pegawai"), submission.employee_count),
            (_("1 JP (menit)"), minutes_per_jp_text(submission.as_of)),
        ],
    )
