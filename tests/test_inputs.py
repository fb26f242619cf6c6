"""Bad inputs: each gets one clear `file:line: message`; good variants give the same edition."""

from __future__ import annotations

import codecs
import shutil
from pathlib import Path

import pytest

from build_scripts.edition import load_edition
from build_scripts.errors import InputErrors

from .conftest import STATEMENT, STATEMENT_DIR


def real_source(folder: Path) -> Path:
    """Fill a folder with a copy of the real source/."""
    for name in ("statement.ja.txt", "statement.yml", "corrections.yml", "translation.en.yml"):
        shutil.copy(STATEMENT_DIR / name, folder / name)
    return folder


def line_of(path: Path, text: str) -> int:
    """The number of the first line of a file that contains text."""
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text in line)


def errors(source: Path) -> list[str]:
    with pytest.raises(InputErrors) as caught:
        load_edition(source)
    return [str(e).replace(str(source) + "/", "") for e in caught.value.errors]


def test_real_source_loads_with_all_corrections(source):
    edition = load_edition(real_source(source))
    assert len(edition.corrections) == 9
    texts = {p.number: p.text for p in edition.statement.paragraphs}
    for c in edition.corrections:
        assert c.corrected in texts[c.paragraph]
    assert edition.languages == ("ja", "en")
    assert "兩" not in "".join(texts.values()) and "來" not in "".join(texts.values())
    assert "安全保障協議委員会（SCC）" in texts[12]
    assert [s.slug for s in edition.statement.sections][:4] == ["opening", "indo-pacific", "regional", "alliance"]


def test_bom_and_crlf_give_the_same_edition(source):
    expected = load_edition(real_source(source))
    data = STATEMENT.read_bytes().replace(b"\n", b"\r\n")
    (source / "statement.ja.txt").write_bytes(codecs.BOM_UTF8 + data)
    assert load_edition(source) == expected


def test_missing_statement(source):
    assert errors(source) == ["statement.ja.txt: file not found"]


def test_empty_statement(source):
    (source / "statement.ja.txt").write_bytes(b"\n\n  \n")
    assert errors(source) == ["statement.ja.txt: file is empty"]


def test_shift_jis_statement_is_named(source):
    (source / "statement.ja.txt").write_bytes(STATEMENT.read_text(encoding="utf-8").encode("cp932"))
    assert errors(source) == [
        "statement.ja.txt: is encoded as Shift_JIS, not UTF-8; convert it (e.g. iconv -f CP932 -t UTF-8)"
    ]


def test_utf16_statement_is_named(source):
    (source / "statement.ja.txt").write_bytes(STATEMENT.read_text(encoding="utf-8").encode("utf-16"))
    assert errors(source) == ["statement.ja.txt: is encoded as UTF-16; save it as UTF-8"]


def test_binary_statement(source):
    (source / "statement.ja.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe")
    assert errors(source) == ["statement.ja.txt:1: is a binary file, not text"]


def test_correction_that_does_not_match(source):
    real_source(source)
    with (source / "corrections.yml").open("a", encoding="utf-8") as f:
        f.write("\n- paragraph: 3\n  published: 存在しない語句\n  corrected: 別の語句\n  reason:\n    ja: 試験。\n")
    assert errors(source) == [
        "corrections.yml:69: correction 10: '存在しない語句' does not occur in ¶3 (it must occur exactly once)"
    ]


def test_correction_that_matches_twice(source):
    real_source(source)
    (source / "corrections.yml").write_text(
        "- paragraph: 3\n  published: 両首脳は\n  corrected: 両首脳が\n  reason:\n    ja: 試験。\n", encoding="utf-8")
    assert errors(source) == [
        "corrections.yml:1: correction 1: '両首脳は' occurs 2 times in ¶3 (it must occur exactly once)"
    ]


def test_correction_of_a_paragraph_that_does_not_exist(source):
    real_source(source)
    (source / "corrections.yml").write_text(
        "- paragraph: 40\n  published: 両首脳は\n  corrected: 両首脳が\n  reason:\n    ja: 試験。\n", encoding="utf-8")
    assert errors(source) == ["corrections.yml:1: correction 1: there is no ¶40 (the statement has 32 paragraphs)"]


def test_correction_with_wrong_types_and_unknown_key(source):
    real_source(source)
    (source / "corrections.yml").write_text(
        "- paragraph: third\n  published: [a, b]\n  corrected: x\n  reasons:\n    ja: 試験。\n", encoding="utf-8")
    assert errors(source) == [
        "corrections.yml:4: correction 1: unknown key 'reasons' (did you mean 'reason'?)",
        "corrections.yml:1: correction 1: 'paragraph' must be a positive whole number, found a single value",
        "corrections.yml:2: correction 1: 'published' must be text, found a list",
    ]


