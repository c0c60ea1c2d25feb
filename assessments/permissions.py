"""What each role may do with competency tests (``people.permissions``)."""

from people.permissions import define, is_inspector, runs_province

#: The item analysis of an instrument: BPSDM and administrators (who build the
#: instruments) and the inspectorate read it; BPSDM and administrators recompute it.
VIEW_ITEM_ANALYSIS = define(
    "assessments.view_item_analysis", runs_province | is_inspector
)
REFRESH_ITEM_ANALYSIS = define("assessments.refresh_item_analysis", runs_province)
