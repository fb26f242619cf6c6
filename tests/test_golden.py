"""Golden files: the pages of the mini fixture (and the helpers for tests/content/'s URL list).

After an intended change, refresh the golden files with:

    UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py tests/content

and review the diff before committing it.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from build_scripts.edition import load_edition
from build_scripts.output.render import render_pages

from .conftest import FIXTURES, REPO

GOLDEN = Path(__file__).resolve().parent / "golden"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"
OUR_IDS = re.compile(r'<(?:p class="stmt-para"|div class="stmt-para"|div class="stmt-pair"|span class="stmt-sent"'
                     r'|li|h1|h2|h3|tr) id="([^"]+)"')


def compare(path: Path, actual: str) -> None:
    """Assert `actual` equals the golden file, or rewrite it when refreshing."""
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
    assert path.is_file(), f"{path} is missing: run UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py tests/content"
    assert actual == path.read_text(encoding="utf-8"), f"{path.name} changed (refresh with UPDATE_GOLDEN=1 if intended)"


def url_list(site: Path) -> str:
    """Every page URL of a built site with the anchors our templates give it."""
    lines = []
    for page in sorted(site.rglob("index.html")):
        url = "/" + page.parent.relative_to(site).as_posix() + "/"
        url = url.replace("/./", "/").replace("//", "/")
        ids = OUR_IDS.findall(page.read_text(encoding="utf-8"))
        lines.append(" ".join([url, *(f"#{i}" for i in ids)]))
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("name", ["index.md", "opening.md", "first.md", "sharp.md", "full.md", "corrections.md",
                                  "glossary.md", "index.en.md", "first.en.md", "glossary.en.md",
                                  "parallel/first.md"])
def test_mini_fixture_pages(name):
    # not `page`: conftest marks a test that takes `page` as a browser test, out of the fast tier
    pages = {p.path: p.content for p in render_pages(load_edition(FIXTURES / "mini"), REPO / "templates")}
    assert name in pages
    assert sorted(p for p in pages if "/" not in p and ".en." not in p) == [
        "corrections.md", "first.md", "full.md", "glossary.md", "index.md", "opening.md", "sharp.md"]
    compare(GOLDEN / "mini" / name.replace("/", "-"), pages[name])
