"""Issue 17: hostile configuration. Plugin options, SOURCE_DATE_EPOCH and the other
environment variables, and label overrides that reach page titles: the build and the
command line refuse the same values with the same names, nothing crashes, nothing is
written outside the site, and no label becomes live HTML."""

from __future__ import annotations

import json
from datetime import date

import pytest

from conftest import build_site
from hostile_checks import assert_clean_failure, assert_docs_as_written, run_cli, run_mkdocs_build
from mkdocs_journeys.core.clock import BuildDateError, date_from_epoch
from sample_pages import journey_page, supporting_pages

TODAY = "2026-11-22"
XSS = "<img src=x onerror=alert(1)>"


def wiki() -> dict[str, str]:
    return {"journeys/camping.md": journey_page(), **supporting_pages()}


# -- one definition of each option, the same verdict from the build and the CLI ----------------

BAD_OPTIONS = [
    pytest.param({"lanes": 5}, "lanes", "found 5", id="lanes-number"),
    pytest.param({"labels": ["a"]}, "labels", "found a list", id="labels-list"),
    pytest.param({"language": 5}, "language", "found 5", id="language-number"),
    pytest.param({"enabled": "no"}, "enabled", "found 'no'", id="enabled-quoted-no"),
    pytest.param({"search_lanes": ["emotion"]}, "search_lanes", "found 'emotion'", id="search-lanes-emotion"),
    pytest.param({"opportunities": ""}, "opportunities", "found ''", id="opportunities-empty"),
    pytest.param({"opportunities": "a/../../b"}, "opportunities", "found 'a/../../b'", id="opportunities-dotdot"),
    pytest.param({"opportunities": "a\x00b"}, "opportunities", "found 'a", id="opportunities-control-char"),
    pytest.param({"generate_pages": "yes"}, "generate_pages", "found 'yes'", id="generate-pages-text"),
    pytest.param({"stale_after_days": True}, "stale_after_days", "found true", id="stale-days-boolean"),
    pytest.param({"stale_after_days": -3}, "stale_after_days", "found -3", id="stale-days-negative"),
    pytest.param({"today": "2026-02-30"}, "today", "found '2026-02-30'", id="today-no-such-day"),
    pytest.param({"lanes": ["actions", "actions"]}, "lanes", "twice", id="lanes-twice"),
    pytest.param({"labels": {"lane.actions": 5}}, "labels", "found 5", id="label-not-text"),
    pytest.param({"labels": {1: "x"}}, "labels", "found 1", id="label-name-number"),
]


@pytest.mark.parametrize("options, option, found", BAD_OPTIONS)
def test_a_bad_option_stops_the_build_and_the_cli_naming_it(tmp_path, options, option, found):
    pages = wiki()
    built = build_site(tmp_path, pages, plugin_config={"today": TODAY, **options})
    assert built.aborted
    config_errors = [w for w in built.warnings if f"'{option}'" in w]
    assert config_errors and found in config_errors[0], built.warnings
    assert not built.site_dir.exists() or not any(built.site_dir.rglob("*.html"))
    assert_docs_as_written(built, pages)
    # export reads the options through the same Project.load as validate (one case shows it)
    for command in ("validate", "export") if option == "lanes" else ("validate",):
        result = run_cli(command, cwd=tmp_path)
        assert_clean_failure(result, f"option `{option}`", found, "mkdocs.yml")
        assert result.stdout == ""
    assert_docs_as_written(built, pages)


@pytest.mark.parametrize("options", [5, ["a", "b"]])
def test_options_that_are_not_a_mapping_stop_the_cli_as_the_build(tmp_path, options):
    pages = wiki()
    built = build_site(tmp_path, pages, plugin_config=options)  # `- journeys: 5`
    assert built.aborted
    assert_clean_failure(run_cli("validate", cwd=tmp_path), "must be a mapping")
    assert_docs_as_written(built, pages)


def test_the_enabled_option_from_an_env_tag_is_checked_by_both(tmp_path):
    """`enabled: !ENV [JOURNEYS, true]` (as the README suggests) with JOURNEYS=maybe."""
    pages = wiki()
    built = build_site(tmp_path, pages)
    config = (tmp_path / "mkdocs.yml").read_text(encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        config.replace("today: '2026-11-22'", "today: '2026-11-22'\n    enabled: !ENV [JOURNEYS, true]"),
        encoding="utf-8")
    assert "!ENV" in (tmp_path / "mkdocs.yml").read_text(encoding="utf-8")
    result = run_cli("validate", cwd=tmp_path, env={"JOURNEYS": "maybe"})
    assert_clean_failure(result, "option `enabled`", "found 'maybe'")
    build = run_mkdocs_build(tmp_path, {"JOURNEYS": "maybe"})
    assert build.returncode == 1 and "'enabled'" in build.stderr and "Traceback" not in build.stderr
    assert run_cli("validate", cwd=tmp_path, env={"JOURNEYS": "true"}).returncode == 0


WARNED_OPTIONS = [
    pytest.param({"colour": "red"}, "colour", "Unrecognised configuration name", id="unknown-option"),
    pytest.param({"labels": {"index.titel": "Ideas"}}, "labels", "did you mean index.title?", id="unknown-label"),
    pytest.param({"language": "tlh"}, "language", "no labels in 'tlh'", id="language-without-labels"),
]


