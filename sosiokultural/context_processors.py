from sosiokultural.registry import nav_groups, nav_items


def navigation(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav_items": []}
    from notices.selectors import unread_count

    items = nav_items(user)
    path = request.path
    matches = [i for i in items if i.prefix and path.startswith(i.prefix)]
    active = max(matches, key=lambda i: len(i.prefix)) if matches else None
    groups = nav_groups(items)
    return {
        "nav_items": items,
        "nav_groups": groups,
        "nav_active": active,
        "nav_active_group": next((g for g in groups if active in g.items), None),
        "unread_notices": unread_count(user),
    }
