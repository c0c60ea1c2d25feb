"""Checks of the form-specific details of an activity, shared by the forms and the
services. Each yields (field, message) pairs; no database writes."""

from collections.abc import Iterator, Mapping
from datetime import date
from typing import Any

from django.utils.translation import gettext as _

from activities.models import (
    FORM_BENCHMARKING,
    FORM_BRIEFING,
    FORM_COACHING,
    FORM_GATHERING,
    FORM_PERSONAL,
    FORM_SELF,
    BenchmarkingDetail,
    BriefingDetail,
    GatheringDetail,
    SelfDevelopmentDetail,
)
from activities.permissions import RECORD_PERSONAL
from people.models import Employee, User
from people.permissions import can
from people.selectors import user_employee


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def detail_errors(
    *,
    form_code: str,
    actor: User,
    detail: Mapping[str, Any],
    facilitator: Employee | None,
    started_on: date,
) -> Iterator[tuple[str, str]]:
    if form_code == FORM_BRIEFING:
        if detail.get("agenda_kind") not in BriefingDetail.Agenda.values:
            yield "agenda_kind", _("Pilih jenis agenda briefing.")
    elif form_code == FORM_GATHERING:
        if _blank(detail.get("event")):
            yield "event", _("Isi nama acara gathering.")
        if any(k not in GatheringDetail.Kind.values for k in detail.get("kinds") or []):
            yield "kinds", _("Bentuk kegiatan tidak dikenal.")
    elif form_code == FORM_BENCHMARKING:
        if detail.get("host_type") not in BenchmarkingDetail.HostType.values:
            yield "host_type", _("Pilih jenis tuan rumah.")
        if _blank(detail.get("host_name")):
            yield "host_name", _("Isi nama unit atau instansi tuan rumah.")
        if _blank(detail.get("findings")):
            yield "findings", _("Tuliskan temuan benchmarking.")
    elif form_code == FORM_SELF:
        if detail.get("employee") is None:
            yield "employee", _("Pilih pegawai yang belajar.")
        if detail.get("study_kind") not in SelfDevelopmentDetail.StudyKind.values:
            yield "study_kind", _("Pilih apa yang dipelajari.")
        if _blank(detail.get("topic")):
            yield "topic", _("Isi topik yang dipelajari.")
    elif form_code == FORM_PERSONAL:
        yield from _personal_errors(actor, detail)
    elif form_code == FORM_COACHING:
        yield from _coaching_errors(detail, facilitator, started_on)


def _personal_errors(actor: User, detail: Mapping[str, Any]):
    if not can(actor, RECORD_PERSONAL):
        yield "employee", _("Pendekatan personal hanya dicatat oleh kepala unit.")
    employee = detail.get("employee")
    if employee is None:
        yield "employee", _("Pilih pegawai yang didekati.")
    elif employee == user_employee(actor):
        yield "employee", _("Pendekatan personal dilakukan dengan pegawai lain.")
    if _blank(detail.get("note")):
        yield "note", _("Tuliskan catatan pendekatan personal.")


def _coaching_errors(detail, facilitator: Employee | None, started_on: date):
    coaching = detail.get("coaching")
    coachee = coaching.coachee if coaching else detail.get("coachee")
    if coachee is None:
        yield "coachee", _("Sesi coaching harus memiliki coachee.")
    if facilitator is None:
        yield "facilitator", _("Isi coach (fasilitator) sesi ini.")
    elif coachee is not None and coachee.pk == facilitator.pk:
        yield "coachee", _("Coach dan coachee tidak boleh orang yang sama.")
    if coaching is None and coachee is not None and _blank(detail.get("goal")):
        yield "goal", _("Isi tujuan coaching.")
    due_on = detail.get("due_on")
    if due_on is not None and due_on < started_on:
        yield "due_on", _("Tenggat tindak lanjut tidak boleh sebelum tanggal sesi.")
