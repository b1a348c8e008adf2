"""Issue 17: the command line under hostile input. `new` with names and folders it cannot
use, file names that are not UTF-8, mkdocs.yml settings of the wrong type, and a cache
that anyone could have written: exit status 2 with a message (or the right output), no
traceback, nothing left behind."""

from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from hostile_checks import assert_clean_failure, run_cli, tree, write_project
from mkdocs_journeys.cli.cache import cache_path, cache_root
from mkdocs_journeys.cli.cache_format import decode, encode
from mkdocs_journeys.core.documents import read_document
from mkdocs_journeys.core.slugs import MAX_PAGE_ID_CHARS
from sample_pages import journey_page, supporting_pages

TODAY = "2026-11-22"
NOT_UTF8 = b"caf\xe9"  # Latin-1 bytes, as an old shell or archive hands them over


@pytest.fixture(autouse=True)
def cache_home(tmp_path_factory, monkeypatch):
    """The commands keep their cache here, never in the user's ~/.cache (nor in the project)."""
    folder = tmp_path_factory.mktemp("cache-home")
    monkeypatch.setenv("XDG_CACHE_HOME", str(folder))
    return folder


def project(root: Path) -> dict[str, str]:
    pages = {"journeys/camping.md": journey_page(), **supporting_pages()}
    write_project(root, pages, {"today": TODAY})
    return pages


# -- new ---------------------------------------------------------------------------------------


def test_new_cuts_a_long_name_to_the_id_limit_and_keeps_it_as_the_title(tmp_path):
    name = "Very long journey name " * 13  # 299 characters
    result = run_cli("new", "journey", name, "--dir", "docs/journeys", cwd=tmp_path)
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    (written,) = (tmp_path / "docs/journeys").iterdir()
    assert len(written.stem) <= MAX_PAGE_ID_CHARS and written.stem == written.stem.strip("-")
    assert written.stem.startswith("very-long-journey-name-very")
    document = read_document("journeys/x.md", written.read_text(encoding="utf-8"))
    assert document.title == " ".join(name.split()) and not document.problems


def test_new_with_a_file_as_dir_exits_2_and_leaves_the_file_alone(tmp_path):
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    before = tree(tmp_path)
    for folder in ("notes.txt", "notes.txt/sub/deeper"):
        result = run_cli("new", "persona", "Ana", "--dir", folder, cwd=tmp_path)
        assert_clean_failure(result, folder, "--dir")
    assert tree(tmp_path) == before


def test_new_removes_the_folders_it_made_when_a_deeper_one_cannot_be_made(tmp_path):
    folder = "made/" + "x" * 300  # `made` can be made; a 300-byte folder name cannot
    result = run_cli("new", "persona", "Ana", "--dir", folder, cwd=tmp_path)
    assert_clean_failure(result, "cannot write")
    assert list(tmp_path.iterdir()) == []


def test_new_with_a_name_that_is_not_utf8_exits_2_and_writes_nothing(tmp_path):
    command = [sys.executable, "-m", "mkdocs_journeys", "new", "journey", NOT_UTF8 + b" trip", "--dir", b"docs"]
    result = subprocess.run(command, cwd=tmp_path, capture_output=True, timeout=120)
    stderr = result.stderr.decode("utf-8", "replace")
    assert result.returncode == 2 and "Traceback" not in stderr and "not UTF-8" in stderr, stderr
    assert list(tmp_path.iterdir()) == []


def test_new_into_a_folder_whose_name_is_not_utf8(tmp_path):
    command = [sys.executable, "-m", "mkdocs_journeys", "new", "persona", "Ana", "--dir", NOT_UTF8]
    result = subprocess.run(command, cwd=tmp_path, capture_output=True, timeout=120,
                            env={**os.environ, "PYTHONIOENCODING": "utf-8"})
    assert result.returncode == 0 and b"Traceback" not in result.stderr, result.stderr
    assert result.stdout == NOT_UTF8 + b"/ana.md\n"  # the folder's own bytes
    assert os.listdir(os.fsencode(tmp_path / os.fsdecode(NOT_UTF8))) == [b"ana.md"]


