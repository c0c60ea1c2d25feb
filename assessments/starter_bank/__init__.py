"""The starter item bank: situational items written for PTSP service desks in
Jakarta, Likert self-ratings and a few personality items, in Indonesian with
English translations. Loaded by ``assessments.demo`` (idempotent, by item code)
and usable by BPSDM as the first instrument."""

from assessments.starter_bank.scales import LIKERT, PERSONALITY
from assessments.starter_bank.situational_a import SITUATIONAL_A
from assessments.starter_bank.situational_b import SITUATIONAL_B

SITUATIONAL = SITUATIONAL_A + SITUATIONAL_B

__all__ = ["LIKERT", "PERSONALITY", "SITUATIONAL"]
