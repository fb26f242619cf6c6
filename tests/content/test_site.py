"""The site of this statement: it builds with plain MkDocs without a warning, and its URLs and
anchors, which readers cite, never change silently (tests/content/golden/urls.txt)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from ..test_golden import compare, url_list

GOLDEN = Path(__file__).resolve().parent / "golden"
REPO = Path(__file__).resolve().parents[2]


def test_the_repository_builds_strict_with_plain_mkdocs_and_no_warning(tmp_path_factory):
    site = tmp_path_factory.mktemp("source-site")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
                            cwd=REPO, capture_output=True, text=True,
                            env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr and "input warning" not in result.stderr, result.stderr
    compare(GOLDEN / "urls.txt", url_list(site))
