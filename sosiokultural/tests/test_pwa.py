"""Installable on a phone: the web app manifest, its icons and the service worker
served from the site's root."""

import json

from django.contrib.staticfiles import finders
from PIL import Image


def test_service_worker_is_served_from_the_root(client):
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/javascript; charset=utf-8"
    assert response["Cache-Control"] == "no-cache"
    body = response.content.decode()
    assert 'var OFFLINE_PAGES = ["/", "/kegiatan/briefing/"];' in body
    assert client.post("/sw.js").status_code == 405


def test_manifest_names_the_app_and_its_icons():
    with open(finders.find("manifest.webmanifest"), encoding="utf-8") as source:
        manifest = json.load(source)
    assert (manifest["name"], manifest["start_url"], manifest["display"]) == (
        "Sosiokultural",
        "/",
        "standalone",
    )
    sizes = {}
    for icon in manifest["icons"]:
        with Image.open(finders.find(icon["src"])) as image:
            sizes[icon["src"]] = (image.format, image.size, icon["purpose"])
    assert sizes == {
        "icons/icon-192.png": ("PNG", (192, 192), "any"),
        "icons/icon-512.png": ("PNG", (512, 512), "any"),
        "icons/icon-maskable-192.png": ("PNG", (192, 192), "maskable"),
        "icons/icon-maskable-512.png": ("PNG", (512, 512), "maskable"),
    }


def test_every_page_links_the_manifest(db, client):
    html = client.get("/akun/masuk/").content.decode()
    assert '<link rel="manifest" href="/static/manifest.webmanifest">' in html
    assert '<meta name="theme-color" content="#0d6efd">' in html
