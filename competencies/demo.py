"""Demo data of the framework: the reference framework (``competencies.bootstrap``)
and, for the whole demo, a 2025 front-line version of the standard so the demo
shows real gaps and how versions apply by date, with 360 rater-group weights so
the demo's closed 360 round shows a weighted score. Idempotent."""

from datetime import date

from competencies.bootstrap import TIER_LEVEL, reference_load
from competencies.models import (
    Dimension,
    RaterGroupWeights,
    RequiredLevel,
    Standard,
)
from people.models import PositionType
from sosiokultural.demo import DemoContext

PTSP_STANDARD_FROM = date(2025, 1, 1)
PTSP_POSITION_LEVEL = {
    "kepala-unit": 3,
    "kepala-subbagian": 3,
    "staf-teknis": 2,
    "ajib": 2,
    "cro": 2,
    "phl": 1,
}
# Customer Relation Officers handle complaints and vulnerable applicants first.
PTSP_CRO_DIMENSIONS = {"manajemen-konflik": 3, "empati-sosial": 3}
# The head's view counts double; the self-rating stays beside, outside the score.
PTSP_RATER_WEIGHTS = {"self": 0, "head": 2, "peer": 1, "staff": 1}


def seed(out, context: DemoContext) -> None:
    reference = reference_load()
    context.dimensions, context.forms = reference.dimensions, reference.forms
    context.standard = reference.standard
    if not context.full_demo:
        return
    dims = reference.dimensions
    ptsp, created = Standard.objects.get_or_create(
        effective_from=PTSP_STANDARD_FROM,
        defaults={
            "name": "Standar kompetensi sosiokultural PTSP 2025 (layanan garis depan)",
            "notes": "Pegawai yang melayani pemohon langsung dipersyaratkan level 2; "
            "CRO level 3 untuk manajemen konflik dan empati sosial.",
        },
    )
    if created:
        RequiredLevel.objects.bulk_create(
            RequiredLevel(
                standard=ptsp,
                position_type=position,
                dimension=dimension,
                level=_ptsp_level(position, dimension),
            )
            for position in PositionType.objects.all()
            for dimension in dims.values()
        )
    RaterGroupWeights.objects.get_or_create(
        standard=ptsp,
        defaults={f"{g}_weight": w for g, w in PTSP_RATER_WEIGHTS.items()},
    )
    context.standard = ptsp


def _ptsp_level(position: PositionType, dimension: Dimension) -> int:
    if position.code == "cro" and dimension.code in PTSP_CRO_DIMENSIONS:
        return PTSP_CRO_DIMENSIONS[dimension.code]
    return PTSP_POSITION_LEVEL.get(position.code, TIER_LEVEL[position.tier])
