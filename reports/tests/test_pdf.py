"""The employee report PDF prints names with markup characters literally: never a
server error, never bold/colour from the name, never a link or an embedded file.
It carries the 360 profile the page shows the same viewer."""

import io
from datetime import date

import pytest
from pypdf import PdfReader

from competencies.tests.factories import RaterGroupWeightsFactory, StandardFactory
from multirater.models import Response
from multirater.tests.factories import PEERS, grouped_round, rated_round
from multirater.tests.test_selectors import HEADS
from multirater.tests.test_selectors import PEERS as WEIGHTED_PEERS
from people.tests.factories import EmployeeFactory, UnitFactory
from sosiokultural.formatting import number

pytestmark = pytest.mark.django_db

NAMES = [
    "Tes <b>tebal",
    'Ani <font color="red">',
    '<a href="https://contoh.test/x">Klik</a>',
    '<img src="/etc/passwd"/>',
    "Budi & <br/> Sari",
]


def _pdf(client, employee):
    response = client.get(f"/laporan/pegawai/{employee.pk}/ekspor.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    return PdfReader(io.BytesIO(response.content))


def _text(reader) -> str:
    """The PDF's text with every run of whitespace (wrapped lines) as one space."""
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


@pytest.mark.parametrize("name", NAMES)
def test_markup_in_a_name_prints_literally(roles, org, login, name):
    unit = UnitFactory(code="JB-KMB-X", name=f"Unit {name}", parent=org.kel_a)
    employee = EmployeeFactory(name=name, unit=unit)
    reader = _pdf(login(roles.bpsdm), employee)
    text = " ".join(page.extract_text() for page in reader.pages)
    assert name in text
    assert f"Unit {name}" in text
    for page in reader.pages:
        assert "/Annots" not in page  # no link
        resources = page["/Resources"]
        assert "/XObject" not in resources  # no embedded image


def test_pdf_of_outsider_is_404(roles, org, login):
    employee = EmployeeFactory(name="Tes <b>tebal", unit=org.kel_a)
    url = f"/laporan/pegawai/{employee.pk}/ekspor.pdf"
    assert login(roles.head_b).get(url).status_code == 404


def test_pdf_writes_jp_in_the_page_language(roles, org, login):
    reader = _pdf(login(roles.head_a), roles.staff_a.employee)
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "0,00 JP" in text
    assert "0.00 JP" not in text


def test_pdf_carries_the_360_profile_the_page_shows(roles, org, login):
    """Three peers (enough), one head (too few), read by head A: the peers'
    means with their number as the page prints them; the head's group only as
    "kurang dari 3 penilai"; the combined figure withheld; the peers' comments
    by text, without author; nothing of the head's answer or the self-rating."""
    rated = rated_round(org, roles, peers=3)
    client = login(roles.head_a)
    feedback = client.get(f"/laporan/pegawai/{rated.ratee.pk}/").context["feedback"]
    shown = [f"{number(line.peer.mean, 1)} (n=3)" for line in feedback.lines]
    assert shown == [
        "3,7 (n=3)",
        "2,3 (n=3)",
        "3,3 (n=3)",
        "2,7 (n=3)",
        "3,7 (n=3)",
        "2,3 (n=3)",
    ]
    text = _text(_pdf(client, rated.ratee))
    assert "Profil penilaian 360 Putaran 360 uji · Triwulan 4 2026" in text
    assert "Level uji" in text
    for figure in set(shown):
        assert text.count(figure) == shown.count(figure)
    assert text.count("kurang dari 3 penilai") == 6  # the head, every dimension
    assert text.count("tidak ditampilkan") == 6  # all raters combined
    assert "sekurang-kurangnya 3 penilai mengisi" in text
    for too_small in ("(n=1)", "(n=4)", "1,0 (n", "ZETA-HEAD", "ZETA-SELF"):
        assert too_small not in text
    assert "Diri sendiri" not in text
    comments = [f"Rekan kerja: {c}" for __, c in sorted(PEERS, key=lambda p: p[1])]
    positions = [text.index(c) for c in comments]
    assert positions == sorted(positions)
    assert [f"{label}: {c}" for label, c in feedback.comments] == comments


def test_own_pdf_shows_the_self_rating_beside_as_the_page_does(roles, org, login):
    rated = rated_round(org, roles, peers=3)
    client = login(roles.staff_a)
    feedback = client.get(f"/laporan/pegawai/{rated.ratee.pk}/").context["feedback"]
    assert feedback.self_shown
    text = _text(_pdf(client, rated.ratee))
    assert "Diri sendiri Atasan Rekan kerja Bawahan Semua penilai lain" in text
    assert "Diri sendiri: Saya terus belajar ZETA-SELF" in text
    # Self 5 beside the test level (none yet), then the head's hidden cell.
    assert text.count("- 5 kurang dari 3 penilai") == 6
    assert text.count("3,7 (n=3)") == 2  # the peers' figures as for anyone


def test_pdf_without_a_closed_round_leaves_the_profile_out(roles, org, login):
    rated = rated_round(org, roles, peers=3, close=False)
    client = login(roles.head_a)
    page = client.get(f"/laporan/pegawai/{rated.ratee.pk}/")
    assert "Profil penilaian 360" not in page.content.decode()
    assert "Profil penilaian 360" not in _text(_pdf(client, rated.ratee))


def test_markup_in_a_comment_prints_literally(roles, org, login):
    rated = rated_round(org, roles, peers=3)
    comment = '<a href="https://contoh.test/x">Klik</a> & <b>tebal\n<img src="/x"/>'
    Response.objects.filter(comment=PEERS[0][1]).update(comment=comment)
    reader = _pdf(login(roles.head_a), rated.ratee)
    text = _text(reader)
    assert " ".join(comment.split()) in text
    for page in reader.pages:
        assert "/Annots" not in page
        assert "/XObject" not in page["/Resources"]


# ``multirater.tests.test_selectors``' heads and peers under self 1, head 2,
# peers 1: (2 × head + peers) ÷ 3 for anyone but the employee, who also has
# their self-rating in: (5 + 2 × head + peers) ÷ 4 (see reports/tests/test_views).
THEIR_PARTS = "Atasan ×2, 3 penilai · Rekan kerja ×1, 3 penilai"
OWN_PARTS = f"Diri sendiri ×1, 1 penilai · {THEIR_PARTS}"


def _weights_in_force():
    RaterGroupWeightsFactory(
        standard=StandardFactory(
            name="Standar <b>berbobot</b> 2026", effective_from=date(2026, 10, 1)
        ),
        self_weight=1,
        head_weight=2,
        peer_weight=1,
    )


@pytest.mark.parametrize(
    ("who", "scores", "parts"),
    [
        ("head_a", ["3,67", "3,00", "3,67", "5,00", "1,00", "1,33"], THEIR_PARTS),
        ("staff_a", ["4,00", "3,50", "4,00", "5,00", "2,00", "2,25"], OWN_PARTS),
    ],
)
def test_pdf_carries_the_weighted_score_the_page_shows(
    roles, org, login, who, scores, parts
):
    rated = grouped_round(org, roles, heads=HEADS, peers=WEIGHTED_PEERS)
    _weights_in_force()
    client = login(getattr(roles, who))
    feedback = client.get(f"/laporan/pegawai/{rated.ratee.pk}/").context["feedback"]
    assert [number(line.weighted, 2) for line in feedback.lines] == scores
    text = _text(_pdf(client, rated.ratee))
    assert "Semua penilai lain Skor 360 terbobot" in text
    for score in set(scores):
        assert text.count(f"{score} {parts}") == scores.count(score)
    # The version, its name printed literally, and the rule under the table.
    assert (
        "Skor 360 terbobot = Σ(bobot × rata-rata kelompok) ÷ Σ bobot, dengan bobot "
        "kelompok penilai dari standar “Standar <b>berbobot</b> 2026” (berlaku "
        "mulai 1 Okt 2026)"
    ) in text
    left_out = "Penilaian diri (bobot 1) hanya terlihat oleh pegawai yang dinilai"
    assert (left_out in text) == (who != "staff_a")


def test_pdf_without_weights_has_no_weighted_score(roles, org, login):
    rated = grouped_round(org, roles, heads=HEADS, peers=WEIGHTED_PEERS)
    text = _text(_pdf(login(roles.head_a), rated.ratee))
    assert "Profil penilaian 360" in text
    assert "terbobot" not in text and "×" not in text
