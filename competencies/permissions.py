"""Who may change the framework: BPSDM (the standard's owner) and administrators.
Every other role, the inspectorate included, reads it only (edit pages answer 403)."""

from people.permissions import define, runs_province

EDIT_FRAMEWORK = define("competencies.edit_framework", runs_province)
