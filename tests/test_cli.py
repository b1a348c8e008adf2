"""The `mkdocs-journeys` command line, run on real wikis in temporary folders (mostly its
main() in this process; the installed script and `python -m` where the process is what is
tested), compared with what a real MkDocs build of the same folder logs and writes."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml

from conftest import REPO, build_site, page
from journey_html import map_table
from mkdocs_journeys.cli.project import page_url
from mkdocs_journeys.core.journey_reader import JOURNEY_KEYS, OPPORTUNITY_KEYS, STAGE_KEYS, STEP_KEYS, TOUCHPOINT_KEYS
from mkdocs_journeys.core.schema import front_matter_schema
from sample_pages import journey_data, journey_page, other_journey_page, supporting_pages
from support.bad_pages import BAD, FORMAT_RULES as CASES
from support.command_line import run_here

SCRIPT = Path(sys.executable).with_name("mkdocs-journeys")  # installed with the package
TODAY = "2026-11-22"


@pytest.fixture(autouse=True, scope="module")
def cache_home(tmp_path_factory):
    """The commands keep their page cache here, not in the user's ~/.cache."""
    folder = tmp_path_factory.mktemp("cache-home")
    previous = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(folder)
    yield folder
    if previous is None:
        del os.environ["XDG_CACHE_HOME"]
    else:
        os.environ["XDG_CACHE_HOME"] = previous


def run(*args: str, cwd: Path, how: str = "here", env: dict | None = None) -> subprocess.CompletedProcess:
    """The command run in this process (support/command_line.py), or in a process of its own
    as the installed `script` or `python -m`."""
    if how == "here":
        return run_here(*args, cwd=cwd, env=env)
    command = [str(SCRIPT)] if how == "script" else [sys.executable, "-m", "mkdocs_journeys"]
    return subprocess.run([*command, *args], cwd=cwd, capture_output=True, text=True, encoding="utf-8",
                          env={**os.environ, **(env or {})}, timeout=120)


def plugin_messages(built) -> list[str]:
    """The plugin's warnings of a build, without the logger's `journeys: ` prefix."""
    return [message.removeprefix("journeys: ") for message in built.warnings if message.startswith("journeys: ")]


def good_wiki() -> dict[str, str]:
    return {"journeys/camping.md": journey_page(), **supporting_pages()}


def bad_wiki() -> dict[str, str]:
    """Every case of the bad-input corpus at once, each page at a path of its own."""
    pages = {**supporting_pages(), "journeys/good.md": other_journey_page("Good trip", "good-signs")}
    for case in CASES:
        if case.path == BAD:
            pages[f"journeys/{case.id}.md"] = case.text
        else:
            folder = case.path.split("/")[0]
            pages[f"{folder}/{case.id}.md"] = case.text
    return pages


@pytest.fixture(scope="module")
def bad_build(tmp_path_factory):
    root = tmp_path_factory.mktemp("bad-wiki")
    return build_site(root, bad_wiki())


# -- both ways of running it ------------------------------------------------------------------


def test_the_installed_script_and_python_m_are_the_same_command(tmp_path):
    assert SCRIPT.is_file(), "pip install -e . installs the mkdocs-journeys script"
    for how in ("script", "python -m"):
        result = run("--help", cwd=tmp_path, how=how)
        assert result.returncode == 0
        for command in ("validate", "new", "export", "schema"):
            assert command in result.stdout


# -- validate ----------------------------------------------------------------------------------


@pytest.mark.parametrize("how", ["script", "python -m", "here"], ids=["script", "python-m", "in-process"])
def test_validate_a_clean_wiki_exits_0(tmp_path, how):
    build_site(tmp_path, good_wiki(), strict=True)
    result = run("validate", cwd=tmp_path, how=how)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == ""
    assert re.search(r"\b5 pages in docs: no problems", result.stderr), result.stderr


def test_validate_prints_exactly_the_plugins_messages_in_its_order(tmp_path, bad_build):
    messages = plugin_messages(bad_build)
    assert len(messages) >= len(CASES)  # every case, and the duplicates of their shared ids
    result = run("validate", cwd=bad_build.root, how="script")
    assert result.returncode == 1
    assert result.stdout.splitlines() == messages
    errors = sum(1 for line in result.stdout.splitlines())
    assert f"{errors} problems" in result.stderr


