"""The registry of internal development forms ("kinds" of activity).

Each internal form of the catalogue (``competencies.DevelopmentForm`` with
``provider="internal"``) that can be recorded is declared once, in its own module
of ``activities/kinds/`` (found there by ``activities.kinds``): its code, its
label, its detail model, its form class, its validation, who may record it and
read its detail, its templates, its export columns and how it fills the JP
ledger's description. Everything that differs between the forms is asked here
(services, selectors, permissions, views, templates, exports, the admin), so no
other module compares form codes. See ``docs/activities.md``.
"""

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from datetime import date
from importlib import import_module
from typing import TYPE_CHECKING, Any

from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from activities.permissions import RECORD

if TYPE_CHECKING:
    from activities.forms.base import ActivityForm
    from activities.models import Activity
    from exports.writer import Column
    from people.models import Employee, User


class ActivityKind:
    """What one internal form declares. Subclass it in ``activities/kinds/<form>.py``
    and decorate the subclass with ``@register``; the defaults are those of a plain
    group activity (a unit, a roster, evidence files, a public summary)."""

    #: The code of its catalogue row (``DevelopmentForm.code``).
    code: str = ""
    #: Its name where the catalogue row is not at hand (the catalogue's own label,
    #: which BPSDM edits, is what pages show).
    label: str = ""
    #: The form of ``/kegiatan/baru/<code>/`` and of the edit page.
    form_class: type["ActivityForm"]
    #: The one-to-one row that holds what only this form records (or ``None``).
    detail_model: type[models.Model] | None = None
    #: The detail is private (read only through ``private_detail``): never joined
    #: into lists, pages, exports or the admin site.
    detail_private: bool = False
    #: ``select_related`` paths the activity page needs beyond the common ones
    #: (default: the detail itself, unless private).
    page_related: tuple[str, ...] | None = None
    #: ``select_related`` paths the list and its exports need (what
    #: ``list_template`` and ``export_columns`` read).
    list_related: tuple[str, ...] = ()
    #: Rows (``<dt>``/``<dd>``) of the activity page for the detail.
    detail_template: str | None = None
    #: A section of the activity page after the rows (e.g. the private notes).
    private_template: str | None = None
    #: What follows the form's label in a row of the list.
    list_template: str | None = None
    #: Shown above the fields of the edit page.
    form_template: str | None = None
    #: Columns of the "Kegiatan" export sheet, after the unit's (empty for
    #: activities of other forms).
    export_columns: tuple["Column", ...] = ()
    #: The label of the facilitator on the activity page.
    facilitator_label: str = _("Fasilitator")
    #: Who may record it (a predicate of ``activities.permissions``).
    record_permission = RECORD
    #: The attendee is fixed by the detail (``fixed_attendee``), not a roster; it
    #: stays as recorded when the activity is edited.
    single_attendee: bool = False
    #: The record is its author's alone: only the author edits, deletes or undoes
    #: its verification, it never waits in anyone's queue, the author is its
    #: facilitator and it has no public summary.
    author_only: bool = False
    #: Why this form takes no evidence files (``None``: it takes them).
    no_evidence_reason: str | None = None
    #: The audit action recorded when someone reads the private detail.
    private_read_action: str = ""

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.code}>"

    # -- derived ----------------------------------------------------------------

    @property
    def detail_name(self) -> str | None:
        """The accessor of the detail on ``Activity`` (its one-to-one's related
        name)."""
        if self.detail_model is None:
            return None
        return self.detail_model._meta.get_field("activity").related_query_name()

    @property
    def page_select(self) -> tuple[str, ...]:
        if self.page_related is not None:
            return self.page_related
        if self.detail_model is None or self.detail_private:
            return ()
        return (self.detail_name,)

    @property
    def takes_evidence(self) -> bool:
        return self.no_evidence_reason is None

    @property
    def public_summary(self) -> bool:
        return not self.author_only

    # -- behaviour ----------------------------------------------------------------

    def detail_errors(
        self,
        *,
        actor: "User",
        detail: Mapping[str, Any],
        facilitator: "Employee | None",
        started_on: date,
    ) -> Iterator[tuple[str, str]]:
        """(field, message) for each thing wrong with ``detail``; shared by the
        form and the services. No database writes."""
        return iter(())

    def check_recordable(self, detail: Mapping[str, Any]) -> None:
        """Raise ``ValidationError`` when ``detail`` may not be recorded at all
        (before any other check)."""

    def fixed_attendee(self, detail: Mapping[str, Any]) -> "Employee | None":
        """The only attendee of a single-attendee form."""
        return detail.get("employee")

    def kept_on_update(
        self, activity: "Activity", attendee: "Employee | None"
    ) -> dict[str, Any]:
        """What of the detail stays as recorded when the activity is edited."""
        return {"employee": attendee} if self.single_attendee else {}

    def save_detail(
        self,
        activity: "Activity",
        *,
        actor: "User",
        detail: Mapping[str, Any],
        dimension_ids: list[int],
    ) -> None:
        """Write the detail row of a saved ``activity`` (inside the service's
        transaction)."""

    def credit_topic(self, activity: "Activity") -> str | None:
        """What the JP ledger's line names after the form (``None``: the unit).
        Never anything private."""
        return None

    def private_detail(self, user: "User", activity: "Activity") -> Any:
        """The private detail of ``activity`` if ``user`` may read it, else
        ``None`` (a form without a private detail: always ``None``, no query)."""
        return None