@pytest.mark.parametrize("options, option, said", WARNED_OPTIONS)
def test_an_option_that_changes_nothing_is_a_warning_in_both(tmp_path, options, option, said):
    pages = wiki()
    built = build_site(tmp_path, pages, plugin_config={"today": TODAY, **options})
    assert not built.aborted  # not strict: the site is built, with the warning
    assert any(f"'{option}'" in w and said in w for w in built.warnings), built.warnings
    assert built.output_path("journeys/camping.md").exists()
    if option == "colour":  # one strict build shows config warnings stop it (MkDocs' rule for all)
        assert build_site(tmp_path, pages, plugin_config={"today": TODAY, **options}, strict=True).aborted
    result = run_cli("validate", cwd=tmp_path)
    assert result.returncode == 1 and "Traceback" not in result.stderr  # as `mkdocs build --strict`
    assert f"option `{option}`" in result.stderr and said in result.stderr
    assert_docs_as_written(built, pages)


# -- SOURCE_DATE_EPOCH and the other environment variables ---------------------------------------


@pytest.mark.parametrize("epoch, said", [
    ("tomorrow", "must be a whole number of seconds"),
    ("1.5e9", "must be a whole number of seconds"),
    ("1_700_000_000", "must be a whole number of seconds"),
    ("9" * 30, "must be a whole number of seconds"),
    ("99999999999999999", "not a day between the years 1 and 9999"),
    ("-99999999999999999", "not a day between the years 1 and 9999"),
])
def test_a_bad_source_date_epoch_is_named_by_the_build_and_the_cli(tmp_path, monkeypatch, epoch, said):
    pages = wiki()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    built = build_site(tmp_path, pages, plugin_config={"stale_after_days": 365})  # no `today`
    assert built.aborted
    messages = [w for w in built.warnings if "SOURCE_DATE_EPOCH" in w]
    assert messages and said in messages[0] and "today" not in messages[0], built.warnings
    assert_docs_as_written(built, pages)
    assert_clean_failure(run_cli("validate", cwd=tmp_path), "SOURCE_DATE_EPOCH", said)


def test_a_bad_source_date_epoch_is_named_even_when_the_today_option_is_set(tmp_path, monkeypatch):
    """MkDocs reads SOURCE_DATE_EPOCH for its own page dates and would stop with a traceback:
    the plugin names the variable first, and the CLI refuses it as the build does."""
    pages = wiki()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "not a number")
    built = build_site(tmp_path, pages, plugin_config={"today": TODAY})
    assert built.aborted
    assert any("SOURCE_DATE_EPOCH" in w and "'not a number'" in w for w in built.warnings), built.warnings
    assert_clean_failure(run_cli("validate", cwd=tmp_path), "SOURCE_DATE_EPOCH")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "")  # set but empty: MkDocs' int('') would fail too
    assert build_site(tmp_path, pages, plugin_config={"today": TODAY}).aborted
    assert_docs_as_written(built, pages)


@pytest.mark.parametrize("epoch, day", [("0", date(1970, 1, 1)), ("-86400", date(1969, 12, 31)),
                                        ("253402300799", date(9999, 12, 31)), (" 1767225600 ", date(2026, 1, 1))])
def test_source_date_epoch_at_the_edges_of_the_calendar(epoch, day):
    assert date_from_epoch(epoch) == day


def test_source_date_epoch_past_the_calendar_is_a_build_date_error():
    with pytest.raises(BuildDateError, match="SOURCE_DATE_EPOCH"):
        date_from_epoch("253402300800")  # 10000-01-01


def test_an_unwritable_timings_file_is_a_warning_naming_the_variable(tmp_path, monkeypatch):
    pages = wiki()
    monkeypatch.setenv("MKDOCS_JOURNEYS_TIMINGS", str(tmp_path / "no-such-folder" / "timings.json"))
    built = build_site(tmp_path, pages, plugin_config={"today": TODAY})
    assert not built.aborted
    assert any("MKDOCS_JOURNEYS_TIMINGS" in w for w in built.warnings), built.warnings
    assert built.output_path("journeys/camping.md").exists()
    assert_docs_as_written(built, pages)


# -- label overrides and generated titles stay text -------------------------------------------


def test_a_label_override_in_a_generated_title_is_text_everywhere(tmp_path):
    pages = {**wiki(), "about.md": "# About\n\nA plain page.\n"}
    built = build_site(tmp_path, pages, plugin_config={"today": TODAY, "labels": {"index.title": XSS}}, strict=True)
    assert not built.aborted, built.warnings
    for html_file in built.site_dir.rglob("*.html"):
        html = html_file.read_text(encoding="utf-8")
        assert "<img src=x" not in html and "<img src=\"x\"" not in html, html_file
    index = built.soup("opportunities/index.md")
    assert XSS in index.title.get_text()  # shown as the text it is
    assert XSS in index.select_one("article h1").get_text()
    about = built.soup("about.md")  # every page's navigation lists the index
    assert any(link.get_text(strip=True) == XSS for link in about.select("nav a"))
    search = json.loads((built.site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert not any("<img" in doc["title"] for doc in search["docs"])
    assert_docs_as_written(built, pages)
