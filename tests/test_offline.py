"""The service worker the build writes (build_scripts/output/offline.py): where it is, what it caches, its version.

Chromium reads and searches the site offline in tests/test_offline_browser.py.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

from build_scripts.cli import main
from build_scripts.output.offline import WORKER_FILE, manifest, site_version

from .conftest import make_project, set_plugin_option

HEAD = re.compile(r"var OFFLINE = (\{.*?\});\n")


def offline_of(site: Path) -> dict:
    """The version and files sw.js was written with."""
    match = HEAD.match((site / WORKER_FILE).read_text(encoding="utf-8"))
    assert match, "sw.js does not start with its manifest"
    return json.loads(match.group(1))


def test_the_worker_at_the_root_lists_every_page_both_indexes_and_what_pages_load(real_site: Path):
    written = offline_of(real_site)
    found = manifest(real_site)
    assert written == {"version": found.version, "budget": 5_000_000, "languages": ["ja", "en"],
                       "files": list(found.files), "sizes": list(found.compressed)}
    assert found.within_budget  # a statement of ours fits the default budget whole
    # in the order of need: what pages load, then the search indexes, then the pages
    kinds = ["page" if f == "./" or f.endswith("/") else "index" if f.startswith("search-index/") else "loaded"
             for f in found.files]
    assert kinds == sorted(kinds, key=["loaded", "index", "page"].index)
    files = set(found.files)
    pages = {p.relative_to(real_site).as_posix() for p in real_site.rglob("index.html")}
    assert {"./" if p == "index.html" else p.removesuffix("index.html") for p in pages} <= files
    assert {"./", "en/", "alliance/", "en/alliance/", "parallel/alliance/", "en/glossary/", "en/full/"} <= files
    assert {"search-index/ja.json", "search-index/en.json", "search/search_index.json"} <= files
    # the search worker and what it imports, Material's bundle and style sheets, our scripts
    assert {"assets/search-worker.js", "assets/search-text.js", "assets/search-forms.js", "assets/search-engine.js",
            "assets/vendor/wink-porter2-stemmer.js", "assets/search-config.js", "assets/offline.js",
            "assets/statement.css", "assets/images/favicon.png"} <= files
    assert any(re.fullmatch(r"assets/javascripts/bundle\.\w+\.min\.js", f) for f in files)
    assert any(re.fullmatch(r"assets/stylesheets/main\.\w+\.min\.css", f) for f in files)
    # not the downloads, source maps, the 404 page, Material's unused worker, or the worker itself
    assert not [f for f in files if (f.startswith("data/") and f != "data/") or f.endswith((".map", "404.html")) or "lunr" in f
                or "workers/" in f or f == WORKER_FILE]
    assert all((real_site / (f.replace("./", "") + "index.html" if f.endswith("/") else f)).is_file() for f in files)
    assert found.total_bytes == sum(found.sizes) > 0


def test_every_page_registers_the_worker_from_an_external_deferred_script(real_site: Path):
    for path in real_site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        scripts = re.findall(r"<script\b[^>]*>", html)
        offline = [s for s in scripts if "assets/offline.js" in s]
        assert len(offline) == 1, path
        assert " defer" in offline[0] and 'data-offline="on"' in offline[0], path
        if path.name != "404.html":  # (the 404 page is served at any depth)
            worker = re.search(r'data-worker="([^"]+)"', offline[0]).group(1)
            assert (path.parent / worker).resolve() == (real_site / WORKER_FILE).resolve(), path
        # registered from that file only, never from inline script (a strict Content-Security-Policy)
        assert "serviceWorker" not in "".join(re.findall(r"<script>(.*?)</script>", html, re.DOTALL)), path


def test_the_version_is_a_hash_of_the_built_site_but_the_worker(real_site: Path, tmp_path: Path):
    site = tmp_path / "site"
    shutil.copytree(real_site, site)
    version = site_version(site)
    assert version == offline_of(real_site)["version"]
    (site / WORKER_FILE).write_text("changed", encoding="utf-8")
    assert site_version(site) == version
    page = site / "en" / "about" / "index.html"
    page.write_bytes(page.read_bytes().replace(b"</article>", b"!</article>", 1))
    assert site_version(site) != version


def test_with_offline_off_the_worker_removes_itself_and_pages_do_not_register(tmp_path: Path):
    config = make_project(tmp_path)
    set_plugin_option(config, "offline: false")
    assert main(["build", "--config", str(config), "--source", str(tmp_path / "source"),
                 "--site-dir", str(tmp_path / "site")]) == 0
    worker = (tmp_path / "site" / WORKER_FILE).read_text(encoding="utf-8")
    assert "OFFLINE" not in worker and "unregister()" in worker and "fetch" not in worker
    assert 'data-offline="off"' in (tmp_path / "site" / "alliance" / "index.html").read_text(encoding="utf-8")


def test_the_budget_is_written_and_said(tmp_path: Path, capsys):
    config = make_project(tmp_path)
    set_plugin_option(config, "offline_budget: 0.3")
    assert main(["build", "--config", str(config), "--source", str(tmp_path / "source"),
                 "--site-dir", str(tmp_path / "site")]) == 0
    written = offline_of(tmp_path / "site")
    assert written["budget"] == 300_000 and sum(written["sizes"]) > 300_000
    line = next(line for line in capsys.readouterr().out.splitlines() if line.startswith("offline: "))
    assert line.startswith("offline: sw.js caches up to 300 KB compressed in the background, the reader's language first, "
                           f"of {len(written['files'])} files (")
    assert "; the rest as they are read (offline_budget), version " in line


def test_a_negative_budget_is_refused(tmp_path: Path, caplog):
    config = make_project(tmp_path)
    set_plugin_option(config, "offline_budget: -1")
    assert main(["build", "--config", str(config)]) == 1
    assert "option 'offline_budget': must be 0 or more megabytes, found -1" in caplog.text
