"""`_headers`: the HTTP headers the site asks of Netlify and Cloudflare Pages, written into the site.

The format is Netlify's (Cloudflare Pages reads the same): a path pattern on a line of its own,
from the site's root (`*` matches anything, `/` included), then its headers indented, `Name: value`.
Every rule whose pattern matches a path applies to it; no path here matches two rules that set
the same header (hosts join such values with a comma, which would make a muddle of Cache-Control).

- `/*`: the Content-Security-Policy of build_scripts/output/security.py with the hashes of every
  page's inline code (the union) and frame-ancestors, which no <meta> can set; nosniff; the
  referrer policy; the permissions policy.
- Material's fingerprinted assets (a hash of their content in their name, e.g.
  `assets/javascripts/bundle.a5f9d56c.min.js`), one exact path each: cached for a year and
  never revalidated, since a new version has a new name.
- The search indexes (`search-index/<lang>.json`): revalidated on every use, since their names
  stay while their content changes. Pages and our own assets keep the host's default, which
  revalidates them too (Netlify and Cloudflare Pages: `public, max-age=0, must-revalidate`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from .security import inline_of, policy

FILE = "_headers"

IMMUTABLE = "public, max-age=31536000, immutable"
REVALIDATE = "no-cache"
REVALIDATED = ("/search-index/*",)
"""Paths whose names stay the same while their content changes with the text."""

FINGERPRINTED = re.compile(r"\.[0-9a-f]{8}\.min\.(js|css)(\.map)?$")
"""How Material names the assets it fingerprints: `<name>.<8 hex digits of a hash>.min.<js|css>`."""

REFERRER_POLICY = "strict-origin-when-cross-origin"
"""The browsers' own default, so a host that sets no header (GitHub Pages) behaves the same: other
sites learn the origin only, never a page's path or a search in its address (?h=, ?q=)."""

PERMISSIONS_POLICY = ", ".join([
    *(f"{feature}=()" for feature in (
        "accelerometer", "autoplay", "camera", "display-capture", "encrypted-media", "geolocation",
        "gyroscope", "magnetometer", "microphone", "midi", "payment", "publickey-credentials-get",
        "screen-wake-lock", "serial", "usb", "xr-spatial-tracking")),
    # The Link control copies a link (navigator.clipboard.writeText) and, on a phone, opens the
    # share sheet (navigator.share): both stay allowed to the site itself. web-share is not
    # named: its default is already the site itself, and Chromium on Linux, which has no share
    # sheet, logs the name as an error.
    "clipboard-write=(self)",
])
"""Powerful features the site never uses, denied to it and to anything it might embed."""


def site_inline(site: Path) -> tuple[frozenset[str], frozenset[str]]:
    """The hashes of the inline scripts and styles of every page in the built site (the union)."""
    scripts: set[str] = set()
    styles: set[str] = set()
    for page in sorted(site.rglob("*.html")):
        inline = inline_of(page.read_text(encoding="utf-8"))
        scripts |= inline.scripts
        styles |= inline.styles
    return frozenset(scripts), frozenset(styles)


def fingerprinted(site: Path, theme_dirs: Iterable[str]) -> list[str]:
    """The theme's fingerprinted files in the built site, as paths from its root (`/assets/…`)."""
    found = []
    for path in sorted(site.rglob("*")):
        relative = path.relative_to(site).as_posix()
        if path.is_file() and FINGERPRINTED.search(path.name) and any((Path(d) / relative).is_file() for d in theme_dirs):
            found.append(f"/{relative}")
    return found


def headers_file(content_security_policy: str, immutable: Iterable[str]) -> str:
    """The text of `_headers`."""
    lines = [
        "# Written by statement-site (build_scripts/output/headers.py) at each build: do not edit.",
        "# Paths are from the root of the folder this file is in (see README, Deploying).",
        "/*",
        f"  Content-Security-Policy: {content_security_policy}",
        "  X-Content-Type-Options: nosniff",
        f"  Referrer-Policy: {REFERRER_POLICY}",
        f"  Permissions-Policy: {PERMISSIONS_POLICY}",
    ]
    for path in REVALIDATED:
        lines += [path, f"  Cache-Control: {REVALIDATE}"]
    for path in immutable:
        lines += [path, f"  Cache-Control: {IMMUTABLE}"]
    return "\n".join(lines) + "\n"


def write_headers(site: Path, theme_dirs: Iterable[str]) -> Path:
    """Write `_headers` into the built site, from the pages and assets in it."""
    scripts, styles = site_inline(site)
    target = site / FILE
    target.write_text(headers_file(policy(scripts, styles, header=True), fingerprinted(site, theme_dirs)),
                      encoding="utf-8")
    return target