def test_new_with_a_control_character_in_the_name_exits_2(tmp_path):
    result = run_cli("new", "department", "Sales\x07", "--dir", "docs", cwd=tmp_path)
    assert_clean_failure(result, "control characters")
    assert list(tmp_path.iterdir()) == []


def test_new_refuses_a_config_whose_docs_dir_is_not_a_folder_name(tmp_path):
    (tmp_path / "mkdocs.yml").write_text("site_name: x\ndocs_dir: [a, b]\n", encoding="utf-8")
    result = run_cli("new", "persona", "Ana", cwd=tmp_path)
    assert_clean_failure(result, "`docs_dir`", "found a list")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mkdocs.yml"]


@pytest.mark.parametrize("setting, value, said", [("use_directory_urls", "no", "found 'no'"),
                                                  ("site_url", 5, "found 5")])
def test_validate_and_export_refuse_mkdocs_settings_of_the_wrong_type(tmp_path, setting, value, said):
    pages = project(tmp_path)
    settings = yaml.safe_load((tmp_path / "mkdocs.yml").read_text(encoding="utf-8"))
    settings[setting] = value
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump(settings), encoding="utf-8")
    for command in ("validate", "export"):
        assert_clean_failure(run_cli(command, cwd=tmp_path), f"`{setting}`", said)
    assert tree(tmp_path / "docs") == {path: text.encode("utf-8") for path, text in pages.items()}


# -- file names that are not UTF-8 -------------------------------------------------------------


@pytest.fixture
def latin1_named_journey(tmp_path):
    """The camping journey under a file name that is not UTF-8 (`mkdocs build` itself cannot
    take it: MkDocs' own URL quoting fails, so this is the command line's case)."""
    project(tmp_path)
    folder = os.fsencode(tmp_path / "docs/journeys")
    os.rename(os.path.join(folder, b"camping.md"), os.path.join(folder, NOT_UTF8 + b".md"))
    return tmp_path


@pytest.mark.parametrize("locale_env", [{"PYTHONIOENCODING": "utf-8"}, {"LC_ALL": "C"}])
def test_export_of_a_page_whose_file_name_is_not_utf8(latin1_named_journey, locale_env):
    before = tree(latin1_named_journey)
    result = run_cli("export", cwd=latin1_named_journey, env=locale_env)
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    records = json.loads(result.stdout)
    assert records and {r["journey_url"] for r in records} == {"journeys/caf%E9/"}  # the bytes, URL-quoted
    csv_result = run_cli("export", "--format", "csv", cwd=latin1_named_journey, env=locale_env)
    assert csv_result.returncode == 0 and "journeys/caf%E9/" in csv_result.stdout
    assert tree(latin1_named_journey) == before


@pytest.mark.parametrize("output", ["text", "github", "json"])
def test_validate_prints_a_file_name_that_is_not_utf8_in_every_format(latin1_named_journey, output):
    page = latin1_named_journey / "docs/journeys" / os.fsdecode(NOT_UTF8 + b".md")
    page.write_text(page.read_text(encoding="utf-8").replace("emotion: 1", "emotion: 9"), encoding="utf-8")
    result = run_cli("validate", "--format", output, cwd=latin1_named_journey, env={"PYTHONIOENCODING": "utf-8"})
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    if output == "json":
        (problem,) = json.loads(result.stdout)  # valid JSON; the name as a \udcXX escape
        assert problem["file"] == "docs/journeys/caf\udce9.md"
    else:
        assert "journeys/caf\udce9.md" in result.stdout  # the file's own bytes, read back as surrogates


# -- the cache ---------------------------------------------------------------------------------


def test_a_relative_xdg_cache_home_is_ignored(tmp_path, monkeypatch):
    pages = project(tmp_path)
    before = tree(tmp_path)
    home = tmp_path.parent / f"{tmp_path.name}-home"
    result = run_cli("validate", cwd=tmp_path, env={"XDG_CACHE_HOME": "docs/.cache", "HOME": str(home)})
    assert result.returncode == 0, result.stderr
    assert tree(tmp_path) == before  # nothing in the docs folder (the next build would publish it)
    assert len(list((home / ".cache" / "mkdocs-journeys").glob("*.json"))) == 1
    assert cache_root({"XDG_CACHE_HOME": "rel", "HOME": "/home/ana"}) == Path("/home/ana/.cache")
    assert cache_root({"XDG_CACHE_HOME": "/abs/cache"}) == Path("/abs/cache")
    assert cache_root({"XDG_CACHE_HOME": "rel", "HOME": "docs"}) is None  # no cache rather than one in the wiki
    assert tree(tmp_path / "docs") == {path: text.encode("utf-8") for path, text in pages.items()}


