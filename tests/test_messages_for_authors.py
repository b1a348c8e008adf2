"""Messages for authors who are not programmers: YAML errors say what to do, in plain words,
on the line to change; an unknown reference suggests the nearest existing one."""

from __future__ import annotations

import pytest
import yaml

from mkdocs_journeys.core.documents import read_document
from mkdocs_journeys.core.suggest import did_you_mean, nearest
from mkdocs_journeys.core.yaml_errors import explain
from sample_pages import journey_data, supporting_pages
from support.bad_pages import line_number
from support.building import page
from support.core_site import read_site

# A journey page of 26 lines; the mistakes below are written into one of its lines.
JOURNEY = """\
---
title: Weekend camping trip
journey:
  type: purchase
  scope: key
  personas:
    - urban-camper
  owner: operations
  scenario: Two families plan a weekend
  goals:
    - Relax with the children
  stages:
    - name: Research
      id: research
      steps:
        - name: Read online guides
          id: guides
          emotion: 1
          thoughts: Are these photos real?
          pain_points:
            - Photos look better than reality
    - name: Arrival
      steps:
        - name: Find the site
---

Narrative.
"""


def broken(old: str, new: str) -> str:
    assert JOURNEY.count(old) == 1, old
    return JOURNEY.replace(old, new)


def front_matter_problem(text: str):
    problems = [p for p in read_document("journeys/trip.md", text).problems if p.field == "front matter"]
    assert len(problems) == 1, problems
    return problems[0]


# What each mistake must be called, the words that say what to do, and the line to change.
MISTAKES = {
    "colon-inside-a-text": (broken("scenario: Two families plan", "scenario: Two families: plan"),
                            "scenario: Two families:", ["colon", "put the text in quotes",
                                                        "all of it after 'scenario:'"]),
    "colon-inside-a-list-item": (broken("- Relax with the children", "- Relax: with the children: all day"),
                                 "- Relax: with", ["colon", "put the text in quotes",
                                                   "all of it after '- '"]),
    "line-indented-too-far": (broken("  owner: operations", "     owner: operations"), "     owner: operations",
                              ["indentation"]),
    "key-indented-too-little": (broken("          id: guides", "         id: guides"), "         id: guides",
                                ["indentation"]),
    "list-item-among-keys": (broken("  owner: operations", "  - operations"), "  - operations", ["indentation"]),
    "missing-colon-on-line-19": (broken("thoughts: Are these", "thoughts Are these"), "thoughts Are these",
                                 ["colon", "'key: value'"]),
    "missing-colon-before-a-list": (broken("          pain_points:\n", "          pain_points\n"),
                                    "pain_points", ["colon", "'key: value'"]),
    "tab-in-the-indentation": (broken("  scope: key", "\tscope: key"), "\tscope: key", ["tab", "spaces"]),
    "quote-never-closed": (broken("scenario: Two families", 'scenario: "Two families'), 'scenario: "Two',
                           ["quote", "close"]),
    "text-after-a-closing-quote": (broken("scenario: Two families plan a weekend", "scenario: 'Two' families"),
                                   "scenario: 'Two' families", ["quote", "twice"]),
    "bracket-never-closed": (broken("  personas:\n    - urban-camper\n", "  personas: [urban-camper\n"),
                             "personas: [urban-camper", ["'['", "']'", "quotes"]),
    "star-at-the-start-of-a-text": (broken("scenario: Two families", "scenario: *Two families"),
                                    "scenario: *Two", ["'*'", "quotes"]),
    "at-sign-at-the-start-of-a-text": (broken("scenario: Two families", "scenario: @Two families"),
                                       "scenario: @Two", ["'@'", "quotes"]),
}


@pytest.mark.parametrize("mistake", MISTAKES, ids=list(MISTAKES))
def test_a_yaml_mistake_is_told_in_plain_words_on_its_own_line(mistake):
    text, marker, words = MISTAKES[mistake]
    problem = front_matter_problem(text)
    assert problem.line == line_number(text, marker), problem.message
    message = problem.message.lower()
    for word in words:
        assert word.lower() in message, (word, problem.message)
    assert "mapping values" not in message and "simple key" not in message, "PyYAML's jargon"


