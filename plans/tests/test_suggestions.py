from datetime import date

from plans.suggestions import Suggestion, suggest, suggestion_target


def test_target_is_clamped_into_the_plan_year():
    assert suggestion_target(date(2026, 3, 1), 2026) == date(2026, 5, 30)
    assert suggestion_target(date(2026, 11, 29), 2026) == date(2026, 12, 31)
    assert suggestion_target(date(2026, 11, 29), 2027) == date(2027, 2, 27)


def test_suggest_largest_gap_first_one_internal_one_external():
    out = suggest(
        gaps={1: 1, 2: 3, 3: 0, 4: None, 5: 2},
        forms_by_dimension={
            1: [(10, True), (11, True), (20, False)],
            2: [(10, True), (21, False), (22, False)],
            5: [(10, True)],
        },
        planned=[(5, 99)],  # dimension 5 already has an item
        today=date(2026, 3, 1),
        year=2026,
    )
    target = date(2026, 5, 30)
    assert out == [
        Suggestion(2, 10, 3, target),
        Suggestion(2, 21, 3, target),
        Suggestion(1, 10, 1, target),
        Suggestion(1, 20, 1, target),
    ]


def test_suggest_only_allowed_forms():
    out = suggest(
        gaps={1: 2},
        forms_by_dimension={1: [(10, True), (30, True)]},
        planned=[],
        today=date(2026, 3, 1),
        year=2026,
        allowed_form_ids=[30],
    )
    assert [s.form_id for s in out] == [30]
