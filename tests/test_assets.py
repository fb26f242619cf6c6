"""The site serves our scripts and style sheet minified (build_scripts/output/assets.py): smaller,
still valid, and what others publish (assets/vendor/) exactly as they publish it."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from .conftest import REPO

DOCS_ASSETS = REPO / "docs" / "assets"


def test_our_scripts_and_style_sheet_are_served_smaller_and_still_parse(real_site: Path):
    node = shutil.which("node")
    if node is None:
        pytest.fail("Node.js is needed: tests/setup.sh installs it")
    ours = sorted(p for p in DOCS_ASSETS.iterdir() if p.suffix in (".js", ".css"))
    assert len(ours) > 10
    for source in ours:
        served = real_site / "assets" / source.name
        assert served.stat().st_size < source.stat().st_size, source.name
        if source.suffix == ".js":  # the minified script is still JavaScript Node can parse
            check = subprocess.run([node, "--check", str(served)], capture_output=True, text=True)
            assert check.returncode == 0, (source.name, check.stderr)
    css = (real_site / "assets" / "statement.css").read_text(encoding="utf-8")
    assert "/*" not in css.replace("/*!", "") and css.count("{") == css.count("}")


def test_what_others_publish_is_served_as_published(real_site: Path):
    vendor = sorted((DOCS_ASSETS / "vendor").iterdir())
    assert vendor
    for source in vendor:
        assert (real_site / "assets" / "vendor" / source.name).read_bytes() == source.read_bytes()
