"""Every page, export and route of a 360 round, requested by every role (and by
the raters themselves), with two and with three peers of staff A: with two,
nothing of the peers' answers can be read or derived; with three, their group
is shown (so the search below can fail).

The routes are the app's own URL patterns (a new one without a request here
fails the test), the employee report and its downloads (CSV, XLSX, PDF), the
personal-data download and the admin pages of the app's models. Bodies are read
whole (streamed ones to the end, ZIP files — XLSX, the personal-data download —
member by member, PDFs as their extracted text). Besides the exact strings,
every figure shown with its number of raters is collected from every body, and
any two of them for one dimension that differ by fewer than the threshold's
raters fail: subtracting one from the other would reveal a group smaller than
the threshold."""

import io
import re
import zipfile
from datetime import date
from decimal import Decimal

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from competencies.tests.factories import RaterGroupWeightsFactory, StandardFactory
from multirater.models import Rating, Relation, Response
from multirater.selectors import profile
from multirater.tests.factories import PEERS, grouped_round, rated_round
from testsupport.matrix_world import role_users
from testsupport.urltable import url_patterns

pytestmark = pytest.mark.django_db


#: {URL name of the app: requests it makes, given the round, as (method, kwargs)}.
def _requests(round_, ratee, assignment_ids):
    one = {"pk": round_.pk, "employee_pk": ratee.pk}
    return {
        "multirater:index": [("get", {})],
        "multirater:create": [("get", {})],
        "multirater:rate": [
            (method, {"pk": pk}) for pk in assignment_ids for method in ("get", "post")
        ],
        "multirater:detail": [("get", {"pk": round_.pk})],
        "multirater:close": [("post", {"pk": round_.pk})],
        "multirater:raters": [("get", one), ("post", one)],
        "multirater:rater_remove": [
            ("post", {**one, "assignment_pk": pk}) for pk in assignment_ids
        ],
        "multirater:result": [("get", one)],
    }


def _text(response) -> str:
    body = (
        b"".join(response.streaming_content) if response.streaming else response.content
    )
    if body[:4] == b"PK\x03\x04":  # XLSX, the personal-data ZIP
        archive = zipfile.ZipFile(io.BytesIO(body))
        return "\n".join(
            archive.read(name).decode("utf-8", "replace") for name in archive.namelist()
        )
    if body[:5] == b"%PDF-":  # the employee report's PDF
        reader = PdfReader(io.BytesIO(body))
        return " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    return body.decode("utf-8", "replace")


def _bodies(org, roles, rated) -> list[tuple[str, str, str]]:
    """(who, url, body) of every request."""
    round_, ratee = rated.round, rated.ratee
    assignment_ids = list(
        round_.assignments.filter(ratee=ratee).values_list("pk", flat=True)
    )
    plan = _requests(round_, ratee, assignment_ids)
    names = {name for name, __ in url_patterns() if name.startswith("multirater:")}
    assert names == set(plan), f"add the requests of {names - set(plan)}"
    urls = [
        (method, reverse(name, kwargs=kwargs))
        for name, requests in plan.items()
        for method, kwargs in requests
    ]
    urls += [
        ("get", reverse("reports:employee", kwargs={"pk": ratee.pk})),
        *(
            (
                "get",
                reverse("reports:employee_export", kwargs={"pk": ratee.pk, "fmt": f}),
            )
            for f in ("csv", "xlsx", "pdf")
        ),
        ("get", reverse("privacy:my_data")),
    ]
    users = {role: user for role, user in role_users(roles).items() if user is not None}
    users.update({f"peer{i}": e.user for i, e in enumerate(rated.peers)})
    roles.admin.is_superuser = True
    roles.admin.save(update_fields=["is_superuser"])
    admin_urls = ["/admin/multirater/round/", "/admin/multirater/assignment/"]
    admin_urls += [
        f"/admin/multirater/assignment/{pk}/change/" for pk in assignment_ids
    ]
    admin_urls.append(f"/admin/multirater/round/{round_.pk}/change/")
    out = []
    for who, user in users.items():
        client = Client()
        client.force_login(user)
        for method, url in urls:
            response = getattr(client, method)(url, {})
            assert response.status_code < 500, (who, method, url)
            out.append((who, url, _text(response)))
        if who == "admin":
            for url in admin_urls:
                response = client.get(url)
                assert response.status_code == 200, url
                out.append((who, url, _text(response)))
    return out


