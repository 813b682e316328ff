"""The web app is served by the API, same origin: a strict CSP, no inline or foreign code, an
installable manifest and a service worker whose cache list is exactly the shell."""
from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from api.blueprints.webapp import WEBAPP


def test_root_redirects_to_the_web_app(client):
    response = client.get("/")
    assert response.status_code == 302 and response.headers["Location"].endswith("/presensi/")


def test_the_page_has_a_strict_content_security_policy(client):
    response = client.get("/presensi/")
    assert response.status_code == 200 and b'<html lang="id">' in response.data
    csp = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert "camera=(self)" in response.headers["Permissions-Policy"]


def test_no_inline_script_and_nothing_from_another_origin():
    html = (WEBAPP / "index.html").read_text()
    scripts = re.findall(r"<script([^>]*)>(.*?)</script>", html, re.S)
    assert scripts and all('src="/presensi/' in attrs and not body.strip()
                           for attrs, body in scripts)
    for path in WEBAPP.rglob("*"):
        if path.suffix in {".html", ".js", ".css", ".webmanifest"}:
            text = path.read_text()
            assert not re.search(r"https?://", text), path.name
            assert "eval(" not in text and "new Function" not in text, path.name
            assert ".innerHTML" not in text, path.name


def test_manifest_and_icons_make_it_installable(client):
    response = client.get("/presensi/manifest.webmanifest")
    assert response.mimetype == "application/manifest+json"
    manifest = response.get_json(force=True)
    assert manifest["start_url"] == "/presensi/" and manifest["display"] == "standalone"
    sizes = {icon["sizes"] for icon in manifest["icons"]}
    assert {"192x192", "512x512"} <= sizes
    for icon in manifest["icons"]:
        image = client.get(icon["src"])
        assert image.status_code == 200 and image.mimetype == "image/png"


def test_the_service_worker_caches_the_shell_and_never_the_api(client):
    response = client.get("/presensi/sw.js")
    assert response.mimetype == "text/javascript"
    text = response.get_data(as_text=True)
    version = re.search(r'const VERSION = "([0-9a-f]{16})"', text)
    shell = re.search(r"const SHELL = (\[.*?\]);", text)
    assert version and shell and "__SHELL__" not in text
    urls = re.findall(r'"(/presensi/[^"]*)"', shell.group(1))
    assert "/presensi/" in urls and "/presensi/js/main.js" in urls
    assert not any(url.startswith("/api/") for url in urls)
    for url in urls:
        assert client.get(url).status_code == 200, url
    assert 'startsWith("/presensi/")' in text  # API requests are not intercepted


def test_an_unknown_asset_is_404_in_the_error_shape(client):
    response = client.get("/presensi/../api/config.py")
    assert response.status_code == 404
    response = client.get("/presensi/js/nope.js")
    assert response.status_code == 404 and response.json["error"]["code"] == "NOT_FOUND"


@pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed")
@pytest.mark.parametrize("path", sorted(WEBAPP.rglob("*.js")), ids=lambda p: p.name)
def test_every_module_parses(path):
    done = subprocess.run(["node", "--experimental-default-type=module", "--check", str(path)],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