_KINDS: dict[str, ActivityKind] = {}
_LOADED: list[bool] = []


def register(kind_class: type[ActivityKind]) -> type[ActivityKind]:
    """Class decorator: register one instance of ``kind_class`` under its code."""
    kind = kind_class()
    if not kind.code or kind.code in _KINDS:
        raise ValueError(f"activity kind code missing or taken: {kind.code!r}")
    _KINDS[kind.code] = kind
    return kind_class


@contextmanager
def registered(kind_class: type[ActivityKind]):
    """Register ``kind_class`` for the duration of a block (tests)."""
    _ensure_loaded()
    register(kind_class)
    try:
        yield _KINDS[kind_class.code]
    finally:
        del _KINDS[kind_class.code]


def _ensure_loaded() -> None:
    # The kind modules import forms and selectors, which import this module, so
    # they are loaded on first use (and by ``ActivitiesConfig.ready``). The flag is
    # set once the import is complete: a second thread asking meanwhile waits on
    # Python's import lock for the same module instead of reading half a registry.
    if not _LOADED:
        import_module("activities.kinds")
        _LOADED.append(True)


def kinds() -> list[ActivityKind]:
    """Every registered kind, in registration order."""
    _ensure_loaded()
    return list(_KINDS.values())


def codes() -> list[str]:
    return [kind.code for kind in kinds()]


def kind_for(code: str) -> ActivityKind | None:
    _ensure_loaded()
    return _KINDS.get(code)


def kind_or_404(code: str) -> ActivityKind:
    if (kind := kind_for(code)) is None:
        raise Http404
    return kind


def codes_where(**flags: Any) -> list[str]:
    """The codes of the kinds whose attributes equal ``flags``."""
    return [
        kind.code
        for kind in kinds()
        if all(getattr(kind, name) == value for name, value in flags.items())
    ]


def page_related() -> list[str]:
    """``select_related`` paths of the activity page, over every kind."""
    return [path for kind in kinds() for path in kind.page_select]


def list_related() -> list[str]:
    """``select_related`` paths of the list and its exports, over every kind."""
    return [path for kind in kinds() for path in kind.list_related]


def export_columns() -> list["Column"]:
    """The per-form columns of the activity export, kind after kind."""
    return [column for kind in kinds() for column in kind.export_columns]
