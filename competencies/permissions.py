"""Who may change the framework: BPSDM (the standard's owner) and administrators.
Every other role reads it only (edit pages answer 403)."""

from people.permissions import require_roles

EDITOR_CHECKS = ("is_bpsdm", "is_administrator")

require_editor = require_roles(*EDITOR_CHECKS)


def can_edit_framework(user) -> bool:
    return any(getattr(user, check) for check in EDITOR_CHECKS)