FIGURE = re.compile(r"(\d+),(\d) <span class=\"small text-body-secondary\">\(n=(\d+)\)")


def _figures(body: str) -> list[tuple[Decimal, int]]:
    return [
        (Decimal(f"{whole}.{tenth}"), int(n))
        for whole, tenth, n in FIGURE.findall(body)
    ]


def _differences(bodies, threshold) -> list[str]:
    """Two figures of one row (one dimension) in any body whose numbers of
    raters differ by fewer than the threshold: their difference would be a
    group too small to show."""
    problems = []
    for who, url, body in bodies:
        for row in re.findall(r"<tr>.*?</tr>", body, flags=re.S):
            counts = sorted({n for __, n in _figures(row)})
            problems += [
                f"{who} {url}: figures over {a} and {b} raters"
                for i, a in enumerate(counts)
                for b in counts[i + 1 :]
                if b - a < threshold
            ]
    return problems


def _mean(levels_lists, i) -> str:
    total = sum(levels[i] for levels in levels_lists)
    value = (Decimal(total) / len(levels_lists)).quantize(Decimal("0.1"))
    return str(value).replace(".", ",")


def test_two_peers_reveal_nothing(org, roles):
    rated = rated_round(org, roles, peers=2)
    bodies = _bodies(org, roles, rated)
    peer_levels = [levels for levels, __ in PEERS[:2]]
    # The peers' own means and the peers with the head (1 on every dimension).
    means = {_mean(peer_levels, i) for i in range(6)}
    with_head = {_mean([*peer_levels, [1] * 6], i) for i in range(6)}
    assert means == {"4,5", "1,5"} and with_head == {"3,3", "1,3"}
    forbidden = [comment for __, comment in PEERS[:2]] + ["ZETA-HEAD"]
    cells = [f"{v} <span" for v in means | with_head]
    leaks = [
        f"{who} {url}: {text!r}"
        for who, url, body in bodies
        for text in forbidden + cells + ["(n=2)", "(n=1)", "(n=3)"]
        if text in body
    ]
    assert leaks == []
    assert _differences(bodies, rated.round.min_responses) == []
    # The groups are there, hidden as such; the self-rating only for oneself.
    result = reverse(
        "multirater:result",
        kwargs={"pk": rated.round.pk, "employee_pk": rated.ratee.pk},
    )
    own = next(b for who, url, b in bodies if who == "staff" and url == result)
    head = next(b for who, url, b in bodies if who == "head" and url == result)
    assert own.count("kurang dari 3 penilai") == 12  # head and peers, 6 dimensions
    assert "ZETA-SELF" in own and "ZETA-SELF" not in head
    assert "Diri sendiri" in own and "Diri sendiri" not in head


def test_three_peers_are_shown_as_a_group(org, roles):
    rated = rated_round(org, roles, peers=3)
    bodies = _bodies(org, roles, rated)
    peer_levels = [levels for levels, __ in PEERS]
    means = [_mean(peer_levels, i) for i in range(6)]
    assert means == ["3,7", "2,3", "3,3", "2,7", "3,7", "2,3"]
    result = reverse(
        "multirater:result",
        kwargs={"pk": rated.round.pk, "employee_pk": rated.ratee.pk},
    )
    report = reverse("reports:employee", kwargs={"pk": rated.ratee.pk})
    for url in (result, report):
        page = next(b for who, u, b in bodies if who == "head" and u == url)
        assert [m for m, n in _figures(page)] == [
            Decimal(m.replace(",", ".")) for m in means
        ]
        assert {n for m, n in _figures(page)} == {3}
        # Comments of the group, by text, without their authors.
        found = [c for __, c in sorted(PEERS, key=lambda p: p[1]) if c in page]
        assert found == sorted(c for __, c in PEERS)
        positions = [page.index(c) for c in found]
        assert positions == sorted(positions)
        # The head's single answer stays hidden, and so does everyone combined
        # (the others minus the peers would be the head's answer).
        assert "ZETA-HEAD" not in page
        assert "(n=4)" not in page and "(n=1)" not in page
    # Nobody's page names who gave which comment.
    for who, url, body in bodies:
        for rater, (__, comment) in zip(rated.peers, PEERS, strict=True):
            if comment in body:
                assert (
                    rater.name
                    not in body[
                        max(0, body.index(comment) - 300) : body.index(comment) + 300
                    ]
                ), (who, url)
    assert _differences(bodies, rated.round.min_responses) == []
    # The peers' values never reach someone outside scope, nor the raters.
    outsider = [b for who, u, b in bodies if who in {"staff_other", "head_other"}]
    assert not any(c in b for b in outsider for __, c in PEERS)
    raters = [b for who, u, b in bodies if who.startswith("peer")]
    assert not any(c in b for b in raters for __, c in PEERS)