def test_yaml_syntax_error_keeps_line_and_column(source):
    real_source(source)
    (source / "corrections.yml").write_text("- paragraph: 3\n  published: [unclosed\n  corrected: x\n", encoding="utf-8")
    [message] = errors(source)
    assert message.startswith("corrections.yml:3: YAML syntax error at column 12:")


def test_duplicate_slugs(source):
    real_source(source)
    text = (source / "statement.yml").read_text(encoding="utf-8").replace("slug: regional", "slug: indo-pacific")
    (source / "statement.yml").write_text(text, encoding="utf-8")
    line = [n for n, text_line in enumerate(text.splitlines(), 1) if "slug: indo-pacific" in text_line][1]
    assert errors(source) == [f"statement.yml:{line}: section 3: slug 'indo-pacific' is used twice"]


@pytest.mark.parametrize("slug, problem", [
    ("'indo pacific'", "must be lower-case ASCII letters, digits and single hyphens"),
    ("インド太平洋", "must be lower-case ASCII letters, digits and single hyphens"),
    ("corrections", "is reserved for the site's own pages"),
])
def test_bad_slugs(source, slug, problem):
    real_source(source)
    text = (source / "statement.yml").read_text(encoding="utf-8").replace("slug: regional", f"slug: {slug}")
    (source / "statement.yml").write_text(text, encoding="utf-8")
    [message] = errors(source)
    line = line_of(source / "statement.yml", f"slug: {slug}")
    assert message.startswith(f"statement.yml:{line}: section 3: slug ") and message.endswith(problem)


def test_slug_count_must_match_sections(source):
    real_source(source)
    (source / "statement.yml").write_text("sections:\n  - slug: one\n  - slug: two\n", encoding="utf-8")
    assert errors(source) == ["statement.yml:2: lists 2 section slugs, but statement.ja.txt has 8 sections"]


def test_slug_heading_must_match(source):
    real_source(source)
    text = (source / "statement.yml").read_text(encoding="utf-8").replace(
        "heading: 日米同盟：抑止力及び対処力の強化", "heading: 日米同盟")
    (source / "statement.yml").write_text(text, encoding="utf-8")
    line = line_of(source / "statement.yml", "slug: alliance")
    assert errors(source) == [
        f"statement.yml:{line}: heading '日米同盟' does not match section 4 of the statement: '日米同盟：抑止力及び対処力の強化'"
    ]


def test_without_data_files_sections_are_numbered(source):
    shutil.copy(STATEMENT, source / "statement.ja.txt")
    edition = load_edition(source)
    assert [s.slug for s in edition.statement.sections] == [f"section-{i}" for i in range(1, 9)]
    assert edition.corrections == ()


def test_errors_in_several_files_are_reported_together(source):
    (source / "statement.ja.txt").write_text("題名\n2022年2月30日\n\n本文。\n", encoding="utf-8")
    (source / "corrections.yml").write_text("paragraph: 1\n", encoding="utf-8")
    assert errors(source) == [
        "statement.ja.txt:2: the date 2022年2月30日 does not exist",
        "corrections.yml:1: corrections.yml must be a list of corrections",
    ]


def test_aliases_are_measured_without_expanding_them(tmp_path):
    """A 40-level alias tree stands for 9**41 values: refused at once, by the level where it
    passes the limit; a file that is merely large, a recursive alias and deep nesting are read."""
    from build_scripts.errors import InputErrors as Refused
    from build_scripts.inputs import yamlfile

    levels = ["? &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol] : 1"]
    levels += [f"? &a{i} [{', '.join([f'*a{i - 1}'] * 9)}] : 1" for i in range(1, 40)]
    (tmp_path / "bomb.yml").write_text("\n".join(levels) + "\n", encoding="utf-8")
    with pytest.raises(Refused) as refused:
        yamlfile.load(tmp_path / "bomb.yml")
    assert str(refused.value).endswith("bomb.yml:6: its aliases (*name) expand to more than 100,000 values; "
                                       "write the values out instead")  # a5: 9**6 values
    (tmp_path / "large.yml").write_text("".join(f"- [{i}, {i}, {i}]\n" for i in range(60_000)), encoding="utf-8")
    assert yamlfile.load(tmp_path / "large.yml") is not None  # 240,000 values, none of them an alias
    (tmp_path / "recursive.yml").write_text("&a [*a, 1]\n", encoding="utf-8")
    assert yamlfile.load(tmp_path / "recursive.yml") is not None
    (tmp_path / "deep.yml").write_text("[" * 900 + "]" * 900 + "\n", encoding="utf-8")
    assert yamlfile.load(tmp_path / "deep.yml") is not None
