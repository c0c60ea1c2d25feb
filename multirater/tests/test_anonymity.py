from multirater.anonymity import group_visible, hidden_count, others_visible


def test_a_group_is_shown_from_the_threshold_on():
    assert [group_visible(n, 3) for n in range(5)] == [
        False,
        False,
        False,
        True,
        True,
    ]
    assert group_visible(4, 5) is False


def test_hidden_answers_are_those_of_groups_below_the_threshold():
    assert hidden_count({"head": 1, "peer": 2, "staff": 0}, 3) == 3
    assert hidden_count({"head": 1, "peer": 3, "staff": 5}, 3) == 1
    assert hidden_count({"head": 0, "peer": 3, "staff": 3}, 3) == 0


def test_the_combined_figure_never_opens_a_hidden_group():
    # Nothing hidden: the combination of shown groups.
    assert others_visible({"head": 0, "peer": 3, "staff": 4}, 3) is True
    # The head (1) hidden beside shown peers: others − peers = the head.
    assert others_visible({"head": 1, "peer": 3, "staff": 0}, 3) is False
    # Head 1 + peers 2 = 3 hidden: the head reading it knows their own answer
    # and would get the two peers' sum.
    assert others_visible({"head": 1, "peer": 2, "staff": 0}, 3) is False
    # Four hidden: one reader's own removed, three unknown remain.
    assert others_visible({"head": 1, "peer": 2, "staff": 1}, 3) is True
    assert others_visible({"head": 0, "peer": 2, "staff": 0}, 3) is False
    assert others_visible({"head": 0, "peer": 0, "staff": 0}, 3) is False
