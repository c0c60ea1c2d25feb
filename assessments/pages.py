"""How a test is split into pages, as a pure function (no database).

A page holds at most ``per_page`` questions, in the instrument's order. A new page
starts when the current one is full, or at a change of section (a dimension, or
the personality part) once it holds at least ``min_per_page`` questions — so a
section of the usual four or five questions fills its own page and short
sections are put together instead of making one-question pages.
"""

from collections.abc import Hashable, Sequence

PER_PAGE = 5
MIN_PER_PAGE = 3


def paginate(
    sections: Sequence[Hashable],
    *,
    per_page: int = PER_PAGE,
    min_per_page: int = MIN_PER_PAGE,
) -> list[list[int]]:
    """Pages as lists of question indexes; ``sections[i]`` is the section of
    question ``i``."""
    if per_page < 1 or not 1 <= min_per_page <= per_page:
        raise ValueError("need 1 ≤ min_per_page ≤ per_page")
    pages: list[list[int]] = []
    current: list[int] = []
    for index, section in enumerate(sections):
        if current and (
            len(current) >= per_page
            or (section != sections[current[-1]] and len(current) >= min_per_page)
        ):
            pages.append(current)
            current = []
        current.append(index)
    if current:
        pages.append(current)
    return pages


def page_of(pages: list[list[int]], index: int) -> int:
    """The 1-based page number holding question ``index``."""
    for number, page in enumerate(pages, start=1):
        if index in page:
            return number
    raise ValueError(f"question {index} is on no page")
