"""The one formatting rule: numbers and percentages in the active language."""

from decimal import Decimal

import pytest
from django.template import Context, Template
from django.utils import translation

from sosiokultural.formatting import number, percent


@pytest.mark.parametrize(
    ("language", "expected"),
    [("id", ("82,21", "93,7 %", "1234,50")), ("en", ("82.21", "93.7%", "1234.50"))],
)
def test_number_and_percent_follow_the_language(language, expected):
    with translation.override(language):
        assert (
            number(Decimal("82.214")),
            percent(93.66),
            number(Decimal("1234.5")),
        ) == expected


def test_number_and_percent_of_nothing_are_empty():
    assert (number(None), percent(None)) == ("", "")


def test_template_filters_use_the_same_rule():
    template = Template("{{ x|number:1 }} · {{ y|percent }}")
    with translation.override("id"):
        html = template.render(Context({"x": Decimal("75.09"), "y": Decimal("50")}))
    assert html == "75,1 · 50,0 %"
