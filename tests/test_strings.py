"""The site's own words (templates/strings.yml): whole sentences, the same in every language."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from build_scripts.output.render import StringsError, fill, load_strings

from .conftest import REPO


def test_every_language_has_the_same_keys_and_placeholders():
    strings = load_strings(REPO / "templates")
    assert strings["ja"].keys() == strings["en"].keys()
    assert "{publisher}" in strings["en"]["source_linked"] and "{link}" in strings["ja"]["source_linked"]


@pytest.mark.parametrize("change, message", [
    (("  english_link: 英語版\n", ""), "key 'english_link' is in 'en' but not in 'ja'"),
    (("{publisher}が公表しています（{link}）", "{publisher}が公表しています"),
     "key 'english_source' has other placeholders in 'en' than in 'ja'"),
])
def test_a_missing_sentence_or_placeholder_is_named(tmp_path: Path, change, message):
    shutil.copytree(REPO / "templates", tmp_path / "templates")
    path = tmp_path / "templates" / "strings.yml"
    text = path.read_text(encoding="utf-8")
    assert change[0] in text
    path.write_text(text.replace(*change), encoding="utf-8")
    with pytest.raises(StringsError) as caught:
        load_strings(tmp_path / "templates")
    assert str(caught.value) == f"{path}: {message}"


def test_a_sentence_is_escaped_and_its_values_too_unless_markup():
    from markupsafe import Markup

    filled = fill("<{who}> & {link}", who="<b>", link=Markup('<a href="x">x</a>'))
    assert filled == '&lt;&lt;b&gt;&gt; &amp; <a href="x">x</a>'
