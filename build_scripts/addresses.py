"""Web and e-mail addresses that the site links to: checked before any page has them.

An address is written into pages (links, canonical links, the sitemap) and into the data
files. One that is not an address at all (`javascript:…`, `../../etc/passwd#`) or that holds
characters an address never holds (a quote, <, white space) would be a broken or a hostile
link, so each is refused with the file and key it came from.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

_UNSAFE = re.compile(r"[\s\"'<>\\^`{|}\x00-\x1f\x7f]")
"""Characters no address holds as written (RFC 3986 has them percent-encoded)."""

_EMAIL = re.compile(r"[^@\s:/]+@[^@\s:/]+\.[^@\s:/]+")


def is_web_address(text: str) -> bool:
    """Whether text is an absolute http(s) address with a host and nothing unsafe in it."""
    if _UNSAFE.search(text):
        return False
    try:
        parts = urlsplit(text)
    except ValueError:  # e.g. a malformed IPv6 host
        return False
    return parts.scheme in ("https", "http") and bool(parts.hostname)


def is_contact_address(text: str) -> bool:
    """Whether text is a web address, or an e-mail address (with or without mailto:)."""
    if is_web_address(text):
        return True
    address = text.removeprefix("mailto:").split("?", 1)[0]
    return not _UNSAFE.search(text) and bool(_EMAIL.fullmatch(address))
