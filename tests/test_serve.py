"""`mkdocs serve`: a saved change in source/ or docs/ reaches the open page, and the plugin's watch set-up."""

from __future__ import annotations

import shutil
import subprocess
import threading
from pathlib import Path

from mkdocs.livereload import LiveReloadServer
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from build_scripts.plugin import upstream

from .conftest import make_project, mkdocs_serve, open_when_served


class Log:
    """What a server writes to stderr, read as it comes."""

    def __init__(self, process: subprocess.Popen) -> None:
        self.lines: list[str] = []
        self.changed = threading.Condition()
        self.reader = threading.Thread(target=self._read, args=(process,), daemon=True)
        self.reader.start()

    def _read(self, process: subprocess.Popen) -> None:
        for line in process.stderr:
            with self.changed:
                self.lines.append(line)
                self.changed.notify_all()

    def wait_for(self, words: str, timeout: float = 60) -> None:
        """Wait until a line with `words` has been written."""
        with self.changed:
            assert self.changed.wait_for(lambda: any(words in line for line in self.lines), timeout), self.lines


def saved_until_shown(page, path: Path, words: str) -> None:
    """Wait until the open page shows `words`, saved into `path`; saved again (unchanged) every
    few seconds, since a save made before the server's first look at the folder is not a change."""
    for _ in range(12):
        try:
            page.wait_for_function("w => document.body.innerText.includes(w)", arg=words, timeout=5000)
            return
        except PlaywrightTimeout:
            path.touch()
    page.wait_for_function("w => document.body.innerText.includes(w)", arg=words, timeout=5000)


def test_watches_move_to_an_observer_that_outlasts_a_replaced_folder(tmp_path):
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    for name in ("a", "b"):
        (tmp_path / name).mkdir()
        server.watch(str(tmp_path / name))
    old = server.observer
    upstream.watch_lasting(server, upstream.POLL_SECONDS)
    assert server.observer is not old and not old.emitters
    assert {Path(e.watch.path).name for e in server.observer.emitters} == {"a", "b"}
    assert all(e.timeout == upstream.POLL_SECONDS for e in server.observer.emitters)
    # watchdog's emitter keeps its snapshot-taking where the lasting one wraps it
    emitter = next(e for e in server.observer.emitters if Path(e.watch.path).name == "a")
    assert hasattr(emitter, "_take_snapshot")
    (tmp_path / "a").rename(tmp_path / "gone")
    assert emitter._take_snapshot().paths == set()  # a folder gone for a moment: empty, not the end
    server.server_close()


def test_saved_changes_in_source_and_docs_reach_the_open_page(tmp_path, browser):
    make_project(tmp_path)
    with mkdocs_serve(tmp_path) as (url, process):
        log = Log(process)
        page = browser.new_page()
        open_when_served(page, url + "/corrections/")
        assert "歴史的仮名遣い" in page.inner_text("body")
        # No caching worker under serve: pages do not register it, and the one served removes itself.
        assert page.get_attribute("script[src$='assets/offline.js']", "data-offline") == "off"
        worker = page.evaluate("u => fetch(u).then(r => r.text())", url + "/sw.js")
        assert "unregister()" in worker and "OFFLINE" not in worker
        corrections = tmp_path / "source" / "corrections.yml"
        corrections.write_text(corrections.read_text(encoding="utf-8").replace("歴史的仮名遣い", "保存した変更"),
                               encoding="utf-8")
        saved_until_shown(page, corrections, "保存した変更")
        # A hand-written page: docs/ is MkDocs' own docs folder.
        page.goto(url + "/en/about/")
        about = tmp_path / "docs" / "about.en.md"
        about.write_text(about.read_text(encoding="utf-8") + "\nA sentence saved while serving.\n", encoding="utf-8")
        page.wait_for_function("() => document.body.innerText.includes('A sentence saved while serving.')", timeout=30000)
        # The source folder replaced by a copy (moved away, then a new one put in its place):
        # serving goes on watching it, and its next saved change is shown.
        page.goto(url + "/corrections/")
        source = tmp_path / "source"
        source.rename(tmp_path / "old-source")
        log.wait_for("source folder not found")  # the server saw the folder gone (and rebuilt, in vain)
        shutil.copytree(tmp_path / "old-source", source)
        corrections.write_text(corrections.read_text(encoding="utf-8").replace("保存した変更", "置き換えた後の変更"),
                               encoding="utf-8")
        saved_until_shown(page, corrections, "置き換えた後の変更")
        page.close()
    log.reader.join()
    errors = "".join(log.lines)
    assert "Traceback" not in errors, errors
