"""Gap rules as pure functions (no database)."""


def gap(required: int | None, assessed: int | None) -> int | None:
    """Required − assessed, floored at 0: a surplus is not a negative need.

    ``None`` when either side is unknown (untested, or no requirement).
    """
    if required is None or assessed is None:
        return None
    return max(0, required - assessed)