# -- with rater-group weights in force ------------------------------------------

# Staff A's three peers (shown) and two heads (a group of 2: hidden), under
# weights self 1, head 2, peers 1: the heads weigh double, yet never enter.
WEIGHTED_PEERS = [levels for levels, __ in PEERS]
TWO_HEADS = [[1, 5, 1, 5, 1, 5], [2, 4, 2, 4, 2, 4]]
OTHER_TWO_HEADS = [[5, 1, 5, 1, 5, 1], [4, 4, 4, 4, 4, 4]]
TOKENS = re.compile(
    r'(csrfmiddlewaretoken" value=|"X-CSRFToken": ?|csrf-token" content=)"?[^"}]+"?'
)


def _normalised(bodies) -> list[tuple[str, str, str]]:
    """The bodies without what differs between two requests of the same page
    (each client's CSRF token)."""
    return [(who, url, TOKENS.sub(r"\1-", body)) for who, url, body in bodies]


def test_with_weights_a_group_of_two_leaves_no_trace(org, roles):
    rated = grouped_round(org, roles, heads=TWO_HEADS, peers=WEIGHTED_PEERS)
    RaterGroupWeightsFactory(
        standard=StandardFactory(effective_from=date(2026, 10, 1)),
        self_weight=1,
        head_weight=2,
        peer_weight=1,
    )
    # The weighted score is the one without the two heads: the peers' mean for
    # others, (self + peers) ÷ 2 for the employee (self 5 on every dimension).
    theirs = profile(rated.round, rated.ratee, viewer=roles.head_a)
    assert [str(line.weighted) for line in theirs.lines] == [
        "3.67",
        "2.33",
        "3.33",
        "2.67",
        "3.67",
        "2.33",
    ]
    assert [p.relation for p in theirs.weighting.parts] == ["peer"]
    own = profile(rated.round, rated.ratee, viewer=roles.staff_a)
    assert [str(line.weighted) for line in own.lines] == [
        "4.33",
        "3.67",
        "4.17",
        "3.83",
        "4.33",
        "3.67",
    ]
    with time_machine.travel(timezone.now(), tick=False):
        first = _normalised(_bodies(org, roles, rated))
        # The two heads answered otherwise (levels and comments): nothing read
        # anywhere may change.
        heads = Response.objects.filter(
            round=rated.round, ratee=rated.ratee, relation=Relation.HEAD
        ).order_by("pk")
        for response, levels in zip(heads, OTHER_TWO_HEADS, strict=True):
            response.comment = f"Jawaban lain {response.pk}"
            response.save(update_fields=["comment"])
            for rating, level in zip(
                response.ratings.order_by("dimension__number"), levels, strict=True
            ):
                Rating.objects.filter(pk=rating.pk).update(level=level)
        second = _normalised(_bodies(org, roles, rated))
    changed = [
        (who, url)
        for a, b in zip(first, second, strict=True)
        if a != b
        for who, url in [a[:2]]
    ]
    assert changed == []
    assert any("Skor 360 terbobot" in body for __, __, body in first)
    # Each download carries the score with its evidence, as the page does: the
    # peers only for others, self and peers for the employee, never the heads.
    downloads = {
        (who, url.rsplit(".", 1)[1]): body
        for who, url, body in first
        if "/ekspor." in url
    }
    for who in ("staff", "head", "bpsdm"):
        for fmt in ("csv", "xlsx", "pdf"):
            body = downloads[who, fmt]
            assert "Skor 360 terbobot" in body, (who, fmt)
            assert "Rekan kerja ×1, 3 penilai" in body, (who, fmt)
            assert ("Diri sendiri ×1, 1 penilai" in body) == (who == "staff")
    assert not any("Atasan ×" in body for body in downloads.values())
    assert not any("ZETA-HEAD" in body for __, __, body in first)
    assert _differences(first, rated.round.min_responses) == []
