"""The 360 profile of the employee report, read once for the page and for every
download (CSV, XLSX, PDF) so that each shows the viewer the same profile:
``multirater.selectors.latest_profile`` as that viewer may see it, with the test
levels beside the ratings.

The downloads print a group's cell as ``multirater/_cell.html`` does: the mean
with one decimal and its number of raters when the group is shown; "kurang dari
N penilai" for a group with fewer than the round's threshold; "tidak
ditampilkan" for a combined figure withheld by ``multirater.anonymity``; nothing
when nobody of the group answered. Where the standard in force sets rater-group
weights, they also print the profile's weighted 360 score as
``multirater/_weighted.html`` does: the score, the groups, weights and raters it
used, the version of the standard, or why there is no score. Nothing is computed
here beyond that rounding for print: figures and visibility are the profile's
own."""

from collections.abc import Callable
from decimal import Decimal

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from multirater.models import Relation
from multirater.selectors import (
    Cell,
    Profile,
    ProfileLine,
    Weighting,
    latest_profile,
)
from reports.selectors.employee import EmployeeReport
from sosiokultural.rounding import round_half_up

#: Decimals of a group's mean as the profile prints it (``|number:1``).
PLACES = 1


def report_feedback(report: EmployeeReport, viewer) -> Profile | None:
    """The latest closed 360 profile of the report's employee as ``viewer`` may
    see it, with the report's test levels set beside it; None without a closed
    round."""
    feedback = latest_profile(report.employee, viewer=viewer)
    if feedback is not None:
        feedback.set_test_levels(
            {line.dimension.pk: line.level for line in report.lines}
        )
    return feedback


def groups() -> list[tuple[str, Callable[[ProfileLine], Cell]]]:
    """(label, cell of a line) of the profile's columns after the self-rating:
    head, peers, staff and all other raters combined, in the page's order."""
    return [
        (Relation.HEAD.label, lambda line: line.head),
        (Relation.PEER.label, lambda line: line.peer),
        (Relation.STAFF.label, lambda line: line.staff),
        (_("Semua penilai lain"), lambda line: line.others),
    ]


def shown_mean(cell: Cell) -> Decimal | None:
    """The group's mean as printed (one decimal, half up); None when hidden."""
    return round_half_up(cell.mean, PLACES) if cell.shown else None


def hidden_reason(cell: Cell, threshold: int) -> str | None:
    """Why a cell has no figure; None when it is shown or nobody answered."""
    if cell.shown or not cell.count:
        return None
    if cell.count < threshold:
        return _("kurang dari %(n)s penilai") % {"n": threshold}
    return _("tidak ditampilkan")


def cell_value(
    line: ProfileLine | None, cell_of: Callable[[ProfileLine], Cell], threshold: int
) -> Decimal | str | None:
    """A spreadsheet's value of one group's cell of a line: the printed mean, or
    why there is none (empty when nobody of the group answered)."""
    if line is None:
        return None
    cell = cell_of(line)
    return shown_mean(cell) if cell.shown else hidden_reason(cell, threshold)


def cell_raters(
    line: ProfileLine | None, cell_of: Callable[[ProfileLine], Cell]
) -> int | None:
    """The number of raters beside a shown mean (the page's "n="); nothing for a
    group that is not shown: its size is not printed either."""
    if line is None:
        return None
    cell = cell_of(line)
    return cell.count if cell.shown else None


def round_line(feedback: Profile) -> str:
    """The round the profile is of, as the page names it."""
    return f"{feedback.round.title} · {feedback.round.period.label}"


def threshold_note(feedback: Profile) -> str:
    return _(
        "Nilai sebuah kelompok tampil bila sekurang-kurangnya %(n)s penilai "
        "mengisi. Penilaian diri ditampilkan di samping, tidak dirata-ratakan ke "
        "level uji."
    ) % {"n": feedback.threshold}


def weighted_value(line: ProfileLine | None) -> Decimal | str | None:
    """A line's weighted 360 score (the profile's own, two decimals), or why
    there is none while weights are in force."""
    if line is None:
        return None
    if line.weighted is not None:
        return line.weighted
    return _("tidak dihitung: tidak ada kelompok yang tampil dengan bobot lebih dari 0")


def weighted_parts(weighting: Weighting) -> str:
    """The groups, weights and raters the score used, as the page lists them
    beside it ("Atasan ×2, 3 penilai · Rekan kerja ×1, 3 penilai")."""
    return " · ".join(
        ngettext(
            "%(group)s ×%(weight)s, %(n)s penilai",
            "%(group)s ×%(weight)s, %(n)s penilai",
            part.count,
        )
        % {"group": part.label, "weight": part.weight_text, "n": part.count}
        for part in weighting.parts
    )


def weighted_evidence(line: ProfileLine | None, weighting: Weighting) -> str | None:
    """The evidence beside a line's score; nothing where there is no score."""
    if line is None or line.weighted is None:
        return None
    return weighted_parts(weighting)


def weighting_note(weighting: Weighting) -> str:
    """The note under the page's table: the rule, the version the weights come
    from and, for anyone but the employee, why the self-rating is left out."""
    note = _(
        "Skor 360 terbobot = Σ(bobot × rata-rata kelompok) ÷ Σ bobot, dengan bobot "
        "kelompok penilai dari standar “%(name)s” (berlaku mulai %(date)s), hanya "
        "atas kelompok yang hasilnya tampil di sini dan berbobot lebih dari 0; di "
        "sampingnya tertulis kelompok, bobot dan jumlah penilai yang dipakai. Skor "
        "ini terpisah dari level uji."
    ) % {
        "name": weighting.standard_name,
        "date": date_format(weighting.effective_from, "DATE_FORMAT"),
    }
    if weighting.self_left_out:
        note += " " + _(
            "Penilaian diri (bobot %(weight)s) hanya terlihat oleh pegawai yang "
            "dinilai, sehingga tidak disertakan di sini."
        ) % {"weight": weighting.self_weight_text}
    return note
