"""The site's own scripts and style sheet, made smaller in the built site.

docs/assets/ keeps them readable, with their comments; the site serves them minified, so a
reader's first page costs less (about 12 KB less gzip-compressed, see benchmarks/RESULTS.md).
rjsmin and rcssmin do it: they only take out comments and white space, never rename, so
the scripts run as written. A comment that starts `/*!` (a licence) stays. Material's own
assets (assets/javascripts/, assets/stylesheets/) come minified, and assets/vendor/ holds
files served exactly as their authors publish them: only the files at the top of assets/,
which are ours, are made smaller.
"""

from __future__ import annotations

from pathlib import Path

import rcssmin
import rjsmin

ASSETS = "assets"
"""Where MkDocs copies docs/assets/ in the built site."""


def minify_assets(site: Path) -> int:
    """Minify the site's own scripts and style sheets in place; the bytes saved."""
    saved = 0
    for path in sorted((site / ASSETS).glob("*")):
        if path.suffix not in (".js", ".css") or not path.is_file():
            continue
        text = path.read_text(encoding="utf-8")
        small = rjsmin.jsmin(text, keep_bang_comments=True) if path.suffix == ".js" else rcssmin.cssmin(
            text, keep_bang_comments=True)
        path.write_text(small, encoding="utf-8")
        saved += len(text.encode("utf-8")) - len(small.encode("utf-8"))
    return saved
