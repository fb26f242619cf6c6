"""`mkdocs serve`: a saved change in source/ or docs/ reaches the open page, and the plugin's watch set-up."""

from __future__ import annotations

from pathlib import Path

from mkdocs.livereload import LiveReloadServer

from build_scripts.plugin import upstream

from .conftest import make_project, mkdocs_serve, open_when_served


def test_watches_move_to_an_observer_that_polls_sooner(tmp_path):
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    for name in ("a", "b"):
        (tmp_path / name).mkdir()
        server.watch(str(tmp_path / name))
    old = server.observer
    upstream.poll_sooner(server)
    assert server.observer is not old and not old.emitters
    assert {Path(e.watch.path).name for e in server.observer.emitters} == {"a", "b"}
    assert all(e.timeout == upstream.POLL_SECONDS for e in server.observer.emitters)
    server.server_close()


def test_saved_changes_in_source_and_docs_reach_the_open_page(tmp_path, browser):
    make_project(tmp_path)
    with mkdocs_serve(tmp_path) as (url, process):
        page = browser.new_page()
        open_when_served(page, url + "/corrections/")
        assert "歴史的仮名遣い" in page.inner_text("body")
        # No caching worker under serve: pages do not register it, and the one served removes itself.
        assert page.get_attribute("script[src$='assets/offline.js']", "data-offline") == "off"
        worker = page.evaluate("u => fetch(u).then(r => r.text())", url + "/sw.js")
        assert "unregister()" in worker and "OFFLINE" not in worker
        page.wait_for_timeout(500)
        corrections = tmp_path / "source" / "corrections.yml"
        corrections.write_text(corrections.read_text(encoding="utf-8").replace("歴史的仮名遣い", "保存した変更"),
                               encoding="utf-8")
        page.wait_for_function("document.body.innerText.includes('保存した変更')", timeout=30000)
        # A hand-written page: docs/ is MkDocs' own docs folder.
        page.goto(url + "/en/about/")
        about = tmp_path / "docs" / "about.en.md"
        about.write_text(about.read_text(encoding="utf-8") + "\nA sentence saved while serving.\n", encoding="utf-8")
        page.wait_for_function("document.body.innerText.includes('A sentence saved while serving.')", timeout=30000)
        page.close()
    errors = process.stderr.read()
    assert "Traceback" not in errors, errors
