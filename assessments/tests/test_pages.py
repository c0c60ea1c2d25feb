import pytest

from assessments.pages import page_of, paginate


@pytest.mark.parametrize(
    ("sections", "expected"),
    [
        ([], []),
        (["a"], [[0]]),
        # A section of four fills its page; the next starts a new one.
        (list("aaaabbbb"), [[0, 1, 2, 3], [4, 5, 6, 7]]),
        # A long section is split when the page is full.
        (list("aaaaaaa"), [[0, 1, 2, 3, 4], [5, 6]]),
        # Short sections are put together up to three, then break at a change.
        (list("abcdefgh"), [[0, 1, 2], [3, 4, 5], [6, 7]]),
        (list("aabbcc"), [[0, 1, 2, 3], [4, 5]]),
    ],
)
def test_paginate_table(sections, expected):
    assert paginate(sections) == expected


def test_paginate_refuses_bad_sizes():
    with pytest.raises(ValueError):
        paginate("ab", per_page=0)
    with pytest.raises(ValueError):
        paginate("ab", per_page=2, min_per_page=3)


def test_page_of_finds_the_question():
    pages = paginate(list("aaaabbbb"))
    assert (page_of(pages, 0), page_of(pages, 5)) == (1, 2)
    with pytest.raises(ValueError):
        page_of(pages, 8)
