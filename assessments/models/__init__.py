"""Competency tests (uji kompetensi): the item bank, versioned instruments with
per-dimension thresholds, test windows, attempts with server-side answers, results
per dimension, the audited re-score, and ``LatestLevel`` — the roll-up of every
employee's current level per dimension that reports read in one query — and
``LevelCount``, the counts per unit × position type × dimension × level (and
``LevelCountAt``, the same as of the past days of ``LevelSnapshotDay``), and
``LevelProfileCount``, the counts per unit × position type × current levels in the
six dimensions, and ``LevelChangeStep``, per unit × dimension × date the
steps from which the change in level since any date is summed, and
``YearStartChange``, per employee and year the change since 1 January.

Rules live in ``assessments.services`` (writes) and ``assessments.scoring`` (pure
scoring); the models only hold data and the database constraints.
"""

from assessments.models.analysis import ItemAnalysis, ItemStatistic, ScaleStatistic
from assessments.models.bank import (
    Instrument,
    InstrumentItem,
    Item,
    ItemOption,
    Threshold,
)
from assessments.models.jobs import ReleaseJob
from assessments.models.results import (
    DimensionResult,
    LatestLevel,
    LevelChangeStep,
    LevelCount,
    LevelCountAt,
    LevelProfileCount,
    LevelSnapshotDay,
    PersonalityScore,
    Rescore,
    Result,
    YearStartChange,
)
from assessments.models.taking import Answer, Attempt, SupervisorRating, TestWindow

__all__ = [
    "Answer",
    "Attempt",
    "DimensionResult",
    "Instrument",
    "InstrumentItem",
    "Item",
    "ItemAnalysis",
    "ItemOption",
    "ItemStatistic",
    "LatestLevel",
    "LevelChangeStep",
    "LevelCount",
    "LevelCountAt",
    "LevelProfileCount",
    "LevelSnapshotDay",
    "PersonalityScore",
    "ReleaseJob",
    "Rescore",
    "Result",
    "ScaleStatistic",
    "SupervisorRating",
    "TestWindow",
    "YearStartChange",
    "Threshold",
]
