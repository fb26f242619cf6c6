"""The site's own words (templates/strings.yml): whole sentences, the same in every language."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from build_scripts.cli import main
from build_scripts.errors import InputErrors
from build_scripts.output.render import fill, load_strings
from build_scripts.sitefolder import MARK, write_mark

from .conftest import REPO, make_project


def test_every_language_has_the_same_keys_and_placeholders():
    strings = load_strings(REPO / "templates")
    assert strings["ja"].keys() == strings["en"].keys()
    assert "{publisher}" in strings["en"]["source_linked"] and "{link}" in strings["ja"]["source_linked"]


@pytest.mark.parametrize("change, message", [
    (("  english_link: 英語版\n", ""), "{line}: key 'english_link' is in 'en' but not in 'ja'"),
    (("{publisher}が公表しています（{link}）", "{publisher}が公表しています"),
     "{line}: key 'english_source' has other placeholders in 'en' than in 'ja'"),
])
def test_a_missing_sentence_or_placeholder_is_named(tmp_path: Path, change, message):
    shutil.copytree(REPO / "templates", tmp_path / "templates")
    path = tmp_path / "templates" / "strings.yml"
    text = path.read_text(encoding="utf-8")
    assert change[0] in text
    path.write_text(text.replace(*change), encoding="utf-8")
    with pytest.raises(InputErrors) as caught:
        load_strings(tmp_path / "templates")
    key = message.split("'")[1]
    line = next(n for n, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if f" {key}:" in text)
    assert str(caught.value) == message.format(line=f"{path}:{line}")


def test_a_sentence_is_escaped_and_its_values_too_unless_markup():
    from markupsafe import Markup

    filled = fill("<{who}> & {link}", who="<b>", link=Markup('<a href="x">x</a>'))
    assert filled == '&lt;&lt;b&gt;&gt; &amp; <a href="x">x</a>'


@pytest.mark.parametrize("file, change, message", [
    ("strings.yml", ("  english_link: 英語版\n", "  english_link: [英語版\n"),
     "templates/strings.yml:{line}: YAML syntax error: did not find expected ',' or ']'"),
    ("strings.yml", ("en:\n", "fr:\n"), "templates/strings.yml: has no words for 'en' (the site is built in ja, en)"),
    ("home.md.j2", None, "templates/home.md.j2:{line}: template error: unexpected 'end of print statement'"),
    ("section.md.j2", None, "templates/section.md.j2:{line}: template error: 'no_such_name' is undefined"),
    ("chrome.html.j2", None, "templates/chrome.html.j2:{line}: template error: 'no_such_name' is undefined"),
])
def test_a_mistake_in_a_template_or_strings_yml_is_one_line_naming_it(tmp_path, capsys, monkeypatch, file, change,
                                                                       message):
    """The project's own files get what the inputs get: `file:line: what`, exit 1, the site kept."""
    make_project(tmp_path)
    path = tmp_path / "templates" / file
    text = path.read_text(encoding="utf-8")
    if change is None:  # a mistake on a line of its own at the end
        line = text.count("\n") + 1
        text += "{{ 1 + }}\n" if "unexpected" in message else "{{ no_such_name }}\n"
    else:
        assert change[0] in text
        line = text[:text.index(change[0])].count("\n") + 2 if "syntax" in message else None
        text = text.replace(*change)
    path.write_text(text, encoding="utf-8")
    (tmp_path / "site").mkdir()
    write_mark(tmp_path / "site")  # a previous build
    monkeypatch.chdir(tmp_path)
    assert main(["build"]) == 1
    err = capsys.readouterr().err
    assert err.splitlines() == [message.format(line=line)]
    assert [p.name for p in (tmp_path / "site").iterdir()] == [MARK]