def test_validate_takes_the_docs_folder_as_an_argument(tmp_path, bad_build):
    result = run("validate", str(bad_build.docs_dir), "--config-file", str(bad_build.root / "mkdocs.yml"),
                 cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout.splitlines() == plugin_messages(bad_build)


GITHUB_RE = re.compile(r"^::(error|warning) file=([^,:]+),(?:line=(\d+),)?title=journeys::(.+)$")


def test_validate_github_format_annotates_files_and_lines_relative_to_the_current_folder(tmp_path, bad_build):
    cwd = bad_build.root.parent
    result = run("validate", "--format", "github", "-f", str(bad_build.root / "mkdocs.yml"), cwd=cwd)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert len(lines) == len(plugin_messages(bad_build))
    severities = set()
    for line, message in zip(lines, plugin_messages(bad_build)):
        match = GITHUB_RE.match(line)
        assert match, line
        level, file, number, text = match.groups()
        severities.add(level)
        assert text == message.replace("%", "%25")
        target = cwd / file
        assert target.is_file() and target.is_relative_to(bad_build.docs_dir), file
        if number:
            assert message.startswith(f"{target.relative_to(bad_build.docs_dir).as_posix()}:{number}: ")
    assert severities == {"error", "warning"}
    # The emotion out of range is on the line the annotation names.
    emotion = next(GITHUB_RE.match(line) for line in lines if "emotion-above-range.md" in line
                   and ".emotion:" in line)
    assert "emotion: 3" in (cwd / emotion.group(2)).read_text(encoding="utf-8").splitlines()[int(emotion.group(3)) - 1]
    owner = next(line for line in lines if "opportunity-without-owner.md" in line)
    assert owner.startswith("::warning ")


def test_validate_json_format_lists_the_problems(tmp_path, bad_build):
    result = run("validate", "--format", "json", cwd=bad_build.root)
    assert result.returncode == 1
    problems = json.loads(result.stdout)
    assert [p["message"] for p in problems] == plugin_messages(bad_build)
    for problem in problems:
        assert set(problem) == {"file", "line", "field", "value", "expected", "severity", "message"}
        assert (bad_build.root / problem["file"]).is_file()
        assert problem["severity"] in ("error", "warning")
        assert f"{problem['field']}: found {problem['value']}; expected {problem['expected']}" in problem["message"]
    by_field = {p["field"]: p for p in problems if p["file"].endswith("/emotion-above-range.md")}
    assert by_field["journey.stages[0].steps[0].emotion"]["value"] == "3"
    assert by_field["journey.stages[0].steps[0].emotion"]["severity"] == "error"


def test_validate_reuses_unchanged_pages_and_rereads_changed_ones(tmp_path, cache_home):
    tent = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M0 0h24v24H0z"/></svg>'
    data = journey_data()
    data["stages"][0]["icon"] = "camping/tent"
    pages = {**supporting_pages(), "journeys/camping.md": page({"title": "Trip", "journey": data})}
    build_site(tmp_path, pages, config={"theme": {"name": "material", "custom_dir": "overrides"}},
               files={"overrides/.icons/camping/lamp.svg": tent})
    cached = set(cache_home.rglob("*.json"))
    first = run("validate", cwd=tmp_path)
    assert first.returncode == 1 and "camping/tent" in first.stdout
    assert len(set(cache_home.rglob("*.json")) - cached) == 1  # this wiki's cache
    assert run("validate", cwd=tmp_path).stdout == first.stdout  # from the cache, the same
    (tmp_path / "overrides/.icons/camping/tent.svg").write_text(tent, encoding="utf-8")  # the theme changed
    assert (run("validate", cwd=tmp_path).returncode, run("validate", cwd=tmp_path).stdout) == (0, "")
    camping = tmp_path / "docs/journeys/camping.md"
    camping.write_text(camping.read_text(encoding="utf-8").replace("emotion: 1", "emotion: 7"), encoding="utf-8")
    changed = run("validate", cwd=tmp_path)
    assert changed.returncode == 1 and "emotion: found 7" in changed.stdout
    (tmp_path / "docs/personas/urban-camper.md").unlink()  # a page removed
    removed = run("validate", cwd=tmp_path)
    assert "personas/urban-camper.md); a page is generated" in removed.stdout
    assert run("validate", "--no-cache", cwd=tmp_path).stdout == removed.stdout


def test_validate_exit_status_2_without_a_docs_folder(tmp_path):
    result = run("validate", "no-such-folder", cwd=tmp_path)
    assert result.returncode == 2
    assert "no-such-folder" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize("options, named", [({"today": "next tuesday"}, "today"),
                                            ({"opportunities": "../outside"}, "opportunities")])
def test_validate_stops_on_a_bad_plugin_option_like_the_build(tmp_path, options, named):
    built = build_site(tmp_path, good_wiki(), plugin_config=options)
    assert built.aborted  # MkDocs stops on the config error
    result = run("validate", cwd=tmp_path)
    assert result.returncode == 2
    assert f"`{named}`" in result.stderr and "Traceback" not in result.stderr


def test_validate_reads_mkdocs_yml_with_tags_and_other_plugins_not_installed(tmp_path):
    docs = tmp_path / "wiki"
    for path, text in good_wiki().items():
        (docs / path).parent.mkdir(parents=True, exist_ok=True)
        (docs / path).write_text(text, encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: Tags\n"
        "docs_dir: !ENV [WIKI_DOCS, docs]\n"
        "theme: {name: material}\n"
        "plugins: [search, {not-installed-anywhere: {x: 1}}, {journeys: {today: 2026-11-22}}]\n"
        "markdown_extensions:\n"
        "  - pymdownx.emoji:\n"
        "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n",
        encoding="utf-8")
    result = run("validate", cwd=tmp_path, env={"WIKI_DOCS": "wiki"})
    assert result.returncode == 0, result.stderr
    assert "in wiki: no problems" in result.stderr
    assert run("validate", cwd=tmp_path).returncode == 2  # without the variable, docs/ does not exist


def test_validate_checks_icons_against_the_theme_and_its_custom_dir(tmp_path):
    tent = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M0 0h24v24H0z"/></svg>'
    data = journey_data()
    data["stages"][0]["icon"] = "camping/tent"
    data["stages"][1]["icon"] = "material/no-such-icon-anywhere"
    pages = {**supporting_pages(), "journeys/camping.md": page({"title": "Trip", "journey": data})}
    config = {"theme": {"name": "material", "custom_dir": "overrides"}}
    built = build_site(tmp_path, pages, config=config, files={"overrides/.icons/camping/tent.svg": tent})
    messages = plugin_messages(built)
    assert len(messages) == 1 and "no-such-icon-anywhere" in messages[0]
    result = run("validate", cwd=tmp_path)
    assert result.stdout.splitlines() == messages


def test_validate_without_the_theme_installed_checks_icons_for_their_form_only(tmp_path):
    data = journey_data()
    data["stages"][0]["icon"] = "material/no-such-icon-anywhere"
    data["stages"][1]["icon"] = ":material-tent:"
    pages = {**supporting_pages(), "journeys/camping.md": page({"title": "Trip", "journey": data})}
    build_site(tmp_path, pages)
    config = yaml.safe_load((tmp_path / "mkdocs.yml").read_text(encoding="utf-8"))
    config["theme"] = {"name": "theme-not-installed"}
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    result = run("validate", cwd=tmp_path)
    assert result.returncode == 1
    assert "theme-not-installed" in result.stderr and "icons" in result.stderr
    assert len(result.stdout.splitlines()) == 1 and ":material-tent:" in result.stdout


def test_validate_honours_exclude_docs_and_hidden_folders(tmp_path):
    pages = {**good_wiki(), "drafts/broken.md": bad_wiki()["journeys/emotion-above-range.md"],
             ".hidden/broken.md": bad_wiki()["journeys/emotion-above-range.md"]}
    built = build_site(tmp_path, pages, config={"exclude_docs": "drafts/\n"})
    assert plugin_messages(built) == []
    result = run("validate", cwd=tmp_path)
    assert result.returncode == 0, result.stdout


def test_validate_reports_a_page_that_is_not_utf8_like_the_build(tmp_path):
    build_site(tmp_path, good_wiki())
    (tmp_path / "docs" / "journeys" / "latin.md").write_bytes(
        b"---\ntitle: Caf\xe9\njourney:\n  stages: []\n---\n")
    result = run("validate", cwd=tmp_path)
    assert result.returncode == 1
    assert "journeys/latin.md:2: encoding:" in result.stdout
    assert "journeys/latin.md:4: journey.stages:" in result.stdout


# -- new ---------------------------------------------------------------------------------------


def test_new_pages_validate_and_build_strict_without_a_problem(tmp_path):
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: New wiki\ntheme: {name: material}\nplugins: [search, {journeys: {today: 2026-11-22}}]\n",
        encoding="utf-8")
    written = []
    for kind, name in (("journey", "Weekend camping trip"), ("persona", "Li Wei"),
                       ("department", "Campsite operations")):
        result = run("new", kind, name, cwd=tmp_path, how="script")
        assert result.returncode == 0, result.stderr
        written.append(result.stdout.strip())
    assert written == ["docs/journeys/weekend-camping-trip.md", "docs/personas/li-wei.md",
                       "docs/departments/campsite-operations.md"]
    result = run("validate", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (0, ""), result.stdout
    built = build_site(tmp_path, {}, strict=True)
    assert not built.aborted, built.warnings
    assert map_table(built.content("journeys/weekend-camping-trip.md")) is not None


def test_new_pages_explain_every_field_and_their_commented_examples_are_valid(tmp_path):
    assert run("new", "journey", "Example", "--dir", "docs/drafts", cwd=tmp_path).returncode == 0
    journey = (tmp_path / "docs/drafts/example.md").read_text(encoding="utf-8")
    for key in {*JOURNEY_KEYS, *STAGE_KEYS, *STEP_KEYS, *TOUCHPOINT_KEYS, *OPPORTUNITY_KEYS}:
        assert re.search(rf"^\s*(# )?\s*(- )?{key}:", journey, re.M), key
    # Uncomment every example field, naming a persona and a department that exist: still valid.
    uncommented = re.sub(r"^(\s*)# (?=\s*(- )?[a-z_]+:)", r"\1", journey, flags=re.M)
    uncommented = uncommented.replace("persona-id", "example").replace("department-id", "example")
    assert "# opportunities:" not in uncommented and "  opportunities:" in uncommented
    pages = tmp_path / "wiki"
    (pages / "docs/journeys").mkdir(parents=True)
    (pages / "docs/journeys/example.md").write_text(uncommented, encoding="utf-8")
    for kind in ("persona", "department"):
        assert run("new", kind, "Example", cwd=pages).returncode == 0
    # format 2: the pages, picture and research page the examples link to (from the docs folder)
    for name in ("Current state", "Customer lifecycle", "Finds us in detail"):
        assert run("new", "journey", name, cwd=pages).returncode == 0
    (pages / "docs/images").mkdir()
    (pages / "docs/images/finds-us.jpg").write_bytes(b"\xff\xd8\xff")
    (pages / "docs/research").mkdir()
    (pages / "docs/research/interviews.md").write_text("# Interviews\n\n## Search\n", encoding="utf-8")
    result = run("validate", cwd=pages)
    assert (result.returncode, result.stdout) == (0, ""), result.stdout


def test_new_never_overwrites_a_file(tmp_path):
    assert run("new", "persona", "Li Wei", cwd=tmp_path).returncode == 0
    target = tmp_path / "docs/personas/li-wei.md"
    target.write_text("---\npersona: {name: Mine}\n---\nMy own words.\n", encoding="utf-8")
    result = run("new", "persona", "li wei", cwd=tmp_path, how="script")
    assert result.returncode == 2
    assert "li-wei.md" in result.stderr and "already exists" in result.stderr
    assert target.read_text(encoding="utf-8").endswith("My own words.\n")


def test_new_with_a_name_without_letters_is_refused(tmp_path):
    result = run("new", "journey", "!!!", cwd=tmp_path)
    assert result.returncode == 2 and "letters or digits" in result.stderr
    assert not (tmp_path / "docs").exists() or not any((tmp_path / "docs").rglob("*.md"))


def test_new_keeps_non_latin_names_and_quotes_yaml_specials(tmp_path):
    for name in ("周末露营", "Café: bar & grill"):
        result = run("new", "journey", name, cwd=tmp_path)
        assert result.returncode == 0, result.stderr
    assert (tmp_path / "docs/journeys/周末露营.md").is_file()
    text = (tmp_path / "docs/journeys/café-bar-grill.md").read_text(encoding="utf-8")
    assert 'title: "Café: bar & grill"' in text
    assert run("validate", cwd=tmp_path).returncode == 0


# -- export ------------------------------------------------------------------------------------


def test_export_equals_the_built_sample_wikis_exports(sample_wiki):
    """The command's export of the repository's wiki and the build's (conftest's sample_wiki,
    built from the same mkdocs.yml) are the same bytes."""
    for fmt in ("json", "csv"):
        result = subprocess.run([str(SCRIPT), "export", "--format", fmt], cwd=REPO, capture_output=True, timeout=120)
        assert result.returncode == 0, result.stderr
        built = (sample_wiki.site_dir / "opportunities" / f"opportunities.{fmt}").read_bytes()
        assert result.stdout == built, fmt
    records = json.loads((sample_wiki.site_dir / "opportunities/opportunities.json").read_text(encoding="utf-8"))
    assert len(records) >= 10 and all(record["journey_url"] for record in records)


@pytest.mark.parametrize("use_directory_urls, site_url", [(False, ""), (True, "https://wiki.example.org/cx/")])
def test_export_follows_urls_settings_index_pages_and_generated_pages(tmp_path, use_directory_urls, site_url):
    pages = {**good_wiki(), "index.md": "# Home\n", "tracker.md": "# Tracker\n\n<!-- journey:opportunities -->\n",
             "journeys/README.md": "# Journeys\n",
             "journeys/other.md": journey_page("Other trip", owner="night-shift", opportunities=[
                 {"title": "Light the path", "owner": "night-shift", "at": "arrival"},
                 {"title": "Sign the gate", "id": "gate", "owner": "operations", "status": "done"}])}
    config = {"use_directory_urls": use_directory_urls, **({"site_url": site_url} if site_url else {})}
    built = build_site(tmp_path, pages, config=config)
    for fmt in ("json", "csv"):
        result = subprocess.run([sys.executable, "-m", "mkdocs_journeys", "export", "--format", fmt], cwd=tmp_path,
                                capture_output=True, timeout=120)
        assert result.returncode == 0, result.stderr
        assert result.stdout == (built.site_dir / "opportunities" / f"opportunities.{fmt}").read_bytes(), fmt
    records = json.loads((built.site_dir / "opportunities/opportunities.json").read_text(encoding="utf-8"))
    light = next(r for r in records if r["title"] == "Light the path")
    assert light["owner_url"].endswith("departments/night-shift/" if use_directory_urls else
                                       "departments/night-shift.html")  # a generated page
    assert light["url"].startswith(site_url + ("tracker/" if use_directory_urls else "tracker.html"))
    rows = list(csv.DictReader(io.StringIO((built.site_dir / "opportunities/opportunities.csv")
                                           .read_text(encoding="utf-8"))))
    assert len(rows) == len(records) == 3


@pytest.mark.parametrize("src, directory_urls, expected", [
    ("index.md", True, "./"), ("index.md", False, "index.html"),
    ("a/index.md", True, "a/"), ("a/README.md", True, "a/"), ("a/README.md", False, "a/index.html"),
    ("a/b.md", True, "a/b/"), ("a/b.md", False, "a/b.html"), ("a/b.markdown", True, "a/b/"),
    ("journeys/营地.md", True, "journeys/%E8%90%A5%E5%9C%B0/"), ("img/x y.png", True, "img/x%20y.png"),
])
def test_page_url_follows_mkdocs(src, directory_urls, expected):
    assert page_url(src, directory_urls) == expected


# -- schema ------------------------------------------------------------------------------------


def test_schema_prints_the_json_schema(tmp_path):
    result = run("schema", cwd=tmp_path, how="script")
    assert result.returncode == 0
    printed = json.loads(result.stdout)
    assert printed == front_matter_schema()
    jsonschema.Draft7Validator.check_schema(printed)
    assert set(printed["definitions"]) >= {"journey", "stage", "step", "opportunity", "persona", "department"}


# -- the pre-commit hook -------------------------------------------------------------------------


def test_the_pre_commit_hook_runs_validate_on_the_whole_wiki(tmp_path, bad_build):
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hook = next(h for h in hooks if h["id"] == "mkdocs-journeys-validate")
    assert hook["language"] == "python" and hook["pass_filenames"] is False
    files = re.compile(hook["files"])
    for path in ("docs/journeys/camping.md", "mkdocs.yml", "docs/notes.markdown"):
        assert files.search(path), path
    assert not files.search("docs/img/map.png")
    # pre-commit runs the entry from the hook's environment (the package installed), in the
    # repository's top folder, with the hook's args and no file names.
    command = hook["entry"].split()
    assert shutil.which(command[0], path=str(SCRIPT.parent))
    environment = {**os.environ, "PATH": f"{SCRIPT.parent}{os.pathsep}{os.environ.get('PATH', '')}"}  # + cache home
    failing = subprocess.run(command, cwd=bad_build.root, capture_output=True, text=True, env=environment)
    assert failing.returncode == 1 and failing.stdout.splitlines() == plugin_messages(bad_build)
    build_site(tmp_path, good_wiki())
    passing = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, env=environment)
    assert passing.returncode == 0, passing.stdout
