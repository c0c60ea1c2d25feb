"""Role checks shared by views. Scoping (which rows) lives in ``selectors``;
this module only answers "may this role do that at all" (403 when not)."""

from functools import wraps

from django.core.exceptions import PermissionDenied


def require_roles(*checks: str):
    """Allow the view when any of the named ``User`` properties is true, e.g.
    ``@require_roles("is_head", "is_administrator")``."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            user = request.user
            if not any(getattr(user, check) for check in checks):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


def can_manage_employees(user) -> bool:
    return user.is_administrator or user.is_bpsdm or user.is_head