def test_the_missing_colon_is_reported_on_line_19_not_20():
    text = broken("thoughts: Are these", "thoughts Are these")
    assert text.splitlines()[18].strip().startswith("thoughts Are")
    assert front_matter_problem(text).line == 19


@pytest.mark.parametrize("loader", [yaml.SafeLoader, yaml.CSafeLoader], ids=["pyyaml", "libyaml"])
@pytest.mark.parametrize("mistake", MISTAKES, ids=list(MISTAKES))
def test_both_yaml_parsers_errors_get_the_same_advice(loader, mistake):
    """PyYAML and libyaml word their errors differently: the explanation is the same."""
    text, marker, words = MISTAKES[mistake]
    yaml_text = text.split("---\n")[1]
    with pytest.raises(yaml.MarkedYAMLError) as caught:
        yaml.load(yaml_text, Loader=loader)
    explained = explain(caught.value, yaml_text)
    assert explained.line is not None and explained.line + 2 == line_number(text, marker)
    said = f"{explained.found}; {explained.expected}".lower()
    for word in words:
        assert word.lower() in said, (word, said)


# -- suggestions ------------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "known", "suggested"), [
    ("ana-csta", ["ana-costa", "li-wei", "operations"], "ana-costa"),
    ("Ana-Costa", ["ana-costa", "li-wei"], "ana-costa"),
    ("urban-campr", ["urban-camper", "grandparent"], "urban-camper"),
    ("operation", ["operations", "marketing"], "operations"),
    ("arrival/find-site", ["research", "arrival", "research/guides", "arrival/find-the-site"], "arrival/find-the-site"),
    ("zzzz", ["ana-costa", "li-wei"], None),
    ("ghost", [], None),
])
def test_the_nearest_existing_name_is_suggested(name, known, suggested):
    assert nearest(name, known) == suggested
    hint = did_you_mean(name, known)
    assert hint == (f" (did you mean '{suggested}'?)" if suggested and suggested != name else "")


def wiki_messages(**journey_changes) -> list[str]:
    pages = {**supporting_pages(), "personas/ana-costa.md": page({"persona": {"name": "Ana Costa"}}),
             "journeys/trip.md": page({"title": "Trip", "journey": {**journey_data(), **journey_changes}})}
    return read_site(pages).messages


def message_about(messages: list[str], field: str) -> str:
    found = [m for m in messages if f" {field}: " in m]
    assert len(found) == 1, (field, messages)
    return found[0]


@pytest.mark.parametrize(("changes", "field", "suggested"), [
    ({"personas": ["urban-camper", "ana-csta"]}, "journey.personas[1]", "ana-costa"),
    ({"owner": "operation"}, "journey.owner", "operations"),
    ({"sources": ["reserch.md"]}, "journey.sources[0]", "research.md"),
])
def test_an_unknown_id_or_page_suggests_the_nearest_existing_one(changes, field, suggested):
    message = message_about(wiki_messages(**changes), field)
    assert f"did you mean '{suggested}'?" in message


def test_an_unknown_place_of_an_opportunity_suggests_the_nearest_stage_or_step():
    data = journey_data()
    opportunity = data["opportunities"][0]
    for at, suggested in (("arival", "arrival"), ("arrival/find-site", "arrival/find-the-site"),
                          ("research/find-the-site", "arrival/find-the-site")):
        message = message_about(wiki_messages(opportunities=[{**opportunity, "at": at}]), "journey.opportunities[0].at")
        assert f"did you mean '{suggested}'?" in message, message


def test_an_unknown_persona_of_an_emotion_suggests_a_persona_of_the_journey():
    stages = journey_data()["stages"]
    stages[0]["steps"][0]["emotion"] = {"urban-campr": 1}
    message = message_about(wiki_messages(stages=stages), "journey.stages[0].steps[0].emotion.urban-campr")
    assert "did you mean 'urban-camper'?" in message


def test_nothing_is_suggested_when_no_name_is_close():
    message = message_about(wiki_messages(personas=["urban-camper", "zz"]), "journey.personas[1]")
    assert "did you mean" not in message
