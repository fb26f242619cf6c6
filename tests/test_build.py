"""End to end: the command line builds real sites, refuses bad input, never breaks the old site."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from build_scripts.cli import main

from .conftest import FIXTURES, STATEMENT_DIR, make_project, run


def html(site: Path, page: str) -> str:
    return (site / page / "index.html").read_text(encoding="utf-8")


def test_every_section_has_a_page_with_its_paragraphs(real_site):
    for slug, first, last in [("opening", 1, 5), ("alliance", 11, 14), ("future", 32, 32)]:
        page = html(real_site, slug)
        ids = re.findall(r'<p class="stmt-para" id="p(\d+)">', page)
        assert [int(i) for i in ids] == list(range(first, last + 1))
        assert f'<h1 id="{slug}">' in page


def test_paragraph_permalink(real_site):
    page = html(real_site, "alliance")
    assert '<a class="stmt-pnum" href="#p14" title="この段落へのリンク">¶14</a>' in page


def test_corrections_are_shown_and_listed(real_site):
    page = html(real_site, "regional")
    assert "両岸問題" in page and "兩岸問題</ins>" not in page
    assert 'href="../corrections/#c2"' in page
    listing = html(real_site, "corrections")
    assert listing.count('<tr id="c') == 9
    assert '<a href="../regional/#p7">¶7</a>' in listing
    assert '<td lang="ja" data-label="公表された本文："><mark class="stmt-diff">兩</mark>岸問題</td>' in listing
    assert '<ins><mark class="stmt-diff">両</mark>岸問題</ins>' in listing


def test_home_page_contents_and_provenance(real_site):
    page = (real_site / "index.html").read_text(encoding="utf-8")
    assert '<time datetime="2022-05-23">2022年5月23日</time>' in page
    assert 'href="https://www.mofa.go.jp/' in page
    assert '<a href="alliance/#p11">¶11</a>–<a href="alliance/#p14">¶14</a>' in page
    assert "公式の本文には番号はありません" in page


def test_whole_statement_page_has_every_paragraph_once(real_site):
    page = html(real_site, "full")
    assert re.findall(r'<p class="stmt-para" id="p(\d+)">', page) == [str(n) for n in range(1, 33)]
    assert page.count("<h2 id=") >= 8


def test_html_lang_is_japanese(real_site):
    assert '<html lang="ja"' in html(real_site, "alliance")


def test_no_other_origin_is_referenced(real_site):
    for path in real_site.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        for url in re.findall(r'(?:src|href)="(https?://[^"]+)"', text):
            # Links the reader follows are fine; nothing may be loaded from elsewhere.
            assert not re.search(rf'<(?:script|link|img)[^>]+"{re.escape(url)}"', text), (path, url)
        assert "fonts.googleapis" not in text


def test_mini_statement_renders_markup_literally(tmp_path):
    config = make_project(tmp_path, FIXTURES / "mini")
    assert main(["build", "--config", str(config), "--source", str(tmp_path / "source"),
                 "--site-dir", str(tmp_path / "site")]) == 0
    page = (tmp_path / "site" / "opening" / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "<script>alert(1)" not in page
    assert "**強調**" in page and "[リンク](http://example.com)" in page
    assert "| 表のような行 | {{ 変数 }} と {% if x %}" in page
    sharp = (tmp_path / "site" / "sharp" / "index.html").read_text(encoding="utf-8")
    assert '<h1 id="sharp"># 行頭のシャープ記号</h1>' in sharp
    assert "<title># 行頭のシャープ記号 - 架空の共同声明</title>" in sharp
    sharp_en = (tmp_path / "site" / "en" / "sharp" / "index.html").read_text(encoding="utf-8")
    assert ("<title># A heading that starts with a hash | pipe - A &lt;i&gt;Made-up&lt;/i&gt; Joint Statement {{ title }}"
            "</title>") in sharp_en
    first = (tmp_path / "site" / "first" / "index.html").read_text(encoding="utf-8")
    paragraph = first.split('id="p3"')[1].split("</p>")[0]
    assert "計画&lt;b&gt;</ins>" in paragraph and "新たな計画&lt;b&gt;" not in paragraph
    assert "歓迎した。" in first  # "た。" joined across the page break
    corrections = (tmp_path / "site" / "corrections" / "index.html").read_text(encoding="utf-8")
    assert "（&lt;i&gt;タグ&lt;/i&gt;を含む）" in corrections
    # the translation, the glossary and the tooltips show markup literally too
    site = tmp_path / "site"
    english = (site / "en" / "opening" / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;, **bold** and [a link](http://example.com)" in english
    assert "{{ variable }} and {% if x %}" in (site / "en" / "opening" / "index.html").read_text(encoding="utf-8")
    home = (site / "en" / "index.html").read_text(encoding="utf-8")
    assert "A &lt;i&gt;Made-up&lt;/i&gt; Joint Statement {{ title }}" in home and "<i>Made-up" not in home
    assert "A short **statement** for tests" in home
    first_en = (site / "en" / "first" / "index.html").read_text(encoding="utf-8")
    assert '<h1 id="first">The [first](http://example.com) heading</h1>' in first_en
    assert '<span lang="ja">「計画」</span> is rendered as &#34;plan&#34; &lt;b&gt;not bold&lt;/b&gt;' in first_en
    assert 'title="A made-up description with &#34;quotes&#34; &amp; &lt;tags&gt;."' in first_en
    glossary = (site / "en" / "glossary" / "index.html").read_text(encoding="utf-8")
    assert "A made-up description with &#34;quotes&#34; &amp; &lt;tags&gt;." in glossary
    parallel = (site / "parallel" / "opening" / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in parallel and "<script>alert" not in parallel


def test_failed_build_leaves_previous_site_untouched(tmp_path):
    config = make_project(tmp_path)
    args = ["build", "--config", str(config), "--source", str(tmp_path / "source"), "--site-dir", str(tmp_path / "site")]
    assert main(args) == 0
    before = {p: p.read_bytes() for p in (tmp_path / "site").rglob("*") if p.is_file()}
    with (tmp_path / "source" / "corrections.yml").open("a", encoding="utf-8") as f:
        f.write("\n- paragraph: 1\n  published: 存在しない\n  corrected: x\n  reason:\n    ja: 試験。\n")
    assert main(args) == 1
    after = {p: p.read_bytes() for p in (tmp_path / "site").rglob("*") if p.is_file()}
    assert after == before
    assert not list(tmp_path.glob(".site.*"))


def test_cli_reports_one_line_without_traceback(tmp_path):
    make_project(tmp_path)
    (tmp_path / "source" / "statement.ja.txt").write_bytes("題名\n日付なし\n".encode("cp932"))
    result = run("build", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.strip() == (
        "source/statement.ja.txt: is encoded as Shift_JIS, not UTF-8; convert it (e.g. iconv -f CP932 -t UTF-8)")
    assert not (tmp_path / "site").exists()


def test_check_command(tmp_path):
    make_project(tmp_path)
    result = run("check", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    first = result.stdout.splitlines()[0]
    assert first.startswith("ok: source: 8 sections, 32 paragraphs, 9 corrections applied")
    assert first.endswith("languages: ja, en")
    # What the parser decided: every join across a page break, with both sides.
    assert "join: source/statement.ja.txt:25: …じることなく、不透明な形 | で締結された最近の中国と…" in result.stdout.splitlines()
    assert sum(line.startswith("join: ") for line in result.stdout.splitlines()) == 4


def test_check_with_a_source_needs_no_mkdocs_yml(tmp_path):
    """A publisher checks a folder of inputs anywhere, without a project around it."""
    shutil.copytree(STATEMENT_DIR, tmp_path / "inputs")
    result = run("check", "--source", "inputs", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("ok: inputs: 8 sections, 32 paragraphs")
    assert run("check", cwd=tmp_path).returncode == 2  # without --source it reads mkdocs.yml, which is not there


def test_another_statement_without_data_files_builds(tmp_path):
    make_project(tmp_path)
    other = tmp_path / "other"
    other.mkdir()
    (other / "statement.ja.txt").write_text("別の声明\n2023年1月13日\n\n前文である。\n\n見出し\n\n本文である。\n", encoding="utf-8")
    result = run("build", "--source", "other", "--site-dir", "out", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out" / "section-2" / "index.html").is_file()
    assert "statement: 2 sections, 2 paragraphs, 0 corrections applied, languages: ja (" in result.stdout
    assert "note: no translation.en.yml in other: building without the 'en' pages and language selector" in result.stdout
    assert not (tmp_path / "out" / "en").exists()
    page = (tmp_path / "out" / "section-2" / "index.html").read_text(encoding="utf-8")
    assert "md-select__link" not in page and 'hreflang="en"' not in page and "parallel/" not in page


def test_english_pages_mirror_the_japanese_ones(real_site):
    japanese = sorted(p.relative_to(real_site) for p in real_site.rglob("index.html")
                      if p.relative_to(real_site).parts[0] != "en")
    english = sorted(p.relative_to(real_site / "en") for p in (real_site / "en").rglob("index.html"))
    assert english == [p for p in japanese if p.parts[0] not in ("search",)]
    for slug in ("opening", "alliance", "future"):
        ja_ids = re.findall(r'id="(p\d+)"', html(real_site, slug))
        en_ids = re.findall(r'id="(p\d+)"', html(real_site / "en", slug))
        assert ja_ids == en_ids and ja_ids


def test_english_pages_are_labelled_and_link_to_official_texts(real_site):
    home = (real_site / "en" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="en"' in home
    assert "Unofficial translation prepared for this site." in home
    assert 'href="https://www.mofa.go.jp/' in home and 'href="https://www.whitehouse.gov/' in home
    assert '<time datetime="2022-05-23">23 May 2022</time>' in home
    section = html(real_site / "en", "alliance")
    assert '<link rel="alternate" href="../../alliance/" hreflang="ja">' in section
    assert "Translator&#39;s note:" in section


def test_english_corrections_page_explains_in_english(real_site):
    page = html(real_site / "en", "corrections")
    assert page.count('<tr id="c') == 9
    assert "Wrong acronym." in page
    assert '<td lang="ja" data-label="As published: ">安全保障協議委員会（SC<mark class="stmt-diff">G</mark>）</td>' in page


def test_glossary_pages_in_both_languages_with_the_same_ids(real_site):
    ja, en = html(real_site, "glossary"), html(real_site / "en", "glossary")
    ja_ids = re.findall(r'<section class="stmt-entry" id="([^"]+)">', ja)
    en_ids = re.findall(r'<section class="stmt-entry" id="([^"]+)">', en)
    assert len(ja_ids) >= 60 and sorted(ja_ids) == sorted(en_ids)
    for term_id in ("quad", "ipef", "jucip", "security-treaty", "ceesi", "jet-program", "culcon"):
        assert term_id in ja_ids, term_id
    assert 'id="abbreviations"' in ja and ">IPEF</abbr>" in ja and ">IPEF</abbr>" in en


def test_glossary_is_sorted_by_reading_within_each_kind(real_site):
    from build_scripts.edition import load_edition

    edition = load_edition(STATEMENT_DIR)
    readings = {t.id: t.yomi for t in edition.terms}
    page = html(real_site, "glossary")
    for group in page.split('<h2 id="kind-')[1:]:
        ids = re.findall(r'<section class="stmt-entry" id="([^"]+)">', group)
        assert [readings[i] for i in ids] == sorted(readings[i] for i in ids)


def test_every_mention_is_listed_and_links_back(real_site):
    page = html(real_site, "glossary")
    quad = page.split('<section class="stmt-entry" id="quad">')[1].split("</section>")[0]
    paragraphs = re.findall(r'<a href="\.\./([a-z-]+)/#p(\d+)">¶\d+</a>', quad)
    assert ("opening", "2") in paragraphs and ("indo-pacific", "6") in paragraphs and ("global-challenges", "25") in paragraphs
    for slug, number in paragraphs:
        assert f'id="p{number}"' in html(real_site, slug)


def test_first_mention_per_paragraph_links_to_the_glossary(real_site):
    page = html(real_site, "opening")
    p2 = page.split('id="p2"')[1].split("</p>")[0]
    assert re.search(r'<a class="stmt-term" href="\.\./glossary/#quad" title="[^"]+">日米豪印（クアッド）首脳会合</a>', p2)
    english = html(real_site / "en", "indo-pacific")
    assert english.count('href="../glossary/#quad"') == 1  # first mention only


def test_navigation_lists_a_short_statement_flat_and_groups_a_long_one():
    from build_scripts.edition import load_edition
    from build_scripts.output.render import NAV_FLAT_LIMIT, navigation

    edition = load_edition(STATEMENT_DIR)
    slugs = [f"{s.slug}.md" for s in edition.statement.sections]
    assert navigation(edition)[1:1 + len(slugs)] == slugs
    # the parallel text is one entry (its index), after the whole text; without a translation, none
    assert [p for p in navigation(edition) if "parallel" in p] == ["parallel/index.md"]
    assert navigation(edition)[-6:-4] == ["full.md", "parallel/index.md"]
    import dataclasses
    japanese_only = dataclasses.replace(edition, versions=edition.versions[:1])
    assert not [p for p in navigation(japanese_only) if "parallel" in p]

    def sections(count: int):
        """The edition with `count` sections of one paragraph each (¶1 in s0, ¶2 in s1, …)."""
        import dataclasses
        first = edition.statement.sections[1]
        many = tuple(dataclasses.replace(first, slug=f"s{i}", paragraphs=(
            dataclasses.replace(first.paragraphs[0], number=i + 1),)) for i in range(count))
        return dataclasses.replace(edition, statement=dataclasses.replace(edition.statement, sections=many))

    assert navigation(sections(NAV_FLAT_LIMIT))[1:1 + NAV_FLAT_LIMIT] == [f"s{i}.md" for i in range(NAV_FLAT_LIMIT)]
    nav = navigation(sections(100))
    groups = [item for item in nav if isinstance(item, dict)]
    assert len(groups) == 10 and list(groups[0]) == ["¶1–¶10"] and list(groups[-1]) == ["¶91–¶100"]
    assert [page for group in groups for pages in group.values() for page in pages] == [f"s{i}.md" for i in range(100)]
    assert nav[0] == "index.md"
    assert nav[-6:] == ["full.md", "parallel/index.md", "glossary.md", "corrections.md", "data.md", "about.md"]


def test_generated_pages_reach_mkdocs_without_touching_the_project(tmp_path):
    """The pages go to MkDocs in memory: a build adds the site and nothing else to the project."""
    make_project(tmp_path)

    def project_files() -> dict[Path, bytes]:  # Python's own __pycache__ (git-ignored) aside
        return {p: p.read_bytes() for p in tmp_path.rglob("*")
                if p.is_file() and "__pycache__" not in p.parts and site not in p.parents}

    site = tmp_path / "site"
    before = project_files()
    result = run("build", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert project_files() == before
    assert (site / "alliance" / "index.html").is_file() and (site / "en" / "alliance" / "index.html").is_file()
    assert (site / "search-index" / "ja.json").is_file() and (site / "about" / "index.html").is_file()
    assert not (site / "overrides").exists()  # the theme's custom_dir inside docs/ is not published
    assert not (site / "sitemap.xml").exists()  # no --site-url: no absolute addresses to list


@pytest.mark.parametrize("module", ["build_scripts.cli", "mkdocs"])
def test_hand_written_page_with_a_generated_name_is_refused(tmp_path, module):
    """Under statement-site and under plain MkDocs alike."""
    make_project(tmp_path)
    (tmp_path / "docs" / "alliance.md").write_text("# 手書き\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", module, "build"], cwd=tmp_path, capture_output=True, text=True,
                            env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"})
    assert result.returncode == 1
    assert "docs/alliance.md: has the name of a generated page; rename it" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "site").exists()


def test_one_404_page_in_the_default_language_with_links_to_each_home(real_site):
    page = (real_site / "404.html").read_text(encoding="utf-8")
    assert '<html lang="ja"' in page
    assert re.findall(r'<a href="([^"]*)" hreflang="(\w+)" class="md-select__link">', page) == [("/", "ja"), ("/en/", "en")]
    assert not (real_site / "en" / "404.html").exists()


def test_japanese_hand_written_text_has_no_line_break_between_words(real_site):
    """A line break inside Japanese Markdown text reaches the page and shows as a space ("よう に")."""
    page = html(real_site, "about")
    assert re.findall(r"[ぁ-ヿ一-鿿。、）]\n[ぁ-ヿ一-鿿「（]", page) == []
