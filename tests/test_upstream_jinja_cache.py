"""Compiled templates kept between runs: reused when the source is the same, never stale."""

from __future__ import annotations

import tempfile
from pathlib import Path

import jinja2
import pytest

from build_scripts.plugin.upstream import bytecode_cache


@pytest.fixture(autouse=True)
def private_temp(tmp_path, monkeypatch):
    """Each test gets its own temporary folder, so its cache starts empty."""
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))


def environment(folder: Path, **options) -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(folder)), **options)
    env.bytecode_cache = bytecode_cache(env)
    return env


def test_a_new_environment_reuses_the_compiled_template(tmp_path, monkeypatch):
    (tmp_path / "t").mkdir()
    (tmp_path / "t" / "page.j2").write_text("{% for x in xs %}{{ x }}{% endfor %}")
    assert environment(tmp_path / "t").get_template("page.j2").render(xs=[1, 2]) == "12"
    second = environment(tmp_path / "t")
    monkeypatch.setattr(second, "compile", lambda *a, **k: pytest.fail("compiled again"))
    assert second.get_template("page.j2").render(xs=[3]) == "3"


def test_another_checkout_of_the_same_templates_reuses_them(tmp_path, monkeypatch):
    for name in ("one", "two"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "page.j2").write_text("{{ 1 + 1 }}")
    environment(tmp_path / "one").get_template("page.j2")
    second = environment(tmp_path / "two")
    monkeypatch.setattr(second, "compile", lambda *a, **k: pytest.fail("compiled again"))
    template = second.get_template("page.j2")
    assert template.render() == "2"
    assert template.root_render_func.__code__.co_filename == str(tmp_path / "two" / "page.j2")  # for tracebacks


def test_an_edited_template_compiles_again(tmp_path):
    (tmp_path / "t").mkdir()
    page = tmp_path / "t" / "page.j2"
    page.write_text("old")
    environment(tmp_path / "t").get_template("page.j2")
    page.write_text("new")
    assert environment(tmp_path / "t").get_template("page.j2").render() == "new"


def test_environments_with_other_options_do_not_share_code(tmp_path):
    (tmp_path / "t").mkdir()
    (tmp_path / "t" / "page.j2").write_text("{% if true %}\nx\n{% endif %}\n")
    assert environment(tmp_path / "t").get_template("page.j2").render() == "\nx\n"
    assert environment(tmp_path / "t", trim_blocks=True).get_template("page.j2").render() == "x\n"


def test_a_cache_that_cannot_be_written_does_not_fail(tmp_path):
    (tmp_path / "t").mkdir()
    (tmp_path / "t" / "page.j2").write_text("ok")
    env = environment(tmp_path / "t")
    (tmp_path / "not-a-folder").write_text("")
    env.bytecode_cache.directory = str(tmp_path / "not-a-folder")  # (file permissions do not stop root)
    assert env.get_template("page.j2").render() == "ok"


def test_a_damaged_cache_file_is_compiled_over(tmp_path):
    (tmp_path / "t").mkdir()
    (tmp_path / "t" / "page.j2").write_text("{{ 6 * 7 }}")
    env = environment(tmp_path / "t")
    env.get_template("page.j2")
    for cached in Path(env.bytecode_cache.directory).glob("statement-site-*.cache"):
        cached.write_bytes(cached.read_bytes()[:30])  # the header survives, the code is cut short
    assert environment(tmp_path / "t").get_template("page.j2").render() == "42"
