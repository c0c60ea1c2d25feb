"""The position types (jenis jabatan) the reference standard sets levels for:
the PTSP front office of the paper's Table 1, the heads above it and BPSDM's own
analysts. Loaded by ``load_standard`` (and the demo); administrators add others."""

from people.models import PositionType

POSITION_TYPES = [
    # code, name, tier, leads unit
    ("kepala-unit", "Kepala Unit", "pengawas", True),
    ("kepala-subbagian", "Kepala Subbagian", "pengawas", True),
    ("staf-teknis", "Staf Teknis", "pelaksana", False),
    ("ajib", "AJIB", "pelaksana", False),
    ("cro", "CRO", "pelaksana", False),
    ("phl", "PHL", "pelaksana", False),
    ("kepala-dinas", "Kepala Dinas", "jpt_pratama", True),
    ("analis-bpsdm", "Analis Pengembangan Kompetensi", "pelaksana", False),
]


def position_types_load() -> dict[str, PositionType]:
    """The reference position types, created when missing (idempotent)."""
    positions = {}
    for order, (code, name, tier, leads) in enumerate(POSITION_TYPES):
        positions[code], __ = PositionType.objects.get_or_create(
            code=code,
            defaults={"name": name, "tier": tier, "leads_unit": leads, "order": order},
        )
    return positions
