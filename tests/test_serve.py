"""`mkdocs serve`: a saved change in source/ reaches the open page, and the hook's watch set-up."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

from mkdocs.livereload import LiveReloadServer

from build_scripts import hook

from .conftest import make_project


def test_watches_move_to_an_observer_that_polls_sooner(tmp_path):
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    for name in ("a", "b"):
        (tmp_path / name).mkdir()
        server.watch(str(tmp_path / name))
    old = server.observer
    hook._poll_sooner(server)
    assert server.observer is not old and not old.emitters
    assert {Path(e.watch.path).name for e in server.observer.emitters} == {"a", "b"}
    assert all(e.timeout == hook.POLL_SECONDS for e in server.observer.emitters)
    server.server_close()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_a_saved_correction_reaches_the_open_page(tmp_path, browser):
    make_project(tmp_path)
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"], cwd=tmp_path,
                              env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        page = browser.new_page()
        for _ in range(120):
            try:
                page.goto(f"http://127.0.0.1:{port}/corrections/")
                break
            except Exception:  # noqa: BLE001 - the first build is still running
                time.sleep(0.5)
        assert "歴史的仮名遣い" in page.inner_text("body")
        page.wait_for_timeout(500)
        corrections = tmp_path / "source" / "corrections.yml"
        corrections.write_text(corrections.read_text(encoding="utf-8").replace("歴史的仮名遣い", "保存した変更"),
                               encoding="utf-8")
        page.wait_for_function("document.body.innerText.includes('保存した変更')", timeout=30000)
        page.close()
    finally:
        server.terminate()
        _, errors = server.communicate(timeout=30)
    assert "Traceback" not in errors, errors
