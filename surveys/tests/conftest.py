import pytest

from surveys.tests.factories import import_survey, report_survey


@pytest.fixture
def surveys(org):
    """Kelurahan A (computed, short sample), kelurahan B and the kecamatan
    (reported, Table 2's KEC column) in 2018Q4."""
    rows = [[4, 3, 3, 4, 3, 3, 4, 2, 3], [3, 3, 2, 4, 3, 4, 4, 2, 3]]
    return {
        "a": import_survey(org.kel_a, "2018Q4", rows=rows, population=60),
        "b": import_survey(org.kel_b, "2018Q4", rows=[[4] * 9]),
        "kec": report_survey(
            org.kecamatan,
            "2018Q4",
            total="84.98",
            scores=[
                "91.15",
                "88.61",
                "89.1",
                "84.51",
                "81.07",
                "78.36",
                "78.03",
                "75.25",
                "73.77",
            ],
        ),
    }