def test_a_relative_home_without_xdg_cache_home_keeps_no_cache_in_the_project(tmp_path, monkeypatch):
    project(tmp_path)
    monkeypatch.delenv("XDG_CACHE_HOME")
    before = tree(tmp_path)
    result = run_cli("validate", cwd=tmp_path, env={"HOME": "docs"})
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    assert tree(tmp_path) == before


def test_a_config_file_that_is_not_utf8_exits_2(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_bytes(b"site_name: Caf\xe9\n")
    for command in ("validate", "export"):
        assert_clean_failure(run_cli(command, cwd=tmp_path), "mkdocs.yml", "0xe9", "UTF-8")


class _Planted:
    """Unpickling this would create the file named in it."""

    def __init__(self, path: str):
        self.path = path

    def __reduce__(self):
        return (open, (self.path, "w"))


@pytest.mark.parametrize("planted", ["pickle", "pickle-at-json-path", "garbage", "truncated", "foreign-class",
                                     "wrong-shape", "deep"])
def test_a_cache_anyone_could_have_written_runs_nothing_and_counts_as_empty(tmp_path, cache_home, planted):
    project(tmp_path)
    fresh = run_cli("validate", "--no-cache", cwd=tmp_path)
    first = run_cli("validate", cwd=tmp_path)  # writes the cache
    path = cache_path(str(tmp_path / "docs"), {"XDG_CACHE_HOME": str(cache_home)})
    assert path.suffix == ".json" and path.exists()
    good = path.read_text(encoding="ascii")
    key = json.loads(good)["key"]
    witness = tmp_path / "code-ran"
    payloads = {
        "pickle": (path.with_suffix(".pickle"), pickle.dumps(_Planted(str(witness)))),
        "pickle-at-json-path": (path, pickle.dumps(_Planted(str(witness)))),
        "garbage": (path, b"\x00\xff not json"),
        "truncated": (path, good[: len(good) // 2].encode()),
        "foreign-class": (path, json.dumps({"key": key, "paths": ["journeys/camping.md"], "entries": {"$dict": [
            ["journeys/camping.md", {"$tuple": [{"$bytes": "00"}, {"$class": "subprocess.Popen", "fields": {}}]}]]}}).encode()),
        "wrong-shape": (path, json.dumps({"key": key, "paths": 5, "entries": []}).encode()),
        "deep": (path, ("[" * 100_000 + "]" * 100_000).encode()),
    }
    target, data = payloads[planted]
    target.write_bytes(data)
    again = run_cli("validate", cwd=tmp_path)
    assert not witness.exists()
    assert (again.returncode, again.stdout) == (fresh.returncode, fresh.stdout) == (first.returncode, first.stdout)
    assert "Traceback" not in again.stderr
    assert json.loads(path.read_text(encoding="ascii"))["key"] == key  # written afresh


def test_the_cache_format_reads_back_every_document_of_the_sample_wiki_as_it_was():
    sample = Path(__file__).resolve().parents[1] / "journeys"
    documents = {}
    for file in sorted(sample.rglob("*.md")):
        path = file.relative_to(sample).as_posix()
        documents[path] = (b"digest", read_document(path, file.read_text(encoding="utf-8")))
    assert any(document.journey for _, document in documents.values())
    text = json.dumps(encode(documents))
    assert decode(json.loads(text)) == documents


def test_the_cache_format_refuses_what_it_does_not_store():
    with pytest.raises(TypeError):
        encode(object())
    with pytest.raises(ValueError):
        decode({"$class": "pathlib.Path", "fields": {}})
    with pytest.raises(ValueError):
        decode({"$enum": "documents.Document", "value": "x"})
