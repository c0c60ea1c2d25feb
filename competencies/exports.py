"""Workbooks of the competency framework: the development matrix and a version
of the standard (with the dimensions, indicators and SETIA values it is read
with). Small and bounded by the framework's size."""

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from competencies import selectors
from competencies.models import RATER_GROUP_LABELS
from exports.registry import register
from exports.writer import Column, Document, Sheet, joined

MATRIX_COLUMNS = [
    Column(gettext_lazy("Nomor"), lambda r: r[0].dimension.number, width=8),
    Column(gettext_lazy("Kode dimensi"), lambda r: r[0].dimension.code),
    Column(gettext_lazy("Dimensi"), lambda r: r[0].dimension.label, width=28),
    Column(gettext_lazy("Penyelenggara"), lambda r: r[1].form.get_provider_display()),
    Column(gettext_lazy("Kode bentuk"), lambda r: r[1].form.code),
    Column(gettext_lazy("Bentuk pengembangan"), lambda r: r[1].form.label, width=28),
    Column(
        gettext_lazy("Profil yang diharapkan"),
        lambda r: "\n".join(r[1].profile_items),
        width=60,
    ),
]


@register(
    "competencies.matrix",
    label=gettext_lazy("Matriks pengembangan kompetensi"),
    formats=("xlsx",),
)
def matrix_document(user, query) -> Document:
    """One row per matrix cell; the profile's items on separate lines."""
    cells = [
        (row, cell)
        for row in selectors.matrix_rows()
        for cell in row.internal + row.external
    ]
    return Document(
        name="matriks-pengembangan-kompetensi",
        title=_("Matriks pengembangan kompetensi sosiokultural"),
        sheets=[Sheet(_("Matriks"), MATRIX_COLUMNS, cells, lambda: len(cells))],
    )


@register(
    "competencies.standard",
    label=gettext_lazy("Standar kompetensi"),
    formats=("xlsx",),
)
def standard_document(user, query, *, pk: int | None = None) -> Document:
    """A version (by id, else the one in force on ``?tanggal=``): the version,
    its required levels, its 360 rater-group weights, and the dimensions,
    indicators and SETIA values."""
    from competencies.forms import DateForm

    if pk is not None:
        standard = selectors.standard_get(pk)
    else:
        on = timezone.localdate()
        form = DateForm(query or None)
        if form.is_valid() and form.cleaned_data["tanggal"]:
            on = form.cleaned_data["tanggal"]
        standard = selectors.standard_in_force(on)
    grid = selectors.level_grid(standard)
    weights = selectors.rater_weights_of(standard)
    dims = grid.dimensions
    level_names = {level.level: level.name for level in selectors.levels()}
    name = "standar-kompetensi"
    if standard:
        name = f"{name}-{standard.effective_from:%Y-%m-%d}"
    sheets = [
        Sheet(
            _("Versi"),
            [
                Column(_("Nama"), lambda s: s.name, width=30),
                Column(_("Berlaku mulai"), lambda s: s.effective_from),
                Column(_("Catatan"), lambda s: s.notes, width=50),
            ],
            [standard] if standard else [],
        ),
        Sheet(
            _("Level dipersyaratkan"),
            [
                Column(_("Kode jabatan"), lambda r: r[0].code),
                Column(_("Jabatan"), lambda r: r[0].name, width=28),
                *[
                    Column(d.label, lambda r, i=i: r[1][i].level)
                    for i, d in enumerate(dims)
                ],
            ],
            grid.rows,
        ),
        Sheet(
            _("Bobot 360"),
            [
                Column(_("Kode kelompok"), lambda r: r[0]),
                Column(_("Kelompok penilai"), lambda r: r[1], width=20),
                Column(_("Bobot"), lambda r: r[2]),
            ],
            # Empty: the version combines no 360 rater groups.
            [
                (group, str(RATER_GROUP_LABELS[group]), weight)
                for group, weight in (weights.by_group() if weights else {}).items()
            ],
        ),
        Sheet(
            _("Dimensi"),
            [
                Column(_("Nomor"), lambda d: d.number, width=8),
                Column(_("Kode"), lambda d: d.code),
                Column(_("Nama"), lambda d: d.name, width=28),
                Column(_("Nama (Inggris)"), lambda d: d.name_en, width=28),
                Column(_("Deskripsi"), lambda d: d.description, width=60),
            ],
            dims,
        ),
        Sheet(
            _("Indikator"),
            [
                Column(_("Dimensi"), lambda i: i.dimension.label, width=28),
                Column(_("Level"), lambda i: i.level),
                Column(_("Nama level"), lambda i: level_names.get(i.level, "")),
                Column(_("Urutan"), lambda i: i.order),
                Column(_("Indikator"), lambda i: i.text, width=60),
                Column(_("Indikator (Inggris)"), lambda i: i.text_en, width=60),
            ],
            selectors.indicators(),
        ),
        Sheet(
            _("SETIA"),
            [
                Column(_("Kode"), lambda v: v.code),
                Column(_("Nilai"), lambda v: v.name, width=20),
                Column(_("Deskripsi"), lambda v: v.description, width=60),
                Column(
                    _("Dimensi"),
                    lambda v: joined(d.label for d in v.dimensions.all()),
                    width=40,
                ),
            ],
            selectors.setia_values(),
        ),
    ]
    return Document(
        name=name,
        title=_("Standar kompetensi sosiokultural: %(name)s")
        % {"name": standard.name if standard else "-"},
        sheets=sheets,
    )
