"""The menu: every app's entries grouped into a handful of sections."""

import pytest
from django.test import Client

from sosiokultural.registry import NavItem, nav_groups, nav_items


def _menu(user) -> dict[str, list[str]]:
    return {g.label: [i.url for i in g.items] for g in nav_groups(nav_items(user))}


@pytest.mark.django_db
def test_menu_has_at_most_seven_sections_for_every_role(roles):
    for user in vars(roles).values():
        assert 1 <= len(nav_groups(nav_items(user))) <= 7, user.username


@pytest.mark.django_db
def test_menu_groups_the_entries_of_bpsdm(roles):
    assert _menu(roles.bpsdm) == {
        "Kegiatan": ["/kegiatan/", "/kegiatan/verifikasi/"],
        "Pengembangan": ["/kompetensi/", "/program/", "/jp/"],
        "Uji": ["/uji/jadwal/", "/uji/hasil/", "/uji/bank/", "/360/"],
        "Laporan": ["/ikm/", "/evaluasi/laporan/", "/laporan/"],
        "Data": ["/unit/", "/pegawai/"],
        "Admin": ["/audit/", "/siasn/"],
    }


@pytest.mark.django_db
def test_menu_of_staff(roles):
    assert _menu(roles.staff_a) == {
        "Kegiatan": ["/kegiatan/"],
        "Pengembangan": ["/kompetensi/", "/program/", "/jp/", "/evaluasi/"],
        "Uji": ["/uji/", "/360/"],
        "Laporan": ["/ikm/", "/laporan/"],
        "Data": ["/pegawai/"],
    }


def test_nav_groups_refuse_an_unknown_section():
    with pytest.raises(ValueError, match="unknown sections"):
        nav_groups([NavItem("X", "/x/", "/x/", "lainnya")])


@pytest.mark.django_db
def test_page_shows_its_section_for_the_folded_phone_menu(roles):
    client = Client()
    client.force_login(roles.head_a)
    html = client.get("/kegiatan/verifikasi/").content.decode()
    assert (
        '<span class="navbar-text nav-section d-lg-none me-auto">'
        "Kegiatan › Verifikasi</span>"
    ) in html
    assert '<li class="nav-item dropdown">' in html
    assert 'class="dropdown-item active" href="/kegiatan/verifikasi/"' in html
    outsider = Client().get("/kegiatan/verifikasi/")
    assert outsider.status_code == 302


@pytest.mark.django_db
def test_menu_sections_speak_english_when_switched(roles):
    client = Client()
    client.force_login(roles.bpsdm)
    client.cookies["django_language"] = "en"
    response = client.get("/")
    labels = [group.label for group in response.context["nav_groups"]]
    assert labels == ["Activities", "Development", "Tests", "Reports", "Data", "Admin"]
